/**
 * Feed benchmarks (issue 3): queue_log lines/s and TaskRouter webhook posts/s through the whole path, the
 * Anonymous Bank month import, and per-queue metrics over a week of about 1,000,000 queue_log lines.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostAccess } from '../test/helpers/access';
import { manualClock } from '../src/core/clock';
import { createEngine } from '../src/core/engine';
import { createCsvAdapter } from '../src/core/ingest/csv';
import { anonymousBankMapping } from '../src/core/ingest/csv-anonymous-bank';
import { numberLines } from '../src/core/ingest/source-lines';
import { createQueueLogAdapter } from '../src/core/ingest/queue-log';
import { storedMetrics } from '../src/core/metrics/window-metrics';
import { computeTwilioSignature } from '../src/core/ingest/twilio-signature';
import { openDatabase, type Db } from '../src/core/store/database';
import type { Statement } from 'better-sqlite3';
import { createStoreWriter } from '../src/core/store/store-writer';
import { startHost } from '../src/server/host';
import { tempDbPath } from '../test/helpers/engine';
import { BANK_FILE } from '../test/helpers/host';
import { simulatedQueueLog } from './queue-log-gen';

type Report = (name: string, value: string) => void;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const BATCH = 5000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function engineAt(now: number, timeZone = 'UTC') {
  const db = openDatabase({ path: tempDbPath() });
  const engine = createEngine({ db, clock: manualClock(now), center: { name: 'bench', timeZone, resetHour: 0 }, dbPath: 'bench', version: 'bench', runtime: 'node' });
  return { engine, db, close: () => (engine.stop(), db.close()) };
}

export function benchQueueLog(report: Report): void {
  const start = Date.parse('2026-03-02T00:00:00Z');
  // joined and split again, as a file reader hands lines over (the generator's concatenated strings would
  // otherwise keep ~700 MB of garbage alive and tax whatever is measured first)
  const text = simulatedQueueLog(start, 7, 14).join('\n').split('\n');
  const lines = text.map((t, i) => ({ position: i + 1, text: t }));
  report('queue_log: lines (a simulated week, scale 14)', fmt(lines.length));

  // the whole path: adapter + raw lines + events + derived contacts and agent intervals + live aggregates
  const whole = engineAt(start + 7 * 86_400_000);
  const adapter = createQueueLogAdapter(whole.engine.adapterContext);
  let t = performance.now();
  for (let i = 0; i < lines.length; i += BATCH) whole.engine.ingestWith(adapter, 'queue_log', lines.slice(i, i + BATCH));
  const wholeS = (performance.now() - t) / 1000;
  report('queue_log: whole path (lines/s, target >= 400,000)', fmt(lines.length / wholeS));

  // its parts: the adapter alone, and the store alone on pre-parsed lines
  const parsed = [];
  const parser = createQueueLogAdapter({ queueChannel: () => 'voice', agentState: () => null });
  t = performance.now();
  for (let i = 0; i < lines.length; i += BATCH) parsed.push(parser.parse(lines.slice(i, i + BATCH)));
  report('queue_log: adapter alone (lines/s)', fmt(lines.length / ((performance.now() - t) / 1000)));
  const db = openDatabase({ path: tempDbPath() });
  const store = createStoreWriter(db);
  t = performance.now();
  for (const b of parsed) store.writeBatch({ source: 'queue_log', format: 'queue_log', lines: b, dedupe: parser.dedupe });
  report('queue_log: store alone (lines/s)', fmt(lines.length / ((performance.now() - t) / 1000)));
  db.close();
  report('queue_log: ratio vs Asternic Stats Lite (4,800 lines/s)', fmt(lines.length / wholeS / 4800, 0));
  const floorS = storeFloor(text);
  report('queue_log: floor, contacts + raw lines only (lines/s)', fmt(text.length / floorS));
  report('queue_log: whole path / floor', `${fmt(floorS / wholeS, 2)}×`);
  const sqlS = sqliteAlone(whole.db);
  report('queue_log: SQLite alone, the rows the whole path stored, precomputed (lines/s)', fmt(lines.length / sqlS));
  report('queue_log: SQLite alone, us a line', fmt((sqlS * 1e6) / lines.length, 2));

  // per-queue metrics over the whole week, from the store (what `metrics --by queue` runs)
  const times: number[] = [];
  let rows = 0;
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    rows = whole.engine.handlers['metrics/window']({ from: new Date(start).toISOString(), to: new Date(start + 7 * 86_400_000).toISOString(), by: 'queue' }).rows.length;
    times.push(performance.now() - t0);
  }
  const contacts = whole.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM contacts').get()!.n;
  report(`queue_log: week metrics by queue, ${rows} queues, ${fmt(contacts)} contacts (ms, target < 100)`, fmt(median(times), 1));
  // the same week as an older one (before the days held in memory): one SQLite pass
  const sqlTimes: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    storedMetrics(whole.engine.store, { from: start, to: start + 7 * 86_400_000, by: 'queue', shortAbandonSeconds: 5 });
    sqlTimes.push(performance.now() - t0);
  }
  report('queue_log: the same week from the store (older weeks), ms', fmt(median(sqlTimes), 1));
  whole.close();
}

/**
 * The least a queue_log store does, as a yardstick for the whole path: the same lines and schema, but a parse that
 * checks nothing (the verb's first letters, the epoch's digits), contacts merged in place of events (queued,
 * answered, abandoned, ended), no agent state, no live aggregates; contacts written in the store's 17-column
 * multi-row upserts and the lines in one block a batch, one transaction a batch. Returns seconds.
 */
