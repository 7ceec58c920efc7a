/**
 * Screens (issue 16) against the real host: a screen's token in the board's URL works on every load and sets no
 * cookie; on /ws only a screen's token may sit in the URL; a screen sees its board's cut of the floor (pseudonyms
 * unless the board shows names, no paths, no raw lines) and nothing else (403); pairing by code is bounded and hands
 * the token out once, to the page that asked; revoking closes the screen's socket within 5 s saying so; a browser
 * without a token gets the page and nothing of the floor; a push is cut once per board, not once per socket.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PAIRING_MS, PENDING_MAX, PER_ADDRESS_MAX } from '../../src/core/access/pairing';
import { CHECK_MS } from '../../src/server/socket-hub';
import type { FloorSnapshot } from '../../src/shared/api';
import type { PairingStatus } from '../../src/shared/api-boards';
import type { PairingStart } from '../../src/shared/screen-access';
import { SCREEN_ACCESS_REVOKED } from '../../src/shared/screen-access';
import { ev, lines } from '../helpers/events';
import { boardHost, type BoardHost } from './board-host';
import { openSocket, send, type RawSocket } from './raw-client';

let s: BoardHost;
const open: RawSocket[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) o.socket.destroy();
  await s?.close();
});
const json = { 'content-type': 'application/json' };
const settle = () => new Promise((ok) => setTimeout(ok, 30));
const socketAt = async (path: string, headers: Record<string, string> = {}) => {
  const o = await openSocket(s.port, headers, path);
  open.push(o);
  return o;
};
const call = async (name: string, body: unknown, headers: Record<string, string>) => {
  const r = await send(s.port, `/api/${name}`, { headers: { ...json, ...headers }, body: JSON.stringify(body) });
  return { status: r.status, body: JSON.parse(r.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
};
const snapshots = (o: RawSocket) => o.texts.filter((t) => t.includes('"floor/snapshot"')).map((t) => JSON.parse(t).payload as FloorSnapshot);
/** Ticks until every socket has read `n` snapshots (bounded). */
async function untilSnapshots(sockets: RawSocket[], n = 1): Promise<void> {
  for (let i = 0; i < 100 && sockets.some((o) => snapshots(o).length < n); i++) {
    s.t.engine.tick();
    await settle();
  }
}
const floor = () =>
  s.t.engine.ingestNdjson('pbx', lines([ev.agent(0, 'zoe', 'available'), ev.queued(1, 'c1', 'Billing', 'voice'), ev.queued(2, 'c2', 'Web', 'chat')]));

describe('a screen\'s token in the address', () => {
  it('serves the board page on every load with the token kept and no cookie, and opens /ws for a screen only', async () => {
    s = await boardHost();
    const { token } = s.screens.create('lobby', 'lobby tv');
    for (let load = 0; load < 2; load++) {
      const page = await send(s.port, `/board/lobby?token=${token}`, { method: 'GET' });
      expect(page.status).toBe(200);
      expect(page.headers['set-cookie']).toBeUndefined();
      expect(page.body).toContain('<title>Floorboard</title>');
    }
    expect((await socketAt(`/ws?token=${token}`)).status).toBe(101);
    // an admin secret or a plain viewer token is never taken from a /ws address (a URL is logged and kept)
    expect((await socketAt(`/ws?token=${s.secret.current()}`)).status).toBe(401);
    const viewer = s.access.handlers['access/create-token']({ name: 'wall' }).token;
    expect((await socketAt(`/ws?token=${viewer}`)).status).toBe(401);
    expect((await socketAt('/ws?token=fbv_notatokenatallnotatokenatallnotatokenatall1')).status).toBe(401);
  });

  it('gives a browser without a token the page, and nothing of the floor', async () => {
    s = await boardHost();
    floor();
    expect((await send(s.port, '/board/lobby', { method: 'GET' })).status).toBe(200);
    for (const name of ['floor/snapshot', 'boards/screens', 'access/session']) expect((await call(name, {}, {})).status, name).toBe(401);
    expect((await socketAt('/ws')).status).toBe(401);
    // all it may do without a credential is ask for a pairing code: a code and its secret, no figure of the floor
    const start = await send(s.port, '/pair/start', { method: 'POST' });
    expect(Object.keys(JSON.parse(start.body)).sort()).toEqual(['code', 'expiresAt', 'secret']);
  });
});

