/**
 * Amazon Connect contact records: a day of real-format CTRs (test/fixtures/connect, built from the record shape
 * in the Amazon Connect admin guide) through the engine, checked against figures worked out by hand below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdapterContext } from '../../src/core/ingest/adapter';
import { contactRecordSchema, createConnectCtrAdapter, CTR_IGNORED, mapContactRecord } from '../../src/core/ingest/connect-ctr';
import { numberLines } from '../../src/core/ingest/source-lines';
import type { MetricsRow } from '../../src/shared/api';
import { testEngine } from '../helpers/engine';

export const CTR_FILE = join(__dirname, '..', 'fixtures', 'connect', 'ctr-2026-03-02.jsonl');
const text = readFileSync(CTR_FILE, 'utf8');
const at = (hms: string) => Date.parse(`2026-03-02T${hms}Z`);

/*
 * The fixture, 18 lines (times 2026-03-02 UTC; queued -> answered / abandoned; D = disconnect):
 *  1 S1 voice  Sales    09:01:00 -> answered 09:01:15 alice, D 09:05:00            (first delivery)
 *  2 S2 voice  Sales    09:03:00 -> abandoned 09:03:40 (40 s)
 *  3 S3 voice  Sales    09:07:00 -> abandoned 09:07:03 (3 s: a short abandon)
 *  4 S4 voice  Sales    09:12:00 -> left at 09:12:50 for a queued callback (NextContactId S5): not an abandon
 *  5 S1 again, newer LastUpdateTimestamp, adds ACW 09:05:00-09:05:30        -> only contact.wrapup-ended is new
 *  6 P1 chat   Support  09:16:00 -> answered 09:16:45 carol, first reply 09:17:05, D 09:30:00, ACW to 09:31:00
 *  7 P2 chat   Support  09:18:00 -> abandoned 09:19:30
 *  8 P1 again, an OLDER version (no ACW) arriving after the newer one       -> ignored 'older version'
 *  9 S5 voice  Sales    09:12:50 -> answered 09:20:10 bob (InitiationMethod CALLBACK), ACW 20 s
 * 10 P3 task   Support  09:22:00 -> answered 09:40:00 carol
 * 11 S8 voice  outbound, never queued                                      -> ignored 'not queued'
 * 12 P5 voice  Support  09:33:00 -> answered 09:33:10 alice, ACW 45 s
 * 13 S7 voice  Sales    09:46:00 -> answered 09:46:30 bob
 * 14 S7 again, the very same record (a Kinesis re-delivery)                -> a duplicate line
 * 15 P6 voice  Support  09:48:00 -> abandoned 09:49:10
 * 16 P4 email  Support  09:31:00 -> answered 09:50:00 carol
 * 17 S6 email  Sales    09:40:00 -> answered 09:58:00 bob
 * 18 S9 voice  a transfer through alice's agent queue (queue/agent/...)     -> ignored 'agent queue'
 */

function ingestFixture() {
  const t = testEngine(at('10:30:00'));
  const adapter = createConnectCtrAdapter(t.engine.adapterContext);
  const summary = t.engine.ingestWith(adapter, 'connect-ctr', numberLines(text));
  const metrics = (from: string, to: string, by: 'queue' | 'channel' = 'queue'): Record<string, MetricsRow> =>
    Object.fromEntries(t.engine.handlers['metrics/window']({ from: `2026-03-02T${from}Z`, to: `2026-03-02T${to}Z`, by }).rows.map((r) => [r.key, r]));
  return { ...t, adapter, summary, metrics };
}

/** [offered, answered, abandoned, shortAbandoned, waiting] */
const counts = (r: MetricsRow | undefined) => (r ? [r.offered, r.answered, r.abandoned, r.shortAbandoned, r.waiting] : undefined);

