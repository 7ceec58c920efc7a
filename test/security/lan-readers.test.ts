/**
 * Readers on the LAN: a host bound to every address, called from another machine (a network namespace the test
 * makes, test/helpers/netns.ts: no request goes to this machine's real LAN address). Before: a LAN reader without
 * any token read agent names, feed paths, the database path (app/info) and the last quarantined raw line
 * (floor/snapshot's ingest.lastQuarantine). Now: nothing without a credential; with a viewer token, the floor without
 * paths or raw lines, agents pseudonymized; with the admin secret, everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FloorSnapshot } from '../../src/shared/api';
import { ev, lines, T0 } from '../helpers/events';
import { lanNamespace, type LanNamespace } from '../helpers/netns';
import { securityHost, type SecurityHost } from './security-host';

const lan = lanNamespace();
if ('unavailable' in lan) console.info(`LAN readers test skipped: ${lan.unavailable}`);

describe.skipIf('unavailable' in lan)('a host bound to every address, read from another machine', () => {
  const peer = lan as LanNamespace;
  let s: SecurityHost;
  beforeAll(async () => {
    s = await securityHost({ host: '0.0.0.0' });
    s.t.engine.ingestNdjson('pbx', lines([{ v: 1, type: 'agent.state', ts: T0, agentId: 'a-ines', state: 'available', name: 'Inès Duarte', capacity: { voice: 1 } }, ev.queued(1, 'c1')]));
    s.t.engine.ingestNdjson('posts', [{ position: 1, text: '{"not": "an event", "secret": "raw line"}' }]);
  });
  afterAll(async () => {
    await s.close();
    peer.remove();
  });
  const call = (name: string, body: unknown, headers: Record<string, string> = {}) => peer.post(`http://${peer.hostAddress}:${s.port}/api/${name}`, body, headers);

  it('answers nothing without a credential: 401, not even the floor', async () => {
    for (const name of ['floor/snapshot', 'app/info', 'metrics/window', 'feeds/list', 'quarantine/list']) {
      const r = await call(name, {});
      expect(r.status, name).toBe(401);
      expect(JSON.parse(r.text)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
    expect(s.calls).toEqual([]);
  });

  it('shows a viewer the floor with no paths, no raw lines, and agents as pseudonyms', async () => {
    const { headers } = s.access.viewer('lobby-tv');
    const snap = JSON.parse((await call('floor/snapshot', {}, headers)).text).value as FloorSnapshot;
    expect(snap.agents.map((a) => [a.id, a.name])).toEqual([['agent-1', 'Agent 1']]);
    expect(snap.ingest.quarantined).toBe(1);
    expect(snap.ingest.lastQuarantine).toBeNull();
    const text = JSON.stringify(snap);
    for (const secret of ['Inès', 'a-ines', 'raw line']) expect(text).not.toContain(secret);
    const info = JSON.parse((await call('app/info', {}, headers)).text).value;
    expect(info.dbPath).toBeNull();
    for (const name of ['feeds/list', 'quarantine/list', 'alerts/acknowledge', 'access/tokens']) {
      const r = await call(name, {}, headers);
      expect(r.status, name).toBe(403);
      expect(JSON.parse(r.text)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('shows a token made with names the agents by name, still without raw lines', async () => {
    const { headers } = s.access.viewer('managers', { names: true });
    const snap = JSON.parse((await call('floor/snapshot', {}, headers)).text).value as FloorSnapshot;
    expect(snap.agents.map((a) => [a.id, a.name])).toEqual([['a-ines', 'Inès Duarte']]);
    expect(snap.ingest.lastQuarantine).toBeNull();
  });

  it('lets an admin (the secret as a Bearer token) configure from another machine', async () => {
    const r = await call('feeds/list', {}, s.access.admin());
    expect(r.status).toBe(200);
    const snap = JSON.parse((await call('floor/snapshot', {}, s.access.admin())).text).value as FloorSnapshot;
    expect(snap.ingest.lastQuarantine?.text).toContain('raw line');
  });
});
