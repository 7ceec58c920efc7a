/**
 * The two pairing routes a board page without a token calls (src/server/pairing-routes.ts), with no credential and
 * no cookie either way (`credentials: 'omit'`): a pairing page holds nothing but its code and secret. A 429 is "busy",
 * not an error; anything that is not the route's JSON throws, as an unreachable host does, and the caller retries.
 * Nothing here logs: the code and the secret stay on the screen and in memory.
 */
import { PAIRING_ROUTES, type PairingStatus } from '../../../../shared/api-boards';
import type { PairingStart } from '../../../../shared/screen-access';

export interface ShownCode {
  code: string;
  secret: string;
  /** When the code expires by this browser's clock (the host's expiresAt, less the two clocks' difference). */
  deadline: number;
}

const NO_COOKIE: RequestInit = { credentials: 'omit', cache: 'no-store', headers: { accept: 'application/json' } };

/** A new code, or `busy` when the host refused (too many codes waiting, or this address asked too often). */
export async function startPairing(fetchFn: typeof fetch, pageUrl: string): Promise<ShownCode | 'busy'> {
  const response = await fetchFn(new URL(PAIRING_ROUTES.start, pageUrl).toString(), { ...NO_COOKIE, method: 'POST' });
  if (response.status === 429) return 'busy';
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const started = (await response.json()) as PairingStart;
  // a TV's clock may be minutes off: the host's Date header says by how much (to the second, enough for a countdown)
  const hostDate = Date.parse(response.headers?.get('date') ?? '');
  const skew = Number.isNaN(hostDate) ? 0 : hostDate - Date.now();
  return { code: started.code, secret: started.secret, deadline: started.expiresAt - skew };
}

export async function pairingStatus(fetchFn: typeof fetch, pageUrl: string, shown: ShownCode): Promise<PairingStatus> {
  const url = new URL(PAIRING_ROUTES.status, pageUrl);
  url.searchParams.set('code', shown.code);
  url.searchParams.set('secret', shown.secret);
  const response = await fetchFn(url.toString(), { ...NO_COOKIE, method: 'GET' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as PairingStatus;
}

/** The paired board's own address with its token (`/board/NAME?token=fbv_...`): what the TV keeps and reloads. */
export function pairedAddress(pageUrl: string, board: string, token: string): string {
  const url = new URL(`/board/${encodeURIComponent(board)}`, pageUrl);
  url.searchParams.set('token', token);
  return url.toString();
}

/** "K7M2QX" as read off the wall: "K7M-2QX". */
export function codeAsShown(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}
