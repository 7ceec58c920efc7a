/**
 * DNS rebinding and cross-site posts, replayed against the real host on 127.0.0.1: before, a request with
 * `Host: evil.example` and `Origin: http://evil.example` was served in full (feeds added, raw lines read) and /ws
 * pushed the floor to any origin. Now only this machine's names are answered, before any handler runs.
 */
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowHostName } from '../../src/server/allowed-hosts';
import { openSocket, send } from './raw-client';
import { securityHost, type SecurityHost } from './security-host';

let s: SecurityHost;
beforeAll(async () => {
  s = await securityHost({ allowHosts: ['tv.example'], publicUrl: 'https://floor.example.com/' });
  s.t.engine.feeds.add({ name: 'bots', kind: 'webhook', format: 'ndjson', token: 'bearer-secret' });
});
afterAll(() => s.close());

const json = { 'content-type': 'application/json' };
const feedsAdd = JSON.stringify({ name: 'x', kind: 'file', format: 'ndjson', path: '/etc/passwd' });

describe('the Host header', () => {
  it('refuses a foreign Host with 403 on /api before any handler runs', async () => {
    const answer = await send(s.port, '/api/feeds/add', { headers: { ...json, host: 'evil.example' }, body: feedsAdd });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/Host "evil.example" is not a name of this machine.*--allow-host/) } });
    expect(s.calls).toEqual([]);
    expect(s.t.engine.feeds.statuses().map((f) => f.name)).toEqual(['bots']);
  });

  it('refuses a foreign Host on the pages and on /ws, and a missing or unreadable one', async () => {
    expect((await send(s.port, '/', { method: 'GET', headers: { host: 'evil.example:80' } })).status).toBe(403);
    expect((await openSocket(s.port, { host: `evil.example:${s.port}` })).status).toBe(403);
    expect((await send(s.port, '/api/floor/snapshot', { headers: { ...json, host: 'evil.example@127.0.0.1' }, body: '{}' })).status).toBe(403);
    expect((await send(s.port, '/api/floor/snapshot', { headers: { ...json, host: '127.0.0.1.evil.example' }, body: '{}' })).status).toBe(403);
    expect(s.calls).toEqual([]);
  });

  it('serves the loopback names, the machine name, the --public-url host and an --allow-host name, on any port', async () => {
    const names = ['localhost', `localhost:${s.port}`, '127.0.0.1', `127.0.0.1:${s.port}`, `[::1]:${s.port}`, 'LOCALHOST.', hostname(), `${hostname()}.local:8080`, 'floor.example.com', 'tv.example:4400'];
    for (const host of names) {
      const answer = await send(s.port, '/api/app/info', { headers: { ...json, ...s.access.admin(), host }, body: '{}' });
      expect(answer.status, host).toBe(200);
    }
    expect(s.calls).toHaveLength(names.length);
    expect((await send(s.port, '/', { method: 'GET', headers: { host: `localhost:${s.port}` } })).body).toContain('Floorboard');
  });

  it('reads --allow-host values strictly', () => {
    expect(['TV.example', '[fe80::1]', 'écran.example'].map(allowHostName)).toEqual(['tv.example', 'fe80::1', 'xn--cran-9oa.example']);
    for (const bad of ['http://tv.example', 'tv.example:80', 'tv.example/x', 'user@tv.example', '', '..']) expect(() => allowHostName(bad), bad).toThrow(/--allow-host/);
  });
});

describe('the Origin header', () => {
  it('refuses a foreign Origin on /api, even with an allowed Host, before any handler runs', async () => {
    const before = s.calls.length;
    for (const origin of ['http://evil.example', 'null', 'http://localhost.evil.example', 'file:///tmp/x.html']) {
      const answer = await send(s.port, '/api/feeds/add', { headers: { ...json, host: `127.0.0.1:${s.port}`, origin }, body: feedsAdd });
      expect(answer.status, origin).toBe(403);
      expect(JSON.parse(answer.body).error.message).toMatch(/^Origin ".*" is not a page of this machine/);
    }
    expect(s.calls.length).toBe(before);
    expect(s.t.engine.feeds.statuses().map((f) => f.name)).toEqual(['bots']);
  });

  it('refuses a WebSocket from a foreign Origin, and opens one from this machine', async () => {
    const foreign = await openSocket(s.port, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    foreign.socket.destroy();
    const own = await openSocket(s.port, { ...s.access.admin(), origin: `http://localhost:${s.port}` });
    expect(own.status).toBe(101);
    own.socket.destroy();
  });

  it('serves a page of this machine, or of an allowed name', async () => {
    for (const origin of [`http://localhost:${s.port}`, `http://127.0.0.1:${s.port}`, 'https://floor.example.com', 'http://tv.example:4400']) {
      expect((await send(s.port, '/api/floor/snapshot', { headers: { ...json, ...s.access.admin(), origin }, body: '{}' })).status, origin).toBe(200);
    }
  });
});

describe('webhooks', () => {
  it('take posts under any public name, with no browser Origin check: their token authenticates them', async () => {
    const line = JSON.stringify({ v: 1, type: 'queue.config', ts: Date.parse('2026-03-02T09:00:00Z'), queue: 'Billing', channel: 'voice' });
    const headers = { 'content-type': 'application/x-ndjson', host: 'hooks.example.net', origin: 'https://sender.example' };
    const signed = await send(s.port, '/feeds/bots', { headers: { ...headers, authorization: 'Bearer bearer-secret' }, body: line });
    expect(signed.status).toBe(200);
    expect((await send(s.port, '/feeds/bots', { headers, body: line })).status).toBe(403);
    expect(s.t.engine.feeds.statuses().find((f) => f.name === 'bots')).toMatchObject({ accepted: 1, rejected: 1 });
  });
});