function storeFloor(text: string[]): number {
  const db = openDatabase({ path: tempDbPath() });
  const PER = 200;
  const COLS = 17;
  const tuple = `(${new Array(COLS).fill('?').join(',')})`;
  const head = 'INSERT INTO contacts (id, channel, queue, agent_id, queued_at, answered_at, first_response_at, abandoned_at, ended_at, wrapup_end_at, csat, nps, surveyed_at, resolved_at, first_contact, first_auto_response_at, turns) VALUES';
  const tail = ' ON CONFLICT (id) DO UPDATE SET agent_id = excluded.agent_id, queued_at = excluded.queued_at, answered_at = excluded.answered_at, abandoned_at = excluded.abandoned_at, ended_at = excluded.ended_at, wrapup_end_at = excluded.wrapup_end_at';
  const upsert = (n: number) => db.prepare(`${head} ${new Array(n).fill(tuple).join(', ')}${tail}`);
  const full = upsert(PER);
  const block = db.prepare('INSERT INTO line_blocks (source_id, first_position, last_position, lines, events, derived, event_count, received_at) VALUES (1, ?, ?, ?, NULL, 1, ?, 0)');
  db.prepare("INSERT INTO sources (id, name, format, created_at) VALUES (1, 'floor', 'queue_log', 0)").run();
  interface Row { id: string; queue: string; agent: string | null; queued: number | null; answered: number | null; abandoned: number | null; ended: number | null }
  const held = new Map<string, Row>();
  const params: unknown[] = new Array(PER * COLS).fill(null);
  const t = performance.now();
  for (let first = 0; first < text.length; first += BATCH) {
    const batch = text.slice(first, first + BATCH);
    const changed = new Map<string, Row>();
    db.transaction(() => {
      for (const line of batch) {
        const p1 = line.indexOf('|');
        const p2 = line.indexOf('|', p1 + 1);
        const p3 = line.indexOf('|', p2 + 1);
        const p4 = line.indexOf('|', p3 + 1);
        const v = line.charCodeAt(p4 + 1);
        if ((v !== 69 && v !== 67 && v !== 65) || line.charCodeAt(p1 + 1) === 78) continue; // E C A, and a call id
        let secs = 0;
        let i = 0;
        for (; i < p1 && line.charCodeAt(i) !== 46; i++) secs = secs * 10 + line.charCodeAt(i) - 48;
        const ts = secs * 1000 + (i < p1 ? Number(line.slice(i + 1, p1)) : 0);
        const id = `${line.slice(p1 + 1, p2)}@${line.slice(p2 + 1, p3)}`;
        let c = held.get(id);
        if (c === undefined) {
          c = { id, queue: line.slice(p2 + 1, p3), agent: null, queued: null, answered: null, abandoned: null, ended: null };
          held.set(id, c);
        }
        if (v === 69) c.queued = ts;
        else if (v === 65) c.abandoned = ts;
        else if (line.charCodeAt(p4 + 3) === 78) (c.answered = ts), (c.agent = line.slice(p3 + 1, p4)); // CONNECT
        else c.ended = ts;
        changed.set(id, c);
      }
      block.run(first + 1, first + batch.length, JSON.stringify(batch), batch.length);
      let k = 0;
      const flush = (n: number) => (n === PER ? full : upsert(n)).run(n === PER ? params : params.slice(0, n * COLS));
      for (const c of changed.values()) {
        const o = k * COLS;
        params[o] = c.id;
        params[o + 1] = 'voice';
        params[o + 2] = c.queue;
        params[o + 3] = c.agent;
        params[o + 4] = c.queued;
        params[o + 5] = c.answered;
        params[o + 7] = c.abandoned;
        params[o + 8] = c.ended;
        params[o + 9] = c.ended;
        if (++k === PER) (flush(PER), (k = 0));
      }
      if (k > 0) flush(k);
    })();
    if (held.size > 200_000) held.clear();
  }
  const seconds = (performance.now() - t) / 1000;
  db.close();
  return seconds;
}

