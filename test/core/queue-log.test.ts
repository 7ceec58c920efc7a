/**
 * The Asterisk queue_log adapter: a hand-written log of one morning (test/fixtures/queue_log/sample.log, three
 * queues, 09:00-10:00 UTC on 2 March 2024) through the engine, checked against figures worked out by hand from the
 * file, then the mapping of single lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdapterContext } from '../../src/core/ingest/adapter';
import { MAX_LINE_LENGTH, numberLines } from '../../src/core/ingest/source-lines';
import {
  createQueueLogAdapter,
  MAX_UNKNOWN_VERB_KINDS,
  UNKNOWN_VERB_OVERFLOW,
} from '../../src/core/ingest/queue-log';
import type { CanonicalEvent } from '../../src/core/model/events';
import type { MetricsRow } from '../../src/shared/api';
import { tempDbPath, testEngine } from '../helpers/engine';
import { ROOT } from '../helpers/host';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'queue_log');
const sample = numberLines(readFileSync(join(FIXTURES, 'sample.log'), 'utf8'));
const legacy = numberLines(readFileSync(join(FIXTURES, 'legacy.log'), 'utf8'));

/** 2024-03-02T09:00:00Z: the fixture's times are written as offsets from it in the comments below. */
const T0 = 1709370000_000;
const iso = (offsetSeconds: number) => new Date(T0 + offsetSeconds * 1000).toISOString();

const voiceCtx: AdapterContext = { queueChannel: () => 'voice', agentState: () => null };
const parseLines = (texts: string[], ctx: AdapterContext = voiceCtx, adapter = createQueueLogAdapter(ctx)) =>
  adapter.parse(texts.map((text, i) => ({ position: i + 1, text })));
const eventsOf = (texts: string[], ctx?: AdapterContext) => parseLines(texts, ctx).flatMap((l) => l.events ?? []);
const pick = (rows: MetricsRow[], key: string) => {
  const r = rows.find((x) => x.key === key);
  return r && { offered: r.offered, answered: r.answered, abandoned: r.abandoned, waiting: r.waiting, left: r.leftOtherwise };
};