describe('Amazon Connect contact records: a day of real-format records', () => {
  it('reads every line: 17 kept, 1 exact re-delivery a duplicate, nothing quarantined, the skipped ones counted', () => {
    const { summary, adapter, close } = ingestFixture();
    expect(summary).toEqual({ accepted: 17, events: 43, duplicates: 1, quarantined: 0, errors: [] });
    expect(Object.fromEntries(adapter.ignored)).toEqual({ [CTR_IGNORED.notQueued]: 1, [CTR_IGNORED.olderVersion]: 1, [CTR_IGNORED.agentQueue]: 1 });
    close();
  });

  it('gives offered, answered and abandoned per queue for the day', () => {
    const { metrics, close } = ingestFixture();
    const day = metrics('00:00:00', '23:59:59');
    // Sales: S1 S2 S3 S4 S5 S6 S7 = 7 offered; answered S1 S5 S6 S7 = 4; abandoned S2 S3 = 2, S3 short;
    // S4 left for a callback, neither answered nor abandoned: not waiting, counted as left otherwise.
    expect(counts(day.Sales)).toEqual([7, 4, 2, 1, 0]);
    expect(day.Sales.leftOtherwise).toBe(1);
    // Support: P1..P6 = 6 offered; answered P1 P3 P4 P5 = 4; abandoned P2 P6 = 2 (90 s, 70 s: none short).
    expect(counts(day.Support)).toEqual([6, 4, 2, 0, 0]);
    // No queue for the outbound S8 nor alice's agent queue (S9).
    expect(Object.keys(day).sort()).toEqual(['Sales', 'Support']);
    // Answered within the channel's default threshold (voice 20 s, chat 60 s, task 3600 s, email 86400 s):
    // Sales S1 15 s yes, S5 440 s no, S6 email 18 min yes, S7 30 s no = 2; Support P1 45 s yes, P3 task 18 min yes,
    // P4 email 19 min yes, P5 10 s yes = 4.
    expect([day.Sales.answeredWithinThreshold, day.Support.answeredWithinThreshold]).toEqual([2, 4]);
    // ASA Sales: (15 + 440 + 1080 + 30) / 4 = 391.25 s; Support (45 + 1080 + 1140 + 10) / 4 = 568.75 s.
    expect(day.Sales.asaSeconds).toBeCloseTo(391.25, 9);
    expect(day.Support.asaSeconds).toBeCloseTo(568.75, 9);
    // First responses: P1 only, 09:16:00 -> 09:17:05 = 65 s.
    expect([day.Support.firstResponses, day.Support.avgFirstResponseSeconds]).toEqual([1, 65]);
    close();
  });

  it('gives them per 15-minute interval, outcomes as known at each interval end', () => {
    const { metrics, close } = ingestFixture();
    // 09:00-09:15 Sales: S1 answered 09:01:15, S2 abandoned, S3 short abandon, S4 left for a callback before 09:15,
    // S5 (answered only at 09:20:10) still waiting at 09:15 -> 5 offered, 1 answered, 2 abandoned (1 short),
    // 1 waiting, 1 left otherwise.
    const i0900 = metrics('09:00:00', '09:15:00');
    expect(counts(i0900.Sales)).toEqual([5, 1, 2, 1, 1]);
    expect(i0900.Sales.leftOtherwise).toBe(1);
    expect(i0900.Support).toBeUndefined();
    // 09:15-09:30 Support: P1 answered, P2 abandoned, P3 queued 09:22 answered 09:40 -> waiting at 09:30.
    const i0915 = metrics('09:15:00', '09:30:00');
    expect(counts(i0915.Support)).toEqual([3, 1, 1, 0, 1]);
    expect(i0915.Sales).toBeUndefined();
    // 09:30-09:45 Sales: S6 queued 09:40 answered 09:58 -> waiting. Support: P4 queued 09:31 answered 09:50 -> waiting;
    // P5 answered 09:33:10.
    const i0930 = metrics('09:30:00', '09:45:00');
    expect(counts(i0930.Sales)).toEqual([1, 0, 0, 0, 1]);
    expect(counts(i0930.Support)).toEqual([2, 1, 0, 0, 1]);
    // 09:45-10:00 Sales: S7 answered. Support: P6 abandoned after 70 s.
    const i0945 = metrics('09:45:00', '10:00:00');
    expect(counts(i0945.Sales)).toEqual([1, 1, 0, 0, 0]);
    expect(counts(i0945.Support)).toEqual([1, 0, 1, 0, 0]);
    // The four intervals add up to the day's offered: 5 + 3 + (1 + 2) + (1 + 1) = 13 = 7 + 6.
    close();
  });

  it('gives them per channel (TASK counted as message)', () => {
    const { metrics, close } = ingestFixture();
    const day = metrics('00:00:00', '23:59:59', 'channel');
    // voice: S1 S2 S3 S4 S5 S7 P5 P6 = 8; answered S1 S5 S7 P5 = 4; abandoned S2 S3 P6 = 3 (S3 short); S4 left.
    expect(counts(day.voice)).toEqual([8, 4, 3, 1, 0]);
    expect(day.voice.leftOtherwise).toBe(1);
    // chat: P1 answered, P2 abandoned.
    expect(counts(day.chat)).toEqual([2, 1, 1, 0, 0]);
    // message (Connect TASK): P3 answered.
    expect(counts(day.message)).toEqual([1, 1, 0, 0, 0]);
    // email: S6 and P4, both answered.
    expect(counts(day.email)).toEqual([2, 2, 0, 0, 0]);
    close();
  });

  it('feeds the live floor: intervals per channel with final outcomes, contacts ended and wrapped up', () => {
    const { engine, close } = ingestFixture();
    const snap = engine.snapshot();
    const points = Object.fromEntries(
      snap.intervals.points.map((p) => [`${p.channel} ${new Date(p.start).toISOString().slice(11, 16)}`, [p.offered, p.answered, p.abandoned, p.shortAbandoned]]),
    );
    expect(points).toEqual({
      // voice 09:00: S1 S2 S3 S4 S5; answered S1 and S5 (09:20:10, counted in the interval it queued in)
      'voice 09:00': [5, 2, 2, 1],
      'chat 09:15': [2, 1, 1, 0], // P1, P2
      'message 09:15': [1, 1, 0, 0], // P3
      'voice 09:30': [1, 1, 0, 0], // P5
      'email 09:30': [2, 2, 0, 0], // P4 09:31, S6 09:40
      'voice 09:45': [2, 1, 1, 0], // S7 answered, P6 abandoned
    });
    const sales = snap.queues.find((q) => q.name === 'Sales')!;
    // S4 has ended (it became the callback S5): not waiting now, and counted as left otherwise.
    expect(sales.waitingNow).toBe(0);
    close();
  });

  it('stores the newest version of each contact: the ACW added by the re-delivery, not lost to the older one', () => {
    const { engine, close } = ingestFixture();
    const byKey = new Map<string, ReturnType<typeof engine.store.contact>>();
    for (const line of text.split('\n').filter(Boolean)) {
      const r = JSON.parse(line) as { ContactId: string };
      byKey.set(r.ContactId, engine.store.contact(r.ContactId));
    }
    const s1 = [...byKey.values()].find((c) => c?.answeredAt === at('09:01:15'))!;
    expect([s1.endedAt, s1.wrapupEndAt]).toEqual([at('09:05:00'), at('09:05:30')]);
    const p1 = [...byKey.values()].find((c) => c?.answeredAt === at('09:16:45'))!;
    expect([p1.channel, p1.firstResponseAt, p1.endedAt, p1.wrapupEndAt]).toEqual(['chat', at('09:17:05'), at('09:30:00'), at('09:31:00')]);
    close();
  });

  it('re-ingesting the file changes nothing: every line a duplicate, the same metrics', () => {
    const t = ingestFixture();
    const before = t.metrics('00:00:00', '23:59:59');
    const again = t.engine.ingestWith(createConnectCtrAdapter(t.engine.adapterContext), 'connect-ctr', numberLines(text));
    expect(again).toEqual({ accepted: 0, events: 0, duplicates: 18, quarantined: 0, errors: [] });
    // The same records under another source name (a second Firehose prefix): lines are new, events are not.
    const elsewhere = t.engine.ingestWith(createConnectCtrAdapter(t.engine.adapterContext), 'connect-ctr-replay', numberLines(text));
    expect(elsewhere.quarantined).toBe(0);
    expect(t.metrics('00:00:00', '23:59:59')).toEqual(before);
    t.close();
  });
});

