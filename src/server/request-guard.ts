/**
 * The host's early checks, in Fastify's onRequest hook: they run before any body is read, so a refused request
 * costs the host its headers only (eight 60 MB bodies to a refused method were parsed before the 403: 919 MB).
 * In order: the Host and the Origin must name this machine (allowed-hosts.ts), 403; an /api method another machine
 * may not call, 403; a body whose Content-Length is over its method's limit (host-limits.ts), 413. A chunked body
 * has no length to read: the route's bodyLimit stops it as it streams in, answered 413 the same way.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { READ_ONLY_METHODS } from '../shared/api';
import { hostName, originName, type HostCheck } from './allowed-hosts';
import { BODY_LIMIT, LINES_BODY_LIMIT, LINES_METHODS } from './host-limits';
import { isLoopback } from './remote-address';

const WEBHOOK_ROUTE = '/feeds/:name';

/** The Api method a request to /api/* names (the lines methods have routes of their own, for their body limit). */
export function apiMethod(req: FastifyRequest): string | null {
  const route = req.routeOptions.url ?? '';
  if (!route.startsWith('/api/')) return null;
  return (req.params as { '*'?: string })['*'] ?? route.slice('/api/'.length);
}

function bodyLimitOf(method: string): number {
  return (LINES_METHODS as readonly string[]).includes(method) ? LINES_BODY_LIMIT : BODY_LIMIT;
}

function refuse(reply: FastifyReply, status: 403 | 413, code: 'refused' | 'invalid-args', message: string): FastifyReply {
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

export function guardRequests(app: FastifyInstance, check: HostCheck): void {
  app.addHook('onRequest', async (req, reply) => {
    // Webhook senders (Twilio, a bot) post through proxies under public names and send no browser Origin; each
    // post is authenticated by its feed's signature or bearer token instead, and its body capped by its parser.
    if (req.routeOptions.url === WEBHOOK_ROUTE) return;
    const foreign = foreignName(req, check);
    if (foreign) return refuse(reply, 403, 'refused', `${foreign}: refused (add it with serve --allow-host NAME if it is yours)`);
    const method = apiMethod(req);
    if (method === null) return;
    // Another machine (a wallboard on the LAN) may read the floor, not configure feeds, read raw lines or post
    // events: those are for the machine itself (the app, or a browser on it).
    if (!isLoopback(req.socket.remoteAddress) && !(READ_ONLY_METHODS as readonly string[]).includes(method)) {
      return refuse(reply, 403, 'refused', `${method} is answered for this machine only; other machines may only read the floor`);
    }
    const length = Number(req.headers['content-length'] ?? 0);
    const limit = bodyLimitOf(method);
    if (length > limit) return refuse(reply, 413, 'invalid-args', `${method}: a body of ${length} bytes is over the limit of ${limit} bytes`);
  });
}
