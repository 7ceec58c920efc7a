// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardListEntry } from '../../src/shared/api-boards';
import type { Board, BoardScreen } from '../../src/shared/boards';
import { ClientProvider } from '../../src/renderer/src/api/client-context';
import { BoardsAdminView } from '../../src/renderer/src/features/boards-admin/boards-admin-view';
import { floorBoard } from './board-fixtures';
import { fakeClient, FakeRefusal, type Handlers } from './fake-client';
import { snapshot } from './fixtures';

const SAVED_AT = Date.UTC(2026, 2, 10, 14, 0, 0);
const entry = (name: string, over: Partial<BoardListEntry> = {}): BoardListEntry => ({ name, title: name, version: 3, savedAt: SAVED_AT, pages: 2, screens: 1, ...over });
const lobbyTv: BoardScreen = { screen: 'lobby tv', board: 'floor', createdAt: SAVED_AT, lastSeenAt: null };

function renderBoards(handlers: Handlers = {}) {
  const boards: Record<string, Board> = { floor: floorBoard(), lobby: floorBoard({ name: 'lobby', title: 'Lobby' }) };
  const fake = fakeClient({
    'boards/list': () => [entry('floor', { title: 'Floor' }), entry('lobby', { title: 'Lobby', screens: 0 })],
    'boards/screens': () => [lobbyTv],
    'boards/get': ({ name }) => ({ name, version: 3, savedAt: SAVED_AT, note: null, board: boards[name] }),
    ...handlers,
  });
  render(
    <ClientProvider client={fake.client}>
      <BoardsAdminView snapshot={snapshot()} connection="live" receivedAt={SAVED_AT} />
    </ClientProvider>,
  );
  return fake;
}

const yaml = () => screen.getByTestId('board-yaml') as HTMLTextAreaElement;
const editYaml = (text: string) => fireEvent.change(yaml(), { target: { value: text } });

afterEach(cleanup);

