/**
 * The access model against a real host (in this process, on 127.0.0.1): before, loopback alone was admin, a proxy on
 * the same machine made everyone admin, and any WebSocket got every agent's name. Now: no credential, nothing; the
 * login link trades a token for an HttpOnly SameSite=Strict cookie; a viewer's socket gets pseudonyms; revoking a
 * token or rotating the secret closes its sockets within CHECK_MS; connections are capped per token, and a forwarded
 * request counts as remote unless its proxy is trusted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FloorSnapshot } from '../../src/shared/api';
import { ACCESS_ENDED, CHECK_MS, NOT_READING, STUCK_CLOSE_MS, TOO_MANY_CONNECTIONS, TOO_MANY_FOR_TOKEN } from '../../src/server/socket-hub';
import { ev, lines } from '../helpers/events';
import { openSocket, send, type RawSocket } from './raw-client';
import { securityHost, type SecurityHost } from './security-host';

let s: SecurityHost;
const open: RawSocket[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) o.socket.destroy();
  await s?.close();
});
const socket = async (headers: Record<string, string>) => {
  const o = await openSocket(s.port, headers);
  open.push(o);
  return o;
};
const settle = () => new Promise((ok) => setTimeout(ok, 30));
const json = { 'content-type': 'application/json' };
/** Waits (bounded) until a socket has read a snapshot, and returns the newest. */
async function snapshotOf(o: RawSocket): Promise<FloorSnapshot> {
  for (let i = 0; i < 100 && !o.texts.some((t) => t.includes('"floor/snapshot"')); i++) {
    s.t.engine.tick();
    await settle();
  }
  return JSON.parse(o.texts.filter((t) => t.includes('"floor/snapshot"')).at(-1)!).payload as FloorSnapshot;
}

describe('no credential', () => {
  it('opens no API method and no socket, from loopback too, and reaches no handler', async () => {
    s = await securityHost();
    for (const name of ['floor/snapshot', 'app/info', 'access/session', 'feeds/list']) {
      const r = await send(s.port, `/api/${name}`, { headers: json, body: '{}' });
      expect(r.status, name).toBe(401);
      expect(JSON.parse(r.body).error.message).toMatch(/sign in first/);
    }
    expect((await send(s.port, '/api/floor/snapshot', { headers: { ...json, authorization: 'Bearer fbv_notatokenatallnotatokenatallnotatokenatall1' }, body: '{}' })).status).toBe(401);
    expect((await socket({})).status).toBe(401);
    expect(s.calls).toEqual([]);
    // the page itself is served: it holds no data, and tells how to sign in
    expect((await send(s.port, '/', { method: 'GET' })).status).toBe(200);
  });
});

