/**
 * The daily purge (retention.ts): shortly after start and then once a day of the wall clock, each kind older than
 * its setting is purged in chunks, one short transaction each, with a turn of the event loop between them (a wall
 * timer of 1 ms, what Node makes of 0 anyway) and the WAL checkpointed in a turn of its own (on a manual clock, a
 * chunk and its checkpoint are two advances of 1 ms), so ingest, webhooks and pushes wait at most one chunk
 * (docs/benchmarks.md "Retention purge"). The settings are read from the database at each run: one changed by `retention set` while the host runs applies
 * at the next purge. The cutoffs follow the center's clock and calendar. A failing chunk is logged and ends the
 * run; the next day's run tries again.
 */
import { safely, type Clock, type Timer } from '../clock';
import type { CenterCalendar } from '../time/center-day';
import type { Db } from './database';
import { RETENTION_KINDS, retentionCutoff, retentionSettings, startPurgeRun, type ChunkLimits, type PurgeCounts, type RetentionKind } from './retention';

const DAY_MS = 86_400_000;
/** Between two chunks: webhooks, file polls and pushes queued meanwhile run first. */
const PAUSE_MS = 1;

export interface PurgeReport {
  counts: PurgeCounts;
  /** The cutoff of each kind: rows older than it went. */
  cutoffs: Record<RetentionKind, number>;
  chunks: number;
  /** The longest chunk (ms): as long as a batch of lines or a push could have waited. */
  longestChunkMs: number;
  /** The longest WAL checkpoint between two chunks (ms), in a turn of its own. */
  longestCheckpointMs: number;
}

export interface RetentionPurgeOptions {
  db: Db;
  /** The center's clock: what "days old" is measured against. */
  clock: Clock;
  /** The wall clock: when the purge runs, and the turns between chunks. */
  wall: Clock;
  calendar: CenterCalendar;
  log?: (message: string) => void;
  /** The first run, this long after start (default 10 minutes: after the start-up rebuild and feeds' catch-up). */
  firstAfterMs?: number;
  /** Then a run every (default a day). */
  everyMs?: number;
  chunk?: ChunkLimits;
}

export interface RetentionPurge {
  start(): void;
  stop(): void;
  /** Purge now (or join the run under way). */
  runNow(): Promise<PurgeReport>;
}

export function createRetentionPurge(o: RetentionPurgeOptions): RetentionPurge {
  let next: Timer | null = null;
  /** The run under way: its promise, the timer of its next chunk, and how to end it. */
  let current: { done: Promise<PurgeReport>; turn: Timer | null; end(e: Error | null): void } | null = null;

  function run(): Promise<PurgeReport> {
    if (current) return current.done;
    let settle!: (e: Error | null) => void;
    let report: PurgeReport | null = null;
    const done = new Promise<PurgeReport>((resolve, reject) => {
      settle = (e) => (e || !report ? reject(e ?? new Error('retention purge stopped')) : resolve(report));
    });
    const self = {
      done,
      turn: null as Timer | null,
      end(e: Error | null) {
        self.turn?.clear();
        if (current === self) current = null;
        settle(e);
      },
    };
    current = self;
    const chunk = (purge: ReturnType<typeof startPurgeRun>, r: PurgeReport) => {
      self.turn = null;
      const t = performance.now();
      const more = purge.step();
      r.longestChunkMs = Math.max(r.longestChunkMs, performance.now() - t);
      r.chunks++;
      if (more) self.turn = o.wall.setTimeout(() => safely(() => checkpoint(purge, r), (e) => self.end(e)), PAUSE_MS);
      else self.end(null);
    };
    // The WAL copied into the database after each chunk, in a turn of its own: a purge rewrites many pages, and
    // left to the automatic checkpoint (every 10,000 pages, database.ts) they were copied 40 MB at a time inside
    // whichever transaction crossed it: 80-110 ms, against 4-11 ms in slices (docs/benchmarks.md). PASSIVE: it
    // never waits for a reader.
    const checkpoint = (purge: ReturnType<typeof startPurgeRun>, r: PurgeReport) => {
      self.turn = null;
      const t = performance.now();
      o.db.pragma('wal_checkpoint(PASSIVE)');
      r.longestCheckpointMs = Math.max(r.longestCheckpointMs, performance.now() - t);
      self.turn = o.wall.setTimeout(() => safely(() => chunk(purge, r), (e) => self.end(e)), PAUSE_MS);
    };
    safely(
      () => {
        const settings = retentionSettings(o.db);
        const now = o.clock.now();
        const cutoffs = Object.fromEntries(RETENTION_KINDS.map((k) => [k, retentionCutoff(now, settings[k].days, o.calendar)])) as Record<RetentionKind, number>;
        const purge = startPurgeRun(o.db, cutoffs, o.chunk);
        report = { counts: purge.counts, cutoffs, chunks: 0, longestChunkMs: 0, longestCheckpointMs: 0 };
        chunk(purge, report);
      },
      (e) => self.end(e),
    );
    return done;
  }

  function scheduled(): void {
    next = o.wall.setTimeout(scheduled, o.everyMs ?? DAY_MS);
    run().then(
      (r) => {
        const n = RETENTION_KINDS.filter((k) => r.counts[k] > 0);
        if (n.length > 0) o.log?.(`retention: purged ${n.map((k) => `${r.counts[k]} ${k}`).join(', ')} (${r.chunks} chunks, longest ${r.longestChunkMs.toFixed(1)} ms)`);
      },
      (e: Error) => o.log?.(`retention purge failed: ${e.message}; the next run tries again`),
    );
  }

  return {
    start() {
      if (next === null) next = o.wall.setTimeout(scheduled, o.firstAfterMs ?? 10 * 60_000);
    },
    stop() {
      next?.clear();
      next = null;
      // a run stopped half way keeps what it purged (each chunk committed) and reports it
      current?.end(null);
    },
    runNow: run,
  };
}