describe('what a screen sees', () => {
  it('is its board\'s cut of the floor: pseudonyms unless the board shows names, no paths or raw lines', async () => {
    s = await boardHost();
    floor();
    s.t.engine.ingestNdjson('posts', [{ position: 1, text: '{"not": "an event", "secret": "raw line"}' }]);
    const lobby = await socketAt(`/ws?token=${s.screens.create('lobby').token}`);
    const sales = await socketAt(`/ws?token=${s.screens.create('sales').token}`);
    await untilSnapshots([lobby, sales]);
    const [l, m] = [snapshots(lobby).at(-1)!, snapshots(sales).at(-1)!];
    expect(l.channels.map((c) => c.channel)).toEqual(['voice']);
    expect(m.channels.map((c) => c.channel)).toEqual(['chat']);
    expect(l.agents.map((a) => a.name)).toEqual(['Agent 1']);
    expect(m.agents.map((a) => a.name)).toEqual(['ZOE']);
    expect(lobby.texts.join('')).not.toContain('ZOE');
    for (const snap of [l, m]) {
      expect(snap.ingest.lastQuarantine).toBeNull();
      expect(JSON.stringify(snap)).not.toContain('raw line');
    }
    // no alerts/fired for a screen: its snapshot carries the alerts its board shows
    expect(lobby.texts.every((t) => t.includes('"floor/snapshot"'))).toBe(true);
  });

  it('follows its board: names once the board shows them, pseudonyms again within CHECK_MS once it stops', async () => {
    s = await boardHost();
    floor();
    const lobby = await socketAt(`/ws?token=${s.screens.create('lobby').token}`);
    await untilSnapshots([lobby]);
    s.boards[0].showNames = true;
    s.t.clock.advance(CHECK_MS);
    await untilSnapshots([lobby], snapshots(lobby).length + 1);
    expect(snapshots(lobby).at(-1)!.agents.map((a) => a.name)).toEqual(['ZOE']);
    s.boards[0].showNames = false;
    s.t.clock.advance(CHECK_MS);
    await untilSnapshots([lobby], snapshots(lobby).length + 1);
    expect(snapshots(lobby).at(-1)!.agents.map((a) => a.name)).toEqual(['Agent 1']);
  });

  it('is refused every other method (403), another board included, before any handler runs', async () => {
    s = await boardHost();
    floor();
    const headers = { authorization: `Bearer ${s.screens.create('lobby', 'lobby tv').token}` };
    const who = await call('access/session', {}, headers);
    expect(who.body.value).toEqual({ role: 'viewer', token: 'lobby tv', names: false, board: 'lobby' });
    const snap = (await call('floor/snapshot', {}, headers)).body.value as FloorSnapshot;
    expect(snap.channels.map((c) => c.channel)).toEqual(['voice']);
    expect(snap.agents.map((a) => a.name)).toEqual(['Agent 1']);
    for (const name of ['app/info', 'metrics/window', 'standards/get', 'feeds/list', 'access/tokens', 'boards/screens']) {
      const r = await call(name, {}, headers);
      expect(r.status, name).toBe(403);
      expect(r.body.error?.code).toBe('forbidden');
    }
    // the desktop app's own kiosk window is seen the same way (src/main/index.ts)
    expect(s.access.screenCaller('sales')).toEqual({ role: 'viewer', token: null, names: true, board: 'sales' });
    expect(s.access.screenCaller('nowhere')).toBeNull();
    const other = await call('boards/get', { name: 'sales' }, headers);
    expect(other.status).toBe(403);
    expect(other.body.error?.message).toMatch(/for board "lobby", not "sales"/);
  });
});