describe('the login link', () => {
  it('trades the admin secret for an HttpOnly SameSite=Strict session cookie, and drops it from the address', async () => {
    s = await securityHost();
    const r = await send(s.port, `/?token=${s.access.secret.current()}&x=1`, { method: 'GET' });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/?x=1');
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^floorboard_session=fbs_[^;]+; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Strict$/);
    const session = cookie.split(';')[0];
    const who = await send(s.port, '/api/access/session', { headers: { ...json, cookie: session }, body: '{}' });
    expect(JSON.parse(who.body).value).toEqual({ role: 'admin', token: null, names: true });
    // rotating the secret signs the session out
    s.access.secret.rotate();
    expect((await send(s.port, '/api/access/session', { headers: { ...json, cookie: session }, body: '{}' })).status).toBe(401);
  });

  it('keeps a viewer token as the cookie, and answers a bad link with a page and no cookie', async () => {
    s = await securityHost();
    const { token } = s.access.viewer('lobby');
    const r = await send(s.port, `/?token=${token}`, { method: 'GET' });
    expect(r.status).toBe(303);
    const session = String(r.headers['set-cookie']).split(';')[0];
    expect(session).toBe(`floorboard_session=${token}`);
    const who = await send(s.port, '/api/access/session', { headers: { ...json, cookie: session }, body: '{}' });
    expect(JSON.parse(who.body).value).toEqual({ role: 'viewer', token: 'lobby', names: false });
    const bad = await send(s.port, '/?token=fbv_revokedrevokedrevokedrevokedrevokedrevoked1', { method: 'GET' });
    expect(bad.status).toBe(401);
    expect(bad.headers['set-cookie']).toBeUndefined();
    expect(bad.body).toMatch(/This sign-in link is not valid/);
  });

  it('marks the cookie Secure behind a trusted TLS proxy only', async () => {
    s = await securityHost({ trustProxy: ['127.0.0.1'] });
    const viaProxy = await send(s.port, `/?token=${s.access.secret.current()}`, { method: 'GET', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' } });
    expect(String(viaProxy.headers['set-cookie'])).toMatch(/; Secure$/);
    await s.close();
    s = await securityHost();
    const untrusted = await send(s.port, `/?token=${s.access.secret.current()}`, { method: 'GET', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' } });
    expect(String(untrusted.headers['set-cookie'])).not.toMatch(/Secure/);
  });
});

describe('sockets', () => {
  it('push a viewer pseudonyms and an admin names', async () => {
    s = await securityHost();
    s.t.engine.ingestNdjson('pbx', lines([ev.agent(0, 'zoe', 'available')]));
    const viewer = await socket(s.access.viewer('wall').headers);
    const admin = await socket(s.access.admin());
    expect([viewer.status, admin.status]).toEqual([101, 101]);
    expect((await snapshotOf(viewer)).agents.map((a) => a.name)).toEqual(['Agent 1']);
    expect((await snapshotOf(admin)).agents.map((a) => a.name)).toEqual(['ZOE']);
    expect(viewer.texts.join('')).not.toContain('ZOE');
  });

  it('close within CHECK_MS when the token is revoked or the secret rotated', async () => {
    s = await securityHost();
    const viewer = await socket(s.access.viewer('wall').headers);
    const kept = await socket(s.access.viewer('other').headers);
    const admin = await socket({ cookie: `floorboard_session=${s.access.access.login(s.access.secret.current())!.cookie}` });
    expect([viewer.status, kept.status, admin.status]).toEqual([101, 101, 101]);
    s.access.access.handlers['access/revoke-token']({ name: 'wall' });
    s.t.clock.advance(CHECK_MS);
    expect(await viewer.closed).toEqual({ code: 1008, reason: ACCESS_ENDED });
    s.access.secret.rotate();
    s.t.clock.advance(CHECK_MS);
    expect(await admin.closed).toEqual({ code: 1008, reason: ACCESS_ENDED });
    // the host drops them when they answer the close, or after its close timeout (2 s) when they do not
    for (let i = 0; i < 150 && s.host.sockets().length > 1; i++) await settle();
    expect(s.host.sockets().map((x) => x.token)).toEqual(['other']);
  });

  it('are capped per viewer token, and per forwarded client unless the proxy is trusted', async () => {
    s = await securityHost({ socketsPerToken: 2, socketsPerAddress: 2 });
    const { headers } = s.access.viewer('shared');
    const [a, b] = [await socket(headers), await socket(headers)];
    const c = await socket(headers);
    expect([a.status, b.status, c.status]).toEqual([101, 101, 101]);
    expect(await c.closed).toEqual({ code: 1008, reason: TOO_MANY_FOR_TOKEN });
    // through a proxy that is not trusted, loopback counts as remote (capped) whatever it forwards
    const forwarded = { ...s.access.admin(), 'x-forwarded-for': '127.0.0.1' };
    await socket(forwarded);
    await socket(forwarded);
    expect(await (await socket(forwarded)).closed).toEqual({ code: 1008, reason: TOO_MANY_CONNECTIONS });
    await s.close();
    // a trusted proxy: each forwarded client has its own count
    s = await securityHost({ socketsPerAddress: 1, trustProxy: ['127.0.0.1'] });
    const one = await socket({ ...s.access.admin(), 'x-forwarded-for': '203.0.113.1' });
    const two = await socket({ ...s.access.admin(), 'x-forwarded-for': '203.0.113.2' });
    const again = await socket({ ...s.access.admin(), 'x-forwarded-for': '203.0.113.1' });
    expect(await again.closed).toEqual({ code: 1008, reason: TOO_MANY_CONNECTIONS });
    expect([one.socket.destroyed, two.socket.destroyed]).toEqual([false, false]);
  });

  it('close a client that stays over the send buffer limit for STUCK_CLOSE_MS', async () => {
    s = await securityHost();
    const slow = await socket(s.access.admin());
    slow.socket.pause();
    // big snapshots (many agents) fill the kernel's buffers, then the host's
    s.t.engine.ingestNdjson('pbx', lines(Array.from({ length: 400 }, (_, i) => ev.agent(0, `agent-with-a-long-id-${i}`, 'available'))));
    for (let i = 0; i < 500 && (s.host.sockets()[0]?.pending.length ?? 0) === 0; i++) {
      s.t.engine.tick();
      await settle();
    }
    expect(s.host.sockets()[0].pending.length).toBeGreaterThan(0);
    s.t.clock.advance(STUCK_CLOSE_MS + CHECK_MS);
    await settle();
    slow.socket.resume();
    expect(await slow.closed).toMatchObject({ code: 1008, reason: NOT_READING });
  });
});
