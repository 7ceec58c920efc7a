/**
 * The install's admin secret: made at first start in a file beside the database it guards (`<db>.admin-secret`,
 * mode 0600, created exclusively so two processes starting at once keep one), read again whenever the file changes
 * (so `access admin rotate`, run by another process, takes effect at the next request), and replaced atomically by
 * `rotateAdminSecret` (a new file renamed over the old: a reader sees the old or the new secret, never half of one).
 */
import { chmodSync, closeSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { ADMIN_SECRET_PREFIX, isCredentialShaped, newCredential } from './credentials';

export interface AdminSecret {
  /** The secret now (re-read if the file was replaced or changed since the last call). */
  current(): string;
  /** Changes each time the secret does: sockets opened under an older one are closed. */
  generation(): number;
}

/** Where the admin secret of a database lives. */
export function adminSecretPath(dbPath: string): string {
  return `${dbPath}.admin-secret`;
}

function readSecret(path: string): string {
  // a secret others could read is no secret: narrowed to its owner (a copy restored from a backup, say)
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const secret = readFileSync(path, 'utf8').trim();
  if (!secret.startsWith(ADMIN_SECRET_PREFIX) || !isCredentialShaped(secret)) {
    throw new Error(`${path} does not hold a Floorboard admin secret: run "npm run cli -- access admin rotate --db DB" to write a new one.`);
  }
  return secret;
}

function writeNew(path: string, secret: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, `${secret}\n`);
  } finally {
    closeSync(fd);
  }
}

/** The secret of a database, made now if it has none; `created` says which. */
export function ensureAdminSecret(path: string): { secret: string; created: boolean } {
  const secret = newCredential(ADMIN_SECRET_PREFIX);
  try {
    writeNew(path, secret);
    return { secret, created: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return { secret: readSecret(path), created: false };
  }
}

/** A new secret in place of the old one: every admin session (signed with the old one) ends. */
export function rotateAdminSecret(path: string): string {
  const secret = newCredential(ADMIN_SECRET_PREFIX);
  const temporary = `${path}.${process.pid}.tmp`;
  writeNew(temporary, secret);
  renameSync(temporary, path);
  return secret;
}

/** The file's secret, made if missing, followed across rotations (a stat per call: a few microseconds). */
export function fileAdminSecret(path: string): AdminSecret {
  let secret = ensureAdminSecret(path).secret;
  let generation = 0;
  let seen = stamp(path);
  return {
    current() {
      const now = stamp(path);
      if (now !== seen) {
        // removed by hand: a new one is made, as at first start; unreadable or malformed: the last one stays
        try {
          const next = now === null ? ensureAdminSecret(path).secret : readSecret(path);
          if (next !== secret) generation++;
          secret = next;
          seen = stamp(path);
        } catch {
          seen = now;
        }
      }
      return secret;
    },
    generation: () => generation,
  };
}

/** A fixed secret (an in-memory database in tests). */
export function fixedAdminSecret(secret = newCredential(ADMIN_SECRET_PREFIX)): AdminSecret & { rotate(): string } {
  let generation = 0;
  return {
    current: () => secret,
    generation: () => generation,
    rotate() {
      secret = newCredential(ADMIN_SECRET_PREFIX);
      generation++;
      return secret;
    },
  };
}

function stamp(path: string): string | null {
  try {
    const s = statSync(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}
