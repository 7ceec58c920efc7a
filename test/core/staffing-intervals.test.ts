/**
 * Staffed against required per channel and interval, computed by hand: a 15-minute interval with 50 calls of
 * 180 s needs 14 agents for 80 % in 20 s (A = 10 erlangs, the published Erlang C table), and staffed agents are
 * the time-weighted mean over the interval.
 */
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../src/core/model/types';
import { defaultStandards } from '../../src/core/standards/defaults';
import { staffingByInterval } from '../../src/core/standards/staffing-intervals';
import { testEngine } from '../helpers/engine';

const DAY = Date.parse('2026-03-04T00:00:00Z');
const MIN = 60_000;

describe('staffing by interval', () => {
  it('gives required (Erlang C) and the mean staffed per channel and interval, the current one up to now', () => {
    const contacts: Contact[] = Array.from({ length: 50 }, (_, i) => {
      const q = DAY + i * 18_000; // 50 calls over the first 15 minutes
      return { id: `v${i}`, channel: 'voice', queue: 'Billing', agentId: 'a1', queuedAt: q, answeredAt: q + 5000, firstResponseAt: null, abandonedAt: null, endedAt: q + 185_000, wrapupEndAt: null };
    });
    const voice = { voice: 1 };
    const r = staffingByInterval(defaultStandards('UTC'), {
      now: DAY + 40 * MIN,
      dayStart: DAY,
      intervalMinutes: 15,
      contacts,
      agentIntervals: [
        { agentId: 'a1', state: 'available', start: DAY - 60 * MIN, end: null, capacity: voice },
        { agentId: 'a2', state: 'on-contact', start: DAY + 5 * MIN, end: DAY + 20 * MIN, capacity: voice },
        { agentId: 'a2', state: 'offline', start: DAY + 20 * MIN, end: null, capacity: voice },
        { agentId: 'a3', state: 'not-ready', start: DAY, end: null, capacity: voice },
      ],
    });
    const v = r.rows.filter((x) => x.channel === 'voice');
    // 00:00: a1 15 min + a2 10 min = 25/15 = 1.7 staffed; 00:15: 15 + 5 = 20/15 = 1.3; 00:30 (10 min so far): 1.0
    expect(v).toEqual([
      { channel: 'voice', start: DAY, arrivals: 50, ahtSeconds: 180, required: 14, staffed: 1.7 },
      { channel: 'voice', start: DAY + 15 * MIN, arrivals: 0, ahtSeconds: 180, required: 0, staffed: 1.3 },
      { channel: 'voice', start: DAY + 30 * MIN, arrivals: 0, ahtSeconds: 180, required: 0, staffed: 1 },
    ]);
    expect(r.rows.filter((x) => x.channel === 'chat').map((x) => [x.required, x.staffed])).toEqual([[0, 0], [0, 0], [0, 0]]);
  });

  it('is served by the engine from the stored agent intervals and today\'s contacts', () => {
    const t = testEngine(DAY + 20 * MIN);
    const lines = [
      { v: 1, type: 'agent.state', ts: DAY, agentId: 'a1', state: 'available', capacity: { voice: 1 } },
      { v: 1, type: 'contact.queued', ts: DAY + 60_000, contactId: 'c1', queue: 'Billing', channel: 'voice' },
      { v: 1, type: 'contact.answered', ts: DAY + 70_000, contactId: 'c1', agentId: 'a1' },
      { v: 1, type: 'agent.state', ts: DAY + 70_000, agentId: 'a1', state: 'on-contact', capacity: { voice: 1 } },
      { v: 1, type: 'contact.ended', ts: DAY + 250_000, contactId: 'c1' },
    ].map((e, i) => ({ position: i + 1, text: JSON.stringify(e) }));
    t.engine.ingestNdjson('s', lines);
    const r = t.engine.handlers['standards/staffing']({});
    const first = r.rows.find((x) => x.channel === 'voice' && x.start === DAY)!;
    // one call of 180 s in 15 minutes: 0.2 erlangs, 1 agent; a1 staffed all through
    expect(first).toMatchObject({ arrivals: 1, ahtSeconds: 180, required: 1, staffed: 1 });
    t.close();
  });
});
