/**
 * Sources (a feed, a file, an import: whatever names a sequence of numbered lines): their ids, created on a
 * source's first batch and held by the writer once known, and what each delivered, for feed health after a restart.
 */
import type { Db } from './database';
import { sourceReceiptReads } from './source-receipts';
import type { StoreReader } from './store';

/** A source's id by name; undefined when it never stored anything. */
export function sourceLookup(db: Db): (name: string) => number | undefined {
  const byName = db.prepare<[string], { id: number }>('SELECT id FROM sources WHERE name = ?');
  return (name) => byName.get(name)?.id;
}

/** The writer's source ids: created when first written, then held (forget() after a rollback). */
export function sourceIds(db: Db, now: () => number) {
  const find = sourceLookup(db);
  const insert = db.prepare('INSERT INTO sources (name, format, created_at) VALUES (?, ?, ?)');
  const ids = new Map<string, number>();
  return {
    idOf(name: string, format: string): number {
      let id = ids.get(name);
      if (id === undefined) {
        id = find(name) ?? Number(insert.run(name, format, now()).lastInsertRowid);
        ids.set(name, id);
      }
      return id;
    },
    forget(): void {
      ids.clear();
    },
  };
}

export function sourceReads(db: Db): Pick<StoreReader, 'lastReceived' | 'storedLineCount' | 'quarantinedCount' | 'totals' | 'sources' | 'linesReceivedBetween' | 'quarantinedBetween'> {
  const s = {
    quarantined: db.prepare<[string], { quarantined: number }>(
      // the rows kept and those dropped to keep the source's quarantine under its cap (store/quarantine.ts)
      `SELECT (SELECT count(*) FROM quarantine q WHERE q.source_id = s.id) + s.quarantine_dropped AS quarantined FROM sources s WHERE s.name = ?`,
    ),
    lastReceived: db.prepare<[string], { line: number | null; event: number | null }>(
      `SELECT (SELECT max(t) FROM (SELECT b.received_at AS t FROM line_blocks b WHERE b.source_id = s.id
                                   UNION ALL SELECT q.received_at FROM quarantine q WHERE q.source_id = s.id)) AS line,
              (SELECT max(b.received_at) FROM line_blocks b WHERE b.source_id = s.id AND b.event_count > 0) AS event
       FROM sources s WHERE s.name = ?`,
    ),
    storedLineCount: db.prepare<[string], { n: number }>(
      `SELECT coalesce(sum(b.last_position - b.first_position + 1), 0) AS n
       FROM line_blocks b JOIN sources s ON s.id = b.source_id WHERE s.name = ?`,
    ),
    totals: db.prepare<[], { accepted: number; quarantined: number }>(
      'SELECT (SELECT coalesce(sum(event_count), 0) FROM line_blocks) AS accepted, (SELECT count(*) FROM quarantine) + (SELECT coalesce(sum(quarantine_dropped), 0) FROM sources) AS quarantined',
    ),
  };
  return {
    lastReceived: (source) => s.lastReceived.get(source) ?? { line: null, event: null },
    storedLineCount: (source) => s.storedLineCount.get(source)?.n ?? 0,
    quarantinedCount: (source) => s.quarantined.get(source)?.quarantined ?? 0,
    totals: () => s.totals.get() ?? { accepted: 0, quarantined: 0 },
    // when the lines arrived, for a report's feed gaps
    ...sourceReceiptReads(db),
  };
}
