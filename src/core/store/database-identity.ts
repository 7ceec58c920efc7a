/**
 * Is this file a Floorboard database? Floorboard marks its databases with `PRAGMA application_id`; a file with
 * another mark, or with tables but no `__migrations__`, belongs to another program and is refused before
 * anything is written to it (no WAL conversion, no table). A database of an earlier Floorboard (no mark, but its
 * `__migrations__`) is ours: the writer marks it.
 */
import type Database from 'better-sqlite3';
import { DatabaseVersionError } from './database-version-error';

/** "Flbr" */
export const FLOORBOARD_APPLICATION_ID = 0x466c6272;

/** Refuses another program's file; reads only the header and sqlite_master. True when the mark is missing. */
export function checkFloorboardDatabase(db: Database.Database, path: string): { unmarked: boolean } {
  const refuse = (why: string) => new DatabaseVersionError(`The file ${path} is not a Floorboard database (${why}); point Floorboard at another file with --db.`);
  let id: number;
  let tables: string[];
  try {
    id = db.pragma('application_id', { simple: true }) as number;
    tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all() as { name: string }[]).map((t) => t.name);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) throw refuse((e as Error).message);
    throw e; // busy, I/O: not a verdict on the file
  }
  if (id !== 0 && id !== FLOORBOARD_APPLICATION_ID) throw refuse(`its application_id is 0x${(id >>> 0).toString(16)}, another program's`);
  if (tables.length > 0 && !tables.includes('__migrations__')) throw refuse(`it has tables (${tables.slice(0, 3).join(', ')}) but no __migrations__ table`);
  return { unmarked: id !== FLOORBOARD_APPLICATION_ID };
}
