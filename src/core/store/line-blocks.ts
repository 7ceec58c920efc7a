/**
 * The raw lines, stored as blocks of consecutive positions of one source (`line_blocks`). Blocks never overlap
 * and never span a position not stored (blank, quarantined, or stored before), so the stored ranges are exactly
 * the stored positions: a position is a duplicate when a block holds it.
 */
import type { Db } from './database';
import type { StoreReader } from './store';

/** Lines per stored block, at most. */
const MAX_BLOCK_LINES = 10_000;

/** A line new to its source, about to be stored. */
export interface NewLine {
  position: number;
  text: string;
  /** New events the line gave. */
  count: number;
}

export function lineBlockReads(db: Db, findSource: (name: string) => number | undefined): Pick<StoreReader, 'lineAt' | 'lastStoredBlocks'> {
  const s = {
    blockHolding: db.prepare<[number, number], { first_position: number; last_position: number; lines: string }>(
      `SELECT first_position, last_position, lines FROM line_blocks INDEXED BY line_blocks_range
       WHERE source_id = ? AND first_position <= ? ORDER BY first_position DESC LIMIT 1`,
    ),
    lastBlocks: db.prepare<[string, string], { lines: string | null }>(
      `SELECT (SELECT b.lines FROM line_blocks b INDEXED BY line_blocks_range WHERE b.source_id = s.id
               ORDER BY b.first_position DESC LIMIT 1) AS lines
       FROM sources s WHERE s.name >= ? AND s.name < ?`,
    ),
  };
  return {
    lineAt(source, position) {
      const id = findSource(source);
      const b = id === undefined ? undefined : s.blockHolding.get(id, position);
      return b && position <= b.last_position ? ((JSON.parse(b.lines) as string[])[position - b.first_position] ?? null) : null;
    },
    lastStoredBlocks(prefix) {
      return s.lastBlocks.all(prefix, `${prefix}\uffff`).flatMap((r) => (r.lines === null ? [] : [JSON.parse(r.lines) as string[]]));
    },
  };
}

export function lineBlockWrites(db: Db) {
  const s = {
    insertBlock: db.prepare(
      `INSERT INTO line_blocks (source_id, first_position, last_position, lines, events, derived, event_count, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    /** The block that starts at or before a position (it may reach over it). */
    blockAtOrBefore: db.prepare<[number, number], { a: number; b: number }>(
      `SELECT first_position AS a, last_position AS b FROM line_blocks INDEXED BY line_blocks_range
       WHERE source_id = ? AND first_position <= ? ORDER BY first_position DESC LIMIT 1`,
    ),
    blocksStartingIn: db.prepare<[number, number, number], { a: number; b: number }>(
      `SELECT first_position AS a, last_position AS b FROM line_blocks INDEXED BY line_blocks_range
       WHERE source_id = ? AND first_position > ? AND first_position <= ? ORDER BY first_position`,
    ),
  };
  return {
    /** Position ranges of this source already stored, overlapping [from, to], in order. */
    storedRanges(src: number, from: number, to: number): { a: number; b: number }[] {
      const ranges: { a: number; b: number }[] = [];
      const before = s.blockAtOrBefore.get(src, from);
      if (before && before.b >= from) ranges.push(before);
      for (const r of s.blocksStartingIn.iterate(src, from, to)) ranges.push(r);
      return ranges;
    },
    /** Write new lines (sorted by position) as blocks of consecutive positions. */
    writeBlocks(src: number, lines: NewLine[], derived: boolean, receivedAt: number): void {
      let i = 0;
      while (i < lines.length) {
        const first = lines[i].position;
        let j = i + 1;
        while (j < lines.length && j - i < MAX_BLOCK_LINES && lines[j].position === lines[j - 1].position + 1) j++;
        const last = lines[j - 1].position;
        const texts: string[] = [];
        let count = 0;
        let known = false;
        for (let k = i; k < j; k++) {
          texts.push(lines[k].text);
          count += lines[k].count;
          if (lines[k].count === 0) known = true;
        }
        // NDJSON lines are their own events; the few whose event was known already (by id) are marked []
        const events = !derived && known ? JSON.stringify(lines.slice(i, j).map((l) => (l.count === 0 ? [] : null))) : null;
        s.insertBlock.run(src, first, last, JSON.stringify(texts), events, derived ? 1 : 0, count, receivedAt);
        i = j;
      }
    },
  };
}
