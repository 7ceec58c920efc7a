/**
 * Login links: a page asked with `?token=` (the admin login URL `serve` prints, a viewer link for a wallboard) trades
 * the token for the session cookie, then sends the browser to the same address without it (303), so the secret
 * leaves the address bar and the history at once. The cookie is HttpOnly (no script reads it), SameSite=Strict (no
 * other site's page sends it), Path=/, and Secure when the request came over TLS (a trusted proxy's
 * X-Forwarded-Proto included). A token that is not valid gets a short page saying so, and no cookie.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from '../core/access/access';

/** The cookie a browser keeps its admin session or viewer token in. */
export const SESSION_COOKIE = 'floorboard_session';

const NOT_VALID = `<!doctype html><meta charset="utf-8"><title>Floorboard: link not valid</title>
<body style="font:20px system-ui;margin:3em;max-width:40em"><h1>This sign-in link is not valid</h1>
<p>Its token was revoked or has expired, or the admin secret was rotated. Ask whoever runs Floorboard for a new link
(<code>npm run cli -- access token create NAME</code>, or the admin login URL that <code>serve</code> prints).</p></body>`;

export function loginTrade(req: FastifyRequest, reply: FastifyReply, access: Access): FastifyReply | undefined {
  if (req.method !== 'GET') return undefined;
  const url = new URL(req.url, 'http://host');
  const token = url.searchParams.get('token');
  if (token === null) return undefined;
  url.searchParams.delete('token');
  const login = access.login(token);
  reply.header('cache-control', 'no-store');
  if (login === null) return reply.code(401).type('text/html; charset=utf-8').send(NOT_VALID);
  const secure = req.protocol === 'https' ? '; Secure' : '';
  reply.header('set-cookie', `${SESSION_COOKIE}=${login.cookie}; Max-Age=${login.maxAgeSeconds}; Path=/; HttpOnly; SameSite=Strict${secure}`);
  return reply.code(303).header('location', url.pathname + url.search + url.hash).send();
}
