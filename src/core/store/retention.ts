/**
 * Data retention: how many days each kind of data is kept, and its purge in bounded chunks (the scheduler,
 * retention-purge.ts, runs one chunk per transaction and yields between them).
 *
 * Kinds, their age, and their defaults (README "Retention", docs/security.md "Data lifecycle"):
 * - raw-lines: the feed lines as received (line_blocks), by when they were received; 30 days. Purged positions stay
 *   known as stored (purged-lines.ts), so a file read again does not bring its lines back.
 * - quarantine: refused lines, by when they were received; 30 days. Counted as dropped (as the per-source cap does),
 *   so a source's quarantined count still says how many lines it refused.
 * - contacts: by when they were queued; 400 days (a year of weekly reviews and reports, plus a month). A contact
 *   the floor still holds (waiting, or with an agent and not wrapped up) is never purged: the live floor loads it
 *   at start-up, however old.
 * - agent-intervals: agent states, by when they ended; 400 days. The open interval of each agent is never purged.
 *
 * Whole days from MIN_RETENTION_DAYS to MAX_RETENTION_DAYS: the live floor reads today and the engine holds the
 * 8 days before it in memory (engine.ts DEFAULT_RECENT_DAYS; the standards' week window is within them), so no
 * setting reaches into them. The cutoff is the start of the center's business day `days` before today's.
 */
import { businessDayStart, businessDayStartBefore } from '../time/business-day';
import type { CenterCalendar } from '../time/center-day';
import type { Db } from './database';
import { purgedLines } from './purged-lines';

