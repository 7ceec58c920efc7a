/**
 * The TaskRouter adapter on real-format fixtures (test/fixtures/taskrouter): webhook form posts, 09:00-09:45 UTC,
 * and Event Streams CloudEvents, 10:00-10:45 UTC, on 2026-03-02, two queues (Sales, Support), voice, chat and
 * messaging tasks. Expected figures are worked out by hand from the fixtures' story, written next to each literal.
 *
 * The webhooks' tasks (queued at / outcome):
 *   T1 voice   Sales    09:01:00  accepted 09:01:12 (alice), wrap-up 09:05, completed 09:06
 *   T2 voice   Sales    09:03:00  task.canceled 09:03:40 (caller hung up)                 -> abandon
 *   T3 chat    Support  09:07:00  rejected by alice, accepted 09:07:30 (bob), done 09:21
 *   T4 sms     Support  09:16:00  accepted 09:40:00 (alice): answered after its interval ends
 *   T5 voice   Support  09:18:00  accepted 09:18:05 (carol), then task.canceled 09:19     -> answered, not an abandon
 *   T6 voice   Sales    09:20:00  task.transfer-failed 09:21:00                           -> abandon by default (Flex Insights)
 *   T7 whatsapp (chat task channel, channelType whatsapp) Sales 09:31:00, accepted 09:33 (bob) -> message
 *   T8 voice   Sales    09:35:00  workflow.timeout 09:44 then task.canceled 09:44          -> abandon (by task.canceled)
 *   line 21 repeats line 7 (T1's reservation.accepted, same Sid): a retried webhook.
 * The Event Streams' tasks:
 *   S1 voice   Support  10:02:00  accepted 10:02:20 (erin), completed 10:08
 *   S2 chat    Support  10:05:00  task.canceled 10:06:00                                  -> abandon
 *   S3 sms     Sales    10:20:00  accepted 10:25:00 (erin)
 *   S4 voice   Sales    10:31:00  task.canceled 10:31:03                                  -> abandon, short (3 s < 5 s)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalEvent, type CanonicalEvent } from '../../src/core/model/events';
import type { AdapterContext } from '../../src/core/ingest/adapter';
import { numberLines, type SourceLine } from '../../src/core/ingest/source-lines';
import { createTaskRouterAdapter, type TaskRouterOptions } from '../../src/core/ingest/taskrouter';
import type { MetricsRow } from '../../src/shared/api';
import type { Standard } from '../../src/shared/standards';
import { storedMetrics } from '../../src/core/metrics/window-metrics';
import type { ParsedLine } from '../../src/core/store/store';
import { testEngine } from '../helpers/engine';

const FIXTURES = join(__dirname, '..', 'fixtures', 'taskrouter');
const WEBHOOKS = numberLines(readFileSync(join(FIXTURES, 'webhooks.form'), 'utf8'));
const STREAM = numberLines(readFileSync(join(FIXTURES, 'event-streams.jsonl'), 'utf8'));
const day = (hm: string) => `2026-03-02T${hm}:00Z`;

/** Task sids as the fixture generator made them (WT + md5 of the label), found by their story. */
function taskSidOf(lineNo: number): string {
  return /TaskSid=(WT[0-9a-f]{32})/.exec(WEBHOOKS[lineNo - 1].text)![1];
}

function load(options: TaskRouterOptions = {}) {
  const t = testEngine(Date.parse(day('12:00')));
  const adapter = createTaskRouterAdapter(t.engine.adapterContext, options);
  const webhooks = t.engine.ingestWith(adapter, 'taskrouter-webhooks', WEBHOOKS);
  const stream = t.engine.ingestWith(adapter, 'taskrouter-stream', STREAM);
  const metrics = (from: string, to: string, by: 'queue' | 'channel' = 'queue') =>
    Object.fromEntries(
      t.engine.handlers['metrics/window']({ from: day(from), to: day(to), by }).rows.map((r: MetricsRow) => [
        r.key,
        { offered: r.offered, answered: r.answered, abandoned: r.abandoned, short: r.shortAbandoned, waiting: r.waiting, left: r.leftOtherwise },
      ]),
    );
  return { ...t, adapter, webhooks, stream, metrics };
}

const ctx: AdapterContext = { queueChannel: () => 'voice', agentState: () => null };
const one = (text: string, options: TaskRouterOptions = {}) => createTaskRouterAdapter(ctx, options).parse([{ position: 1, text }])[0];

