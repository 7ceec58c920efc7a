/**
 * Retention purge (issue 14, point 6): 1,000,000 raw lines received 60 days ago purged by the host's daily purge
 * (store/retention-purge.ts, default chunks: 1,000 rows or 20,000 lines a transaction, a 1 ms wall timer and a
 * passive WAL checkpoint between them), on a database file (WAL) beside 10,000 lines of today. The figure that matters is the longest chunk: the
 * longest a batch of lines, a webhook or a push can wait for the purge. Two shapes of the same lines:
 * - a file tail's: blocks of 5,000 lines (200 rows);
 * - a webhook's: one line a block (1,000,000 rows), the worst case for rows a line.
 * Three rounds each, each on a new database; the range is printed.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { manualClock, systemClock } from '../src/core/clock';
import { openDatabase } from '../src/core/store/database';
import { createRetentionPurge } from '../src/core/store/retention-purge';
import { tempDbPath } from '../test/helpers/engine';

type Report = (name: string, value: string) => void;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const range = (xs: number[], digits = 0) => `${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)}`;

const LINES = 1_000_000;
const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T12:00:00Z');

/** An NDJSON contact event of about 150 bytes, as a feed sends it. */
const lineText = (i: number) =>
  JSON.stringify({ v: 1, id: `evt-${i}`, type: 'contact.queued', ts: NOW - 60 * DAY + i, contactId: `call-${i}-0000-4a4a-8b8b`, queue: 'Billing EU', channel: 'voice' });

/** A database holding the old lines in blocks of `perBlock`, then 10,000 lines of today. */
function database(perBlock: number): string {
  const path = tempDbPath();
  const db = openDatabase({ path });
  db.prepare("INSERT INTO sources (name, format, created_at) VALUES ('feed', 'ndjson', 0)").run();
  const insert = db.prepare('INSERT INTO line_blocks (source_id, first_position, last_position, lines, events, derived, event_count, received_at) VALUES (1, ?, ?, ?, NULL, 0, ?, ?)');
  const fill = db.transaction((from: number, to: number, at: number) => {
    for (let a = from; a <= to; a += perBlock) {
      const b = Math.min(to, a + perBlock - 1);
      const texts: string[] = [];
      for (let i = a; i <= b; i++) texts.push(lineText(i));
      insert.run(a, b, JSON.stringify(texts), b - a + 1, at);
    }
  });
  for (let from = 1; from <= LINES; from += 100_000) fill(from, Math.min(LINES, from + 99_999), NOW - 60 * DAY);
  fill(LINES + 1, LINES + 10_000, NOW);
  db.close();
  return path;
}

async function purgeOnce(perBlock: number): Promise<{ longest: number; checkpoint: number; chunks: number; seconds: number; lines: number; lagP99: number; lagMax: number }> {
  const path = database(perBlock);
  const db = openDatabase({ path });
  try {
    const purge = createRetentionPurge({ db, clock: manualClock(NOW), wall: systemClock(), calendar: { timeZone: 'UTC', resetHour: 0 } });
    globalThis.gc?.();
    // what a timer of the live path (a push, a file poll) waits beyond its time while the purge runs
    const lag = monitorEventLoopDelay({ resolution: 1 });
    lag.enable();
    const t = performance.now();
    const r = await purge.runNow();
    const seconds = (performance.now() - t) / 1000;
    lag.disable();
    return { longest: r.longestChunkMs, checkpoint: r.longestCheckpointMs, chunks: r.chunks, seconds, lines: r.counts['raw-lines'], lagP99: lag.percentile(99) / 1e6, lagMax: lag.max / 1e6 };
  } finally {
    db.close();
  }
}

export async function benchRetention(report: Report): Promise<void> {
  for (const [shape, perBlock] of [
    ['blocks of 5,000 lines', 5000],
    ['one line a block', 1],
  ] as const) {
    const runs = [];
    for (let round = 0; round < 3; round++) runs.push(await purgeOnce(perBlock));
    if (runs.some((r) => r.lines !== LINES - 1)) throw new Error(`retention bench: purged ${runs.map((r) => r.lines).join(', ')} lines, expected ${LINES - 1}`);
    report(`retention: 1M old lines, ${shape}: longest chunk (ms)`, range(runs.map((r) => r.longest), 1));
    report(`retention: 1M old lines, ${shape}: longest checkpoint (ms)`, range(runs.map((r) => r.checkpoint), 1));
    report(`retention: 1M old lines, ${shape}: event-loop delay p99 (ms)`, range(runs.map((r) => r.lagP99), 1));
    report(`retention: 1M old lines, ${shape}: event-loop delay max (ms)`, range(runs.map((r) => r.lagMax), 1));
    report(`retention: 1M old lines, ${shape}: chunks`, range(runs.map((r) => r.chunks)));
    report(`retention: 1M old lines, ${shape}: whole purge (s)`, range(runs.map((r) => r.seconds), 1));
  }
}
