/**
 * A StoreReader on its own read-only connection, with no engine behind it (reports, read-only commands): the file
 * must exist (else "no database at PATH") and be a Floorboard database with exactly the migrations this version
 * knows. Nothing is written to it: no WAL conversion, no migration, no pragma that persists; anything else is
 * refused before any read.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { MIGRATIONS } from './migrations';
import { appliedMigrations, DatabaseVersionError, refuseUnknownMigrations, type OpenDatabaseOptions } from './database';
import { checkFloorboardDatabase } from './database-identity';
import type { StoreReader } from './store';
import { createStoreReader } from './store-reader';

export interface OpenStoreReader extends StoreReader {
  close(): void;
}

/**
 * A read-only connection to a Floorboard database (any version of it): the file must exist, and another
 * program's file is refused before anything is read from its tables. The caller closes it.
 */
export function openReadOnly(options: OpenDatabaseOptions): Database.Database {
  // a mistyped path is said as such, not as SQLite's "unable to open database file"
  if (options.path !== ':memory:' && !existsSync(options.path)) throw new DatabaseVersionError(`no database at ${options.path}`);
  const db = new Database(options.path, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma('query_only = ON');
    db.pragma('busy_timeout = 5000');
    // as the writer's: aggregate reads over a million contacts go through the contacts' indexes in no page order
    db.pragma('cache_size = -65536');
    // another program's mark refused; no mark is an earlier Floorboard's database (its migrations are checked next)
    checkFloorboardDatabase(db, options.path);
    if (appliedMigrations(db) === null) throw new DatabaseVersionError(`The file ${options.path} is not a Floorboard database (it has no __migrations__ table).`);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function openStoreReader(options: OpenDatabaseOptions): OpenStoreReader {
  const db = openReadOnly(options);
  try {
    const applied = appliedMigrations(db)!;
    refuseUnknownMigrations(applied, options.path);
    if (applied.length < MIGRATIONS.length) {
      throw new DatabaseVersionError(
        `The database ${options.path} was written by an older version of Floorboard (it has migrations up to ` +
          `${applied.at(-1)?.name ?? 'none'}, this version reads ${MIGRATIONS.at(-1)?.name}): open it once with Floorboard to bring it up to date.`,
      );
    }
    return { ...createStoreReader(db), close: () => db.close() };
  } catch (e) {
    db.close();
    throw e;
  }
}
