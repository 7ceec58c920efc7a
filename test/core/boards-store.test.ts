/**
 * Boards kept in the store (issue 16, point 1): `floor` stored on a new database's first start, every save a new
 * version, a removed board keeping none; and the `boards/*` API with its roles (a viewer may only get a board).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock';
import { createBoardsService } from '../../src/core/boards/boards-store';
import { defaultBoard } from '../../src/core/boards/default-board';
import { openFloorboard, type Floorboard } from '../../src/core/floorboard';
import { openDatabase } from '../../src/core/store/database';
import { boardVersionReads, boardVersionWrites } from '../../src/core/store/boards';
import type { Board } from '../../src/shared/boards';

describe('board versions', () => {
  it('store floor once on a new database; every save is a new version; a removed board keeps none', () => {
    const db = openDatabase({ path: ':memory:' });
    const store = { ...boardVersionReads(db), ...boardVersionWrites(db) };
    let now = 1000;
    const boards = createBoardsService(store, { now: () => now });
    createBoardsService(store, { now: () => now }); // a second start stores nothing
    expect(boards.list().map((v) => [v.name, v.version, v.note])).toEqual([['floor', 1, 'the board of a new center']]);

    const lobby: Board = { ...defaultBoard(), name: 'lobby', title: 'Lobby' };
    now = 2000;
    expect(boards.save(lobby, 'first')).toMatchObject({ name: 'lobby', version: 1, savedAt: 2000, note: 'first' });
    now = 3000;
    expect(boards.save({ ...lobby, theme: 'light' }, null)).toMatchObject({ version: 2, savedAt: 3000, board: { theme: 'light' } });
    expect(boards.get('lobby')).toMatchObject({ version: 2, board: { theme: 'light' } });
    expect(boards.list().map((v) => `${v.name}@${v.version}`)).toEqual(['floor@1', 'lobby@2']);

    boards.remove('lobby');
    expect(db.prepare("SELECT COUNT(*) AS n FROM board_versions WHERE name = 'lobby'").get()).toEqual({ n: 0 });
    expect(boards.get('lobby')).toBeNull();
    now = 4000;
    expect(boards.save(lobby, null)).toMatchObject({ version: 1, savedAt: 4000, board: { theme: 'dark' } });
    expect(() => boards.remove('floor')).toThrow(/can be changed, not removed/);
    expect(() => boards.remove('nowhere')).toThrow(/no board is named "nowhere"/);
    db.close();
  });
});

describe('the boards API', () => {
  let fb: Floorboard;
  afterEach(() => fb?.close());
  const viewer = { role: 'viewer' as const, token: 'wall', names: false };

  it('lists, saves, gets and removes boards; floor cannot be removed; a viewer may only get', async () => {
    fb = openFloorboard({ dbPath: ':memory:', runtime: 'node', version: 'test', wall: manualClock(Date.UTC(2026, 2, 2, 9)), center: { timeZone: 'UTC' }, tickMs: 3_600_000 });
    expect(await fb.dispatch('boards/list', {})).toMatchObject({ ok: true, value: [{ name: 'floor', title: 'Floor', version: 1, pages: 2, screens: 0 }] });
    const lobby = { ...defaultBoard(), name: 'lobby', title: 'Lobby' };
    expect(await fb.dispatch('boards/save', { board: lobby, note: 'for the lobby' })).toMatchObject({ ok: true, value: { name: 'lobby', version: 1, note: 'for the lobby' } });
    expect(await fb.dispatch('boards/get', { name: 'lobby' }, viewer)).toMatchObject({ ok: true, value: { version: 1, board: { title: 'Lobby' } } });

    for (const [name, args] of [['boards/save', { board: lobby }], ['boards/remove', { name: 'lobby' }], ['boards/list', {}]] as const) {
      expect(await fb.dispatch(name, args as never, viewer)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await fb.dispatch('boards/get', { name: 'lobby' })).toMatchObject({ ok: true, value: { version: 1 } }); // nothing saved by the viewer

    const bad = { ...lobby, pages: [{ ...lobby.pages[0], tiles: [{ kind: 'channel', column: 1, row: 1 }] }] };
    expect(await fb.dispatch('boards/save', { board: bad as Board })).toMatchObject({ ok: false, error: { code: 'invalid-args', issues: [{ path: 'board.pages.0.tiles.0.channel' }] } });
    expect(await fb.dispatch('boards/remove', { name: 'floor' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await fb.dispatch('boards/remove', { name: 'lobby' })).toEqual({ ok: true, value: { removed: 'lobby', screensRevoked: 0 } });
    expect(await fb.dispatch('boards/get', { name: 'lobby' })).toMatchObject({ ok: false, error: { code: 'refused', message: 'no board is named "lobby"' } });
  });
});
