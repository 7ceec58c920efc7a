/**
 * Quarantined lines: a line no adapter could read is kept with its reason (once per source and position), never
 * dropped in silence, and listed newest first for the operator. Bounded whatever the adapters do: a text keeps at
 * most MAX_LINE_LENGTH characters (a cut one says so in its reason), a reason at most MAX_REASON_LENGTH, and each
 * source at most `cap` rows: beyond, its oldest rows are dropped and counted (sources.quarantine_dropped), so that
 * the quarantined count of a source still says how many lines it refused.
 */
import type { QuarantineEntry } from '../../shared/api';
import { MAX_LINE_LENGTH } from '../ingest/source-lines';
import type { Db } from './database';
import type { StoreReader } from './store';

/** Rows kept per source by default (README, Limits): 10,000 lines of at most 64 KiB each. */
const QUARANTINE_CAP = 10_000;
const MAX_REASON_LENGTH = 1000;

export function quarantineReads(db: Db): Pick<StoreReader, 'quarantine'> {
  const list = db.prepare<[string | null, string | null, number], QuarantineEntry>(
    `SELECT s.name AS source, q.position, q.reason, q.text, q.received_at AS at
     FROM quarantine q JOIN sources s ON s.id = q.source_id
     WHERE (? IS NULL OR s.name = ?) ORDER BY q.id DESC LIMIT ?`,
  );
  return { quarantine: (limit, source) => list.all(source, source, limit) };
}

/** `s` cut to `n` UTF-16 units, never between the two halves of a surrogate pair. */
function cut(s: string, n: number): string {
  const end = n > 0 && s.charCodeAt(n - 1) >= 0xd800 && s.charCodeAt(n - 1) <= 0xdbff ? n - 1 : n;
  return s.slice(0, end);
}

/**
 * `add` quarantines a line (false when this source's position is quarantined already); `trim` then drops a source's
 * oldest rows over `cap` (once per batch: a count over the source's rows).
 */
export function quarantineWrite(db: Db, cap = QUARANTINE_CAP) {
  const insert = db.prepare('INSERT OR IGNORE INTO quarantine (source_id, position, text, reason, received_at) VALUES (?, ?, ?, ?, ?)');
  const count = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM quarantine WHERE source_id = ?');
  const dropOldest = db.prepare('DELETE FROM quarantine WHERE id IN (SELECT id FROM quarantine WHERE source_id = ? ORDER BY id LIMIT ?)');
  const countDropped = db.prepare('UPDATE sources SET quarantine_dropped = quarantine_dropped + ? WHERE id = ?');
  return {
    add(src: number, position: number, text: string, reason: string, at: number): boolean {
      let why = reason.length > MAX_REASON_LENGTH ? `${cut(reason, MAX_REASON_LENGTH)}...` : reason;
      if (text.length > MAX_LINE_LENGTH) why += ` (text cut to its first ${MAX_LINE_LENGTH} of ${text.length} characters)`;
      return insert.run(src, position, cut(text, MAX_LINE_LENGTH), why, at).changes > 0;
    },
    trim(src: number): void {
      const over = (count.get(src)?.n ?? 0) - cap;
      if (over <= 0) return;
      dropOldest.run(src, over);
      countDropped.run(over, src);
    },
  };
}
