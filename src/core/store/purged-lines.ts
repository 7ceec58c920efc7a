/**
 * Raw lines purged by retention (retention.ts), the oldest first, without forgetting which positions were stored.
 * A purged block keeps its row and its range, marked `purged`, with its texts gone (line 1 of a source excepted,
 * see below), and is merged into the purged block just before it when their ranges touch, so a source's purged
 * past shrinks to a few rows. Everything that reads positions sees no difference:
 * - a file read again from its first line (`ingest FILE`, an import started again) finds the purged positions
 *   stored, as before the purge: they are duplicates, not new lines (line-blocks.ts `storedRanges`);
 * - a file tail never meets them again: it resumes at its cursor (checkpoints are never purged) and numbers its
 *   lines on over the feed's life, through rotations and rewrites (file-tail.ts);
 * - a source's counts stay (stored lines: the ranges; events accepted: `event_count` is summed into the merge);
 * - line 1 of a source keeps its text, so an import of another file under the same name is still refused
 *   (imports.ts `checkSameFile`) instead of its lines being taken for the purged ones.
 * Events with their own id stay known by event_keys (never purged); queue_log's duplicates are told by their
 * effect on contacts and agent intervals, kept for their own (longer) settings.
 */
import type { Db } from './database';

interface BlockRow {
  id: number;
  source_id: number;
  a: number;
  b: number;
  n: number;
  at: number;
  purged: number;
}

/** What one chunk did: lines purged, blocks visited, and whether no old block is left after it. */
export interface LinePurgeChunk {
  lines: number;
  rows: number;
  /** The id the next chunk goes on after. */
  after: number;
  done: boolean;
}

export function purgedLines(db: Db) {
  const s = {
    // rowid order is received order (module comment of migrations/010-retention.ts)
    nextIds: db.prepare<[number, number], number>('SELECT id FROM line_blocks WHERE id > ? ORDER BY id LIMIT ?').pluck(),
    block: db.prepare<[number], BlockRow>(
      'SELECT id, source_id, first_position AS a, last_position AS b, event_count AS n, received_at AS at, purged FROM line_blocks WHERE id = ?',
    ),
    before: db.prepare<[number, number], { id: number; b: number; purged: number }>(
      `SELECT id, last_position AS b, purged FROM line_blocks INDEXED BY line_blocks_range
       WHERE source_id = ? AND first_position < ? ORDER BY first_position DESC LIMIT 1`,
    ),
    extend: db.prepare('UPDATE line_blocks SET last_position = ?, event_count = event_count + ?, received_at = max(received_at, ?) WHERE id = ?'),
    remove: db.prepare('DELETE FROM line_blocks WHERE id = ?'),
    // a block's texts dropped; line 1 of a source kept (and its event mark, for the events view)
    blank: db.prepare(
      `UPDATE line_blocks SET purged = 1,
         lines = CASE WHEN first_position = 1 THEN json_array(json_extract(lines, '$[0]')) ELSE '[]' END,
         events = CASE WHEN first_position = 1 AND events IS NOT NULL THEN json_array(json(json_extract(events, '$[0]'))) END
       WHERE id = ?`,
    ),
    oldestKept: db.prepare<[], { at: number }>('SELECT received_at AS at FROM line_blocks WHERE purged = 0 ORDER BY id LIMIT 1'),
  };

  return {
    /**
     * Purge the blocks received before `cutoff`, walking ids after `after`: at most `maxRows` blocks looked at and
     * `maxLines` lines purged (at least one block). The caller runs it in a transaction.
     */
    chunk(cutoff: number, after: number, maxRows: number, maxLines: number): LinePurgeChunk {
      const out: LinePurgeChunk = { lines: 0, rows: 0, after, done: false };
      // the ids first (no row read), then each row while the chunk lasts: a block's received time lies after its
      // texts in the row, so reading it walks the texts' overflow pages (about 1 ms for 5,000 lines); reading every
      // row of the chunk at once made a chunk of 5,000-line blocks read all the blocks left (25 ms a chunk)
      const ids = s.nextIds.all(after, maxRows);
      for (const id of ids) {
        const r = s.block.get(id)!;
        if (r.purged === 0 && r.at >= cutoff) {
          out.done = true;
          return out;
        }
        if (out.rows > 0 && r.purged === 0 && out.lines + (r.b - r.a + 1) > maxLines) return out;
        out.rows++;
        out.after = r.id;
        if (r.purged === 1) continue;
        out.lines += r.b - r.a + 1 - (r.a === 1 ? 1 : 0);
        const prev = s.before.get(r.source_id, r.a);
        if (prev !== undefined && prev.purged === 1 && prev.b + 1 === r.a) {
          s.extend.run(r.b, r.n, r.at, prev.id);
          s.remove.run(r.id);
        } else s.blank.run(r.id);
      }
      out.done = ids.length < maxRows;
      return out;
    },
    /** When the oldest block still holding its lines was received; null: none. */
    oldestKept: (): number | null => s.oldestKept.get()?.at ?? null,
  };
}