describe('pairing', () => {
  const start = async (from: string) => {
    const r = await send(s.port, '/pair/start', { method: 'POST', headers: { 'x-forwarded-for': from } });
    return { status: r.status, body: JSON.parse(r.body) as PairingStart };
  };
  const status = async (code: string, secret: string) => JSON.parse((await send(s.port, `/pair/status?code=${encodeURIComponent(code)}&secret=${encodeURIComponent(secret)}`, { method: 'GET' })).body) as PairingStatus;
  const admin = () => ({ authorization: `Bearer ${s.secret.current()}` });

  it('binds a code to a board and hands the token out once, to the page that asked', async () => {
    s = await boardHost({ trustProxy: ['127.0.0.1'] });
    const { body: started } = await start('10.0.0.20');
    expect(started.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(started.expiresAt).toBe(s.t.engine.wall.now() + PAIRING_MS);
    expect(await status(started.code, started.secret)).toEqual({ state: 'waiting' });
    const typed = `${started.code.slice(0, 3).toLowerCase()}-${started.code.slice(3)}`;
    const paired = await call('boards/pair', { code: typed, board: 'lobby', screen: 'reception' }, admin());
    expect(paired.body).toMatchObject({ ok: true, value: { screen: 'reception', board: 'lobby', lastSeenAt: null } });
    // someone who read the code off the TV, without the page's secret, learns nothing
    expect(await status(started.code, 'not-the-secret')).toEqual({ state: 'expired' });
    const got = await status(started.code, started.secret);
    expect(got).toMatchObject({ state: 'paired', board: 'lobby' });
    expect(await status(started.code, started.secret)).toEqual({ state: 'expired' });
    expect((await socketAt(`/ws?token=${got.token}`)).status).toBe(101);
    // a spent code binds nothing more
    expect((await call('boards/pair', { code: started.code, board: 'lobby', screen: 'again' }, admin())).body.error?.code).toBe('refused');
    const screens = (await call('boards/screens', {}, admin())).body.value as { screen: string; lastSeenAt: number | null }[];
    expect(screens.map((x) => [x.screen, x.lastSeenAt])).toEqual([['reception', s.t.engine.wall.now()]]);
  });

  it(`keeps at most ${PER_ADDRESS_MAX} codes per address and ${PENDING_MAX} in all, each for 10 minutes`, async () => {
    s = await boardHost({ trustProxy: ['127.0.0.1'] });
    for (let i = 0; i < PER_ADDRESS_MAX; i++) expect((await start('10.0.0.1')).status).toBe(200);
    const fifth = await start('10.0.0.1');
    expect(fifth.status).toBe(429);
    let address = 2;
    while ((await start(`10.0.0.${address}`)).status === 200) address++;
    // 4 from the first address, then up to PENDING_MAX in all: the next address is turned away too
    expect(address).toBe(2 + (PENDING_MAX - PER_ADDRESS_MAX));
    const late = await start('10.0.0.1');
    expect(late.status).toBe(429);
    s.t.clock.advance(PAIRING_MS);
    const again = await start('10.0.0.1');
    expect(again.status).toBe(200);
    s.t.clock.advance(PAIRING_MS);
    expect(await status(again.body.code, again.body.secret)).toEqual({ state: 'expired' });
    expect((await call('boards/pair', { code: again.body.code, board: 'lobby', screen: 'late' }, admin())).body.error?.message).toMatch(/may have expired/);
  });
});

describe('revoking a screen', () => {
  it('closes its socket within 5 s with the reason its page shows', async () => {
    s = await boardHost();
    const lobby = await socketAt(`/ws?token=${s.screens.create('lobby', 'lobby tv').token}`);
    const kept = await socketAt(`/ws?token=${s.screens.create('lobby', 'hall tv').token}`);
    expect([lobby.status, kept.status]).toEqual([101, 101]);
    const admin = { authorization: `Bearer ${s.secret.current()}` };
    expect((await call('boards/revoke-screen', { screen: 'lobby tv' }, admin)).body).toEqual({ ok: true, value: { revoked: 'lobby tv' } });
    expect(CHECK_MS).toBeLessThan(5_000);
    s.t.clock.advance(CHECK_MS);
    expect(await lobby.closed).toEqual({ code: 1008, reason: SCREEN_ACCESS_REVOKED });
    for (let i = 0; i < 150 && s.host.sockets().length > 1; i++) await settle();
    expect(s.host.sockets().map((x) => x.token)).toEqual(['hall tv']);
    // a plain viewer token is not a screen: revoked with access/revoke-token
    s.access.handlers['access/create-token']({ name: 'wall' });
    expect((await call('boards/revoke-screen', { screen: 'wall' }, admin)).body.error?.message).toMatch(/plain viewer token/);
  });
});

describe('fan-out', () => {
  it('cuts a push once per board, whatever the number of its screens', async () => {
    s = await boardHost();
    floor();
    const lobby = [];
    for (let i = 0; i < 3; i++) lobby.push(await socketAt(`/ws?token=${s.screens.create('lobby').token}`));
    const sales = await socketAt(`/ws?token=${s.screens.create('sales').token}`);
    await untilSnapshots([...lobby, sales]);
    const before = s.cuts();
    const counts = [...lobby, sales].map((o) => snapshots(o).length);
    s.t.engine.tick();
    for (let i = 0; i < 100 && [...lobby, sales].some((o, k) => snapshots(o).length <= counts[k]); i++) await settle();
    // one push, two boards: two cuts (before the cache by board, four: one per socket)
    expect(s.cuts() - before).toBe(2);
  });
});
