/**
 * Tokens and the admin secret managed by the CLI while `serve` runs on the same database (two processes): a token
 * made by the CLI works at the host's next request; revoking it closes its WebSocket within 5 s; rotating the
 * secret refuses the old one and signs its sessions out. Real processes, so real time: every wait is bounded.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startHost, type RunningHost } from '../helpers/host';
import { openSocket } from './raw-client';

const run = promisify(execFile);
const cli = async (...args: string[]) => (await run(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 })).stdout;
const CHECK_WITHIN_MS = 5_000;

let host: RunningHost;
let port: number;
beforeAll(async () => {
  host = await startHost(['--no-simulate', '--time-zone', 'UTC']);
  port = Number(new URL(host.url).port);
});
afterAll(() => host.stop());

const session = async (bearer: string) => {
  const r = await fetch(new URL('api/access/session', host.url), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: '{}' });
  return { status: r.status, body: (await r.json()) as { ok: boolean; value?: unknown } };
};

describe('access managed from the CLI while serve runs', () => {
  it('prints the admin login URL at start, and the secret in it works as a Bearer token', async () => {
    expect(host.output()).toMatch(/admin login: http:\/\/127\.0\.0\.1:\d+\/\?token=fba_/);
    expect((await session(host.adminSecret)).body).toEqual({ ok: true, value: { role: 'admin', token: null, names: true } });
  });

  it('makes a token that works at once, lists it with its last use, and revoking it closes its socket within 5 s', async () => {
    const made = await cli('access', 'token', 'create', 'lobby tv', '--expires', '90d', '--db', host.dbPath, '--url', host.url);
    const token = /^\s+(fbv_\S+)$/m.exec(made)![1];
    expect(made).toContain(`link: ${host.url}?token=${token}`);
    expect((await session(token)).body).toEqual({ ok: true, value: { role: 'viewer', token: 'lobby tv', names: false } });
    const list = await cli('access', 'token', 'list', '--db', host.dbPath);
    expect(list).toMatch(/lobby tv\s+pseudonyms\s+\S+ \S+\s+\S+ \S+\s+\d{4}-\d\d-\d\d \d\d:\d\dZ/);
    expect(list).not.toContain(token);
    const ws = await openSocket(port, { authorization: `Bearer ${token}` });
    expect(ws.status).toBe(101);
    const revokedAt = Date.now();
    expect(await cli('access', 'token', 'revoke', 'lobby tv', '--db', host.dbPath)).toContain('revoked "lobby tv"');
    expect((await session(token)).status).toBe(401);
    const closed = await Promise.race([ws.closed, new Promise((ok) => setTimeout(() => ok('still open'), CHECK_WITHIN_MS))]);
    expect(closed).toMatchObject({ code: 1008 });
    expect(Date.now() - revokedAt).toBeLessThan(CHECK_WITHIN_MS);
    ws.socket.destroy();
  });

  it('refuses a bad name, a bad expiry and a missing database, with a clear message', async () => {
    await expect(cli('access', 'token', 'create', '../etc', '--db', host.dbPath)).rejects.toThrow(/not a token name/);
    await expect(cli('access', 'token', 'create', 'tv', '--expires', 'soon', '--db', host.dbPath)).rejects.toThrow(/--expires soon: expected days/);
    await expect(cli('access', 'token', 'list', '--db', join(ROOT, 'no-such.db'))).rejects.toThrow(/no database at/);
  });

  it('rotates the admin secret: the old one is refused at once, the new login URL works', async () => {
    const out = await cli('access', 'admin', 'rotate', '--db', host.dbPath, '--url', host.url);
    const secret = new URL(/admin login: (\S+)/.exec(out)![1]).searchParams.get('token')!;
    expect(secret).not.toBe(host.adminSecret);
    expect((await session(host.adminSecret)).status).toBe(401);
    expect((await session(secret)).status).toBe(200);
  });
});