describe('queue_log sample morning through the engine', () => {
  let t: ReturnType<typeof testEngine>;
  let adapter: ReturnType<typeof createQueueLogAdapter>;
  let summary: { accepted: number; duplicates: number; quarantined: number; errors: { position: number; reason: string }[] };
  const metrics = (from: number, to: number) => t.engine.handlers['metrics/window']({ from: iso(from), to: iso(to), by: 'queue' }).rows;

  beforeAll(() => {
    t = testEngine(Date.parse('2024-03-02T12:00:00Z'));
    adapter = createQueueLogAdapter(t.engine.adapterContext);
    summary = t.engine.ingestWith(adapter, 'ql', sample);
  });

  it('keeps every good line, quarantines the five malformed ones with their positions', () => {
    expect(sample.length).toBe(92);
    expect(summary.quarantined).toBe(5);
    expect(summary.accepted).toBe(87); // 92 lines - 5 quarantined; ignored lines are kept raw
    expect(summary.errors).toEqual([
      { position: 42, reason: 'expected at least 5 |-separated fields (epoch|callid|queue|agent|EVENT), got 2' },
      { position: 49, reason: 'bad epoch "17093710x5": expected Unix seconds such as 1709370000 or 1709370000.123' },
      { position: 60, reason: 'empty event verb (field 5)' },
      { position: 61, reason: 'CONNECT: holdtime (data1) must be whole seconds, got "abc"' },
      { position: 78, reason: 'ENTERQUEUE: needs a call id, got NONE' },
    ]);
    const listed = t.engine.handlers['quarantine/list']({ source: 'ql' });
    expect(listed.map((q) => q.position).sort((a, b) => a - b)).toEqual([42, 49, 60, 61, 78]);
  });

  it('counts the lines read but not mapped by kind', () => {
    expect(Object.fromEntries(adapter.ignored)).toEqual({
      QUEUESTART: 1,
      CONFIGRELOAD: 1,
      SYSCOMPAT: 1,
      DID: 1,
      RINGNOANSWER: 1,
      RINGCANCELED: 1,
      PENALTY: 1,
      INFO: 1,
      'unknown verb MYCUSTOMEVENT': 2,
    });
  });

  it('gives offered, answered, abandoned, short abandons and ASA per queue for the hour', () => {
    const rows = metrics(0, 3600);
    expect(rows.map((r) => r.key)).toEqual(['billing', 'sales', 'support']);
    // sales: 12 ENTERQUEUE; answered c1 c2 c5 c7 c9 c10 c12 = 7; abandoned ABANDON c3 (3 s, short) + EXITWITHTIMEOUT c4
    // + WITHDRAW c8 + ABANDON c11 = 4; c6 left by EXITWITHKEY: neither, counted as left otherwise
    expect(pick(rows, 'sales')).toEqual({ offered: 12, answered: 7, abandoned: 4, waiting: 0, left: 1 });
    // support: 7 ENTERQUEUE (the one with callid NONE is quarantined); answered s1 s3 s4 s6 s7 = 5;
    // abandoned EXITEMPTY s2 (5 s: not short) + ABANDON s5 (2 s, short) = 2
    expect(pick(rows, 'support')).toEqual({ offered: 7, answered: 5, abandoned: 2, waiting: 0, left: 0 });
    // billing: 4 ENTERQUEUE; answered b1 b2 b4 = 3; EXITWITHTIMEOUT b3 = 1
    expect(pick(rows, 'billing')).toEqual({ offered: 4, answered: 3, abandoned: 1, waiting: 0, left: 0 });
    const sales = rows.find((r) => r.key === 'sales')!;
    const support = rows.find((r) => r.key === 'support')!;
    const billing = rows.find((r) => r.key === 'billing')!;
    expect([sales.shortAbandoned, support.shortAbandoned, billing.shortAbandoned]).toEqual([1, 1, 0]);
    // sales waits: c1 9-1=8, c2 45.75-30.25=15.5, c5 212-200=12, c7 925-905=20, c9 1225-1200.5=24.5, c10 1815-1810=5,
    // c12 2712-2710=2: 87 s / 7
    expect(sales.asaSeconds).toBeCloseTo(87 / 7, 9);
    // support: s1 40-10=30, s3 402-400=2, s4 990-950=40, s6 2010-2000=10, s7 2720-2650=70: 152 s / 5
    expect(support.asaSeconds).toBeCloseTo(30.4, 9);
    // billing: b1 105-100=5, b2 1310-1300=10, b4 2760-2750=10: 25 s / 3
    expect(billing.asaSeconds).toBeCloseTo(25 / 3, 9);
    // within 20 s (inclusive): sales c1 c2 c5 c7 c10 c12 = 6 (c9 waited 24.5); support s3 s6 = 2; billing 3
    expect([sales.answeredWithinThreshold, support.answeredWithinThreshold, billing.answeredWithinThreshold]).toEqual([6, 2, 3]);
  });

  it('gives the same figures per 15-minute interval, attributed by queue entry, judged at each interval end', () => {
    // 09:00-09:15 (offsets 0-900): sales c1..c6 entered: answered c1 c2 c5, abandoned c3 c4, c6 left by key;
    // support s1 s2 s3: answered s1 s3, abandoned s2; billing b1 answered
    let rows = metrics(0, 900);
    expect(pick(rows, 'sales')).toEqual({ offered: 6, answered: 3, abandoned: 2, waiting: 0, left: 1 });
    expect(pick(rows, 'support')).toEqual({ offered: 3, answered: 2, abandoned: 1, waiting: 0, left: 0 });
    expect(pick(rows, 'billing')).toEqual({ offered: 1, answered: 1, abandoned: 0, waiting: 0, left: 0 });
    // 09:15-09:30 (900-1800): sales c7 c8 c9 (c9's CONNECT is the line before its ENTERQUEUE): answered c7 c9,
    // WITHDRAW c8; support s4 answered; billing b2 answered, b3 EXITWITHTIMEOUT at 1650
    rows = metrics(900, 1800);
    expect(pick(rows, 'sales')).toEqual({ offered: 3, answered: 2, abandoned: 1, waiting: 0, left: 0 });
    expect(pick(rows, 'support')).toEqual({ offered: 1, answered: 1, abandoned: 0, waiting: 0, left: 0 });
    expect(pick(rows, 'billing')).toEqual({ offered: 2, answered: 1, abandoned: 1, waiting: 0, left: 0 });
    // 09:30-09:45 (1800-2700): sales c10 answered, c11 abandoned; support s5 abandoned, s6 answered, s7 entered at
    // 2650 and answered at 2720, after this interval's end: still waiting at 2700
    rows = metrics(1800, 2700);
    expect(pick(rows, 'sales')).toEqual({ offered: 2, answered: 1, abandoned: 1, waiting: 0, left: 0 });
    expect(pick(rows, 'support')).toEqual({ offered: 3, answered: 1, abandoned: 1, waiting: 1, left: 0 });
    expect(pick(rows, 'billing')).toBeUndefined();
    // 09:45-10:00 (2700-3600): sales c12, billing b4, both answered
    rows = metrics(2700, 3600);
    expect(pick(rows, 'sales')).toEqual({ offered: 1, answered: 1, abandoned: 0, waiting: 0, left: 0 });
    expect(pick(rows, 'billing')).toEqual({ offered: 1, answered: 1, abandoned: 0, waiting: 0, left: 0 });
    expect(pick(rows, 'support')).toBeUndefined();
    // 30-minute intervals add up: sales 09:00-09:30 = 6 + 3 offered, 3 + 2 answered, 2 + 1 abandoned
    expect(pick(metrics(0, 1800), 'sales')).toEqual({ offered: 9, answered: 5, abandoned: 3, waiting: 0, left: 1 });
  });

  it('derives one answered contact with the right wait from a CONNECT read before its ENTERQUEUE', () => {
    const c9 = t.engine.store.contact('1709371200.44@sales')!;
    expect(c9).toMatchObject({ queue: 'sales', channel: 'voice', agentId: 'Alice', queuedAt: T0 + 1200_500, answeredAt: T0 + 1225_000 });
    expect((c9.answeredAt! - c9.queuedAt) / 1000).toBe(24.5);
    expect(c9.endedAt).toBe(T0 + 1500_000);
    // fractional epochs on both ends: c2 entered at .250, answered at .750
    const c2 = t.engine.store.contact('1709370030.13@sales')!;
    expect((c2.answeredAt! - c2.queuedAt) / 1000).toBe(15.5);
    expect(c2.endedAt).toBe(T0 + 300_500);
    const c4 = t.engine.store.contact('1709370120.16@sales')!;
    expect([c4.answeredAt, (c4.abandonedAt! - c4.queuedAt) / 1000]).toEqual([null, 300]);
    const c6 = t.engine.store.contact('1709370500.19@sales')!;
    expect([c6.answeredAt, c6.abandonedAt, c6.endedAt]).toEqual([null, null, T0 + 510_000]);
  });

  it('leaves the agents in the states the log ends with', () => {
    const ctx = t.engine.adapterContext;
    expect(ctx.agentState('Alice')).toMatchObject({ state: 'available', reason: null }); // still a member of support
    expect(ctx.agentState('Bob')).toMatchObject({ state: 'offline', reason: null }); // removed from his only queue
    expect(ctx.agentState('Carol')).toMatchObject({ state: 'available', reason: null });
    expect(ctx.agentState('Dave')).toMatchObject({ state: 'available', reason: null });
    expect(ctx.agentState('Agent/2001')).toMatchObject({ state: 'offline', reason: null });
    const agents = t.engine.snapshot().agents;
    expect(agents.map((a) => a.id).sort()).toEqual(['Agent/2001', 'Alice', 'Bob', 'Carol', 'Dave']);
  });

  it('reads the same lines again as duplicates, and changes no figure', () => {
    const before = metrics(0, 3600);
    const again = t.engine.ingestWith(createQueueLogAdapter(t.engine.adapterContext), 'ql', sample);
    expect(again).toMatchObject({ accepted: 0, quarantined: 0, duplicates: 92 });
    expect(metrics(0, 3600)).toEqual(before);
  });

  it('maps a copy of the file under another name (a rotated copy) to the same event ids: no new contact events', () => {
    const before = metrics(0, 3600);
    const copy = t.engine.ingestWith(createQueueLogAdapter(t.engine.adapterContext), 'ql-copy', sample);
    // Lines with events are duplicates by id; lines without events are kept raw again: the 10 ignored ones (8 known
    // verbs + 2 MYCUSTOMEVENT) and 3 that change nothing (Alice's second ADDMEMBER, her PAUSE during a call, her
    // REMOVEMEMBER from one of her two queues). 92 - 5 - 13 = 74 duplicates.
    expect(copy.quarantined).toBe(5);
    expect(copy.accepted).toBe(13);
    expect(copy.duplicates).toBe(74);
    expect(metrics(0, 3600)).toEqual(before);
  });
});

