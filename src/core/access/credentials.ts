/**
 * The credentials Floorboard hands out, each a prefix and 32 random bytes (base64url), so a credential says what it
 * is and a log line or a pasted link is recognized:
 * - `fba_…` the install's admin secret (admin-secret.ts), kept in a file beside the database;
 * - `fbs_…` an admin session a browser bought with it (sessions.ts), signed with it, so rotating the secret ends them;
 * - `fbv_…` a viewer token, stored as its SHA-256 only.
 * 256 random bits need no slow hash: a SHA-256 lookup cannot be guessed backwards, and compares are constant-time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const ADMIN_SECRET_PREFIX = 'fba_';
export const SESSION_PREFIX = 'fbs_';
export const VIEWER_TOKEN_PREFIX = 'fbv_';

/** Longer than any credential we make; anything longer is refused before it is hashed or compared. */
const CREDENTIAL_MAX_LENGTH = 256;
const CREDENTIAL = /^fb[asv]_[A-Za-z0-9_-]{16,250}$/;

export function newCredential(prefix: typeof ADMIN_SECRET_PREFIX | typeof VIEWER_TOKEN_PREFIX): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Whether a string is shaped as one of our credentials (a cheap check before any lookup). */
export function isCredentialShaped(s: string): boolean {
  return s.length <= CREDENTIAL_MAX_LENGTH && CREDENTIAL.test(s);
}

export function hashCredential(credential: string): string {
  return createHash('sha256').update(credential).digest('hex');
}

/** Equal strings, compared in constant time for a given length. */
export function sameCredential(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
