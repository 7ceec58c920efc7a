/**
 * The host's early checks, in Fastify's onRequest hook: they run before any body is read, so a refused request
 * costs the host its headers only (eight 60 MB bodies to a refused method were parsed before the 403: 919 MB).
 * In order:
 * 1. the Host and the Origin must name this machine (allowed-hosts.ts), 403;
 * 2. a page asked with `?token=` (the login link `serve` prints, a wallboard's link): the token is traded for the
 *    session cookie and the browser sent to the same page without it (303), or told the link is not valid (401). A
 *    board's page (/board/NAME?token=...) is served as it is, token kept and no cookie set: a TV's browser may lose
 *    its cookies at each reboot, so the address is what it keeps (the page holds no data; its /ws and calls carry
 *    the token);
 * 3. /api, /ws and a report's files (/reports/<job>/<file>) need a credential, `Authorization: Bearer` or the session
 *    cookie (core/access), or, on /ws only, a screen's token as `?token=`: none or an invalid one, 401, whatever the
 *    address (loopback alone grants nothing). An admin secret or a plain viewer token in a /ws address is refused: a
 *    URL is logged and kept in histories, so only a screen's token, which opens one board, may sit in one. A method
 *    its role may not call, or a screen's token asking anything but its board (core/access/board-scope.ts), 403
 *    (the files are an export's: reports/export's role, admin);
 * 4. a body whose Content-Length is over its method's limit (host-limits.ts), 413. A chunked body has no length to
 *    read: the route's bodyLimit stops it as it streams in, answered 413 the same way.
 * The dispatcher checks the role again (it is the one check every transport shares): this one only saves the body.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from '../core/access/access';
import { screenRefusal } from '../core/access/board-scope';
import { METHOD_ROLES, roleAllows, type ApiErrorCode, type ApiName, type Caller } from '../shared/api';
import { hostName, originName, type HostCheck } from './allowed-hosts';
import { BODY_LIMIT, LINES_BODY_LIMIT, LINES_METHODS } from './host-limits';
import { loginTrade, SESSION_COOKIE } from './login';

const WEBHOOK_ROUTE = '/feeds/:name';
const SOCKET_ROUTE = '/ws';
/** A board's page, for its screens (the renderer draws it). */
export const BOARD_PAGE_ROUTE = '/board/:name';
/** A finished report's file, downloaded by the browser that exported it (server/host.ts). */
export const REPORT_FILE_ROUTE = '/reports/:job/:file';

/** Who a request was authenticated as, and with what (a socket checks it again while it stays open). */
export interface RequestAccess {
  caller: Caller;
  credential: string;
}

/** The Api method a request to /api/* names (the lines methods have routes of their own, for their body limit). */
export function apiMethod(req: FastifyRequest): string | null {
  const route = req.routeOptions.url ?? '';
  if (!route.startsWith('/api/')) return null;
  return (req.params as { '*'?: string })['*'] ?? route.slice('/api/'.length);
}

function bodyLimitOf(method: string): number {
  return (LINES_METHODS as readonly string[]).includes(method) ? LINES_BODY_LIMIT : BODY_LIMIT;
}

function refuse(reply: FastifyReply, status: 401 | 403 | 413, code: ApiErrorCode, message: string): FastifyReply {
  // the client may still be sending a large body: close the connection rather than read and discard it
  return reply.code(status).header('connection', 'close').send({ ok: false, error: { code, message } });
}

function foreignName(req: FastifyRequest, check: HostCheck): string | null {
  const host = hostName(req.headers.host);
  if (host === null || !check(host)) return `Host "${req.headers.host ?? ''}" is not a name of this machine`;
  const origin = req.headers.origin;
  if (origin === undefined) return null; // not a browser's cross-site request (curl, the CLI, a ws client)
  const name = originName(origin);
  if (name === null || !check(name)) return `Origin "${origin}" is not a page of this machine`;
  return null;
}

/** The credential a request carries: a screen's `?token=` on /ws, else a Bearer header, else the session cookie. */
function credentialOf(req: FastifyRequest): { credential: string | undefined; inUrl: boolean } {
  const inUrl = req.routeOptions.url === SOCKET_ROUTE ? new URL(req.url, 'http://host').searchParams.get('token') : null;
  return inUrl !== null ? { credential: inUrl, inUrl: true } : { credential: headerCredential(req), inUrl: false };
}

function headerCredential(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  if (auth !== undefined) return /^Bearer ([\x21-\x7e]{1,300})$/.exec(auth)?.[1] ?? '';
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === SESSION_COOKIE) return value;
  }
  return undefined;
}

const SIGN_IN =
  'sign in first: open the admin login URL "serve" printed (or run "npm run cli -- access admin login-url"), a viewer link (?token=...), ' +
  'or send "Authorization: Bearer <secret or token>"';

export function guardRequests(app: FastifyInstance, check: HostCheck, access: Access): (req: FastifyRequest) => RequestAccess {
  const authenticated = new WeakMap<FastifyRequest, RequestAccess>();
  app.addHook('onRequest', async (req, reply) => {
    // Webhook senders (Twilio, a bot) post through proxies under public names and send no browser Origin; each
    // post is authenticated by its feed's signature or bearer token instead, and its body capped by its parser.
    if (req.routeOptions.url === WEBHOOK_ROUTE) return;
    const foreign = foreignName(req, check);
    if (foreign) return refuse(reply, 403, 'refused', `${foreign}: refused (add it with serve --allow-host NAME if it is yours)`);
    const route = req.routeOptions.url;
    const method = apiMethod(req) ?? (route === REPORT_FILE_ROUTE ? 'reports/export' : null);
    if (route === BOARD_PAGE_ROUTE) return;
    if (method === null && route !== SOCKET_ROUTE) return loginTrade(req, reply, access);
    const { credential, inUrl } = credentialOf(req);
    const caller = access.authenticate(credential);
    if (caller === null || credential === undefined) {
      return refuse(reply, 401, 'unauthenticated', credential === undefined ? SIGN_IN : `that credential is not valid (revoked, expired, or the admin secret was rotated): ${SIGN_IN}`);
    }
    if (inUrl && caller.board === undefined) return refuse(reply, 401, 'unauthenticated', `only a screen's token may be given in a /ws address: ${SIGN_IN}`);
    authenticated.set(req, { caller, credential });
    if (method === null) return;
    const role = (METHOD_ROLES as Record<string, (typeof METHOD_ROLES)[ApiName]>)[method];
    if (role !== undefined && !roleAllows(caller.role, role)) return refuse(reply, 403, 'forbidden', `${method} is for an admin; this viewer token may only read the floor`);
    const outOfScreen = screenRefusal(caller, method);
    if (outOfScreen !== null) return refuse(reply, 403, 'forbidden', outOfScreen);
    const length = Number(req.headers['content-length'] ?? 0);
    const limit = bodyLimitOf(method);
    if (length > limit) return refuse(reply, 413, 'invalid-args', `${method}: a body of ${length} bytes is over the limit of ${limit} bytes`);
  });
  return (req) => {
    const a = authenticated.get(req);
    // every /api and /ws request went through the hook above, which answered it unless it was authenticated
    if (a === undefined) throw new Error(`${req.url}: reached a handler unauthenticated`);
    return a;
  };
}