describe('queue_log across a restart', () => {
  it('gives the same figures and agent states when read in two batches by two adapters (a restart between)', () => {
    const once = testEngine(Date.parse('2024-03-02T12:00:00Z'));
    const twice = testEngine(Date.parse('2024-03-02T12:00:00Z'));
    try {
      once.engine.ingestWith(createQueueLogAdapter(once.engine.adapterContext), 'ql', sample);
      // Split after line 54 (c9's CONNECT, read before its ENTERQUEUE at 55): the contact spans the two batches, and
      // Carol (paused for Lunch at 40, unpaused at 67) is known to the second adapter only through the store.
      twice.engine.ingestWith(createQueueLogAdapter(twice.engine.adapterContext), 'ql', sample.slice(0, 54));
      expect(twice.engine.adapterContext.agentState('Carol')).toMatchObject({ state: 'not-ready', reason: 'Lunch' });
      twice.engine.ingestWith(createQueueLogAdapter(twice.engine.adapterContext), 'ql', sample.slice(54));
      const window = { from: iso(0), to: iso(3600), by: 'queue' as const };
      expect(twice.engine.handlers['metrics/window'](window)).toEqual(once.engine.handlers['metrics/window'](window));
      for (const agent of ['Bob', 'Carol', 'Dave', 'Agent/2001']) {
        expect(twice.engine.adapterContext.agentState(agent), agent).toEqual(once.engine.adapterContext.agentState(agent));
      }
      // The documented limit: memberships are not in the store, so after the restart Alice's REMOVEMEMBER from sales
      // (line 91) cannot know she is still in support, and takes her offline.
      expect(once.engine.adapterContext.agentState('Alice')).toMatchObject({ state: 'available', reason: null });
      expect(twice.engine.adapterContext.agentState('Alice')).toMatchObject({ state: 'offline', reason: null });
      expect(twice.engine.store.contact('1709371200.44@sales')).toEqual(once.engine.store.contact('1709371200.44@sales'));
    } finally {
      once.close();
      twice.close();
    }
  });
});

