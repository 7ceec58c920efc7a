/**
 * Where each source stands: its highest stored position, or for a file tail its cursor (file, byte offset and
 * the hash of the bytes before it). Written in the batch's transaction, so a checkpoint is never ahead of its lines.
 */
import type { Db } from './database';
import type { FileCursor, StoreReader } from './store';

export function checkpointReads(db: Db, findSource: (name: string) => number | undefined): Pick<StoreReader, 'checkpoint' | 'fileCursor'> {
  const checkpoint = db.prepare<[number], { position: number; file_id: string | null; byte_offset: number | null; fingerprint: string | null }>(
    'SELECT position, file_id, byte_offset, fingerprint FROM checkpoints WHERE source_id = ?',
  );
  const of = (source: string) => {
    const id = findSource(source);
    return id === undefined ? undefined : checkpoint.get(id);
  };
  return {
    checkpoint: (source) => of(source)?.position ?? 0,
    fileCursor(source) {
      const c = of(source);
      return c && c.file_id !== null && c.byte_offset !== null
        ? { position: c.position, fileId: c.file_id, byteOffset: c.byte_offset, fingerprint: c.fingerprint }
        : null;
    },
  };
}

/** Checkpoint a batch of a source: its cursor when it has one, else its highest position (never moved back). */
export function checkpointWrite(db: Db): (src: number, maxPosition: number, cursor: FileCursor | null, at: number) => void {
  const upsert = db.prepare(
    `INSERT INTO checkpoints (source_id, position, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (source_id) DO UPDATE SET position = max(position, excluded.position), updated_at = excluded.updated_at`,
  );
  const setCursor = db.prepare(
    `INSERT INTO checkpoints (source_id, position, updated_at, file_id, byte_offset, fingerprint) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (source_id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at,
       file_id = excluded.file_id, byte_offset = excluded.byte_offset, fingerprint = excluded.fingerprint`,
  );
  return (src, maxPosition, cursor, at) => {
    if (cursor) setCursor.run(src, cursor.position, at, cursor.fileId, cursor.byteOffset, cursor.fingerprint);
    else if (maxPosition > 0) upsert.run(src, maxPosition, at);
  };
}