/**
 * The ceiling of any design on this schema: the rows the whole path stored (its line blocks, contacts and agent
 * intervals), read back and written again into a fresh database by SQLite alone, with their parameters built
 * beforehand, in as many transactions as the whole path made. No JavaScript work, no read, no upsert conflict and
 * no UPDATE is left in it, so it is a lower bound on the SQLite time of the whole path; and SQLite takes one
 * writer at a time, so that time cannot be spread over cores. Returns seconds.
 */
function sqliteAlone(from: Db): number {
  const PER = 200;
  const blocks = from.prepare('SELECT source_id, first_position, last_position, lines, events, derived, event_count, received_at FROM line_blocks ORDER BY source_id, first_position').raw().all() as unknown[][];
  const contacts = from.prepare('SELECT * FROM contacts ORDER BY queued_at').raw().all() as unknown[][];
  const columns = from.prepare('SELECT * FROM contacts LIMIT 1').columns().map((c) => c.name);
  const agents = from.prepare('SELECT id, agent_id, state, reason, start_at, end_at FROM agent_states ORDER BY id').raw().all() as unknown[][];
  const chunks = (rows: unknown[][], k: number, per: number) => {
    const out: unknown[][] = [];
    const part = rows.slice(k * per, (k + 1) * per);
    for (let i = 0; i < part.length; i += PER) out.push(part.slice(i, i + PER).flat());
    return out;
  };
  const batches = blocks.length;
  const plan = blocks.map((block, k) => ({
    block,
    contacts: chunks(contacts, k, Math.ceil(contacts.length / batches)),
    agents: chunks(agents, k, Math.ceil(agents.length / batches)),
  }));
  const db = openDatabase({ path: tempDbPath() });
  db.prepare("INSERT INTO sources (id, name, format, created_at) VALUES (1, 'alone', 'queue_log', 0)").run();
  const statements = new Map<string, Statement>();
  const insert = (head: string, width: number, values: number) => {
    const key = `${head}/${values}`;
    let st = statements.get(key);
    if (!st) statements.set(key, (st = db.prepare(`${head} ${new Array(values / width).fill(`(${new Array(width).fill('?').join(',')})`).join(',')}`)));
    return st;
  };
  const block = db.prepare('INSERT INTO line_blocks (source_id, first_position, last_position, lines, events, derived, event_count, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const contactHead = `INSERT INTO contacts (${columns.join(', ')}) VALUES`;
  const agentHead = 'INSERT INTO agent_states (id, agent_id, state, reason, start_at, end_at) VALUES';
  const t = performance.now();
  for (const b of plan) {
    db.transaction(() => {
      block.run(b.block);
      for (const values of b.contacts) insert(contactHead, columns.length, values.length).run(values);
      for (const values of b.agents) insert(agentHead, 6, values.length).run(values);
    })();
  }
  const seconds = (performance.now() - t) / 1000;
  db.close();
  return seconds;
}

export function benchBankMonth(report: Report): void {
  const file = BANK_FILE;
  const times: number[] = [];
  let n = 0;
  for (let k = 0; k < 3; k++) {
    const e = engineAt(Date.parse('1999-03-01T12:00:00Z'), 'Asia/Jerusalem');
    const t = performance.now();
    const lines = numberLines(readFileSync(file, 'utf8'));
    n = lines.length;
    e.engine.ingestWith(createCsvAdapter(anonymousBankMapping()), 'calls-1999-02.tsv', lines);
    times.push(performance.now() - t);
    e.close();
  }
  report(`csv: Anonymous Bank month, ${fmt(n)} lines, read + import (s, target < 2)`, fmt(median(times) / 1000, 2));
}

/** Signed TaskRouter form posts to the real HTTP host, 32 in flight. */
export async function benchTaskRouter(report: Report): Promise<void> {
  const start = Date.parse('2026-03-02T09:00:00Z');
  const e = engineAt(start + 3600_000);
  const token = 'bench-auth-token';
  e.engine.feeds.add({ name: 'twilio', kind: 'webhook', format: 'taskrouter', token });
  const host = await startHost({
    engine: e.engine,
    ...hostAccess(e.engine),
    rendererDir: mkdtempSync(join(tmpdir(), 'floorboard-bench-')),
    port: 0,
    host: '127.0.0.1',
  });
  const url = new URL('/feeds/twilio', host.url).toString();
  const TASKS = 2500;
  const posts: { body: string; signature: string }[] = [];
  for (let i = 0; i < TASKS; i++) {
    const sid = `WT${String(i).padStart(32, '0')}`;
    const ts = start + i * 1000;
    const base = {
      AccountSid: 'AC00000000000000000000000000000001',
      WorkspaceSid: 'WS00000000000000000000000000000001',
      TaskSid: sid,
      ResourceSid: sid,
      TaskQueueSid: 'WQ00000000000000000000000000000001',
      TaskQueueName: i % 2 ? 'Sales' : 'Support',
      TaskChannelUniqueName: i % 3 ? 'voice' : 'chat',
      TaskAttributes: '{"from":"+15551230000"}',
      WorkerSid: `WK${String(i % 40).padStart(32, '0')}`,
    };
    const events = [
      { EventType: 'task.created', ResourceType: 'task', TimestampMs: ts },
      { EventType: 'reservation.accepted', ResourceType: 'reservation', TimestampMs: ts + 12_000 },
      { EventType: 'task.completed', ResourceType: 'task', TimestampMs: ts + 200_000 },
    ];
    events.forEach((ev, k) => {
      const params = { ...base, ...ev, EventSid: `EV${String(i * 3 + k).padStart(32, '0')}`, Timestamp: String(Math.floor(ev.TimestampMs / 1000)), TimestampMs: String(ev.TimestampMs) };
      posts.push({ body: new URLSearchParams(params).toString(), signature: computeTwilioSignature({ authToken: token, url, params }) });
    });
  }
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < posts.length) {
      const p = posts[next++];
      const r = await fetch(url, { method: 'POST', body: p.body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': p.signature } });
      if (r.status !== 200) failed++;
      await r.arrayBuffer();
    }
  };
  const t = performance.now();
  await Promise.all(Array.from({ length: 32 }, worker));
  const s = (performance.now() - t) / 1000;
  const offered = e.engine.snapshot().queues.reduce((n, q) => n + q.offered, 0);
  report(`taskrouter: signed webhook posts (${fmt(posts.length)}, 32 in flight), posts/s`, fmt(posts.length / s));
  report('taskrouter: posts refused / contacts offered', `${failed} / ${fmt(offered)}`);
  await host.close();
  e.close();
}
