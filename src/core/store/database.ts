/**
 * Opening the SQLite database: WAL, pragmas, and numbered migrations checked against `__migrations__`.
 * A database whose applied migrations are not a prefix of the ones this version knows (written by a newer
 * Floorboard, or by something else) is refused with a clear message instead of being touched; so is another
 * program's SQLite file (database-identity.ts), checked before the WAL conversion writes to it.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkFloorboardDatabase, FLOORBOARD_APPLICATION_ID } from './database-identity';
import { DatabaseVersionError } from './database-version-error';
import { MIGRATIONS } from './migrations';
import { describeStoreFault } from './store-faults';

export { DatabaseVersionError };

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** File path, or ':memory:'. */
  path: string;
  /** Path to a better_sqlite3.node built for this runtime (Electron uses its own ABI build). */
  nativeBinding?: string;
}

export function openDatabase(options: OpenDatabaseOptions): Db {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // first, so every later step (the identity check's reads included) waits out another process's lock
    db.pragma('busy_timeout = 5000');
    const { unmarked } = checkFloorboardDatabase(db, options.path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // 16 MiB of page cache. It was 64 MiB, for idempotency keys and contacts that arrive in no index order, but
    // measured again (issue 17) the 3.9 M-line queue_log week imports as fast with 8 or 16 MiB (34.7 s, 32.9 s
    // against 35.8 s), and the host holding that week needs 46 MB less (RSS after GC 574 -> 528 MB).
    db.pragma('cache_size = -16384');
    // Checkpoint the WAL into the database every 10,000 pages (40 MiB) rather than 1,000: the index pages a
    // stream of batches touches again are copied once per checkpoint, not once per few batches (commit cost per
    // queue_log line 0.8 -> 0.45 us).
    db.pragma('wal_autocheckpoint = 10000');
    migrate(db, options.path);
    // a new database, or one of an earlier Floorboard (its migrations were just checked): mark it as ours
    if (unmarked) db.pragma(`application_id = ${FLOORBOARD_APPLICATION_ID}`);
    return db;
  } catch (e) {
    db.close();
    throw storeFault(e, options.path);
  }
}

/** A busy, read-only or full database at start-up: the one line naming it (store-faults.ts), its code kept. */
function storeFault(e: unknown, path: string): unknown {
  const line = describeStoreFault(e, path);
  return line === null ? e : Object.assign(new Error(line, { cause: e }), { code: (e as { code: string }).code });
}

/** The migrations a database records as applied, in order; null when it has no `__migrations__` table. */
export function appliedMigrations(db: Db): { id: number; name: string }[] | null {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__migrations__'").get();
  return table === undefined ? null : (db.prepare('SELECT id, name FROM __migrations__ ORDER BY id').all() as { id: number; name: string }[]);
}

/** Refuse a database whose applied migrations are not a prefix of the ones this version knows. */
export function refuseUnknownMigrations(applied: readonly { id: number; name: string }[], path: string): void {
  applied.forEach((m, i) => {
    const known = MIGRATIONS[i];
    if (!known || known.id !== m.id || known.name !== m.name) {
      throw new DatabaseVersionError(
        `The database ${path} was written by a newer or different version of Floorboard ` +
          `(it has migration ${m.name}, this version knows up to ${MIGRATIONS.at(-1)?.name}). ` +
          `Update Floorboard, or point it at another database with --db.`,
      );
    }
  });
}

function migrate(db: Db, path: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS __migrations__ (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = appliedMigrations(db) ?? [];
  refuseUnknownMigrations(applied, path);
  const record = db.prepare('INSERT INTO __migrations__ (id, name, applied_at) VALUES (?, ?, ?)');
  for (const m of MIGRATIONS.slice(applied.length)) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, m.name, Date.now());
    }).immediate();
  }
}