const ctx: AdapterContext = { queueChannel: () => 'voice', agentState: () => null };
const base = {
  ContactId: 'c-1',
  Channel: 'VOICE',
  InitiationMethod: 'INBOUND',
  InitiationTimestamp: '2026-03-02T09:00:00Z',
  LastUpdateTimestamp: '2026-03-02T09:10:00Z',
  Queue: { Name: 'Sales', ARN: 'arn:aws:connect:us-east-1:1:instance/i/queue/q', EnqueueTimestamp: '2026-03-02T09:00:10Z' },
};
const parseOne = (adapter: ReturnType<typeof createConnectCtrAdapter>, record: unknown, position = 1) =>
  adapter.parse([{ position, text: JSON.stringify(record) }])[0];
const typesOf = (line: ReturnType<typeof parseOne>) => ('events' in line && line.events ? line.events.map((e) => e.type) : line.reason);

describe('Amazon Connect contact records: mapping rules', () => {
  it('an abandoned contact is one queued, never connected, disconnected; abandoned at the dequeue time', () => {
    const r = contactRecordSchema.parse({ ...base, DisconnectTimestamp: '2026-03-02T09:01:00Z', Queue: { ...base.Queue, DequeueTimestamp: '2026-03-02T09:00:55Z' } });
    const out = mapContactRecord(r, ctx);
    expect('events' in out && out.events.map((e) => [e.type, e.ts])).toEqual([
      ['contact.queued', Date.parse('2026-03-02T09:00:10Z')],
      ['contact.abandoned', Date.parse('2026-03-02T09:00:55Z')],
      ['contact.ended', Date.parse('2026-03-02T09:01:00Z')],
    ]);
  });

  it('still waiting (no disconnect yet), a callback leg, a transfer out: not abandoned', () => {
    const a = createConnectCtrAdapter(ctx);
    expect(typesOf(parseOne(a, { ...base, ContactId: 'w' }))).toEqual(['contact.queued']);
    const gone = { DisconnectTimestamp: '2026-03-02T09:05:00Z' };
    expect(typesOf(parseOne(a, { ...base, ...gone, ContactId: 'cb', InitiationMethod: 'CALLBACK' }))).toEqual(['contact.queued', 'contact.ended']);
    expect(typesOf(parseOne(a, { ...base, ...gone, ContactId: 'tr', TransferCompletedTimestamp: '2026-03-02T09:04:00Z' }))).toEqual(['contact.queued', 'contact.ended']);
    expect(typesOf(parseOne(a, { ...base, ...gone, ContactId: 'nx', NextContactId: 'other' }))).toEqual(['contact.queued', 'contact.ended']);
  });

  it('ACW end from AfterContactWorkDuration when the end timestamp is missing', () => {
    const a = createConnectCtrAdapter(ctx);
    const line = parseOne(a, {
      ...base,
      DisconnectTimestamp: '2026-03-02T09:05:00Z',
      Agent: { Username: 'alice', ConnectedToAgentTimestamp: '2026-03-02T09:00:30Z', AfterContactWorkDuration: 42 },
    });
    expect('events' in line && line.events?.at(-1)).toMatchObject({ type: 'contact.wrapup-ended', ts: Date.parse('2026-03-02T09:05:42Z') });
  });

  it('the channel from the queue configuration when a record has none; an unknown channel is refused', () => {
    const a = createConnectCtrAdapter({ ...ctx, queueChannel: () => 'chat' });
    const line = parseOne(a, { ...base, Channel: undefined });
    expect('events' in line && line.events?.[0]).toMatchObject({ type: 'contact.queued', channel: 'chat' });
    expect(typesOf(parseOne(a, { ...base, ContactId: 'x', Channel: 'FAX' }))).toMatch(/^Channel: unknown channel/);
    // Not a key of Object.prototype either (found by the fuzz test).
    expect(typesOf(parseOne(a, { ...base, ContactId: 'y', Channel: 'valueOf' }))).toMatch(/^Channel: unknown channel/);
  });

  it('refuses what it cannot read, with a reason', () => {
    const a = createConnectCtrAdapter(ctx);
    const reasons = [
      '{"ContactId":',
      '[1,2]',
      JSON.stringify({ ...base, ContactId: undefined }),
      JSON.stringify({ ...base, LastUpdateTimestamp: '2026-02-30T09:00:00Z' }),
      JSON.stringify({ ...base, Queue: { EnqueueTimestamp: '2026-03-02T09:00:10Z' } }),
      JSON.stringify({ ...base, DisconnectTimestamp: '2026-03-02T09:05:00Z', Agent: { ConnectedToAgentTimestamp: '2026-03-02T09:00:30Z' } }),
      JSON.stringify({ ...base, Queue: { ...base.Queue, EnqueueTimestamp: 1700000000 } }),
    ].map((text, i) => a.parse([{ position: i + 1, text }])[0].reason);
    expect(reasons.every((r) => typeof r === 'string' && r.length > 0)).toBe(true);
    expect(reasons[2]).toBe('missing ContactId');
    expect(reasons[4]).toBe('Queue.Name: missing on a queued contact');
  });

  it('an older version is skipped; a refused record does not move the newest version', () => {
    const a = createConnectCtrAdapter(ctx);
    expect(typesOf(parseOne(a, { ...base, LastUpdateTimestamp: '2026-03-02T09:10:00Z' }))).toEqual(['contact.queued']);
    expect(parseOne(a, { ...base, Channel: 'FAX', LastUpdateTimestamp: '2026-03-02T09:30:00Z' }).reason).toBeDefined();
    expect(typesOf(parseOne(a, { ...base, LastUpdateTimestamp: '2026-03-02T09:20:00Z', DisconnectTimestamp: '2026-03-02T09:01:00Z' }))).toEqual([
      'contact.queued',
      'contact.abandoned',
      'contact.ended',
    ]);
    expect(typesOf(parseOne(a, { ...base, LastUpdateTimestamp: '2026-03-02T09:15:00Z' }))).toEqual([]);
    expect(a.ignored.get(CTR_IGNORED.olderVersion)).toBe(1);
    expect(a.trackedContacts).toBe(1);
  });

  it('remembers a bounded number of contacts', () => {
    const a = createConnectCtrAdapter(ctx, { maxTrackedContacts: 3 });
    for (let i = 0; i < 10; i++) parseOne(a, { ...base, ContactId: `c-${i}` }, i + 1);
    expect(a.trackedContacts).toBe(3);
  });
});
