/**
 * npm run bench: the figures behind docs/benchmarks.md. Prints numbers and ratios; asserts nothing.
 *   1. ingest throughput through the whole NDJSON path vs a bare better-sqlite3 insert of the same rows (medians
 *      of three interleaved rounds)
 *   2. the engine's tick (snapshot) time with 100 queues and 2,000 agents
 *   3. event-to-screen latency: 1,000 events/s into the headless host, until Chromium's DOM shows them
 *   4. the retention purge of 1,000,000 old raw lines: its longest chunk (bench/retention.ts)
 *   5. the weekly report of 1,000,000 contacts in every format, and the peak memory (bench/report.ts)
 *   6. the weekly report as PDF, XLSX and CSV: time and size (bench/reports.ts)
 *   7. fifty wall boards on the host's WebSockets, on the tick's floor pushed once a second: the host's CPU and
 *      memory, event-to-board latency (bench/boards.ts)
 *   8. scale (only when named: `npm run bench -- scale [--against REV] [--weeks small,large]`): the issue-17 weeks
 *      of 977k and 3.9 M queue_log lines ending now, CLI import and host start in child processes (bench/scale.ts)
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { manualClock } from '../src/core/clock';
import { createEngine } from '../src/core/engine';
import { canonicalEvent, toEventLine, type CanonicalEvent, type CanonicalEventInput } from '../src/core/model/events';
import { createSimulator } from '../src/core/simulator/simulator';
import { openDatabase } from '../src/core/store/database';
import { createStoreWriter } from '../src/core/store/store-writer';
import { tempDbPath } from '../test/helpers/engine';
import { startHost } from '../test/helpers/host';
import { benchBankMonth, benchQueueLog, benchTaskRouter } from './feeds';
import { busyFloor } from './busy-floor';
import { benchStandards, benchWhatIf } from './standards';
import { benchRetention } from './retention';
import { benchReport } from './report';
import { benchReports } from './reports';
import { benchBoards } from './boards';
import { benchScale } from './scale';

const results: Record<string, string> = {};
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
function report(name: string, value: string): void {
  results[name] = value;
  console.log(`${name.padEnd(52)} ${value}`);
}
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

function simulatedEvents(scale: number, hours: number, start: number): CanonicalEventInput[] {
  const sim = createSimulator({ seed: 1, start, timeZone: 'UTC', scale });
  return sim.advanceTo(start + hours * 3600_000);
}

function benchIngest(): void {
  const start = Date.parse('2026-03-02T00:00:00Z');
  const events = simulatedEvents(8, 24, start);
  const lines = events.map((e, i) => ({ position: i + 1, text: toEventLine(canonicalEvent.parse(e)) }));
  const BATCH = 5000;

  const parsed = lines.map((l) => canonicalEvent.parse(JSON.parse(l.text)) as CanonicalEvent);
  const preParsed = lines.map((l, i) => ({ position: l.position, text: l.text, events: [parsed[i]] }));

  // the whole path: parse + validate + raw line + event + derived contact/agent rows + live aggregates
  const wholePath = () => {
    const db = openDatabase({ path: tempDbPath() });
    const engine = createEngine({ db, clock: manualClock(start + 24 * 3600_000), center: { name: 'bench', timeZone: 'UTC', resetHour: 0 }, dbPath: 'bench', version: 'bench', runtime: 'node' });
    const t = performance.now();
    for (let i = 0; i < lines.length; i += BATCH) engine.ingestNdjson('bench', lines.slice(i, i + BATCH));
    const ms = performance.now() - t;
    engine.stop();
    db.close();
    return ms;
  };

  // bare better-sqlite3 A: the event log alone (one line block per batch, an idempotency key per event id),
  // prepared statements, same batches
  const bareLog = () => {
    const bare = openDatabase({ path: tempDbPath() });
    bare.prepare("INSERT INTO sources (name, format, created_at) VALUES ('bench', 'ndjson', 0)").run();
    const block = bare.prepare('INSERT INTO line_blocks (source_id, first_position, last_position, lines, events, derived, event_count, received_at) VALUES (1, ?, ?, ?, NULL, 0, ?, 0)');
    const key = bare.prepare('INSERT INTO event_keys (key) VALUES (?)');
    const insert = bare.transaction((from: number, to: number) => {
      const texts: string[] = [];
      for (let i = from; i < to; i++) {
        texts.push(lines[i].text);
        const id = parsed[i].id;
        if (id !== undefined) key.run(id);
      }
      block.run(lines[from].position, lines[to - 1].position, JSON.stringify(texts), to - from);
    });
    const t = performance.now();
    for (let i = 0; i < lines.length; i += BATCH) insert(i, Math.min(lines.length, i + BATCH));
    const ms = performance.now() - t;
    bare.close();
    return ms;
  };

  // bare B: every row the pipeline writes (event log + derived contacts and agent-state intervals), from
  // pre-parsed events: the store's prepared statements with no parsing, validation or live aggregation
  const bareStore = () => {
    const bareAll = openDatabase({ path: tempDbPath() });
    const store = createStoreWriter(bareAll);
    const t = performance.now();
    for (let i = 0; i < preParsed.length; i += BATCH) store.writeBatch({ source: 'bench', format: 'ndjson', lines: preParsed.slice(i, i + BATCH), sameAsRaw: true });
    const ms = performance.now() - t;
    bareAll.close();
    return ms;
  };

  // three rounds, the three paths interleaved so that the machine's noise falls on all of them; medians
  const rounds = [0, 1, 2].map(() => ({ whole: wholePath(), a: bareLog(), b: bareStore() }));
  const mid = (xs: number[]) => [...xs].sort((x, y) => x - y)[1];
  const fullMs = mid(rounds.map((r) => r.whole));
  const bareLogMs = mid(rounds.map((r) => r.a));
  const bareAllMs = mid(rounds.map((r) => r.b));
  const full = lines.length / (fullMs / 1000);
  const baseLog = lines.length / (bareLogMs / 1000);
  const baseAll = lines.length / (bareAllMs / 1000);
  report('ingest: events (a simulated day, scale 8)', fmt(lines.length));
  report('ingest: whole path (events/s)', fmt(full));
  report('ingest: bare A, event log rows only (events/s)', fmt(baseLog));
  report('ingest: bare B, all the same rows (events/s)', fmt(baseAll));
  report('ingest: ratio whole / bare A', fmt(full / baseLog, 2));
  report('ingest: ratio whole / bare B (target >= 0.5)', fmt(full / baseAll, 2));
  report('ingest: ratio whole / bare B per round', rounds.map((r) => fmt(r.b / r.whole, 2)).join(' '));
}

function benchTick(): void {
  const { engine, db, clock } = busyFloor();
  for (let i = 0; i < 20; i++) engine.snapshot(); // warm up
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 200; i++) {
    clock.advance(1000);
    const t = performance.now();
    const snap = engine.snapshot();
    times.push(performance.now() - t);
    if (i === 0) bytes = JSON.stringify(snap).length;
  }
  const t = performance.now();
  for (let i = 0; i < 50; i++) JSON.stringify(engine.snapshot());
  const withJson = (performance.now() - t) / 50;
  engine.stop();
  db.close();
  report('tick: 100 queues, 2,000 agents, 100k contacts p50 (ms)', fmt(percentile(times, 50), 2));
  report('tick: p95 (ms, target < 10)', fmt(percentile(times, 95), 2));
  report('tick: snapshot + JSON for the wire (ms)', fmt(withJson, 2));
  report('tick: snapshot size (KiB)', fmt(bytes / 1024, 0));
}

async function benchEventToScreen(): Promise<void> {
  const host = await startHost(['--no-simulate', '--time-zone', 'UTC']);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const api = (name: string, args: unknown) =>
      fetch(new URL(`api/${name}`, host.url), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${host.adminSecret}` }, body: JSON.stringify(args) }).then((r) => r.json());
    const now = Date.now();
    await api('ingest/lines', { source: 'bench', lines: [JSON.stringify({ v: 1, type: 'queue.config', ts: now, queue: 'Bench', channel: 'voice' })] });
    await page.goto(host.loginUrl);
    const cell = page.getByTestId('queue-tile-Bench').getByTestId('metric-offered');
    await cell.waitFor();
    // runs in the page (a string: this file is compiled without the DOM library)
    await page.evaluate(`(() => {
      window.seen = [];
      let last = -1;
      const read = () => {
        const el = document.querySelector('[data-testid="queue-tile-Bench"] [data-testid="metric-offered"]');
        const v = el ? Number((el.textContent || '').replace(/\\D/g, '')) : -1;
        if (v !== last) { last = v; window.seen.push([v, Date.now()]); }
      };
      new MutationObserver(read).observe(document.body, { childList: true, characterData: true, subtree: true, attributes: true });
    })()`);
    // 1,000 events per second for 10 s, in batches of 50 every 50 ms
    const sent: [number, number][] = [];
    let n = 0;
    const memory: number[] = [];
    const t0 = Date.now();
    for (let b = 0; b < 200; b++) {
      const due = t0 + b * 50;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const lines = [];
      for (let i = 0; i < 50; i++) {
        n++;
        lines.push(JSON.stringify({ v: 1, type: 'contact.queued', ts: Date.now(), contactId: `bench-${n}`, queue: 'Bench', channel: 'voice' }));
      }
      const sentAt = Date.now();
      void api('ingest/lines', { source: 'bench-feed', lines });
      sent.push([n, sentAt]);
      if (b % 20 === 0) memory.push(rss(host.process.pid!));
    }
    await page.waitForTimeout(1500);
    const seen = (await page.evaluate('window.seen')) as [number, number][];
    const latencies = sent.map(([count, at]) => {
      const shown = seen.find(([v]) => v >= count);
      return shown ? shown[1] - at : Infinity;
    });
    const shownAll = latencies.filter(Number.isFinite);
    report('event-to-screen: events fed (1,000/s)', fmt(n));
    report('event-to-screen: batches shown', `${shownAll.length} / ${latencies.length}`);
    report('event-to-screen: p50 (ms)', fmt(percentile(shownAll, 50)));
    report('event-to-screen: p95 (ms, target < 250)', fmt(percentile(shownAll, 95)));
    report('host: peak resident memory (MiB)', fmt(Math.max(peakRss(host.process.pid!), ...memory) / 1024, 0));
  } finally {
    await browser.close();
    await host.stop();
  }
}

function rss(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}
function peakRss(pid: number): number {
  const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

console.log(`Floorboard benchmarks on ${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}, ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`);
// npm run bench [-- ingest tick screen queue_log csv taskrouter retention report standards reports boards]: all by
// default; scale only when named (minutes, and gigabytes of data the first time)
const args = process.argv.slice(2);
const only = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const want = (name: string) => only.length === 0 || only.includes(name);
if (want('ingest')) benchIngest();
if (want('tick')) benchTick();
if (want('screen')) await benchEventToScreen();
if (want('queue_log')) benchQueueLog(report);
if (want('csv')) benchBankMonth(report);
if (want('taskrouter')) await benchTaskRouter(report);
if (want('retention')) await benchRetention(report);
if (want('report')) await benchReport(report);
if (want('standards')) {
  benchStandards(report);
  benchWhatIf(report);
}
if (want('reports')) await benchReports(report);
if (want('boards')) await benchBoards(report);
if (only.includes('scale')) await benchScale(report, args);
