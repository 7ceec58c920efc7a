import { LONGEST_WAITING_LIMIT, type Envelope } from '../../src/shared/api';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/core/api/dispatch';
import { at, ev, lines, T0 } from '../helpers/events';
import { tempDbPath, testEngine } from '../helpers/engine';
import { manualClock } from '../../src/core/clock';
import { createEngine } from '../../src/core/engine';
import { openDatabase } from '../../src/core/store/database';

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
});
function setup(start = at(0), center = {}) {
  const t = testEngine(start, center);
  cleanup.push(t.close);
  return t;
}

// The same hand-computed case as contact-metrics.test.ts, fed live through the NDJSON ingest path:
// SL 1/3, ASA 20 s, abandon rate 1/3, E still waiting (100 s at 600 s).
const day = [
  ev.queue('Billing', 'voice', 20),
  ev.agent(0, 'a1', 'available'),
  ev.queued(0, 'A'),
  ev.queued(0, 'B'),
  ev.answered(10, 'A'),
  ev.answered(30, 'B', 'a2'),
  ev.queued(60, 'C'),
  ev.abandoned(63, 'C'),
  ev.queued(100, 'D'),
  ev.abandoned(150, 'D'),
  ev.queued(500, 'E'),
];

describe('live engine', () => {
  it('computes every live metric of a queue incrementally (hand-computed)', () => {
    const { engine, clock } = setup();
    const r = engine.ingestNdjson('test', lines(day));
    expect(r).toMatchObject({ accepted: day.length, duplicates: 0, quarantined: 0 });
    clock.set(at(600));
    const s = engine.snapshot();
    const q = s.queues.find((x) => x.name === 'Billing')!;
    expect(q).toMatchObject({ offered: 5, answered: 2, abandoned: 2, shortAbandoned: 1, answeredWithinThreshold: 1, waitingNow: 1, thresholdSeconds: 20 });
    expect(q.serviceLevel).toBeCloseTo(1 / 3, 10);
    expect(q.asaSeconds).toBe(20);
    expect(q.abandonRate).toBeCloseTo(1 / 3, 10);
    expect(q.longestWaitNowSeconds).toBe(100);
    expect(q.longestWaitSeconds).toBe(100);
    const voice = s.channels.find((c) => c.channel === 'voice')!;
    expect(voice).toMatchObject({ offered: 5, waitingNow: 1, longestWaitNowSeconds: 100, queues: 1 });
    expect(s.channels.map((c) => c.channel)).toEqual(['voice', 'chat', 'email', 'message']);
    expect(s.lastEventAt).toBe(at(0));
  });

  it('lists the contacts waiting longest, oldest first across queues, each with its queue\'s T', () => {
    const { engine, clock } = setup();
    engine.ingestNdjson('test', lines([
      ...day,
      ev.queue('Chat', 'chat', 60),
      { v: 1, type: 'contact.queued', ts: at(300), contactId: 'F', queue: 'Chat', channel: 'chat' },
      { v: 1, type: 'contact.queued', ts: at(550), contactId: 'G', queue: 'Chat', channel: 'chat' },
      { v: 1, type: 'contact.queued', ts: at(560), contactId: 'H', queue: 'Chat', channel: 'chat' },
      { v: 1, type: 'contact.answered', ts: at(570), contactId: 'H', agentId: 'a1' },
    ]));
    clock.set(at(600));
    // F 300 s (chat, T 60), E 100 s (voice, T 20), G 50 s (chat); H answered, C and D abandoned: not waiting
    expect(engine.snapshot().longestWaiting.contacts).toEqual([
      { queue: 'Chat', channel: 'chat', waitingSeconds: 300, thresholdSeconds: 60 },
      { queue: 'Billing', channel: 'voice', waitingSeconds: 100, thresholdSeconds: 20 },
      { queue: 'Chat', channel: 'chat', waitingSeconds: 50, thresholdSeconds: 60 },
    ]);
    expect(engine.snapshot().longestWaiting.total).toBe(3);
    // the list stops at its limit, oldest first; the total still counts everyone waiting
    engine.ingestNdjson('more', lines(Array.from({ length: 31 }, (_, i) => ({ v: 1, type: 'contact.queued', ts: at(590 + i / 10), contactId: `W${i}`, queue: 'Chat', channel: 'chat' }))));
    const many = engine.snapshot().longestWaiting;
    expect(many.total).toBe(34);
    expect(many.contacts).toHaveLength(LONGEST_WAITING_LIMIT);
    expect(many.contacts[0].waitingSeconds).toBe(300);
    expect(many.contacts.at(-1)!.waitingSeconds).toBeCloseTo(10 - 2.6, 6); // F, E, G, then W0..W26 of W0..W30
  });

  it('agrees with the historical query over the same events', async () => {
    const { engine, clock } = setup();
    engine.ingestNdjson('test', lines(day));
    clock.set(at(600));
    const live = engine.snapshot().queues[0];
    const hist = engine.handlers['metrics/window']({ from: new Date(at(0)).toISOString(), to: new Date(at(600)).toISOString(), by: 'queue' });
    const row = hist.rows[0];
    for (const k of ['offered', 'answered', 'abandoned', 'shortAbandoned', 'serviceLevel', 'asaSeconds', 'abandonRate', 'longestWaitSeconds'] as const) {
      expect(row[k], k).toBe(live[k]);
    }
  });

  it('measures the first response time of async contacts, ignoring automated replies', () => {
    const { engine } = setup();
    engine.ingestNdjson('t', lines([
      ev.queue('Web Chat', 'chat', 60),
      ev.queued(0, 'c1', 'Web Chat', 'chat'),
      ev.responded(5, 'c1', true), // a bot greeting: not a response
      ev.answered(20, 'c1'),
      ev.responded(50, 'c1'),
      ev.queued(0, 'c2', 'Web Chat', 'chat'),
      ev.answered(70, 'c2'),
      ev.responded(90, 'c2'),
    ]));
    const q = engine.snapshot().queues[0];
    expect(q.firstResponses).toBe(2);
    expect(q.avgFirstResponseSeconds).toBe(70); // (50 + 90) / 2
    expect(q.serviceLevel).toBe(0.5); // answered at 20 s (within 60) and 70 s (late)
  });

  it('tracks agents: state, reason, time in state, current contacts and occupancy', () => {
    const { engine, clock } = setup();
    // a1: available 0-60, on contact 60-180, after-contact work 180-200, not ready (Break) 200-300
    engine.ingestNdjson('t', lines([
      ev.agent(0, 'a1', 'available'),
      ev.queued(55, 'X'),
      ev.answered(60, 'X', 'a1'),
      ev.agent(60, 'a1', 'on-contact'),
      ev.ended(180, 'X'),
      ev.agent(180, 'a1', 'after-contact-work'),
      ev.wrapped(200, 'X'),
      ev.agent(200, 'a1', 'not-ready', 'Break'),
    ]));
    clock.set(at(300));
    const s = engine.snapshot();
    expect(s.agents).toHaveLength(1);
    expect(s.agents[0]).toMatchObject({ id: 'a1', name: 'A1', state: 'not-ready', reason: 'Break', since: at(200), contacts: [], channels: ['voice', 'chat'] });
    expect(s.agentsByState['not-ready']).toBe(1);
    // handle 120 + 20 = 140 s, available 60 s -> 140 / 200
    expect(s.occupancy).toBeCloseTo(0.7, 10);
  });

  it('takes an agent silent for 12 hours as off the floor: its last state is history, not the present', () => {
    const H = 3600;
    const path = tempDbPath();
    let t = testEngine(at(0), {}, path);
    // at 09:00: 'old' last said available two days ago (the end of an imported history); 'idle' available since
    // 03:00; 'paused' not ready since 20:00 yesterday (silent from 08:00), then available at 08:59
    t.engine.ingestNdjson('t', lines([
      ev.agent(-48 * H, 'old', 'available'),
      ev.agent(-13 * H, 'paused', 'not-ready', 'Break'),
      ev.agent(-6 * H, 'idle', 'available'),
      ev.agent(-60, 'paused', 'available'),
    ]));
    const check = () => {
      const s = t.engine.snapshot();
      expect(s.agentsByState).toMatchObject({ available: 2, offline: 1, 'not-ready': 0 });
      expect(s.agents.find((a) => a.id === 'old')).toMatchObject({ state: 'offline', since: at(-36 * H) });
      expect(s.channels.find((c) => c.channel === 'voice')!.agents).toMatchObject({ available: 2, offline: 1 });
      // today (from 00:00): not ready 00:00-08:00 of 'paused' over staffed time: that, 'idle' 6 h, 'paused' 1 min
      const share = t.engine.handlers['standards/evaluate']({}).results.find((r) => r.standardId === 'not-ready' && r.key === 'center')!;
      expect(share.figure).toBeCloseTo((8 * 60) / (8 * 60 + 6 * 60 + 1), 10);
      // staffed over 08:45-09:00 (to a tenth): 'idle' all of it, 'paused' its last minute; 'old' none of it (2.1)
      const staffing = t.engine.handlers['standards/staffing']({}).rows.find((r) => r.channel === 'voice' && r.start === at(-15 * 60))!;
      expect(staffing.staffed).toBe(1.1);
    };
    check();
    t.close();
    t = testEngine(at(0), {}, path); // a restart: today's times rebuilt from the stored intervals
    check();
    t.close();
  });

  it('counts an agent on a contact on the tile of that contact\'s channel, and an available one on every channel it serves', () => {
    const { engine } = setup(T0);
    const at = (s: number) => T0 + s * 1000;
    engine.ingestNdjson('t', lines([
      { v: 1, type: 'agent.state', ts: at(0), agentId: 'diana', state: 'available', capacity: { voice: 1, chat: 2 } },
      { v: 1, type: 'agent.state', ts: at(0), agentId: 'bob', state: 'available', capacity: { voice: 1, chat: 2 } },
      { v: 1, type: 'agent.state', ts: at(0), agentId: 'vic', state: 'available', capacity: { voice: 1 } },
      { v: 1, type: 'contact.queued', ts: at(10), contactId: 'c1', queue: 'Web', channel: 'chat' },
      { v: 1, type: 'contact.answered', ts: at(12), contactId: 'c1', agentId: 'diana' },
      { v: 1, type: 'contact.queued', ts: at(20), contactId: 'c2', queue: 'Web', channel: 'chat' },
      { v: 1, type: 'contact.answered', ts: at(22), contactId: 'c2', agentId: 'diana' },
      { v: 1, type: 'agent.state', ts: at(12), agentId: 'diana', state: 'on-contact', capacity: { voice: 1, chat: 2 } },
      { v: 1, type: 'contact.queued', ts: at(30), contactId: 'v1', queue: 'Billing', channel: 'voice' },
      { v: 1, type: 'contact.answered', ts: at(33), contactId: 'v1', agentId: 'vic' },
      { v: 1, type: 'agent.state', ts: at(33), agentId: 'vic', state: 'on-contact', capacity: { voice: 1 } },
    ]));
    const byChannel = Object.fromEntries(engine.snapshot().channels.map((c) => [c.channel, [c.agents.available, c.agents['on-contact']]]));
    // diana on two chats: on contact on chat only; bob available on both; vic on a call
    expect(byChannel).toMatchObject({ voice: [1, 1], chat: [1, 1] });
    expect(engine.snapshot().agentsByState).toMatchObject({ available: 1, 'on-contact': 2 });
    // her chats done, diana takes a call without a state in between: she is on voice, no longer on chat
    engine.ingestNdjson('t2', lines([
      ...['c1', 'c2'].flatMap((contactId) => [
        { v: 1 as const, type: 'contact.ended' as const, ts: at(40), contactId },
        { v: 1 as const, type: 'contact.wrapup-ended' as const, ts: at(41), contactId },
      ]),
      { v: 1, type: 'contact.queued', ts: at(50), contactId: 'v2', queue: 'Billing', channel: 'voice' },
      { v: 1, type: 'contact.answered', ts: at(52), contactId: 'v2', agentId: 'diana' },
    ]));
    const after = Object.fromEntries(engine.snapshot().channels.map((c) => [c.channel, [c.agents.available, c.agents['on-contact']]]));
    expect(after).toMatchObject({ voice: [1, 2], chat: [1, 0] });
  });

  it('lowers the longest wait again when a late answer shortens a wait it counted (ended read before answered)', () => {
    const { engine } = setup(T0 + 20 * 60_000);
    const at = (s: number) => T0 + s * 1000;
    engine.ingestNdjson('t', lines([
      { v: 1, type: 'contact.queued', ts: at(0), contactId: 'a', queue: 'Billing', channel: 'voice' },
      { v: 1, type: 'contact.ended', ts: at(600), contactId: 'a' }, // left after 600 s, as far as known
      { v: 1, type: 'contact.queued', ts: at(60), contactId: 'b', queue: 'Billing', channel: 'voice' },
      { v: 1, type: 'contact.answered', ts: at(90), contactId: 'b', agentId: 'x' }, // 30 s
    ]));
    expect(engine.snapshot().queues[0].longestWaitSeconds).toBe(600);
    engine.ingestNdjson('late', lines([{ v: 1, type: 'contact.answered', ts: at(10), contactId: 'a', agentId: 'x' }]));
    const s = engine.snapshot();
    expect(s.queues[0]).toMatchObject({ answered: 2, longestWaitSeconds: 30 });
    expect(s.channels.find((c) => c.channel === 'voice')!.longestWaitSeconds).toBe(30);
    expect(engine.handlers['metrics/window']({ from: new Date(T0).toISOString(), to: new Date(T0 + 20 * 60_000).toISOString(), by: 'queue' }).rows[0].longestWaitSeconds).toBe(30);
  });

  it('judges today\'s contacts again when their queue changes channel (its T then no longer applies to them)', () => {
    const { engine } = setup(T0 + 600_000);
    const at = (s: number) => T0 + s * 1000;
    engine.ingestNdjson('cfg', lines([{ v: 1, type: 'queue.config', ts: at(0), queue: 'Q', channel: 'voice', slThresholdSeconds: 30 }]));
    engine.ingestNdjson('t', lines([
      { v: 1, type: 'contact.queued', ts: at(10), contactId: 'v', queue: 'Q', channel: 'voice' },
      { v: 1, type: 'contact.answered', ts: at(35), contactId: 'v', agentId: 'x' }, // 25 s: within Q's 30 s
    ]));
    expect(engine.snapshot().queues[0]).toMatchObject({ answered: 1, answeredWithinThreshold: 1 });
    engine.ingestNdjson('cfg2', lines([{ v: 1, type: 'queue.config', ts: at(100), queue: 'Q', channel: 'chat', slThresholdSeconds: 30 }]));
    // a voice call in a chat queue: voice's default 20 s, missed, on the tile as in the window
    expect(engine.snapshot().queues[0]).toMatchObject({ answered: 1, answeredWithinThreshold: 0 });
    expect(engine.handlers['metrics/window']({ from: new Date(T0).toISOString(), to: new Date(T0 + 600_000).toISOString(), by: 'queue' }).rows[0].answeredWithinThreshold).toBe(0);
  });

  it('shows the contact an agent holds', () => {
    const { engine } = setup();
    engine.ingestNdjson('t', lines([ev.agent(0, 'a1', 'available'), ev.queued(1, 'X'), ev.answered(2, 'X', 'a1'), ev.agent(2, 'a1', 'on-contact')]));
    expect(engine.snapshot().agents[0].contacts).toEqual([{ id: 'X', channel: 'voice', queue: 'Billing' }]);
  });

  it('resets "today" at the reset hour of the center time zone, carrying waiting contacts over', () => {
    // Center in New York, reset at midnight; 2026-03-07 23:50 EST = 2026-03-08T04:50Z
    const before = Date.parse('2026-03-08T04:50:00Z');
    const { engine, clock } = setup(before, { timeZone: 'America/New_York' });
    const e = (s: number) => before + s * 1000;
    engine.ingestNdjson('t', lines([
      { v: 1, type: 'contact.queued', ts: e(0), contactId: 'old-answered', queue: 'Billing', channel: 'voice' },
      { v: 1, type: 'contact.answered', ts: e(5), contactId: 'old-answered', agentId: 'a1' },
      { v: 1, type: 'contact.queued', ts: e(540), contactId: 'late-waiter', queue: 'Billing', channel: 'voice' },
    ]));
    expect(engine.snapshot().queues[0]).toMatchObject({ offered: 2, answered: 1, waitingNow: 1 });
    clock.set(Date.parse('2026-03-08T05:01:00Z')); // 00:01 EST, the new day
    const s = engine.snapshot();
    expect(s.center.dayStart).toBe(Date.parse('2026-03-08T05:00:00Z'));
    expect(s.queues[0]).toMatchObject({ offered: 0, answered: 0, waitingNow: 1, longestWaitNowSeconds: 120 });
    // a contact of the new day waits too: today's longest wait is its 30 s, not the carried-over one's 150 s
    clock.set(Date.parse('2026-03-08T05:01:30Z'));
    engine.ingestNdjson('t1', lines([{ v: 1, type: 'contact.queued', ts: Date.parse('2026-03-08T05:01:00Z'), contactId: 'new-waiter', queue: 'Billing', channel: 'voice' }]));
    const wait = engine.snapshot();
    expect(wait.queues[0]).toMatchObject({ offered: 1, waitingNow: 2, longestWaitNowSeconds: 150, longestWaitSeconds: 30 });
    expect(wait.channels.find((c) => c.channel === 'voice')).toMatchObject({ waitingNow: 2, longestWaitNowSeconds: 150, longestWaitSeconds: 30 });
    const today = engine.handlers['metrics/window']({ from: '2026-03-08T05:00:00Z', to: '2026-03-08T05:01:30Z', by: 'queue' }).rows;
    expect(today.map((r) => [r.key, r.longestWaitSeconds])).toEqual([['Billing', 30]]);
    // it is answered in the new day: counted in yesterday's figures, not today's
    engine.ingestNdjson('t2', lines([{ v: 1, type: 'contact.answered', ts: Date.parse('2026-03-08T05:01:00Z'), contactId: 'late-waiter', agentId: 'a1' }]));
    expect(engine.snapshot().queues[0]).toMatchObject({ offered: 1, answered: 0, waitingNow: 1 });
    // the next reset, after the DST change, is 23 hours later
    clock.set(Date.parse('2026-03-09T04:00:30Z'));
    expect(engine.snapshot().center.dayStart).toBe(Date.parse('2026-03-09T04:00:00Z'));
  });

  it('quarantines a bad line with its position and reason and keeps the others', () => {
    const { engine } = setup();
    const good = lines([ev.queued(0, 'A'), ev.queued(1, 'B')]);
    const input = [good[0], { position: 2, text: '{"v":1,"type":"contact.queued","ts":"yesterday"}' }, { position: 3, text: 'not json' }, { position: 4, text: good[1].text }];
    const r = engine.ingestNdjson('feed.ndjson', input);
    expect(r).toMatchObject({ accepted: 2, quarantined: 2, duplicates: 0 });
    expect(r.errors[0].position).toBe(2);
    expect(r.errors[0].reason).toMatch(/ts/);
    expect(r.errors[1]).toMatchObject({ position: 3 });
    expect(r.errors[1].reason).toMatch(/not JSON/);
    const q = engine.handlers['quarantine/list']({});
    expect(q.map((x) => [x.source, x.position])).toEqual([['feed.ndjson', 3], ['feed.ndjson', 2]]);
    const s = engine.snapshot();
    expect(s.ingest).toMatchObject({ accepted: 2, quarantined: 2 });
    expect(s.ingest.lastQuarantine).toMatchObject({ source: 'feed.ndjson', position: 3 });
    expect(s.queues[0].offered).toBe(2);
  });

  it('re-reading the same lines adds nothing', () => {
    const { engine } = setup();
    engine.ingestNdjson('f', lines(day));
    const r = engine.ingestNdjson('f', lines(day));
    expect(r).toMatchObject({ accepted: 0, duplicates: day.length, quarantined: 0 });
    expect(engine.snapshot().queues[0].offered).toBe(5);
  });

  it('an event id is an idempotency key across sources', () => {
    const { engine } = setup();
    const e1 = { ...ev.queued(0, 'A'), id: 'evt-1' };
    engine.ingestNdjson('webhook', lines([e1]));
    expect(engine.ingestNdjson('file', lines([e1]))).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it('rebuilds the live floor from the database after a restart', async () => {
    const { tempDbPath, testEngine } = await import('../helpers/engine');
    const path = tempDbPath();
    const a = testEngine(at(0), {}, path);
    a.engine.ingestNdjson('f', lines(day));
    a.clock.set(at(600));
    const before = a.engine.snapshot();
    a.close();
    const b = testEngine(at(600), {}, path);
    cleanup.push(b.close);
    const after = b.engine.snapshot();
    expect(after.queues).toEqual(before.queues);
    expect(after.agents).toEqual(before.agents);
  });

  it('shows every queue it knows with zeros from the day\'s start, after a restart past the daily reset too', async () => {
    const { tempDbPath, testEngine } = await import('../helpers/engine');
    const path = tempDbPath();
    const a = testEngine(at(0), {}, path);
    // Billing is configured; Sales and Web Chat are known only from their contacts (a queue_log names no channel config)
    a.engine.ingestNdjson('f', lines([ev.queue('Billing', 'voice', 20), ev.queued(0, 'A'), ev.answered(5, 'A'), ev.queued(0, 'S', 'Sales'), ev.abandoned(9, 'S'), ev.queued(0, 'W', 'Web Chat', 'chat'), ev.answered(20, 'W')]));
    a.close();
    // the next day (centre day from midnight UTC): nothing happened yet today
    const b = testEngine(at(86_400), {}, path);
    cleanup.push(b.close);
    const queues = b.engine.snapshot().queues;
    expect(queues.map((q) => [q.name, q.channel, q.offered, q.waitingNow, q.serviceLevel])).toEqual([
      ['Billing', 'voice', 0, 0, null],
      ['Sales', 'voice', 0, 0, null],
      ['Web Chat', 'chat', 0, 0, null],
    ]);
    expect(queues.find((q) => q.name === 'Web Chat')!.thresholdSeconds).toBe(60); // chat's default T
  });

  it('pushes a snapshot to subscribers within the push delay after new events', () => {
    const { engine, clock } = setup();
    const got: number[] = [];
    engine.subscribe((e, p) => {
      if (e === 'floor/snapshot') got.push((p as import('../../src/shared/api').FloorSnapshot).queues.length);
    });
    engine.ingestNdjson('f', lines([ev.queued(0, 'A')]));
    clock.advance(49);
    expect(got).toEqual([]); // coalesced: not before the push delay (50 ms)...
    clock.advance(1);
    expect(got).toEqual([1]); // ...and once at its end
  });
});

describe('API dispatch', () => {
  it('answers an invalid payload with a clear error and changes nothing', async () => {
    const { engine } = setup();
    // as a transport forwards a request: any name, any body
    const dispatch: (name: string, args: unknown) => Promise<Envelope<unknown>> = createDispatcher(engine.handlers);
    const r = await dispatch('ingest/lines', { source: '', lines: 'nope' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-args');
      expect(r.error.message).toMatch(/source/);
      expect(r.error.message).toMatch(/lines/);
    }
    expect(engine.snapshot().ingest.accepted).toBe(0);
    const m = await dispatch('metrics/window', { from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(m.ok || m.error.message).toMatch(/"from" must be before "to"/);
    const u = await dispatch('floor/explode', {});
    expect(u).toEqual({ ok: false, error: { code: 'unknown-method', message: 'unknown method "floor/explode"' } });
    const extra = await dispatch('floor/snapshot', { sneaky: true });
    expect(extra.ok).toBe(false);
  });

  it('appends posted lines after the source position when no start position is given', async () => {
    const { engine } = setup();
    const dispatch = createDispatcher(engine.handlers);
    await dispatch('ingest/lines', { source: 'post', lines: [JSON.stringify(ev.queued(0, 'A'))] });
    const r = await dispatch('ingest/lines', { source: 'post', lines: [JSON.stringify(ev.queued(1, 'B'))] });
    expect(r).toMatchObject({ ok: true, value: { accepted: 1, duplicates: 0 } });
    const again = await dispatch('ingest/lines', { source: 'post', startPosition: 2, lines: [JSON.stringify(ev.queued(1, 'B'))] });
    expect(again).toMatchObject({ ok: true, value: { accepted: 0, duplicates: 1 } });
    expect(engine.snapshot().queues[0].offered).toBe(2);
  });

  it('answers a valid call with the value', async () => {
    const { engine } = setup();
    const dispatch = createDispatcher(engine.handlers);
    const r = await dispatch('ingest/lines', { source: 'api', lines: [JSON.stringify(ev.queued(0, 'A'))] });
    expect(r).toEqual({ ok: true, value: { accepted: 1, events: 1, duplicates: 0, quarantined: 0, errors: [] } });
    expect(T0).toBeGreaterThan(0);
  });
});

describe('the tick', () => {
  it('logs a failure and keeps ticking instead of throwing out of its timer', () => {
    const clock = manualClock(T0);
    const db = openDatabase({ path: ':memory:' });
    const logged: string[] = [];
    const engine = createEngine({ db, clock, wall: clock, center: { name: 'c', timeZone: 'UTC', resetHour: 0 }, dbPath: ':memory:', version: 't', runtime: 'node', log: (m) => logged.push(m) });
    cleanup.push(() => (engine.stop(), db.close()));
    let pushes = 0;
    // a subscriber that fails on its first push (as a database busy past its timeout fails a tick's writes)
    engine.subscribe(() => {
      if (++pushes === 1) throw new Error('database is busy');
    });
    engine.start();
    expect(() => clock.advance(1000)).not.toThrow();
    expect(logged).toEqual(['tick failed: database is busy']);
    clock.advance(1000);
    expect(pushes).toBe(2); // the next tick ran
  });
});
