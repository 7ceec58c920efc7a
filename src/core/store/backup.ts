/**
 * A consistent copy of a live database (SQLite's online backup), taken on a read-only connection of its own while
 * the app or the host keeps writing: the copy is the database as of one instant, WAL included, never a torn file.
 * Only a Floorboard database is copied, never over an existing file.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { appliedMigrations, DatabaseVersionError } from './database';

export interface BackupResult {
  /** Pages copied, of the page size of the source. */
  pages: number;
  bytes: number;
}

export async function backupDatabase(o: { from: string; to: string; nativeBinding?: string }): Promise<BackupResult> {
  if (!existsSync(o.from)) throw new DatabaseVersionError(`no database at ${o.from}`);
  if (existsSync(o.to)) throw new DatabaseVersionError(`${o.to} exists already: name a new file for the backup`);
  const db = new Database(o.from, { readonly: true, fileMustExist: true, ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}) });
  try {
    db.pragma('busy_timeout = 5000');
    if (appliedMigrations(db) === null) throw new DatabaseVersionError(`${o.from} is not a Floorboard database (it has no __migrations__ table)`);
    const { totalPages } = await db.backup(o.to);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    return { pages: totalPages, bytes: totalPages * pageSize };
  } finally {
    db.close();
  }
}