export const RETENTION_KINDS = ['raw-lines', 'contacts', 'agent-intervals', 'quarantine'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export const DEFAULT_RETENTION_DAYS: Readonly<Record<RetentionKind, number>> = {
  'raw-lines': 30,
  contacts: 400,
  'agent-intervals': 400,
  quarantine: 30,
};

/** The engine's in-memory window (8 days before today: engine.ts DEFAULT_RECENT_DAYS). */
export const MIN_RETENTION_DAYS = 8;
/** Ten years: longer than any legal hold we know of asks. */
export const MAX_RETENTION_DAYS = 3650;

const DAY_MS = 86_400_000;

export interface RetentionSetting {
  days: number;
  /** No operator setting: the default. */
  isDefault: boolean;
}

/** A kind and days as typed (the CLI) checked: the setting, or why it is refused. */
export function checkRetentionSetting(kind: string, days: string | number): { ok: true; kind: RetentionKind; days: number } | { ok: false; reason: string } {
  if (!(RETENTION_KINDS as readonly string[]).includes(kind)) return { ok: false, reason: `unknown kind "${kind}": one of ${RETENTION_KINDS.join(', ')}` };
  const n = typeof days === 'number' ? days : /^\s*\d+\s*$/.test(days) ? Number(days) : NaN;
  if (!Number.isSafeInteger(n)) return { ok: false, reason: `${kind}: the days must be a whole number (got "${days}")` };
  if (n < MIN_RETENTION_DAYS) {
    return { ok: false, reason: `${kind}: at least ${MIN_RETENTION_DAYS} days (the live floor holds today and the ${MIN_RETENTION_DAYS} days before it; got ${n})` };
  }
  if (n > MAX_RETENTION_DAYS) return { ok: false, reason: `${kind}: at most ${MAX_RETENTION_DAYS} days (got ${n})` };
  return { ok: true, kind: kind as RetentionKind, days: n };
}

/** Each kind's days: the operator's setting, else the default. A stored value out of bounds is brought within. */
export function retentionSettings(db: Db): Record<RetentionKind, RetentionSetting> {
  const rows = db.prepare<[], { kind: string; days: number }>('SELECT kind, days FROM retention').all();
  const out = {} as Record<RetentionKind, RetentionSetting>;
  for (const kind of RETENTION_KINDS) {
    const row = rows.find((r) => r.kind === kind);
    out[kind] = row ? { days: Math.min(MAX_RETENTION_DAYS, Math.max(MIN_RETENTION_DAYS, Math.round(row.days))), isDefault: false } : { days: DEFAULT_RETENTION_DAYS[kind], isDefault: true };
  }
  return out;
}

/** Set one kind's days (read by the next purge); throws the reason a setting is refused. */
export function setRetentionDays(db: Db, kind: string, days: string | number, at: number): { kind: RetentionKind; days: number } {
  const r = checkRetentionSetting(kind, days);
  if (!r.ok) throw new Error(r.reason);
  db.prepare('INSERT INTO retention (kind, days, updated_at) VALUES (?, ?, ?) ON CONFLICT (kind) DO UPDATE SET days = excluded.days, updated_at = excluded.updated_at').run(r.kind, r.days, at);
  return { kind: r.kind, days: r.days };
}

/**
 * Rows older than this instant go: the start of the business day `days` before today's (and never later than
 * `days` times 24 hours before today's start, whatever a DST change does to that day).
 */
export function retentionCutoff(now: number, days: number, calendar: CenterCalendar): number {
  const d = Math.max(MIN_RETENTION_DAYS, days);
  const today = businessDayStart(now, calendar.timeZone, calendar.resetHour);
  return Math.min(businessDayStartBefore(today, d, calendar.timeZone, calendar.resetHour), today - d * DAY_MS);
}

/** The instant each kind's age is judged by, of its oldest row kept (null: none). */
export function oldestKept(db: Db): Record<RetentionKind, number | null> {
  const one = (sql: string) => db.prepare<[], { at: number | null }>(sql).get()?.at ?? null;
  return {
    'raw-lines': purgedLines(db).oldestKept(),
    contacts: one('SELECT min(queued_at) AS at FROM contacts'),
    'agent-intervals': one('SELECT min(end_at) AS at FROM agent_states'),
    quarantine: one('SELECT received_at AS at FROM quarantine ORDER BY id LIMIT 1'),
  };
}

export type PurgeCounts = Record<RetentionKind, number>;

export interface ChunkLimits {
  /** Rows looked at per transaction (default 1,000: about 8 ms for one-line blocks, docs/benchmarks.md). */
  rows?: number;
  /** Raw lines purged per transaction (default 20,000): a block holds up to 10,000. */
  lines?: number;
}

/** One purge over every kind, a chunk per `step`, each chunk in its own transaction. */
export interface PurgeRun {
  /** Purge one chunk; false when nothing is left to purge. */
  step(): boolean;
  /** Rows purged so far (raw lines: lines). */
  readonly counts: PurgeCounts;
}

/**
 * A contact is over as the live floor judges it (live-contacts.ts `isOver`); one not over (waiting, or with an
 * agent) is loaded by the floor at start-up (rebuild-floor.ts) and is not purged.
 */
const CONTACT_OVER = '(abandoned_at IS NOT NULL OR wrapup_end_at IS NOT NULL OR (ended_at IS NOT NULL AND answered_at IS NULL))';

export function startPurgeRun(db: Db, cutoffs: Record<RetentionKind, number>, limits: ChunkLimits = {}): PurgeRun {
  const maxRows = limits.rows ?? 1000;
  const maxLines = limits.lines ?? 20_000;
  const lines = purgedLines(db);
  const s = {
    quarantine: db.prepare<[number, number], { id: number; source_id: number; at: number }>('SELECT id, source_id, received_at AS at FROM quarantine WHERE id > ? ORDER BY id LIMIT ?'),
    dropQuarantine: db.prepare('DELETE FROM quarantine WHERE id > ? AND id <= ?'),
    countDropped: db.prepare('UPDATE sources SET quarantine_dropped = quarantine_dropped + ? WHERE id = ?'),
    // (queued_at, id) is the index's key (contacts is WITHOUT ROWID): the walk goes on past contacts kept open
    contacts: db.prepare<[number, number, string, number], { id: string; over: number; at: number }>(
      `SELECT id, ${CONTACT_OVER} AS over, queued_at AS at FROM contacts INDEXED BY contacts_queued_at
       WHERE queued_at < ? AND (queued_at, id) > (?, ?) ORDER BY queued_at, id LIMIT ?`,
    ),
    dropContact: db.prepare('DELETE FROM contacts WHERE id = ?'),
    agentIntervals: db.prepare(
      'DELETE FROM agent_states WHERE id IN (SELECT id FROM agent_states INDEXED BY agent_states_end WHERE end_at < ? ORDER BY end_at LIMIT ?)',
    ),
  };
  const counts: PurgeCounts = { 'raw-lines': 0, contacts: 0, 'agent-intervals': 0, quarantine: 0 };
  const cursor = { line: 0, quarantine: 0, contactAt: -Number.MAX_SAFE_INTEGER, contactId: '' };

  /** One chunk of a kind; true when the kind has nothing more to purge. */
  const chunks: Record<RetentionKind, () => boolean> = {
    'raw-lines': () => {
      const c = lines.chunk(cutoffs['raw-lines'], cursor.line, maxRows, maxLines);
      cursor.line = c.after;
      counts['raw-lines'] += c.lines;
      return c.done;
    },
    quarantine: () => {
      const rows = s.quarantine.all(cursor.quarantine, maxRows);
      const old = rows.findIndex((r) => r.at >= cutoffs.quarantine);
      const gone = old === -1 ? rows : rows.slice(0, old);
      if (gone.length > 0) {
        s.dropQuarantine.run(cursor.quarantine, gone[gone.length - 1].id);
        const bySource = new Map<number, number>();
        for (const r of gone) bySource.set(r.source_id, (bySource.get(r.source_id) ?? 0) + 1);
        for (const [source, n] of bySource) s.countDropped.run(n, source);
        cursor.quarantine = gone[gone.length - 1].id;
        counts.quarantine += gone.length;
      }
      return old !== -1 || rows.length < maxRows;
    },
    contacts: () => {
      const rows = s.contacts.all(cutoffs.contacts, cursor.contactAt, cursor.contactId, maxRows);
      for (const r of rows) {
        if (r.over === 1) {
          s.dropContact.run(r.id);
          counts.contacts++;
        }
      }
      const last = rows.at(-1);
      if (last) [cursor.contactAt, cursor.contactId] = [last.at, last.id];
      return rows.length < maxRows;
    },
    'agent-intervals': () => {
      const n = s.agentIntervals.run(cutoffs['agent-intervals'], maxRows).changes;
      counts['agent-intervals'] += n;
      return n < maxRows;
    },
  };

  let k = 0;
  return {
    counts,
    step() {
      if (k >= RETENTION_KINDS.length) return false;
      const kind = RETENTION_KINDS[k];
      // BEGIN IMMEDIATE, as every write here: another process's lock is waited for (busy_timeout)
      if (db.transaction(chunks[kind]).immediate()) k++;
      return k < RETENTION_KINDS.length;
    },
  };
}
