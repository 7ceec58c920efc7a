/**
 * A consistent copy of a live database (SQLite's online backup), taken on a read-only connection of its own while
 * the app or the host keeps writing: the copy is the database as of one instant, WAL included, never a torn file.
 * Only a Floorboard database is copied, never over an existing file.
 */
import { existsSync } from 'node:fs';
import { DatabaseVersionError } from './database';
import { openReadOnly } from './open-store-reader';

export interface BackupResult {
  /** Pages copied, of the page size of the source. */
  pages: number;
  bytes: number;
}

export async function backupDatabase(o: { from: string; to: string; nativeBinding?: string }): Promise<BackupResult> {
  if (existsSync(o.to)) throw new DatabaseVersionError(`${o.to} exists already: name a new file for the backup`);
  const db = openReadOnly({ path: o.from, nativeBinding: o.nativeBinding });
  try {
    const { totalPages } = await db.backup(o.to);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    return { pages: totalPages, bytes: totalPages * pageSize };
  } finally {
    db.close();
  }
}