describe('TaskRouter fixtures through the engine', () => {
  it('reads every line: nothing quarantined, the retried webhook a duplicate, ignored lines counted by kind', () => {
    const { webhooks, stream, adapter, close } = load();
    // 53 webhook lines: 52 new + line 21 (a retry of line 7, all its events already stored)
    expect(webhooks).toMatchObject({ accepted: 52, duplicates: 1, quarantined: 0 });
    // 15 stream lines (one a batch of 2 CloudEvents, one a Studio CloudEvent: kept, mapped to nothing)
    expect(stream).toMatchObject({ accepted: 15, duplicates: 0, quarantined: 0 });
    expect(Object.fromEntries(adapter.ignored)).toEqual({
      // task-queue.entered after task.created: T1-T8 (8) + S1 (1); task.wrapup after reservation.wrapup: T1, T3 (2);
      // task.completed after reservation.completed: T1 (1)
      'nothing new for the task': 12,
      // T1, T3 x2, T5, T7 x2, T4 (7) + S1 (1)
      'reservation.created': 8,
      'reservation.rejected': 1,
      'reservation.timeout': 1,
      'task.updated': 1,
      // T8: the default abandonOn leaves out workflow.timeout; the task.canceled that follows is the abandon
      'workflow.timeout not an abandon (abandonOn)': 1,
      'foreign CloudEvent (not com.twilio.taskrouter.*)': 1,
    });
    close();
  });

  it('gives offered, answered and abandoned per queue', () => {
    const { metrics, close } = load();
    expect(metrics('09:00', '10:00')).toEqual({
      // T1 ans, T2 ab, T6 ab (transfer-failed), T7 ans, T8 ab: 5 = 2 + 3
      Sales: { offered: 5, answered: 2, abandoned: 3, short: 0, waiting: 0, left: 0 },
      // T3, T4, T5 answered (T5's later cancel is not an abandon): 3 = 3 + 0
      Support: { offered: 3, answered: 3, abandoned: 0, short: 0, waiting: 0, left: 0 },
    });
    expect(metrics('10:00', '11:00')).toEqual({
      // S3 ans, S4 ab after 3 s (short)
      Sales: { offered: 2, answered: 1, abandoned: 1, short: 1, waiting: 0, left: 0 },
      // S1 ans, S2 ab after 60 s
      Support: { offered: 2, answered: 1, abandoned: 1, short: 0, waiting: 0, left: 0 },
    });
    close();
  });

  it('gives them per 15-minute interval, outcomes as known at the interval end', () => {
    const { metrics, close } = load();
    expect(metrics('09:00', '09:15')).toEqual({
      Sales: { offered: 2, answered: 1, abandoned: 1, short: 0, waiting: 0, left: 0 }, // T1 ans, T2 ab
      Support: { offered: 1, answered: 1, abandoned: 0, short: 0, waiting: 0, left: 0 }, // T3 ans
    });
    expect(metrics('09:15', '09:30')).toEqual({
      Sales: { offered: 1, answered: 0, abandoned: 1, short: 0, waiting: 0, left: 0 }, // T6 ab
      // T5 ans; T4 still waiting at 09:30 (accepted 09:40)
      Support: { offered: 2, answered: 1, abandoned: 0, short: 0, waiting: 1, left: 0 },
    });
    expect(metrics('09:30', '09:45')).toEqual({
      Sales: { offered: 2, answered: 1, abandoned: 1, short: 0, waiting: 0, left: 0 }, // T7 ans, T8 ab at 09:44
    });
    expect(metrics('09:45', '10:00')).toEqual({});
    expect(metrics('10:00', '10:15')).toEqual({ Support: { offered: 2, answered: 1, abandoned: 1, short: 0, waiting: 0, left: 0 } }); // S1, S2
    expect(metrics('10:15', '10:30')).toEqual({ Sales: { offered: 1, answered: 1, abandoned: 0, short: 0, waiting: 0, left: 0 } }); // S3
    expect(metrics('10:30', '10:45')).toEqual({ Sales: { offered: 1, answered: 0, abandoned: 1, short: 1, waiting: 0, left: 0 } }); // S4
    close();
  });

  it('gives them per channel: sms and whatsapp tasks are messages, web chat is chat', () => {
    const { metrics, close } = load();
    expect(metrics('09:00', '11:00', 'channel')).toEqual({
      // T3 (chat, channelType web) ans; S2 ab
      chat: { offered: 2, answered: 1, abandoned: 1, short: 0, waiting: 0, left: 0 },
      // T4 (sms task channel), T7 (chat task channel, channelType whatsapp), S3 (sms): all answered
      message: { offered: 3, answered: 3, abandoned: 0, short: 0, waiting: 0, left: 0 },
      // T1, T5, S1 answered; T2, T6, T8, S4 abandoned (S4 short)
      voice: { offered: 7, answered: 3, abandoned: 4, short: 1, waiting: 0, left: 0 },
    });
    close();
  });

  it('does not count a task canceled after it was accepted as abandoned', () => {
    const { engine, close } = load();
    const t5 = engine.store.contact(taskSidOf(24))!; // line 24: T5's task.created
    expect(t5).toMatchObject({ queue: 'Support', channel: 'voice', agentId: expect.stringMatching(/^WK/), abandonedAt: null });
    expect(t5.answeredAt! - t5.queuedAt).toBe(5_000);
    expect(t5.endedAt! - t5.queuedAt).toBe(60_000); // the cancel still ends the contact
    close();
  });

  it('counts task.transfer-failed per the abandonOn option', () => {
    // Without transfer-failed, T6 (Sales, 09:20) left the queue neither answered nor abandoned: offered, not
    // waiting, counted as left otherwise, and its end is recorded.
    const canceledOnly = load({ abandonOn: ['task.canceled'] });
    expect(canceledOnly.metrics('09:00', '10:00').Sales).toEqual({ offered: 5, answered: 2, abandoned: 2, short: 0, waiting: 0, left: 1 });
    expect(canceledOnly.adapter.ignored.get('task.transfer-failed not an abandon (abandonOn)')).toBe(1);
    expect(canceledOnly.engine.store.contact(taskSidOf(29))).toMatchObject({ abandonedAt: null, answeredAt: null, endedAt: Date.parse(day('09:21')) });
    canceledOnly.close();

    // Only workflow timeouts: T8 abandons (at its timeout); T2, T6 and S2, S4 (canceled) do not.
    const timeoutOnly = load({ abandonOn: ['workflow.timeout'] });
    expect(timeoutOnly.metrics('09:00', '10:00').Sales).toEqual({ offered: 5, answered: 2, abandoned: 1, short: 0, waiting: 0, left: 2 });
    expect(timeoutOnly.metrics('10:00', '11:00')).toEqual({
      Sales: { offered: 2, answered: 1, abandoned: 0, short: 0, waiting: 0, left: 1 },
      Support: { offered: 2, answered: 1, abandoned: 0, short: 0, waiting: 0, left: 1 },
    });
    timeoutOnly.close();

    // All three: T8 abandons once (workflow.timeout first; its task.canceled adds nothing).
    const all = load({ abandonOn: ['task.canceled', 'task.transfer-failed', 'workflow.timeout'] });
    expect(all.metrics('09:00', '10:00').Sales).toEqual({ offered: 5, answered: 2, abandoned: 3, short: 0, waiting: 0, left: 0 });
    all.close();
  });

  it('re-ingesting both files is all duplicates and changes no figure', () => {
    const { engine, adapter, metrics, close } = load();
    const before = [metrics('09:00', '11:00'), metrics('09:00', '11:00', 'channel')];
    expect(engine.ingestWith(adapter, 'taskrouter-webhooks', WEBHOOKS)).toMatchObject({ accepted: 0, duplicates: 53, quarantined: 0 });
    expect(engine.ingestWith(adapter, 'taskrouter-stream', STREAM)).toMatchObject({ accepted: 0, duplicates: 15, quarantined: 0 });
    expect([metrics('09:00', '11:00'), metrics('09:00', '11:00', 'channel')]).toEqual(before);
    close();
  });

  it('a retried webhook at a new position adds nothing, even to a restarted adapter', () => {
    const { engine, adapter, metrics, close } = load();
    const before = metrics('09:00', '11:00');
    // T6's task.transfer-failed (line 33) posted again, appended after the end of the source
    expect(engine.ingestWith(adapter, 'taskrouter-webhooks', [{ position: 1000, text: WEBHOOKS[32].text }])).toMatchObject({ accepted: 0, duplicates: 1 });
    // A new adapter (a restart: no memory) re-reading the whole file as another source: every mapped event is
    // already stored under the same id; only lines that map to nothing are new raw lines.
    const fresh = createTaskRouterAdapter(engine.adapterContext);
    const parsed = fresh.parse(WEBHOOKS);
    const empty = parsed.filter((p) => p.events?.length === 0).length;
    const again = engine.ingestWith(createTaskRouterAdapter(engine.adapterContext), 'taskrouter-webhooks-copy', WEBHOOKS);
    expect(again).toMatchObject({ accepted: empty, duplicates: 53 - empty, quarantined: 0 });
    expect(metrics('09:00', '11:00')).toEqual(before);
    close();
  });

  it('maps worker activities to agent states, with the activity name as not-ready reason', () => {
    const { engine, close } = load();
    const agents = Object.fromEntries(engine.snapshot().agents.map((a) => [a.name, { state: a.state, reason: a.reason }]));
    expect(agents).toEqual({
      alice: { state: 'available', reason: null },
      bob: { state: 'available', reason: null },
      carol: { state: 'not-ready', reason: 'Break' }, // 09:25
      dave: { state: 'offline', reason: null }, // 09:45
      erin: { state: 'not-ready', reason: 'Unavailable' }, // 10:30
    });
    close();
  });

  it('emits only valid canonical events with unique, stable ids', () => {
    const a = createTaskRouterAdapter(ctx);
    const b = createTaskRouterAdapter(ctx);
    const first = [...a.parse(WEBHOOKS), ...a.parse(STREAM)];
    const second = [...b.parse(WEBHOOKS), ...b.parse(STREAM)];
    expect(second).toEqual(first);
    const events = first.flatMap((p) => p.events ?? []);
    for (const e of events) expect(canonicalEvent.safeParse(e).success, JSON.stringify(e)).toBe(true);
    const ids = events.map((e) => e.id);
    // the retried webhook (line 21) repeats exactly one event: T1's contact.answered
    expect(ids.length - new Set(ids).size).toBe(1);
    expect(events.filter((e) => e.type === 'queue.config')).toEqual([]);
  });

  it('keeps a queue configured elsewhere, and judges each task by its own channel\'s T in a queue that carries several', () => {
    const t = testEngine(Date.parse(day('12:00')));
    // configured by hand: Sales (voice, T = 60 s) and Support (messaging, T = 30 min), which carries voice tasks too
    const config = (queue: string, channel: string, slThresholdSeconds: number) => JSON.stringify({ v: 1, type: 'queue.config', ts: day('07:00'), queue, channel, slThresholdSeconds });
    t.engine.ingestNdjson('config', [config('Sales', 'voice', 60), config('Support', 'message', 1800)].map((text, i) => ({ position: i + 1, text })));
    const at = (hhmmss: string) => Math.floor(Date.parse(`2026-03-02T${hhmmss}Z`) / 1000);
    const task = (sid: string, queue: string, channel: string, created: string, accepted: string) => [
      `EventType=task.created&Sid=EV${sid}c&TaskSid=${sid}&Timestamp=${at(created)}&TaskQueueName=${queue}&TaskChannelUniqueName=${channel}`,
      `EventType=reservation.accepted&Sid=EV${sid}a&TaskSid=${sid}&Timestamp=${at(accepted)}&WorkerSid=WK1`,
    ];
    const lines = [
      ...task('WT1', 'Sales', 'voice', '09:00:00', '09:00:45'), // 45 s: within Sales' 60 s
      ...task('WT2', 'Support', 'sms', '09:00:00', '09:10:00'), // 600 s: within Support's 1,800 s
      ...task('WT3', 'Support', 'voice', '09:01:00', '09:06:00'), // 300 s: beyond voice's 20 s
      ...task('WT4', 'Support', 'voice', '09:02:00', '09:02:15'), // 15 s: within 20 s
    ];
    t.engine.ingestWith(createTaskRouterAdapter(t.engine.adapterContext), 'tr', lines.map((text, i) => ({ position: i + 1, text })));
    expect(t.engine.store.queues().map((q) => [q.name, q.channel, q.slThresholdSeconds])).toEqual([['Sales', 'voice', 60], ['Support', 'message', 1800]]);
    const sl = (rows: MetricsRow[]) => Object.fromEntries(rows.map((r) => [r.key, [r.answeredWithinThreshold, r.answered]]));
    const expected = { Sales: [1, 1], Support: [2, 3] };
    const window = { from: day('09:00'), to: day('10:00') };
    // today's window (the contacts held in memory), the same window read from the store, and the live floor
    expect(sl(t.engine.handlers['metrics/window']({ ...window, by: 'queue' }).rows)).toEqual(expected);
    expect(sl(storedMetrics(t.engine.store, { from: Date.parse(window.from), to: Date.parse(window.to), by: 'queue', shortAbandonSeconds: 5 }))).toEqual(expected);
    expect(Object.fromEntries(t.engine.snapshot().queues.map((q) => [q.name, [q.answeredWithinThreshold, q.answered]]))).toEqual(expected);
    // a voice service-level standard with each queue's own T, today: Sales 1 of 1, Support's voice 1 of 2
    const standard = {
      id: 'voice-sl-queue-t', name: 'Voice SL at the queue T', metric: 'service-level', scope: { kind: 'channel', channel: 'voice' }, window: 'today',
      comparator: 'at-least', tiers: { expected: 0.5, desired: 0.6, delight: 0.7 }, options: { formula: 'floorboard', shortAbandonSeconds: 5 },
    } as Standard;
    const today = t.engine.handlers['standards/what-if']({ standard }).periods.find((p) => p.label === 'today')!;
    expect(today.proposed.find((x) => x.key === 'voice')).toMatchObject({ volume: 3, figure: 2 / 3 });
    t.close();
  });
});

