/**
 * Quarantined lines: a line no adapter could read is kept with its reason (once per source and position), never
 * dropped in silence, and listed newest first for the operator.
 */
import type { QuarantineEntry } from '../../shared/api';
import type { Db } from './database';
import type { StoreReader } from './store';

export function quarantineReads(db: Db): Pick<StoreReader, 'quarantine'> {
  const list = db.prepare<[string | null, string | null, number], QuarantineEntry>(
    `SELECT s.name AS source, q.position, q.reason, q.text, q.received_at AS at
     FROM quarantine q JOIN sources s ON s.id = q.source_id
     WHERE (? IS NULL OR s.name = ?) ORDER BY q.id DESC LIMIT ?`,
  );
  return { quarantine: (limit, source) => list.all(source, source, limit) };
}

/** Quarantine a line; false when this source's position is quarantined already. */
export function quarantineWrite(db: Db): (src: number, position: number, text: string, reason: string, at: number) => boolean {
  const insert = db.prepare('INSERT OR IGNORE INTO quarantine (source_id, position, text, reason, received_at) VALUES (?, ?, ?, ?, ?)');
  return (src, position, text, reason, at) => insert.run(src, position, text, reason, at).changes > 0;
}
