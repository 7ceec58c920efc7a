/**
 * Boards for renderer tests: a board with the `floor` board's tiles on a smaller grid (page 1: the four channels,
 * the headline figures, the waiting list, the alerts; page 2: the intraday chart and agents by state), and a client
 * over a transport a test can take down and bring back, answering `boards/get` and the snapshot.
 */
import type { ApiName, Envelope, FloorSnapshot } from '../../src/shared/api';
import type { Board, BoardTile, TileKind } from '../../src/shared/boards';
import { ApiClient } from '../../src/renderer/src/api/client';
import type { ConnectionState, SignedOut, Transport } from '../../src/renderer/src/api/transport';

const at = (kind: TileKind, column: number, row: number, columnSpan = 1, rowSpan = 1, over: Partial<BoardTile> = {}): BoardTile => ({ kind, column, row, columnSpan, rowSpan, ...over });

export function floorBoard(over: Partial<Board> = {}): Board {
  return {
    name: 'floor',
    title: 'Floor',
    theme: 'dark',
    showNames: false,
    jumpOnBreach: false,
    pages: [
      {
        title: 'Now',
        columns: 4,
        rows: 3,
        dwellSeconds: 30,
        tiles: [
          at('channel', 1, 1, 1, 1, { channel: 'voice' }),
          at('channel', 2, 1, 1, 1, { channel: 'chat' }),
          at('channel', 3, 1, 1, 1, { channel: 'email' }),
          at('channel', 4, 1, 1, 1, { channel: 'message' }),
          at('headline', 1, 2, 4, 1, { figures: ['service-level', 'waiting', 'longest-wait', 'answered'] }),
          at('waiting', 1, 3, 2, 1),
          at('alerts', 3, 3, 2, 1),
        ],
      },
      {
        title: 'Today',
        columns: 4,
        rows: 2,
        dwellSeconds: 20,
        tiles: [at('intraday', 1, 1, 3, 2), at('agents', 4, 1, 1, 2)],
      },
    ],
    ...over,
  };
}

/**
 * A client whose host can be down (every call fails as a network error does) and come back, or refuse the page's
 * credential (`signOut`: every call answered unauthenticated, as the HTTP transport does once signed out).
 */
export function boardClient(board: Board, snapshot: FloorSnapshot) {
  const state = { down: false, board, snapshot, signedOut: null as SignedOut | null };
  const listeners = new Set<(s: FloorSnapshot) => void>();
  const connectionListeners = new Set<(c: ConnectionState) => void>();
  const calls: string[] = [];
  const transport: Transport = {
    call: (async (name: ApiName, args: unknown): Promise<Envelope<unknown>> => {
      calls.push(name);
      if (state.down) throw new Error('connect ECONNREFUSED');
      if (state.signedOut) return { ok: false, error: { code: 'unauthenticated', message: state.signedOut.message } };
      if ((name as string) === 'boards/get') {
        const asked = (args as { name: string }).name;
        if (asked !== state.board.name) return { ok: false, error: { code: 'refused', message: `no board "${asked}"` } };
        return { ok: true, value: { name: asked, version: 1, savedAt: 0, note: null, board: state.board } };
      }
      if (name === 'floor/snapshot') return { ok: true, value: state.snapshot };
      return { ok: false, error: { code: 'unknown-method', message: name } };
    }) as Transport['call'],
    on: ((_event: string, listener: (s: FloorSnapshot) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }) as Transport['on'],
    connection: (): ConnectionState => (state.signedOut ? 'signed-out' : state.down ? 'disconnected' : 'live'),
    onConnection: (listener) => {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    signedOut: () => state.signedOut,
    close: () => {},
  };
  const setDown = (down: boolean) => {
    state.down = down;
    connectionListeners.forEach((l) => l(transport.connection()));
  };
  const signOut = (signedOut: SignedOut) => {
    state.signedOut = signedOut;
    connectionListeners.forEach((l) => l('signed-out'));
  };
  return { client: new ApiClient(transport), state, calls, setDown, signOut, push: (s: FloorSnapshot) => listeners.forEach((l) => l(s)) };
}
