/**
 * The access service (core/access): credentials, admin sessions, viewer tokens and what a viewer sees, checked by
 * hand-made cases on an in-memory engine with a manual wall clock.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN } from '../../src/core/access/access';
import { ensureAdminSecret, fileAdminSecret, rotateAdminSecret } from '../../src/core/access/admin-secret';
import { hashCredential } from '../../src/core/access/credentials';
import { newSession, validSession } from '../../src/core/access/sessions';
import type { Caller, FloorSnapshot } from '../../src/shared/api';
import { testAccess } from '../helpers/access';
import { testEngine } from '../helpers/engine';
import { ev, lines, T0 } from '../helpers/events';

let t: ReturnType<typeof testEngine>;
afterEach(() => t?.close());

const DAY = 86_400_000;

describe('the admin secret file', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'fb-secret-'));

  it('is made once, mode 0600, and read back the same', () => {
    const path = join(dir(), 'floor.db.admin-secret');
    const made = ensureAdminSecret(path);
    expect(made.created).toBe(true);
    expect(made.secret).toMatch(/^fba_[A-Za-z0-9_-]{43}$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(ensureAdminSecret(path)).toEqual({ secret: made.secret, created: false });
  });

  it('narrows a copy others could read to its owner, and refuses a file that holds no secret', () => {
    const path = join(dir(), 'floor.db.admin-secret');
    const { secret } = ensureAdminSecret(path);
    chmodSync(path, 0o644);
    expect(ensureAdminSecret(path).secret).toBe(secret);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    writeFileSync(path, 'hunter2\n');
    expect(() => ensureAdminSecret(path)).toThrow(/does not hold a Floorboard admin secret/);
  });

  it('is followed across a rotation by another process: the old secret and its sessions stop working', () => {
    const path = join(dir(), 'floor.db.admin-secret');
    const followed = fileAdminSecret(path);
    const before = followed.current();
    const session = newSession(before, T0);
    const after = rotateAdminSecret(path);
    expect(after).not.toBe(before);
    expect(readFileSync(path, 'utf8').trim()).toBe(after);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(followed.current()).toBe(after);
    expect(followed.generation()).toBe(1);
    expect(validSession(session, after, T0)).toBe(false);
  });
});

describe('admin sessions', () => {
  it('are valid under their secret for 30 days, and not after, nor from the future, nor altered', () => {
    const secret = ensureAdminSecret(join(mkdtempSync(join(tmpdir(), 'fb-s-')), 's')).secret;
    const s = newSession(secret, T0);
    expect(validSession(s, secret, T0 + 29 * DAY)).toBe(true);
    expect(validSession(s, secret, T0 + 30 * DAY)).toBe(false);
    expect(validSession(s, secret, T0 - 5 * 60_000)).toBe(false);
    expect(validSession(s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A'), secret, T0)).toBe(false);
    expect(validSession(`fbs_${(T0 + DAY).toString(36)}_${s.split('_')[2]}`, secret, T0 + DAY)).toBe(false);
  });
});

describe('credentials', () => {
  it('grant nothing when missing, malformed, unknown or revoked; admin for the secret or a session', () => {
    t = testEngine(T0);
    const a = testAccess(t.engine);
    for (const bad of [undefined, '', 'Bearer x', 'fba_short', 'fba_' + 'A'.repeat(43), 'fbv_' + 'A'.repeat(43), 'x'.repeat(10_000)]) {
      expect(a.access.authenticate(bad), String(bad).slice(0, 20)).toBeNull();
    }
    expect(a.access.authenticate(a.secret.current())).toEqual(ADMIN);
    const login = a.access.login(a.secret.current())!;
    expect(login.cookie).toMatch(/^fbs_/);
    expect(a.access.authenticate(login.cookie)).toEqual(ADMIN);
    a.secret.rotate();
    expect(a.access.authenticate(login.cookie)).toBeNull();
  });

  it('store a viewer token hashed, list it with its last use, refuse it once revoked or expired', () => {
    t = testEngine(T0);
    const a = testAccess(t.engine);
    const { token } = a.viewer('lobby-tv', { expiresDays: 2 });
    const stored = t.db.prepare('SELECT * FROM access_tokens').all() as { hash: string }[];
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0].hash).toBe(hashCredential(token));
    expect(a.access.handlers['access/tokens']({})).toEqual([{ name: 'lobby-tv', names: false, createdAt: T0, expiresAt: T0 + 2 * DAY, lastUsedAt: null, board: null }]);
    t.clock.advance(1000);
    expect(a.access.authenticate(token)).toEqual({ role: 'viewer', token: 'lobby-tv', names: false } satisfies Caller);
    expect(a.access.handlers['access/tokens']({})[0].lastUsedAt).toBe(T0 + 1000);
    t.clock.advance(2 * DAY);
    expect(a.access.authenticate(token)).toBeNull();
    const other = a.viewer('office', { names: true });
    expect(a.access.authenticate(other.token)?.names).toBe(true);
    a.access.handlers['access/revoke-token']({ name: 'office' });
    expect(a.access.authenticate(other.token)).toBeNull();
    expect(() => a.access.handlers['access/revoke-token']({ name: 'office' })).toThrow(/no token named "office"/);
    expect(() => a.viewer('lobby-tv')).toThrow(/exists already/);
  });
});

describe('the dispatcher', () => {
  it('refuses a viewer every admin method before its handler, and answers it the read methods', async () => {
    t = testEngine(T0);
    const a = testAccess(t.engine);
    const viewer = a.access.authenticate(a.viewer('wall').token)!;
    const refused = await a.dispatch('feeds/add', { name: 'x', kind: 'file', format: 'ndjson', path: '/etc/passwd' }, viewer);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.engine.feeds.statuses()).toEqual([]);
    expect(await a.dispatch('access/tokens', {}, viewer)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await a.dispatch('access/session', {}, viewer)).toEqual({ ok: true, value: { role: 'viewer', token: 'wall', names: false } });
    expect((await a.dispatch('floor/snapshot', {}, viewer)).ok).toBe(true);
    expect(await a.dispatch('access/session', {})).toEqual({ ok: true, value: ADMIN });
  });

  it('shows a viewer each agent as the same pseudonym across snapshots, ids included, and no raw line or path', async () => {
    t = testEngine(T0);
    const a = testAccess(t.engine);
    t.engine.ingestNdjson('pbx', lines([ev.agent(0, 'zoe', 'available'), ev.agent(1, 'adam', 'not-ready', 'Break')]));
    t.engine.ingestNdjson('bad', [{ position: 1, text: 'card 4111 1111 1111 1111' }]);
    const viewer = a.access.authenticate(a.viewer('wall').token)!;
    const snap = async () => ((await a.dispatch('floor/snapshot', {}, viewer)) as { value: FloorSnapshot }).value;
    const first = await snap();
    const names = first.agents.map((x) => `${x.id}=${x.name}`).sort();
    expect(names).toEqual(['agent-1=Agent 1', 'agent-2=Agent 2']);
    t.engine.ingestNdjson('pbx', lines([ev.agent(0, 'zoe', 'available'), ev.agent(1, 'adam', 'not-ready', 'Break'), ev.agent(5, 'bea', 'available')]));
    const second = await snap();
    const byState = (s: FloorSnapshot) => Object.fromEntries(s.agents.map((x) => [x.name, x.state]));
    expect(byState(second)).toMatchObject(byState(first));
    expect(second.agents).toHaveLength(3);
    expect(JSON.stringify(second)).not.toMatch(/zoe|adam|bea|ZOE|ADAM|4111/);
    expect(second.ingest.lastQuarantine).toBeNull();
    const admin = ((await a.dispatch('floor/snapshot', {})) as { value: FloorSnapshot }).value;
    expect(admin.agents.map((x) => x.id).sort()).toEqual(['adam', 'bea', 'zoe']);
    expect(admin.ingest.lastQuarantine?.text).toContain('4111');
  });
});
