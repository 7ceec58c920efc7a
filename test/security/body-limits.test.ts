/**
 * Bodies are refused before they are read: before, every body up to 64 MiB was parsed first (eight 60 MB bodies to a
 * refused method: 919 MB peak). A method that carries no lines takes at most 1 MiB, announced (Content-Length,
 * refused in the onRequest hook with nothing of the body sent) or streamed (chunked, stopped at the limit); a caller
 * without a credential (401) or whose role may not call the method (403) is answered before its body is read.
 */
import Fastify from 'fastify';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostCheck } from '../../src/server/allowed-hosts';
import { BODY_LIMIT } from '../../src/server/host-limits';
import { guardRequests } from '../../src/server/request-guard';
import { lines, ev } from '../helpers/events';
import { headersOnly, send } from './raw-client';
import { securityHost, type SecurityHost } from './security-host';

const MiB = 1024 * 1024;
let s: SecurityHost;
beforeAll(async () => {
  s = await securityHost();
});
afterAll(() => s.close());

describe('bodies of methods that carry no lines', () => {
  it('refuses a 2 MiB body to floor/snapshot with 413 when only its headers were sent', async () => {
    const answer = await headersOnly(s.port, '/api/floor/snapshot', 2 * MiB, 0, s.access.admin());
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid-args', message: expect.stringMatching(/over the limit of 1048576 bytes/) } });
    // and with the first 64 KiB on the way: still answered, the remaining bytes never sent
    expect((await headersOnly(s.port, '/api/standards/save', 60 * MiB, 64 * 1024, s.access.admin())).status).toBe(413);
    expect(s.calls).toEqual([]);
  });

  it('stops a chunked body at 1 MiB as it streams in', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(BODY_LIMIT + 1024) });
    const answer = await send(s.port, '/api/floor/snapshot', { headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...s.access.admin() }, body: big });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(s.calls).toEqual([]);
  });

  it('keeps a body under the limit, and the lines methods their larger one', async () => {
    expect((await send(s.port, '/api/floor/snapshot', { headers: { 'content-type': 'application/json', ...s.access.admin() }, body: '{}' })).status).toBe(200);
    const many = lines(Array.from({ length: 12_000 }, (_, i) => ev.queued(i, `c${i}`)));
    const body = JSON.stringify({ source: 'bulk', lines: many.map((l) => l.text) });
    expect(body.length).toBeGreaterThan(BODY_LIMIT);
    const answer = await send(s.port, '/api/ingest/lines', { headers: { 'content-type': 'application/json', ...s.access.admin() }, body });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).value.accepted).toBe(12_000);
  });
});

describe('a caller refused by its role or for want of a credential', () => {
  it('is answered before its body is read (the body never ends, yet the answer comes)', async () => {
    const app = Fastify({ bodyLimit: BODY_LIMIT });
    guardRequests(app, createHostCheck({ listen: '0.0.0.0', now: () => 0 }), s.access.access);
    let handled = 0;
    app.post('/api/*', async () => ++handled);
    // 64 KiB, then nothing and no end: parsing it would wait forever
    const endless = () => {
      const body = new Readable({ read() {} });
      body.push(Buffer.alloc(64 * 1024, 0x20));
      return body;
    };
    const headers = { host: 'localhost', 'content-type': 'application/json' };
    const anonymous = await app.inject({ method: 'POST', url: '/api/feeds/add', remoteAddress: '127.0.0.1', headers, payload: endless() });
    expect(anonymous.statusCode).toBe(401);
    const viewer = s.access.viewer('wall').headers;
    const answer = await app.inject({ method: 'POST', url: '/api/feeds/add', remoteAddress: '192.168.1.20', headers: { ...headers, ...viewer }, payload: endless() });
    expect(answer.statusCode).toBe(403);
    expect(answer.json()).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/for an admin/) } });
    const read = await app.inject({ method: 'POST', url: '/api/floor/snapshot', remoteAddress: '192.168.1.20', headers: { ...headers, ...viewer }, payload: '{}' });
    expect(read.statusCode).toBe(200);
    expect(handled).toBe(1);
    await app.close();
  });
});
