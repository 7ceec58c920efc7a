/**
 * The headless host on the LAN: other machines (wall displays) may read the floor; configuring feeds, reading
 * quarantined raw lines and posting events are for the machine itself. The other machine is a network namespace
 * the test makes (test/helpers/netns.ts): no request goes to this machine's real LAN address.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/core/api/dispatch';
import { isLoopback, startHost, type Host } from '../../src/server/host';
import { testEngine } from '../helpers/engine';
import { T0 } from '../helpers/events';
import { lanNamespace, type LanNamespace } from '../helpers/netns';

describe('who may call what', () => {
  it('knows the machine itself', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['192.168.1.20', '10.0.0.1', '::ffff:192.168.1.20', 'fe80::1', undefined].map(isLoopback)).toEqual([false, false, false, false, false]);
  });
});

const lan = lanNamespace();
if ('unavailable' in lan) console.info(`LAN test skipped: ${lan.unavailable}`);

describe.skipIf('unavailable' in lan)('a host bound to every address, called from the LAN address', () => {
  const peer = lan as LanNamespace;
  let t: ReturnType<typeof testEngine>;
  let host: Host;
  let port: number;
  beforeAll(async () => {
    t = testEngine(T0);
    host = await startHost({ engine: t.engine, dispatch: createDispatcher(t.engine.handlers), rendererDir: mkdtempSync(join(tmpdir(), 'fb-r-')), port: 0, host: '0.0.0.0' });
    port = Number(new URL(host.url).port);
  });
  afterAll(async () => {
    await host.close();
    t.close();
    peer.remove();
  });
  // from the other machine (inside the namespace, over the veth pair), or from this one (loopback)
  const call = async (from: 'lan' | 'self', name: string, body: unknown) => {
    if (from === 'lan') return peer.post(`http://${peer.hostAddress}:${port}/api/${name}`, body);
    const r = await fetch(`http://127.0.0.1:${port}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: r.status, text: await r.text() };
  };

  it('answers the floor to another machine, and refuses it feeds, imports, events and raw lines', async () => {
    expect((await call('lan', 'floor/snapshot', {})).status).toBe(200);
    expect((await call('lan', 'metrics/window', { from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' })).status).toBe(200);
    const add = await call('lan', 'feeds/add', { name: 'x', kind: 'file', format: 'ndjson', path: '/etc/passwd' });
    expect(add.status).toBe(403);
    expect(JSON.parse(add.text)).toMatchObject({ ok: false, error: { code: 'refused' } });
    for (const [name, body] of [
      ['quarantine/list', {}],
      ['ingest/lines', { source: 's', lines: [] }],
      ['feeds/list', {}],
    ] as const) {
      expect((await call('lan', name, body)).status, name).toBe(403);
    }
    expect(t.engine.feeds.statuses()).toEqual([]);
    // the machine itself may
    expect((await call('self', 'feeds/list', {})).status).toBe(200);
  });
});
