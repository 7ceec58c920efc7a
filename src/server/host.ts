/**
 * The headless host: the same engine as the desktop app, with HTTP for Api calls (POST /api/<name>),
 * a WebSocket (/ws) for pushed events, and the built renderer served as static files. Wallboards on the
 * LAN and every end-to-end test use it. Binds to loopback unless told otherwise. Answers only requests that name
 * this machine (request-guard.ts, before any body is read), and bounds what a request or a socket may cost
 * (host-limits.ts).
 */
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Access } from '../core/access/access';
import type { Pairing } from '../core/access/pairing';
import type { Dispatch } from '../core/api/dispatch';
import type { Engine } from '../core/engine';
import type { ReportJobs } from '../core/reports/report-jobs';
import type { ApiErrorCode } from '../shared/api';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { createHostCheck } from './allowed-hosts';
import { BODY_LIMIT, CLOSE_TIMEOUT_MS, FRAME_LIMIT, LINES_BODY_LIMIT, LINES_METHODS, SOCKETS_PER_ADDRESS, SOCKETS_PER_TOKEN } from './host-limits';
import { clientOf } from './remote-address';
import { pairingRoutes } from './pairing-routes';
import { apiMethod, BOARD_PAGE_ROUTE, guardRequests, REPORT_FILE_ROUTE } from './request-guard';
import { createSocketHub, type SocketStats } from './socket-hub';


export interface HostOptions {
  engine: Engine;
  dispatch: Dispatch;
  /** Who may call (core/access): every /api and /ws request is authenticated with it. */
  access: Access;
  /** Codes shown by boards opened without a token (/pair/*); none: boards cannot be paired here. */
  pairing?: Pairing;
  /** Report exports: their files are downloaded from /reports/<job>/<file> (an admin's, as the export was). */
  reports?: Pick<ReportJobs, 'file'>;
  rendererDir: string;
  port: number;
  host: string;
  /**
   * The public base URL that webhook senders call (e.g. https://floor.example.com when behind a proxy).
   * Twilio signs the exact URL it called; without this the host rebuilds it from the request's Host header.
   */
  publicUrl?: string;
  /** More names this host answers to (--allow-host): a proxy's or a DNS alias the machine's own names miss. */
  allowHosts?: readonly string[];
  /**
   * Reverse proxies whose X-Forwarded-For (and -Proto) is believed (--trust-proxy); a forwarded request through any
   * other peer counts as remote.
   */
  trustProxy?: readonly string[];
  /** Open WebSockets from one remote address. Default SOCKETS_PER_ADDRESS. */
  socketsPerAddress?: number;
  /** Open WebSockets with one viewer token. Default SOCKETS_PER_TOKEN. */
  socketsPerToken?: number;
  /** Tests only: count loopback connections against the cap too (they are exempt, for benches and soaks). */
  capLoopback?: boolean;
}

export interface Host {
  url: string;
  /** Each open WebSocket's send buffer and what it holds back (the tests check it stays bounded). */
  sockets(): SocketStats[];
  close(): Promise<void>;
}

/** What a browser is told each report file is (the name's extension); anything else is plain bytes. */
const REPORT_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const STATUS: Record<ApiErrorCode, number> = { 'invalid-args': 400, 'unknown-method': 404, refused: 409, unauthenticated: 401, forbidden: 403, internal: 500 };