describe('the Boards screen', () => {
  it('lists the boards with their version, pages and screens; floor has no Remove', async () => {
    renderBoards();
    const rows = await screen.findAllByTestId('board-row');
    expect(rows.map((r) => r.getAttribute('data-board'))).toEqual(['floor', 'lobby']);
    expect(rows[0].textContent).toContain('Floor');
    expect(within(rows[0]).getByText('3')).toBeTruthy();
    expect(screen.queryByTestId('remove-floor')).toBeNull();
    expect(screen.getByTestId('remove-lobby')).toBeTruthy();
    // floor opens in the editor at once, its pages as YAML
    await screen.findByTestId('board-editor');
    expect(yaml().value).toContain('kind: channel');
    expect((screen.getByTestId('board-title') as HTMLInputElement).value).toBe('Floor');
  });

  it('shows each refused issue at its path by the YAML, a setting at its field', async () => {
    const fake = renderBoards({
      'boards/save': () => {
        throw new FakeRefusal('invalid-args', 'boards/save: invalid board', [
          { path: 'board.pages.0.tiles.2', message: 'overlaps tile 1 (channel at column 2, row 1)' },
          { path: 'board.title', message: 'Too small: expected string to have >=1 characters' },
        ]);
      },
    });
    await screen.findByTestId('board-editor');
    fireEvent.change(screen.getByTestId('board-title'), { target: { value: '' } });
    await act(async () => fireEvent.click(screen.getByTestId('board-save')));
    const issues = await screen.findAllByTestId('board-issue');
    expect(issues.map((i) => i.textContent)).toEqual(['pages.0.tiles.2: overlaps tile 1 (channel at column 2, row 1)']);
    expect(screen.getByTestId('board-error-title').textContent).toContain('Too small');
    expect(fake.callsOf('boards/save')[0].args).toMatchObject({ board: { name: 'floor', title: '', pages: floorBoard().pages } });
    expect(screen.queryByTestId('board-saved')).toBeNull();
  });

  it('saves and says the new version', async () => {
    const fake = renderBoards({ 'boards/save': ({ board }) => ({ name: board.name, version: 4, savedAt: SAVED_AT, note: null, board }) });
    await screen.findByTestId('board-editor');
    fireEvent.change(screen.getByTestId('board-title'), { target: { value: 'The floor' } });
    await act(async () => fireEvent.click(screen.getByTestId('board-save')));
    expect((await screen.findByTestId('board-saved')).textContent).toBe('Saved: version 4');
    expect(fake.callsOf('boards/list').length).toBe(2); // read again after the save
  });

  it('draws the preview from the draft as it changes, and holds it while the YAML does not read', async () => {
    renderBoards();
    await screen.findByTestId('board-editor');
    const preview = screen.getByTestId('board-preview');
    expect(within(preview).getAllByTestId('board-page')).toHaveLength(1);
    expect(within(preview).getByTestId('preview-screen').getAttribute('data-size')).toBe('1920x1080');
    fireEvent.change(screen.getByTestId('board-title'), { target: { value: 'Sales floor' } });
    expect(within(preview).getByTestId('preview-title').textContent).toBe('Sales floor');
    // one message tile on a 1 x 1 page
    editYaml('pages:\n  - title: Notice\n    columns: 1\n    rows: 1\n    dwellSeconds: 30\n    tiles:\n      - { kind: message, column: 1, row: 1, columnSpan: 1, rowSpan: 1, text: "Fire drill at 15:00" }\n');
    expect(within(preview).getByTestId('board-page').textContent).toContain('Fire drill at 15:00');
    editYaml('pages: [ {');
    expect(screen.getByTestId('board-yaml-unread').textContent).toContain('not YAML');
    expect(within(preview).getByTestId('board-page').textContent).toContain('Fire drill at 15:00');
    // a page picker and a screen size
    editYaml(yaml().value.replace('pages: [ {', '') + 'pages:\n  - { title: One, columns: 1, rows: 1, dwellSeconds: 30, tiles: [ { kind: message, column: 1, row: 1, columnSpan: 1, rowSpan: 1, text: first } ] }\n  - { title: Two, columns: 1, rows: 1, dwellSeconds: 30, tiles: [ { kind: message, column: 1, row: 1, columnSpan: 1, rowSpan: 1, text: second } ] }\n');
    fireEvent.change(screen.getByTestId('preview-page'), { target: { value: '1' } });
    expect(within(preview).getByTestId('board-page').textContent).toContain('second');
    fireEvent.change(screen.getByTestId('preview-size'), { target: { value: '3' } });
    expect(within(preview).getByTestId('preview-screen').getAttribute('data-size')).toBe('1080x1920');
  });

  it('starts a new board from a copy of floor under a free name', async () => {
    renderBoards();
    await screen.findAllByTestId('board-row');
    await act(async () => fireEvent.click(screen.getByTestId('new-board')));
    expect((screen.getByTestId('board-name') as HTMLInputElement).value).toBe('board-2');
    expect((screen.getByTestId('board-name') as HTMLInputElement).readOnly).toBe(false);
    expect(yaml().value).toContain('kind: channel');
  });

  it('pairs a screen: a refused code at the code field, then an accepted one read again in the list', async () => {
    let paired = false;
    const fake = renderBoards({
      'boards/screens': () => (paired ? [lobbyTv, { ...lobbyTv, screen: 'wall 2', board: 'lobby' }] : [lobbyTv]),
      'boards/pair': ({ code, board, screen: name }) => {
        if (code !== 'k7m-2qx') throw new FakeRefusal('refused', `boards/pair: no screen is showing the code "${code}": it may have expired (10 minutes)`);
        paired = true;
        return { screen: name, board, createdAt: SAVED_AT, lastSeenAt: null };
      },
    });
    await screen.findAllByTestId('screen-row');
    fireEvent.change(screen.getByTestId('pair-code'), { target: { value: 'AAA-BBB' } });
    fireEvent.change(screen.getByTestId('pair-screen'), { target: { value: 'wall 2' } });
    await act(async () => fireEvent.click(screen.getByTestId('pair-submit')));
    expect((await screen.findByTestId('pair-error-code')).textContent).toContain('no screen is showing the code "AAA-BBB"');
    fireEvent.change(screen.getByTestId('pair-code'), { target: { value: ' k7m-2qx ' } });
    fireEvent.change(screen.getByTestId('pair-board'), { target: { value: 'lobby' } });
    await act(async () => fireEvent.click(screen.getByTestId('pair-submit')));
    expect(fake.callsOf('boards/pair').at(-1)!.args).toEqual({ code: 'k7m-2qx', board: 'lobby', screen: 'wall 2' });
    expect(screen.queryByTestId('pair-error-code')).toBeNull();
    const rows = await screen.findAllByTestId('screen-row');
    expect(rows.map((r) => r.getAttribute('data-screen'))).toEqual(['lobby tv', 'wall 2']);
    expect(screen.getByTestId('pair-form').textContent).toContain('npm run cli -- boards token create BOARD');
  });

  it('revokes a screen after a question in place', async () => {
    let revoked = false;
    const fake = renderBoards({ 'boards/screens': () => (revoked ? [] : [lobbyTv]), 'boards/revoke-screen': ({ screen: s }) => ((revoked = true), { revoked: s }) });
    await screen.findAllByTestId('screen-row');
    fireEvent.click(screen.getByTestId('revoke-lobby tv'));
    expect(fake.callsOf('boards/revoke-screen')).toHaveLength(0);
    await act(async () => fireEvent.click(screen.getByTestId('confirm-revoke-lobby tv')));
    expect(fake.callsOf('boards/revoke-screen')[0].args).toEqual({ screen: 'lobby tv' });
    expect(await screen.findByTestId('screens-empty')).toBeTruthy();
  });

  it('removes a board after a question in place', async () => {
    const fake = renderBoards({ 'boards/remove': ({ name }) => ({ removed: name, screensRevoked: 0 }) });
    await screen.findAllByTestId('board-row');
    fireEvent.click(screen.getByTestId('remove-lobby'));
    await act(async () => fireEvent.click(screen.getByTestId('confirm-remove-lobby')));
    expect(fake.callsOf('boards/remove')[0].args).toEqual({ name: 'lobby' });
  });
});
