/**
 * The weekly report of 1,000,000 contacts (issue 15: target under 10 s for PDF + XLSX + CSV together, with the peak
 * memory). The week is written once into a database kept in the temp folder (made again when missing or of an
 * earlier schema): contacts
 * queued over 7 days on 4 channels and 40 queues, 85 % answered by 400 agents, the rest abandoned, with seeded waits
 * and handle times. The earlier weeks of the trend are empty (their tallies cost an index range each). The report is
 * built as the app and the host build it: in a worker thread on its own read-only connection (report-runner.ts),
 * timed from the worker's progress (the figures, then the files).
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manualClock } from '../src/core/clock';
import { createEngine } from '../src/core/engine';
import { DEFAULT_SHORT_ABANDON_SECONDS } from '../src/core/model/types';
import { REPORT_FORMATS } from '../src/core/reports/report-files';
import { workerRunner } from '../src/core/reports/report-runner';
import { weekPeriod } from '../src/core/reports/report-period';
import { openDatabase } from '../src/core/store/database';
import { MIGRATIONS } from '../src/core/store/migrations';

type Report = (name: string, value: string) => void;
const CONTACTS = 1_000_000;
const WEEK = '2026-W10';
const START = Date.parse('2026-03-02T00:00:00Z');
const CHANNELS = ['voice', 'chat', 'email', 'message'] as const;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function buildWeek(path: string): void {
  const partial = `${path}.${process.pid}.part`;
  const db = openDatabase({ path: partial });
  const clock = manualClock(START + 8 * 86_400_000);
  const engine = createEngine({ db, clock, center: { name: 'bench', timeZone: 'UTC', resetHour: 0 }, dbPath: partial, version: 'bench', runtime: 'node', recentDays: 1 });
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let lines: { position: number; text: string }[] = [];
  let position = 0;
  const push = (e: object) => lines.push({ position: ++position, text: JSON.stringify(e) });
  for (let i = 0; i < CONTACTS; i++) {
    const queuedAt = START + Math.floor((i / CONTACTS) * 7 * 86_400_000);
    const channel = CHANNELS[i % 4];
    const contactId = `c${i}`;
    push({ v: 1, type: 'contact.queued', ts: queuedAt, contactId, queue: `${channel}-${i % 10}`, channel });
    const wait = Math.floor(rand() * 90_000);
    if (rand() < 0.85) {
      push({ v: 1, type: 'contact.answered', ts: queuedAt + wait, contactId, agentId: `a${i % 400}` });
      push({ v: 1, type: 'contact.wrapup-ended', ts: queuedAt + wait + 60_000 + Math.floor(rand() * 400_000), contactId });
    } else push({ v: 1, type: 'contact.abandoned', ts: queuedAt + wait, contactId });
    if (lines.length >= 5000) {
      engine.ingestNdjson('bench', lines);
      lines = [];
    }
  }
  if (lines.length > 0) engine.ingestNdjson('bench', lines);
  engine.stop();
  db.close();
  renameSync(partial, path);
}

function peakRssKiB(): number {
  const m = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) : 0;
}

export async function benchReport(report: Report): Promise<void> {
  // named by the schema it was written with: a later migration builds it again
  const path = join(tmpdir(), `floorboard-bench-report-1m-${MIGRATIONS.at(-1)?.name ?? 'none'}.db`);
  if (!existsSync(path)) {
    const t = performance.now();
    buildWeek(path);
    report('report: building the 1,000,000-contact week (s, once)', fmt((performance.now() - t) / 1000, 1));
  }
  const period = weekPeriod(WEEK, { timeZone: 'UTC', resetHour: 0, weekStart: 'monday' });
  if (!period.ok) throw new Error(period.reason);
  // the desktop app's worker (its bundle, out/main/report-worker.js: `npm run bench` builds it first), then the one the
  // CLI and `serve` start from source through tsx, which compiles the PDF's modules when the PDF is first written
  const before = process.memoryUsage().rss;
  const bundled = join(process.cwd(), 'out', 'main', 'report-worker.js');
  for (const [runtime, entry] of [['app', existsSync(bundled) ? { file: bundled } : null], ['host', 'source']] as const) {
    if (entry === null) continue;
    const marks = new Map<string, number>();
    const t0 = performance.now();
    const run = workerRunner({ dbPath: path, entry })(
      { options: { period: period.period, scope: { channels: [], queues: [] }, shortAbandonSeconds: DEFAULT_SHORT_ABANDON_SECONDS }, formats: REPORT_FORMATS, created: Date.now() },
      (_progress, stage) => marks.set(stage, performance.now()),
    );
    const result = await run.result;
    const t2 = performance.now();
    // the figures start when the worker says so (its start and its modules' loading before it), the files after them
    const t1 = marks.get(`writing ${REPORT_FORMATS[0]}`) ?? t2;
    const started = marks.get('building the figures') ?? t0;
    const bytes = Object.values(result.files).reduce((n, f) => n + (typeof f === 'string' ? Buffer.byteLength(f) : f.length), 0);
    report(`report (${runtime}): the worker started, its modules loaded (s)`, fmt((started - t0) / 1000, 2));
    report(`report (${runtime}): ${fmt(result.center.offered)} contacts, the model (s)`, fmt((t1 - started) / 1000, 2));
    report(`report (${runtime}): ${REPORT_FORMATS.join(' + ')} files (s, ${fmt(bytes / 2 ** 20, 1)} MiB)`, fmt((t2 - t1) / 1000, 2));
    report(`report (${runtime}): together, from the request (s, target < 10)`, fmt((t2 - t0) / 1000, 2));
  }
  report('report: peak RSS of the process, both runs (MiB; before them: ' + fmt(before / 2 ** 20) + ')', fmt(peakRssKiB() / 1024));
}