export async function startHost(options: HostOptions): Promise<Host> {
  if (!existsSync(options.rendererDir)) {
    throw new Error(`The renderer is not built (${options.rendererDir} is missing): run "npm run build" first.`);
  }
  const trusted = options.trustProxy ?? [];
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, trustProxy: trusted.length > 0 ? [...trusted] : false });
  // a body over its route's limit that came chunked (no Content-Length for the early check): the same envelope
  app.setErrorHandler((error: { statusCode?: number; message: string }, _req, reply) => {
    if (error.statusCode !== 413) throw error;
    return reply.code(413).header('connection', 'close').send({ ok: false, error: { code: 'invalid-args', message: error.message } });
  });
  // a socket that does not answer a close (one over the cap, a client that stopped reading) is dropped after 2 s,
  // not ws's 30: stopping the host waits for it (ws 8.18 reads closeTimeout; its types do not know it yet)
  const wsOptions = { maxPayload: FRAME_LIMIT, closeTimeout: CLOSE_TIMEOUT_MS };
  await app.register(fastifyWebsocket, { options: wsOptions });
  // after the WebSocket plugin's own onRequest hook, which marks an upgrade so a refused one's socket is destroyed
  const hostCheck = createHostCheck({ listen: options.host, publicUrl: options.publicUrl, allowHosts: options.allowHosts, now: () => options.engine.wall.now() });
  const accessOf = guardRequests(app, hostCheck, options.access);
  await app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html' });
  // a wall display's board (/board/NAME, served below): the same page, whose relative asset paths resolve under /board/
  await app.register(fastifyStatic, { root: options.rendererDir, prefix: '/board/', decorateReply: false, index: false });
  const sockets = createSocketHub({
    engine: options.engine,
    access: options.access,
    wall: options.engine.wall,
    perAddress: options.socketsPerAddress ?? SOCKETS_PER_ADDRESS,
    perToken: options.socketsPerToken ?? SOCKETS_PER_TOKEN,
    capLoopback: options.capLoopback ?? false,
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });

  // who may call which method, and how large a body may be, were decided in the onRequest hook (request-guard.ts)
  const api = async (req: FastifyRequest, reply: FastifyReply) => {
    const result = await options.dispatch(apiMethod(req) ?? '', req.body ?? {}, accessOf(req).caller);
    reply.code(result.ok ? 200 : STATUS[result.error.code]);
    return result;
  };
  app.post('/api/*', api);
  for (const name of LINES_METHODS) app.post(`/api/${name}`, { bodyLimit: LINES_BODY_LIMIT }, api);

  // Webhook feeds: the raw body is kept as text (Twilio signs the form parameters, or the JSON body's hash),
  // in a scope of its own so the JSON parsing of /api is unchanged.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 8 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.post('/feeds/:name', async (req, reply) => {
      const { name } = req.params as { name: string };
      const base = options.publicUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.headers.host ?? req.hostname}`;
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v[0] : v;
      const answer = options.engine.feeds.receive(name, {
        url: base + req.url,
        body: typeof req.body === 'string' ? req.body : '',
        contentType: req.headers['content-type'] ?? '',
        headers,
      });
      reply.code(answer.status);
      return answer.body;
    });
  });

  // a finished export's file, by its name in the job (never a path: anything else is not found); admin only, as
  // decided in the onRequest hook. The job id (72 random bits) is not the credential: the session is.
  app.get(REPORT_FILE_ROUTE, async (req, reply) => {
    const { job, file } = req.params as { job: string; file: string };
    const found = options.reports?.file(job, file) ?? null;
    if (found === null) return reply.code(404).send({ ok: false, error: { code: 'refused', message: `no file "${file.slice(0, 80)}" in report job "${job.slice(0, 40)}": it may have expired (kept 30 minutes)` } });
    const ascii = file.replace(/[^A-Za-z0-9._-]/g, '_');
    return reply
      .header('content-type', REPORT_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file)}`)
      .header('cache-control', 'no-store')
      .send(found.content);
  });

  // a board's page is the renderer's (it reads the board from the address); its data comes over /ws and /api only
  app.get(BOARD_PAGE_ROUTE, async (_req, reply) => reply.header('cache-control', 'no-store').sendFile('index.html'));
  if (options.pairing) pairingRoutes(app, options.pairing, trusted);

  app.get('/ws', { websocket: true }, (socket, req) => sockets.open(socket, clientOf(req, trusted), accessOf(req)));

  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    sockets: () => sockets.stats(),
    close: async () => {
      sockets.close();
      await app.close();
    },
  };
}
