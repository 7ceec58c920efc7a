/**
 * Admin sessions: what a browser keeps (in an HttpOnly cookie) after it traded the admin secret for it. A session is
 * `fbs_<issued, base 36>_<HMAC-SHA256 of it under the secret>`: nothing is stored, and rotating the secret ends every
 * session at once (their signatures no longer match). A session lasts SESSION_DAYS.
 */
import { createHmac } from 'node:crypto';
import { sameCredential, SESSION_PREFIX } from './credentials';

export const SESSION_DAYS = 30;
const SESSION_MS = SESSION_DAYS * 86_400_000;

function signature(secret: string, issued: string): string {
  return createHmac('sha256', secret).update(`floorboard-admin-session:${issued}`).digest('base64url');
}

export function newSession(secret: string, now: number): string {
  const issued = now.toString(36);
  return `${SESSION_PREFIX}${issued}_${signature(secret, issued)}`;
}

/** Whether a session value was signed with this secret and is neither expired nor from the future. */
export function validSession(value: string, secret: string, now: number): boolean {
  const m = /^fbs_([0-9a-z]{1,12})_([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m) return false;
  const issued = parseInt(m[1], 36);
  if (!(issued <= now + 60_000 && now - issued < SESSION_MS)) return false;
  return sameCredential(m[2], signature(secret, m[1]));
}