describe('TaskRouter lines one by one', () => {
  const T = 'WT0123456789abcdef0123456789abcdef';
  const base = `EventType=task.created&TaskSid=${T}&TaskQueueName=Sales&TaskChannelUniqueName=voice&Timestamp=1772441880`;

  it('refuses what it cannot read, with a reason', () => {
    const reasons: [string, RegExp][] = [
      ['hello world', /not form-encoded: raw space/],
      ['just-text', /not name=value/],
      ['EventType=task.created&TaskSid=%ZZ', /bad percent-encoding/],
      [`TaskSid=${T}&Timestamp=1772441880`, /missing EventType/],
      [`EventType=task.created&TaskSid=${T}&TaskQueueName=Sales`, /missing Timestamp/],
      [`EventType=task.created&TaskSid=${T}&TaskQueueName=Sales&Timestamp=yesterday`, /bad Timestamp/],
      [`EventType=task.created&TaskSid=${T}&TaskQueueName=Sales&Timestamp=-5`, /bad Timestamp/],
      ['EventType=task.created&TaskQueueName=Sales&Timestamp=1772441880', /missing TaskSid on task.created/],
      ['EventType=reservation.accepted&WorkerSid=WK1&Timestamp=1772441880', /missing TaskSid/],
      [`EventType=task-queue.entered&TaskSid=${T}&Timestamp=1772441880`, /missing TaskQueueName/],
      [`EventType=reservation.accepted&TaskSid=${T}&Timestamp=1772441880`, /missing WorkerSid/],
      ['EventType=worker.activity.update&WorkerActivityName=Break&Timestamp=1772441880', /missing WorkerSid/],
      ['EventType=worker.activity.update&WorkerSid=WK1&Timestamp=1772441880', /missing WorkerActivityName/],
      ['EventType=bad%20type&Timestamp=1772441880', /bad EventType/],
      ['{"EventType":"task.created"', /not JSON/],
      ['{"type":"com.twilio.taskrouter.task.created"}', /missing specversion/],
      ['[]', /empty batch/],
      ['{"specversion":"1.0","type":"com.twilio.taskrouter.task.created","data":[]}', /data is not an object/],
      ['{"specversion":"1.0","type":"com.twilio.taskrouter.task.created","time":"2026-03-02T09:00:00Z","data":{"task_queue_name":"Sales"}}', /missing TaskSid/],
    ];
    for (const [text, reason] of reasons) {
      const r = one(text);
      expect(r.events, text).toBeUndefined();
      expect(r.reason, text).toMatch(reason);
    }
  });

  it('refuses a whole batch when one CloudEvent in it is bad, and remembers nothing of the good one', () => {
    const ce = (type: string, data: object) => ({ specversion: '1.0', type: `com.twilio.taskrouter.${type}`, id: `EV${type}`, time: '2026-03-02T09:00:00Z', data });
    const a = createTaskRouterAdapter(ctx);
    const batch = JSON.stringify([ce('task.created', { task_sid: T, task_queue_name: 'Sales' }), ce('task.canceled', {})]);
    expect(a.parse([{ position: 1, text: batch }])[0].reason).toMatch(/^event 2 of 2: missing TaskSid/);
    expect(a.trackedTasks).toBe(0);
    const good = JSON.stringify([ce('task.created', { task_sid: T, task_queue_name: 'Sales' }), { specversion: '1.0', type: 'com.twilio.studio.x', data: {} }]);
    expect(a.parse([{ position: 2, text: good }])[0].events?.map((e) => e.type)).toEqual(['contact.queued']);
  });

  it('refuses a line over 64 KiB, a batch over 1 MiB, and keeps 64 KiB of either in quarantine', () => {
    const pad = (n: number) => 'x'.repeat(n);
    const form = `${base}&Note=${pad(64 * 1024)}`;
    const event = `{"specversion":"1.0","pad":"${pad(64 * 1024)}"}`;
    // a batch within 1 MiB is read (here: refused for its content, not its length); one over it is not
    const batch = `[{"specversion":"1.0","pad":"${pad(512 * 1024)}"}]`;
    const bigBatch = `[{"specversion":"1.0","pad":"${pad(1024 * 1024)}"}]`;
    expect([form, event, batch, bigBatch].map((text) => one(text).reason)).toEqual([
      'line longer than 65536 characters',
      'line longer than 65536 characters',
      'not a CloudEvent: missing type',
      'line longer than 1048576 characters',
    ]);
    expect([form, event, batch, bigBatch].map((text) => one(text).text.length)).toEqual([65536, 65536, 65536, 65536]);
  });

  it('maps unknown event types and reservation outcomes to nothing, counted', () => {
    const a = createTaskRouterAdapter(ctx);
    const lines: SourceLine[] = ['reservation.rejected', 'reservation.rescinded', 'reservation.canceled', 'task-queue.moved', 'something.new'].map((t, i) => ({
      position: i + 1,
      text: `EventType=${t}&TaskSid=${T}&WorkerSid=WK1&Timestamp=1772441880`,
    }));
    expect(a.parse(lines).map((p) => p.events)).toEqual([[], [], [], [], []]);
    expect(Object.fromEntries(a.ignored)).toEqual({
      'reservation.rejected': 1,
      'reservation.rescinded': 1,
      'reservation.canceled': 1,
      'task-queue.moved': 1,
      'other event type': 1,
    });
  });

  it('uses the EventSid as the key of a retry, and derives a stable one without it', () => {
    const a = createTaskRouterAdapter(ctx);
    const [first, retry, other] = a.parse([
      { position: 1, text: `${base}&Sid=EV1` },
      { position: 2, text: `${base}&Sid=EV1` },
      { position: 3, text: `${base.replace('task.created', 'task-queue.entered')}&Sid=EV2` },
    ]);
    expect(retry.events).toEqual(first.events);
    expect(first.events!.map((e) => e.id)).toEqual([`tr:${T}:contact.queued`]);
    expect(other.events).toEqual([]);
    const noSid = (text: string) => createTaskRouterAdapter(ctx).parse([{ position: 1, text }])[0].events;
    const worker = 'EventType=worker.activity.update&WorkerSid=WK1&WorkerActivityName=Lunch&Timestamp=1772441880.25';
    expect(noSid(worker)).toEqual([{ v: 1, id: 'tr:worker.activity.update:WK1:1772441880250', type: 'agent.state', ts: 1772441880250, agentId: 'WK1', state: 'not-ready', reason: 'Lunch' }]);
    expect(noSid(worker)).toEqual(noSid(worker));
  });

  it('reads Timestamp in seconds, TimestampMs first, and ISO times', () => {
    expect(one(`${base}&TimestampMs=1772441880123`).events![0].ts).toBe(1772441880123);
    expect(one(base).events![0].ts).toBe(1772441880000);
    expect(one(base.replace('1772441880', '2026-03-02T09:58:00%2B01:00')).events![0].ts).toBe(Date.parse('2026-03-02T08:58:00Z'));
  });

  it('chooses the channel: attributes channelType, then the task channel, then the queue configuration', () => {
    const channel = (text: string, options: TaskRouterOptions = {}, queueChannel: 'voice' | 'email' = 'voice') => {
      const a = createTaskRouterAdapter({ queueChannel: () => queueChannel, agentState: () => null }, options);
      const e = a.parse([{ position: 1, text }])[0].events!.find((x): x is Extract<CanonicalEvent, { type: 'contact.queued' }> => x.type === 'contact.queued');
      return e?.channel;
    };
    const attrs = (o: object) => `&TaskAttributes=${encodeURIComponent(JSON.stringify(o))}`;
    expect(channel(base.replace('voice', 'chat') + attrs({ channelType: 'whatsapp' }))).toBe('message');
    expect(channel(base.replace('voice', 'chat') + attrs({ channelType: 'web' }))).toBe('chat');
    expect(channel(base.replace('voice', 'chat') + '&TaskAttributes=not-json')).toBe('chat');
    expect(channel(base.replace('voice', 'SMS'))).toBe('message');
    expect(channel(base.replace('voice', 'email'))).toBe('email');
    expect(channel(base.replace('voice', 'default'), {}, 'email')).toBe('email');
    expect(channel(base.replace('&TaskChannelUniqueName=voice', ''), {}, 'email')).toBe('email');
    expect(channel(base.replace('voice', 'video'), { channels: { video: 'chat' } })).toBe('chat');
  });

  it('maps activities, with overrides', () => {
    const state = (name: string, options: TaskRouterOptions = {}) =>
      one(`EventType=worker.activity.update&Sid=EV9&WorkerSid=WK1&WorkerName=alice&WorkerActivityName=${encodeURIComponent(name)}&Timestamp=1772441880`, options).events![0];
    expect(state('Available')).toMatchObject({ id: 'tr:EV9', agentId: 'WK1', name: 'alice', state: 'available' });
    expect(state('Offline')).toMatchObject({ state: 'offline' });
    expect(state('Offline')).not.toHaveProperty('reason');
    expect(state('Break')).toMatchObject({ state: 'not-ready', reason: 'Break' });
    expect(state('Unavailable')).toMatchObject({ state: 'not-ready', reason: 'Unavailable' });
    expect(state('Wrap Up', { activities: { 'wrap up': 'after-contact-work' } })).toMatchObject({ state: 'after-contact-work' });
    expect(state('x'.repeat(300))).toMatchObject({ state: 'not-ready', reason: 'x'.repeat(100) });
  });

  it('takes the agent from WorkerSid, else WorkerName', () => {
    const ans = (extra: string) => one(`EventType=reservation.accepted&TaskSid=${T}&Timestamp=1772441880${extra}`).events!.find((e) => e.type === 'contact.answered');
    expect(ans('&WorkerSid=WK1&WorkerName=alice')).toMatchObject({ type: 'contact.answered', agentId: 'WK1', contactId: T });
    expect(ans('&WorkerName=alice')).toMatchObject({ agentId: 'alice' });
  });

  it('puts a worker on contact while it is on a task, in wrap-up while it wraps one up, then back to its activity, learning its channels', () => {
    const a = createTaskRouterAdapter(ctx);
    const at = (hms: string) => Math.floor(Date.parse(`2026-03-02T${hms}Z`) / 1000);
    const ev = (n: number, type: string, hms: string, extra: string) => `EventType=${type}&Sid=EV${n}&Timestamp=${at(hms)}&${extra}`;
    const created = (n: number, task: string, channel: string, hms: string) => ev(n, 'task.created', hms, `TaskSid=${task}&TaskQueueName=Support&TaskChannelUniqueName=${channel}`);
    const res = (n: number, type: string, task: string, channel: string, hms: string, worker = 'WK1') =>
      ev(n, `reservation.${type}`, hms, `TaskSid=${task}&WorkerSid=${worker}&WorkerName=alice&TaskChannelUniqueName=${channel}`);
    const lines = [
      ev(1, 'worker.activity.update', '09:00:00', 'WorkerSid=WK1&WorkerName=alice&WorkerActivityName=Available'),
      created(2, 'WT1', 'chat', '09:01:00'),
      res(3, 'accepted', 'WT1', 'chat', '09:01:10'), // on contact, chat learned
      created(4, 'WT2', 'voice', '09:02:00'),
      res(5, 'accepted', 'WT2', 'voice', '09:02:05'), // on two tasks: still on contact, voice learned
      res(6, 'accepted', 'WT2', 'voice', '09:02:05'), // a retry: nothing new
      res(7, 'wrapup', 'WT1', 'chat', '09:05:00'), // still on WT2
      res(8, 'wrapup', 'WT2', 'voice', '09:06:00'), // wrap-up
      ev(9, 'worker.activity.update', '09:06:30', 'WorkerSid=WK1&WorkerName=alice&WorkerActivityName=Break'), // said, but she is wrapping up
      res(10, 'completed', 'WT1', 'chat', '09:07:00'), // WT2 still in wrap-up
      ev(11, 'task.completed', '09:08:00', 'TaskSid=WT2'), // a task event: for the worker on it
      ev(12, 'worker.capacity.update', '09:09:00', 'WorkerSid=WK1&TaskChannelUniqueName=chat&WorkerChannelCapacity=3'),
      res(13, 'accepted', 'WT2', 'voice', '09:02:05'), // late retry of a finished task: nothing
    ];
    const states = a.parse(lines.map((text, i) => ({ position: i + 1, text }))).map((p) =>
      (p.events ?? []).filter((e) => e.type === 'agent.state').map((e) => (e.type === 'agent.state' ? `${e.state}${e.reason ? `:${e.reason}` : ''} ${JSON.stringify(e.capacity ?? {})}` : '')).join(),
    );
    expect(states).toEqual([
      'available {}',
      '',
      'on-contact {"chat":1}',
      '',
      'on-contact {"chat":1,"voice":1}',
      '',
      '',
      'after-contact-work {"chat":1,"voice":1}',
      'after-contact-work {"chat":1,"voice":1}',
      '',
      'not-ready:Break {"chat":1,"voice":1}',
      'not-ready:Break {"chat":3,"voice":1}',
      '',
    ]);
    // and on the floor: the agent counts on both channels' tiles, on contact in the middle of it
    const t = testEngine(Date.parse('2026-03-02T09:03:00Z'));
    t.engine.ingestWith(createTaskRouterAdapter(t.engine.adapterContext), 'tr', lines.slice(0, 5).map((text, i) => ({ position: i + 1, text })));
    const snap = t.engine.snapshot();
    expect(snap.agents.map((x) => [x.id, x.state])).toEqual([['WK1', 'on-contact']]);
    expect(snap.channels.filter((c) => c.agents['on-contact'] > 0).map((c) => c.channel)).toEqual(['voice', 'chat']);
    t.close();
  });

  it('frees a worker whatever order, restart or transfer its task events come in', () => {
    const at = (hms: string) => Math.floor(Date.parse(`2026-03-02T${hms}Z`) / 1000);
    const ev = (n: string, type: string, hms: string, extra: string) => ({ position: 0, text: `EventType=${type}&Sid=EV${n}&Timestamp=${at(hms)}&${extra}` });
    const created = (task: string) => ev(`${task}c`, 'task.created', '09:00:00', `TaskSid=${task}&TaskQueueName=Support&TaskChannelUniqueName=voice`);
    const res = (n: string, type: string, task: string, hms: string, worker: string) => ev(n, `reservation.${type}`, hms, `TaskSid=${task}&WorkerSid=${worker}&TaskChannelUniqueName=voice`);
    const states = (out: ParsedLine[]) => out.flatMap((p) => (p.events ?? []).flatMap((e) => (e.type === 'agent.state' ? [`${e.agentId} ${e.state} ${e.id}`] : [])));
    // completed read before accepted (Event Streams keep no order): the late acceptance changes nothing
    const a = createTaskRouterAdapter(ctx);
    expect(states(a.parse([created('WT1'), res('2', 'completed', 'WT1', '09:06:00', 'WKA'), res('3', 'accepted', 'WT1', '09:01:05', 'WKA')]))).toEqual(['WKA available tr:EV2:agent:WKA']);
    // a transfer: both workers accepted; a task event without a worker frees both, one state (and id) each
    const b = createTaskRouterAdapter(ctx);
    const freed = states(b.parse([created('WT2'), res('4', 'accepted', 'WT2', '09:01:00', 'WKA'), res('5', 'accepted', 'WT2', '09:03:00', 'WKB'), ev('6', 'task.completed', '09:09:00', 'TaskSid=WT2')]));
    expect(freed.slice(-2)).toEqual(['WKA available tr:EV6:agent:WKA', 'WKB available tr:EV6:agent:WKB']);
    // a deleted task frees its worker too
    const d = createTaskRouterAdapter(ctx);
    expect(states(d.parse([created('WT3'), res('7', 'accepted', 'WT3', '09:01:00', 'WKA'), ev('8', 'task.deleted', '09:02:00', 'TaskSid=WT3')])).at(-1)).toBe('WKA available tr:EV8:agent:WKA');
    // after a restart: the wrap-up and completion of a task accepted before it still move the worker, and the
    // capacity the floor knew stays
    const stored: AdapterContext = { queueChannel: () => 'voice', agentState: (id) => (id === 'WKA' ? { state: 'on-contact', reason: null, capacity: { voice: 1, chat: 3 } } : null) };
    const r = createTaskRouterAdapter(stored);
    const after = r.parse([res('9', 'wrapup', 'WT4', '09:05:00', 'WKA'), res('10', 'completed', 'WT4', '09:06:00', 'WKA')]);
    expect(states(after)).toEqual(['WKA after-contact-work tr:EV9:agent:WKA', 'WKA available tr:EV10:agent:WKA']);
    expect(after.flatMap((p) => (p.events ?? []).flatMap((e) => (e.type === 'agent.state' ? [e.capacity] : [])))).toEqual([{ voice: 1, chat: 3 }, { voice: 1, chat: 3 }]);
  });

  it('puts a worker first seen on an acceptance on the floor holding that contact', () => {
    const t = testEngine(Date.parse('2026-03-02T09:05:00Z'));
    const at = (hms: string) => Math.floor(Date.parse(`2026-03-02T${hms}Z`) / 1000);
    t.engine.ingestWith(createTaskRouterAdapter(t.engine.adapterContext), 'tr', [
      `EventType=task.created&Sid=EV1&TaskSid=WT1&Timestamp=${at('09:00:00')}&TaskQueueName=Support&TaskChannelUniqueName=voice`,
      `EventType=reservation.accepted&Sid=EV2&TaskSid=WT1&Timestamp=${at('09:00:30')}&WorkerSid=WKA&TaskChannelUniqueName=voice`,
    ].map((text, i) => ({ position: i + 1, text })));
    const snap = t.engine.snapshot();
    expect(snap.agents.map((x) => [x.id, x.state, x.contacts.map((c) => c.id)])).toEqual([['WKA', 'on-contact', ['WT1']]]);
    expect(snap.channels.find((c) => c.channel === 'voice')!.agents['on-contact']).toBe(1);
    t.close();
  });
});
