/**
 * Who may call: the install's admin secret, the admin sessions it signs, and the viewer tokens (docs/security.md).
 * Every transport turns what came with a request (a Bearer header, a session cookie) into a `Caller` here, or into
 * nothing: no credential, no role, loopback included. The dispatcher then checks the method's role (METHOD_ROLES)
 * and shows a viewer its view of the answer (viewer-view.ts).
 */
import { roleAllows, type AccessTokenView, type ApiName, type ApiResult, type Caller, type Handlers, type PushEvents, type PushName, type Role } from '../../shared/api';
import { RefusedError } from '../api/refused';
import type { StoreWriter } from '../store/store';
import type { AdminSecret } from './admin-secret';
import { ADMIN_SECRET_PREFIX, hashCredential, isCredentialShaped, newCredential, sameCredential, SESSION_PREFIX, VIEWER_TOKEN_PREFIX } from './credentials';
import { newSession, SESSION_DAYS, validSession } from './sessions';
import { createPseudonyms, viewerPush, viewerView, type ScreenBoards } from './viewer-view';

export const ADMIN: Caller = { role: 'admin', token: null, names: true };

/** A token's last use is written at most this often (a wallboard polls; its row need not be written each time). */
const TOUCH_EVERY_MS = 60_000;
/** Token names: shown in lists and close reasons; letters, digits, space, dot, dash, underscore. */
export const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;
export const MAX_TOKEN_DAYS = 3650;

export interface Access {
  /** The caller a credential (a Bearer value or a cookie) stands for; null: none (missing, malformed, revoked, expired). */
  authenticate(credential: string | undefined): Caller | null;
  /**
   * A login link's token traded for what the browser keeps in its cookie: an admin secret buys a signed session, a
   * viewer token is kept as is (so revoking it ends the browser's access too); null if it is neither.
   */
  login(token: string): { cookie: string; caller: Caller; maxAgeSeconds: number } | null;
  /** The install's admin secret, for `serve`'s login URL. */
  adminSecret(): string;
  /** Changes when the admin secret does (its sessions end: their sockets are closed). */
  secretGeneration(): number;
  handlers: Handlers<'access'>;
  /** A board shown by this app's own kiosk window, seen as its screens see it; null when there is no such board. */
  screenCaller(board: string): Caller | null;
  /** Whether a caller may call a method of this role. */
  allows(caller: Caller, role: Role): boolean;
  view<K extends ApiName>(name: K, value: ApiResult<K>, caller: Caller): ApiResult<K>;
  viewPush<E extends PushName>(event: E, payload: PushEvents[E], caller: Caller): PushEvents[E];
}

type TokenStore = Pick<StoreWriter, 'accessTokens' | 'accessTokenByHash' | 'addAccessToken' | 'removeAccessToken' | 'touchAccessToken'>;

export interface AccessOptions {
  store: TokenStore;
  secret: AdminSecret;
  /** The wall clock (expiry, last use, sessions). */
  now: () => number;
  /** The boards screens' tokens are bound to; without them (or their board) a screen's token is refused. */
  screens?: ScreenBoards;
}

/** A new viewer token (a screen's when `board` is given): its secret, returned this once, and its row. */
export function issueViewerToken(
  store: Pick<TokenStore, 'accessTokens' | 'addAccessToken'>,
  now: number,
  args: { name: string; expiresDays?: number; names?: boolean; board?: string },
): { token: string; view: AccessTokenView } {
  if (!TOKEN_NAME.test(args.name)) throw new RefusedError(`"${args.name.slice(0, 80)}" is not a token name: letters, digits, space, dot, dash and underscore, at most 64, starting with a letter or digit`);
  if (store.accessTokens().some((t) => t.name === args.name)) throw new RefusedError(`a token named "${args.name}" exists already: revoke it first, or choose another name`);
  const token = newCredential(VIEWER_TOKEN_PREFIX);
  const expiresAt = args.expiresDays === undefined ? null : now + args.expiresDays * 86_400_000;
  const row = { name: args.name, names: args.names ?? false, createdAt: now, expiresAt, board: args.board ?? null };
  store.addAccessToken({ ...row, hash: hashCredential(token) });
  return { token, view: { ...row, lastUsedAt: null } };
}

export function createAccess(o: AccessOptions): Access {
  const pseudonyms = createPseudonyms();

  function viewer(token: string): Caller | null {
    const found = o.store.accessTokenByHash(hashCredential(token));
    if (found === null) return null;
    const now = o.now();
    if (found.expiresAt !== null && found.expiresAt <= now) return null;
    // a screen sees its board, names as the board allows; its board removed (or no boards here): nothing at all
    const board = found.board === null ? null : (o.screens?.boardOf(found.board) ?? undefined);
    if (board === undefined) return null;
    if (found.lastUsedAt === null || now - found.lastUsedAt >= TOUCH_EVERY_MS) o.store.touchAccessToken(found.name, now);
    if (board === null) return { role: 'viewer', token: found.name, names: found.names };
    return { role: 'viewer', token: found.name, names: board.showNames, board: board.name };
  }

  function authenticate(credential: string | undefined): Caller | null {
    if (credential === undefined || !isCredentialShaped(credential)) return null;
    if (credential.startsWith(VIEWER_TOKEN_PREFIX)) return viewer(credential);
    const secret = o.secret.current();
    if (credential.startsWith(ADMIN_SECRET_PREFIX)) return sameCredential(credential, secret) ? ADMIN : null;
    if (credential.startsWith(SESSION_PREFIX)) return validSession(credential, secret, o.now()) ? ADMIN : null;
    return null;
  }

  return {
    authenticate,
    login(token) {
      const caller = authenticate(token);
      if (caller === null) return null;
      if (caller.role === 'admin') return { cookie: newSession(o.secret.current(), o.now()), caller, maxAgeSeconds: SESSION_DAYS * 86_400 };
      return { cookie: token, caller, maxAgeSeconds: SESSION_DAYS * 86_400 };
    },
    adminSecret: () => o.secret.current(),
    secretGeneration: () => o.secret.generation(),
    screenCaller(name) {
      const board = o.screens?.boardOf(name) ?? null;
      return board === null ? null : { role: 'viewer', token: null, names: board.showNames, board: board.name };
    },
    allows: (caller, role) => roleAllows(caller.role, role),
    handlers: {
      'access/session': (_args, caller) => ({ ...caller }),
      'access/tokens': () => o.store.accessTokens(),
      'access/create-token': (args) => issueViewerToken(o.store, o.now(), args),
      'access/revoke-token': ({ name }) => {
        if (!o.store.removeAccessToken(name)) throw new RefusedError(`no token named "${name.slice(0, 80)}"`);
        return { revoked: name };
      },
    },
    view: (name, value, caller) => viewerView(name, value, caller, pseudonyms, o.screens),
    viewPush: (event, payload, caller) => viewerPush(event, payload, caller, pseudonyms, o.screens),
  };
}
