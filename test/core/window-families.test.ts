/**
 * The handling, outcome and agent-time families of `metrics/window`, worked out by hand on a small hour, the same
 * from the contacts in memory and from the store's SQL tallies, per center, channel and queue.
 */
import { describe, expect, it } from 'vitest';
import { readAgentTime } from '../../src/core/metrics/agent-time';
import { metricsForContacts, storedMetrics } from '../../src/core/metrics/window-metrics';
import type { Contact } from '../../src/core/model/types';
import { openDatabase } from '../../src/core/store/database';
import { createStoreWriter } from '../../src/core/store/store-writer';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (s: number) => T0 + s * 1000;
const base = { agentId: null, firstResponseAt: null, abandonedAt: null, endedAt: null, wrapupEndAt: null, answeredAt: null, csat: null, nps: null, resolvedAt: null, firstContactResolution: null };

const contacts: Contact[] = [
  // handled 10 s -> 160 s (wrap-up end): 150 s; CSAT 5 (satisfied), NPS 10 (promoter), resolved on the first contact
  { ...base, id: 'c1', channel: 'voice', queue: 'Sales', queuedAt: at(0), answeredAt: at(10), endedAt: at(130), wrapupEndAt: at(160), csat: 5, nps: 10, resolvedAt: at(200), firstContactResolution: true },
  // handled 90 s -> 300 s (end, no wrap-up): 210 s; CSAT 3, NPS 7 (passive), resolved, not on the first contact
  { ...base, id: 'c2', channel: 'voice', queue: 'Sales', queuedAt: at(60), answeredAt: at(90), endedAt: at(300), csat: 3, nps: 7, resolvedAt: at(400), firstContactResolution: false },
  // ends and is resolved after the window's end: neither handled nor resolved by then; CSAT 4, NPS 3 (detractor)
  { ...base, id: 'c3', channel: 'chat', queue: 'Help', queuedAt: at(120), answeredAt: at(200), endedAt: at(4000), csat: 4, nps: 3, resolvedAt: at(5000), firstContactResolution: true },
  { ...base, id: 'c4', channel: 'voice', queue: 'Sales', queuedAt: at(30), abandonedAt: at(60) },
];

function store() {
  const db = openDatabase({ path: ':memory:' });
  const writer = createStoreWriter(db);
  const insert = db.prepare(
    `INSERT INTO contacts (id, channel, queue, agent_id, queued_at, answered_at, first_response_at, abandoned_at, ended_at, wrapup_end_at, csat, nps, resolved_at, first_contact)
     VALUES (@id, @channel, @queue, @agentId, @queuedAt, @answeredAt, @firstResponseAt, @abandonedAt, @endedAt, @wrapupEndAt, @csat, @nps, @resolvedAt, @first)`,
  );
  for (const c of contacts) insert.run({ ...c, first: c.firstContactResolution === null ? null : Number(c.firstContactResolution) });
  db.prepare(`INSERT INTO agents (id, name, capacity) VALUES ('a1', 'A1', '{"voice":1}'), ('a2', 'A2', '{"chat":2}'), ('a3', 'A3', '{"voice":1}')`).run();
  const state = db.prepare('INSERT INTO agent_states (agent_id, state, start_at, end_at) VALUES (?, ?, ?, ?)');
  // a1 (voice): available 600 s, on a contact 1,200 s, wrap-up 600 s, not ready 600 s, then offline
  state.run('a1', 'available', at(0), at(600));
  state.run('a1', 'on-contact', at(600), at(1800));
  state.run('a1', 'after-contact-work', at(1800), at(2400));
  state.run('a1', 'not-ready', at(2400), at(3000));
  state.run('a1', 'offline', at(3000), null);
  // a2 (chat): available since an hour before the window, still open: 3,600 s in it
  state.run('a2', 'available', at(-3600), null);
  // a3 (voice): not ready since 13 hours before, never said again: silent 12 hours after it began, so no time here
  state.run('a3', 'not-ready', at(-13 * 3600), null);
  return { db, writer };
}

const window = { from: at(0), to: at(3600), shortAbandonSeconds: 5 };

describe('the families of a window', () => {
  it('are the hand-computed figures, in memory and in SQL alike', () => {
    const { db, writer } = store();
    const rows = (by: 'center' | 'channel' | 'queue') => {
      const o = { ...window, by };
      const sql = storedMetrics(writer, o);
      expect(metricsForContacts(contacts, writer.queues(), o, readAgentTime(writer, o.from)), by).toEqual(sql);
      return sql;
    };
    const [center] = rows('center');
    // AHT (150 + 210) / 2 = 180 s; CSAT 2 of 3 (5 and 4); NPS (1 promoter - 1 detractor) / 3 = 0; FCR 1 of 2 resolved
    // agent time: available 600 + 3,600, handling 1,200 + 600, not ready 600: staffed 6,600 s;
    // occupancy 1,800 / 6,000 = 0.3; not ready 600 / 6,600 = 1/11
    expect(center).toMatchObject({ handled: 2, ahtSeconds: 180, csatAnswers: 3, csat: 2 / 3, npsAnswers: 3, nps: 0, resolved: 2, fcr: 0.5, staffedSeconds: 6600, occupancy: 0.3, notReadyShare: 1 / 11 });
    const [chat, voice] = rows('channel');
    // voice: c1, c2, c4 and agent a1 (a3 silent): occupancy 1,800 / 2,400; not ready 600 / 3,000; NPS (1 - 0) / 2 x 100
    expect(voice).toMatchObject({ key: 'voice', handled: 2, ahtSeconds: 180, csat: 0.5, nps: 50, fcr: 0.5, staffedSeconds: 3000, occupancy: 0.75, notReadyShare: 0.2 });
    // chat: c3 only (not done, not resolved by the end) and agent a2, available all along
    expect(chat).toMatchObject({ key: 'chat', handled: 0, ahtSeconds: null, csat: 1, nps: -100, resolved: 0, fcr: null, staffedSeconds: 3600, occupancy: 0, notReadyShare: 0 });
    // a queue has no agent time: agents are not assigned to queues
    for (const q of rows('queue')) expect(q, q.key).toMatchObject({ staffedSeconds: null, occupancy: null, notReadyShare: null });
    db.close();
  });
});