describe('queue_log after a real restart (a new process: no contact held in memory)', () => {
  const start = Date.parse('2024-03-02T12:00:00Z');
  const window = { from: iso(0), to: iso(3600), by: 'queue' as const };

  it('merges a call that spans the restart with its stored row, as one engine does', () => {
    const once = testEngine(start);
    const path = tempDbPath();
    let twice = testEngine(start, {}, path);
    try {
      once.engine.ingestWith(createQueueLogAdapter(once.engine.adapterContext), 'ql', sample);
      twice.engine.ingestWith(createQueueLogAdapter(twice.engine.adapterContext), 'ql', sample.slice(0, 54));
      twice.close();
      twice = testEngine(start, {}, path);
      // c9 (1709371200.44@sales): its CONNECT came before the restart, its ENTERQUEUE and end after it
      const rest = twice.engine.ingestWith(createQueueLogAdapter(twice.engine.adapterContext), 'ql', sample.slice(54));
      expect(rest.quarantined + rest.accepted + rest.duplicates).toBe(sample.length - 54);
      expect(twice.engine.store.contact('1709371200.44@sales')).toEqual(once.engine.store.contact('1709371200.44@sales'));
      expect(twice.engine.handlers['metrics/window'](window)).toEqual(once.engine.handlers['metrics/window'](window));
    } finally {
      once.close();
      twice.close();
    }
  });

  it('reads a copy of the file under another name as the same contacts: the counts of a copy read before the restart', () => {
    const path = tempDbPath();
    let t = testEngine(start, {}, path);
    try {
      t.engine.ingestWith(createQueueLogAdapter(t.engine.adapterContext), 'ql', sample);
      const before = t.engine.handlers['metrics/window'](window);
      const contacts = t.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM contacts').get()!.n;
      t.close();
      t = testEngine(start, {}, path);
      const copy = t.engine.ingestWith(createQueueLogAdapter(t.engine.adapterContext), 'ql-copy', sample);
      expect(copy).toMatchObject({ quarantined: 5, accepted: 13, duplicates: 74 });
      expect(t.engine.handlers['metrics/window'](window)).toEqual(before);
      expect(t.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM contacts').get()!.n).toBe(contacts);
    } finally {
      t.close();
    }
  });
});

describe('queue_log line mapping', () => {
  it('maps a call from entry to end, the same events from any position (no ids: duplicates are told by their effect)', () => {
    const lines = [
      '1709370001|1709370001.11|sales|NONE|ENTERQUEUE||5551234567|1',
      '1709370009|1709370001.11|sales|Alice|CONNECT|8|1709370009.12|7',
      '1709370189|1709370001.11|sales|Alice|COMPLETECALLER|8|180|1',
    ];
    const events = eventsOf(lines);
    expect(events.map((e) => [e.type, 'state' in e ? e.state : undefined])).toEqual([
      ['contact.queued', undefined],
      ['contact.answered', undefined],
      ['agent.state', 'on-contact'],
      ['contact.ended', undefined],
      ['contact.wrapup-ended', undefined],
      ['agent.state', 'available'],
    ]);
    expect(events[0]).toEqual({
      v: 1, type: 'contact.queued',
      ts: 1709370001000, contactId: '1709370001.11@sales', channel: 'voice', queue: 'sales',
    });
    expect(events[2]).toMatchObject({ agentId: 'Alice', capacity: { voice: 1 } });
    const shifted = createQueueLogAdapter(voiceCtx).parse(lines.map((text, i) => ({ position: 1000 + 7 * i, text })));
    expect(shifted.flatMap((l) => l.events ?? [])).toEqual(events);
    for (const e of events) expect(e.id).toBeUndefined();
  });

  it('counts ABANDON, EXITWITHTIMEOUT, EXITEMPTY and WITHDRAW as abandons, not EXITWITHKEY (unless asked)', () => {
    const abandons = ['ABANDON|1|1|3', 'EXITWITHTIMEOUT|1|1|300', 'EXITEMPTY|1|1|5', 'WITHDRAW|1|1|30|info'];
    for (const tail of abandons) {
      expect(eventsOf([`1709370063|1.1|q|NONE|${tail}`]).map((e) => e.type), tail).toEqual(['contact.abandoned', 'contact.ended']);
    }
    expect(eventsOf(['1709370510|1.1|q|NONE|EXITWITHKEY|1|1|1|10']).map((e) => e.type)).toEqual(['contact.ended']);
    const asAbandon = createQueueLogAdapter(voiceCtx, { exitWithKey: 'abandoned' });
    expect(parseLines(['1709370510|1.1|q|NONE|EXITWITHKEY|1|1|1|10'], voiceCtx, asAbandon)[0].events!.map((e) => e.type)).toEqual([
      'contact.abandoned',
      'contact.ended',
    ]);
  });

  it('uses the queue channel the context gives', () => {
    const ctx: AdapterContext = { queueChannel: (q) => (q === 'webchat' ? 'chat' : 'voice'), agentState: () => null };
    const [e] = eventsOf(['1709370001|1.1|webchat|NONE|ENTERQUEUE||x|1'], ctx);
    expect(e).toMatchObject({ type: 'contact.queued', channel: 'chat', queue: 'webchat' });
    const [, agent] = eventsOf(['1709370001|1.1|webchat|Zoe|CONNECT|0|1.2|1'], ctx);
    expect(agent).toMatchObject({ type: 'agent.state', state: 'on-contact', capacity: { chat: 1 } });
  });

  it('shows a pause taken during a call when the call ends, and keeps pause reasons', () => {
    const states = (events: CanonicalEvent[]) =>
      events.filter((e) => e.type === 'agent.state').map((e) => (e.type === 'agent.state' ? `${e.state}${e.reason ? `:${e.reason}` : ''}` : ''));
    expect(
      states(
        eventsOf([
          '1709371000|MANAGER|sales|Alice|ADDMEMBER|',
          '1709371225|9.1|sales|Alice|CONNECT|25|9.2|5',
          '1709371300|NONE|sales|Alice|PAUSE|Coaching',
          '1709371500|9.1|sales|Alice|COMPLETEAGENT|25|275|1',
          '1709371600|NONE|sales|Alice|UNPAUSE|',
          '1709371700|NONE|NONE|Alice|PAUSEALL|',
          '1709371800|NONE|NONE|Alice|UNPAUSEALL|',
          '1709371900|MANAGER|sales|Alice|ADDMEMBER|PAUSED',
          '1709372000|MANAGER|sales|Alice|REMOVEMEMBER|',
        ]),
      ),
    ).toEqual(['available', 'on-contact', 'not-ready:Coaching', 'available', 'not-ready:Paused', 'available', 'not-ready:Paused', 'offline']);
  });

  it('after a restart, starts an agent from the state the store knows (a pause survives AGENTLOGIN)', () => {
    const ctx: AdapterContext = { queueChannel: () => 'voice', agentState: (id) => (id === 'Agent/1001' ? { state: 'not-ready', reason: 'Lunch' } : null) };
    const events = eventsOf(
      ['1709371000|NONE|NONE|Agent/1001|AGENTLOGOFF|Local/1001@agents|600', '1709371100|NONE|NONE|Agent/1001|AGENTLOGIN|Local/1001@agents'],
      ctx,
    );
    expect(events.map((e) => (e.type === 'agent.state' ? [e.state, e.reason] : []))).toEqual([['offline', undefined], ['not-ready', 'Lunch']]);
  });

  it('does not hold an agent on a call whose end was read before its CONNECT, or on one open for over 12 hours', () => {
    const states = (texts: string[]) => eventsOf(texts).flatMap((e) => (e.type === 'agent.state' ? [e.state] : []));
    expect(
      states([
        '1709371000|MANAGER|sales|Alice|ADDMEMBER|',
        '1709371300|7.1|sales|Alice|COMPLETECALLER|10|290|1',
        '1709371010|7.1|sales|Alice|CONNECT|10|7.2|1',
        '1709371400|NONE|sales|Alice|PAUSE|Break',
      ]),
    ).toEqual(['available', 'not-ready']);
    expect(
      states([
        '1709371000|8.1|sales|Bob|CONNECT|1|8.2|1', // its end never comes
        '1709420000|8.3|sales|Bob|CONNECT|1|8.4|1', // 13.6 hours later
        '1709420100|8.3|sales|Bob|COMPLETEAGENT|1|100|1',
      ]),
      // on a contact again: said again, as an unchanged state is once 6 hours old (AGENT_RESAY_MS)
    ).toEqual(['on-contact', 'on-contact', 'available']);
  });

  it('says an unchanged state again once it is 6 hours old (the floor takes an agent silent for 12 as gone)', () => {
    const states = (texts: string[]) => eventsOf(texts).map((e) => (e.type === 'agent.state' ? `${e.state}@${e.ts / 1000}` : e.type));
    expect(states([
      '1709371000|MANAGER|sales|Alice|ADDMEMBER|',
      '1709385400|MANAGER|sales|Alice|ADDMEMBER|', // 4 h later: nothing new
      '1709396200|MANAGER|sales|Alice|ADDMEMBER|', // 7 h after the first: said again
      '1709396210|NONE|sales|Alice|UNPAUSE|',
    ])).toEqual(['available@1709371000', 'available@1709396200']);
  });

  it('keeps an agent on the floor while it is still a member of another queue', () => {
    const events = eventsOf([
      '1709371000|MANAGER|sales|Alice|ADDMEMBER|',
      '1709371000|MANAGER|support|Alice|ADDMEMBER|',
      '1709372000|MANAGER|sales|Alice|REMOVEMEMBER|',
      '1709372001|MANAGER|support|Alice|REMOVEMEMBER|',
    ]);
    expect(events.map((e) => (e.type === 'agent.state' ? e.state : e.type))).toEqual(['available', 'offline']);
  });

  it('counts a queue whose calls an agent answers, or in which she pauses, as one of her memberships (static members have no ADDMEMBER)', () => {
    const states = (texts: string[]) => eventsOf(texts).flatMap((e) => (e.type === 'agent.state' ? [`${e.state}@${e.ts / 1000}`] : []));
    expect(states([
      '1709370005|1709370000.1|sales|Alice|CONNECT|5|1709370005.2|3', // sales: static in queues.conf
      '1709370100|1709370000.1|sales|Alice|COMPLETECALLER|5|95|1',
      '1709370200|MANAGER|support|Alice|ADDMEMBER|',
      '1709373800|MANAGER|support|Alice|REMOVEMEMBER|', // still in sales: stays on the floor
    ])).toEqual(['on-contact@1709370005', 'available@1709370100']);
    expect(states([
      '1709370000|NONE|sales|Bob|PAUSE|Lunch',
      '1709370200|MANAGER|support|Bob|ADDMEMBER|PAUSED',
      '1709373800|MANAGER|support|Bob|REMOVEMEMBER|',
      '1709373900|MANAGER|sales|Bob|REMOVEMEMBER|', // his last queue
    ])).toEqual(['not-ready@1709370000', 'offline@1709373900']);
  });

  it('reads the older formats: callback agents, short EXITWITHKEY, ATTENDEDTRANSFER without a form, CRLF endings', () => {
    const adapter = createQueueLogAdapter(voiceCtx);
    const out = adapter.parse(legacy);
    expect(out.filter((l) => l.reason !== undefined)).toEqual([]);
    expect(out.flatMap((l) => l.events ?? []).map((e) => (e.type === 'agent.state' ? `agent:${e.state}` : e.type))).toEqual([
      'agent:available', // AGENTCALLBACKLOGIN
      'contact.queued',
      'contact.ended', // EXITWITHKEY|5|1 (key, position only)
      'contact.queued',
      'contact.answered',
      'agent:on-contact',
      'contact.ended', // ATTENDEDTRANSFER|3000|3|67
      'contact.wrapup-ended',
      'agent:available',
      'agent:offline', // AGENTCALLBACKLOGOFF
    ]);
    expect(Object.fromEntries(adapter.ignored)).toEqual({ RINGINUSE: 1, AGENTDUMP: 1, OUTCALL: 1 });
  });

  it('refuses what it cannot read, with a reason', () => {
    const reasons = parseLines([
      '1709370001|1.1|sales|NONE',
      '-1709370001|1.1|sales|NONE|ENTERQUEUE||x|1',
      '1709370001.|1.1|sales|NONE|ENTERQUEUE||x|1',
      '17093700011|1.1|sales|NONE|ENTERQUEUE||x|1',
      '1709370001|1.1|sales|NONE|ENTER QUEUE||x|1',
      '1709370001|NONE|NONE|NONE|CONNECT|1|2|3',
      '1709370001|1.1|sales|NONE|CONNECT|1|2|3',
      '1709370001|1.1|NONE|Bob|CONNECT|1|2|3',
      '1709370001|CLI|NONE|NONE|PAUSE|Lunch',
      '1709370001|1.1|sales|Bob|RINGNOANSWER|1.5',
      '1709370001|1.1|sales|Bob|COMPLETECALLER|8',
      '1709370001|1.1|sales|Bob|ATTENDEDTRANSFER|LINK|a|b|x|1|1',
      '1709370001|1.1|sales|NONE|ABANDON|1|1|',
      `1709370001|${'c'.repeat(65)}|sales|NONE|ENTERQUEUE||x|1`,
      `1709370001|1.1|sales|NONE|ENTERQUEUE||${'x'.repeat(MAX_LINE_LENGTH)}`,
    ]).map((l) => l.reason);
    expect(reasons).toEqual([
      'expected at least 5 |-separated fields (epoch|callid|queue|agent|EVENT), got 4',
      'bad epoch "-1709370001": expected Unix seconds such as 1709370000 or 1709370000.123',
      'bad epoch "1709370001.": expected Unix seconds such as 1709370000 or 1709370000.123',
      'bad epoch "17093700011": expected Unix seconds such as 1709370000 or 1709370000.123',
      'bad event verb "ENTER QUEUE": expected a word such as CONNECT',
      'CONNECT: needs a call id, got NONE',
      'CONNECT: needs an agent, got NONE',
      'CONNECT: needs a queue name, got NONE',
      'PAUSE: needs an agent, got NONE',
      'RINGNOANSWER: ring time (data1) must be whole milliseconds, got "1.5"',
      'COMPLETECALLER: missing calltime (data2)',
      'ATTENDEDTRANSFER: holdtime (data4) must be whole seconds, got "x"',
      'ABANDON: missing waittime (data3)',
      'callid longer than 64 characters',
      `line longer than ${MAX_LINE_LENGTH} characters`,
    ]);
  });

  it('keeps unknown verbs raw, counting a bounded number of kinds', () => {
    const adapter = createQueueLogAdapter(voiceCtx);
    const texts = Array.from({ length: MAX_UNKNOWN_VERB_KINDS + 10 }, (_, i) => `1709370001|NONE|NONE|NONE|CUSTOM${i}|x`);
    const out = parseLines([...texts, texts[0]], voiceCtx, adapter);
    expect(out.every((l) => l.events?.length === 0)).toBe(true);
    expect(adapter.ignored.size).toBe(MAX_UNKNOWN_VERB_KINDS + 1);
    expect(adapter.ignored.get('unknown verb CUSTOM0')).toBe(2);
    expect(adapter.ignored.get(UNKNOWN_VERB_OVERFLOW)).toBe(10);
  });

  it('reads only the configured queues when asked, keeping the others raw', () => {
    const adapter = createQueueLogAdapter(voiceCtx, { queues: ['sales'] });
    const out = parseLines(['1709370001|1.1|sales|NONE|ENTERQUEUE||x|1', '1709370001|1.2|other|NONE|ENTERQUEUE||x|1'], voiceCtx, adapter);
    expect(out.map((l) => l.events?.length)).toEqual([1, 0]);
    expect(adapter.ignored.get('other queue')).toBe(1);
  });

  it('skips blank lines and trims line endings', () => {
    const out = parseLines(['', '   ', '1709370001|1.1|sales|NONE|ENTERQUEUE||x|1\r']);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ position: 3, text: '1709370001|1.1|sales|NONE|ENTERQUEUE||x|1' });
  });

  it('trims any whitespace around a line: a BOM, no-break spaces, tabs, Unicode line separators', () => {
    const out = parseLines(['\ufeff\u00a01709370001|1.1|sales|NONE|ENTERQUEUE||x|1\u2028\t', '\u3000\ufeff']);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ text: '1709370001|1.1|sales|NONE|ENTERQUEUE||x|1', events: [{ ts: 1709370001000 }] });
  });

  it('reads epochs to the millisecond: 9 or 10 digits, 1 to 9 fraction digits rounded past the third', () => {
    const epochs = ['1709370001', '1709370001.5', '1709370001.25', '1709370001.125', '1709370001.1234', '1709370001.1235',
      '1709370001.0005', '1709370001.9996', '1709370001.999999999', '170937000', '0000000001.001'];
    const out = parseLines(epochs.map((e, i) => `${e}|1.${i}|sales|NONE|ENTERQUEUE||x|1`));
    expect(out.map((l) => l.events?.[0]?.ts)).toEqual([1709370001000, 1709370001500, 1709370001250, 1709370001125,
      1709370001123, 1709370001124, 1709370001001, 1709370002000, 1709370002000, 170937000000, 1001]);
    expect(parseLines(['1709370001.1234567890|1.1|sales|NONE|ENTERQUEUE||x|1', '1709370001.12a|1.1|sales|NONE|ENTERQUEUE||x|1'])
      .map((l) => l.reason)).toEqual([
      'bad epoch "1709370001.1234567890": expected Unix seconds such as 1709370000 or 1709370000.123',
      'bad epoch "1709370001.12a": expected Unix seconds such as 1709370000 or 1709370000.123',
    ]);
  });

  it('forgets the least recently seen agent beyond maxTrackedAgents, and starts it afresh when seen again', () => {
    const adapter = createQueueLogAdapter(voiceCtx, { maxTrackedAgents: 2 });
    const out = parseLines([
      '1709371000|NONE|NONE|Alice|PAUSE|Lunch',
      '1709371001|NONE|NONE|Bob|PAUSE|Break',
      '1709371002|NONE|NONE|Alice|PAUSE|Lunch', // unchanged: no event; Alice is now the most recently seen
      '1709371003|MANAGER|sales|Carol|ADDMEMBER|', // a third agent: Bob, the least recently seen, is forgotten
      '1709371004|NONE|NONE|Bob|PAUSE|Break', // Bob afresh: its state is sent again; Alice is forgotten
      '1709371005|NONE|NONE|Alice|PAUSE|Lunch',
    ], voiceCtx, adapter);
    expect(out.map((l) => (l.events ?? []).map((e) => (e.type === 'agent.state' ? `${e.agentId}:${e.state}` : e.type)))).toEqual([
      ['Alice:not-ready'], ['Bob:not-ready'], [], ['Carol:available'], ['Bob:not-ready'], ['Alice:not-ready'],
    ]);
  });

  it('keeps a custom verb named like an object property raw and counted like any unknown verb', () => {
    const adapter = createQueueLogAdapter(voiceCtx);
    const out = parseLines(['1709370000|NONE|NONE|NONE|constructor|x', '1709370001|c1|sales|NONE|__proto__|', '1709370002|c1|sales|NONE|toString|1'], voiceCtx, adapter);
    expect(out.map((l) => [l.reason, l.events])).toEqual([
      [undefined, []],
      [undefined, []],
      [undefined, []],
    ]);
    expect([...adapter.ignored]).toEqual([
      ['unknown verb constructor', 1],
      ['unknown verb __proto__', 1],
      ['unknown verb toString', 1],
    ]);
  });
});
