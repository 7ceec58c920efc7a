/**
 * Pairing a screen by a code (issue 16): a board opened without a token asks for a code, shows it, and polls until an
 * admin binds it to a board (boards/pair). Bounded whoever asks, since starting needs no credential: at most
 * PENDING_MAX codes wait at once and an address starts at most PER_ADDRESS_MAX in PAIRING_MS; each code lives
 * PAIRING_MS. Kept in memory only: a restart forgets them (the TV asks again). The token is handed out once, and
 * only with the secret the start answered to the page that asked, so someone who reads the code off the TV can have
 * it bound but never collect it.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { PairingStatus } from '../../shared/api-boards';
import type { PairingStart } from '../../shared/screen-access';
import { RefusedError } from '../api/refused';
import { sameCredential } from './credentials';

export const PAIRING_MS = 10 * 60_000;
export const PENDING_MAX = 16;
export const PER_ADDRESS_MAX = 4;
/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: read off a TV across a room and typed without a doubt. */
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
const CODE_LENGTH = 6;

interface Pending {
  secret: string;
  expiresAt: number;
  paired: { token: string; board: string } | null;
}

export interface Pairing {
  /** A new code for the page at `address`, or why not (too many pending, or this address asked too often). */
  start(address: string): PairingStart | { refused: string };
  /** What the page holding `secret` sees of its code; the token once, then the code is gone. */
  status(code: string, secret: string): PairingStatus;
  /** Bind a waiting code: `issue` makes the screen's token (and refuses a taken name) before the code is spent. */
  bind<T extends { token: string; board: string }>(code: string, issue: () => T): T;
}

/** A code as typed: case and dashes or spaces ignored ("k7m-2qx"). */
function normalized(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function createPairing(now: () => number): Pairing {
  const pending = new Map<string, Pending>();
  const startsBy = new Map<string, number[]>();

  function prune(t: number): void {
    for (const [code, p] of pending) if (p.expiresAt <= t) pending.delete(code);
    for (const [address, starts] of startsBy) {
      const recent = starts.filter((s) => t - s < PAIRING_MS);
      if (recent.length === 0) startsBy.delete(address);
      else startsBy.set(address, recent);
    }
  }

  function newCode(): string {
    for (;;) {
      let code = '';
      for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
      if (!pending.has(code)) return code;
    }
  }

  return {
    start(address) {
      const t = now();
      prune(t);
      const starts = startsBy.get(address) ?? [];
      if (starts.length >= PER_ADDRESS_MAX) return { refused: `this address asked for ${PER_ADDRESS_MAX} pairing codes in the last ${PAIRING_MS / 60_000} minutes: wait, or use a code already shown` };
      if (pending.size >= PENDING_MAX) return { refused: `${PENDING_MAX} pairing codes are waiting already: pair or let them expire (${PAIRING_MS / 60_000} minutes)` };
      startsBy.set(address, [...starts, t]);
      const code = newCode();
      const entry: Pending = { secret: randomBytes(32).toString('base64url'), expiresAt: t + PAIRING_MS, paired: null };
      pending.set(code, entry);
      return { code, expiresAt: entry.expiresAt, secret: entry.secret };
    },
    status(code, secret) {
      prune(now());
      const key = normalized(code);
      const entry = pending.get(key);
      if (entry === undefined || !sameCredential(secret, entry.secret)) return { state: 'expired' };
      if (entry.paired === null) return { state: 'waiting' };
      pending.delete(key);
      return { state: 'paired', token: entry.paired.token, board: entry.paired.board };
    },
    bind(code, issue) {
      prune(now());
      const entry = pending.get(normalized(code));
      if (entry === undefined) throw new RefusedError(`no screen is showing the code "${code.slice(0, 16)}": it may have expired (${PAIRING_MS / 60_000} minutes); open the board on the screen again for a new one`);
      if (entry.paired !== null) throw new RefusedError(`the code "${code.slice(0, 16)}" is paired already`);
      const made = issue();
      entry.paired = { token: made.token, board: made.board };
      return made;
    },
  };
}
