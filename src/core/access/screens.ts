/**
 * Screens (issue 16): a screen is a viewer token bound to one board, one per TV, made by the CLI, by an admin's call
 * or by pairing a code the TV shows. Its secret is given once (its link, `/board/NAME?token=...`, on the CLI; to the
 * paired page only); listed with when it was last seen (its token's last use, written at most once a minute);
 * revoked by name. Only a board that exists gets screens; what a screen may see is core/access/board-scope.ts.
 */
import type { AccessTokenView } from '../../shared/api';
import type { BoardScreensApi } from '../../shared/api-boards';
import type { Board, BoardScreen } from '../../shared/boards';
import { RefusedError } from '../api/refused';
import type { StoreWriter } from '../store/store';
import { issueViewerToken } from './access';
import type { Pairing } from './pairing';

type ScreenMethods = 'boards/screens' | 'boards/pair' | 'boards/revoke-screen';

export interface Screens {
  /** A new screen of `board` (named `screen`, else "BOARD-N"): its token, shown this once, and its page's path. */
  create(board: string, screen?: string): { token: string; screen: BoardScreen; path: string };
  /** The screens of a board. */
  count(board: string): number;
  /** Revoke every screen of a board (it is removed); how many there were. */
  revokeAll(board: string): number;
  handlers: { [K in ScreenMethods]: BoardScreensApi[K] };
}

export interface ScreensOptions {
  store: Pick<StoreWriter, 'accessTokens' | 'addAccessToken' | 'removeAccessToken'>;
  now: () => number;
  boardOf: (name: string) => Board | null;
  /** Where the runtime serves boards to TVs (the host): codes to bind. Without it, boards/pair is refused. */
  pairing?: Pairing;
}

function screenOf(t: AccessTokenView & { board: string }): BoardScreen {
  return { screen: t.name, board: t.board, createdAt: t.createdAt, lastSeenAt: t.lastUsedAt };
}

const isScreen = (t: AccessTokenView): t is AccessTokenView & { board: string } => t.board !== null;

/** A board's page for a screen: the token stays in the address, since a TV's browser may forget its cookies. */
function screenPath(board: string, token: string): string {
  return `/board/${board}?token=${token}`;
}

export function createScreens(o: ScreensOptions): Screens {
  function defaultName(board: string): string {
    const taken = new Set(o.store.accessTokens().map((t) => t.name));
    const stem = board.slice(0, 58);
    let n = 1;
    while (taken.has(`${stem}-${n}`)) n++;
    return `${stem}-${n}`;
  }

  function create(board: string, screen?: string): { token: string; screen: BoardScreen; path: string } {
    if (o.boardOf(board) === null) throw new RefusedError(`no board named "${board.slice(0, 80)}": save it first, then give it screens`);
    const made = issueViewerToken(o.store, o.now(), { name: screen ?? defaultName(board), board });
    return { token: made.token, screen: screenOf({ ...made.view, board }), path: screenPath(board, made.token) };
  }

  const screensOf = (board: string) => o.store.accessTokens().filter(isScreen).filter((t) => t.board === board);
  return {
    create,
    count: (board) => screensOf(board).length,
    revokeAll(board) {
      const gone = screensOf(board);
      for (const t of gone) o.store.removeAccessToken(t.name);
      return gone.length;
    },
    handlers: {
      'boards/screens': ({ board }) => o.store.accessTokens().filter(isScreen).filter((t) => board === undefined || t.board === board).map(screenOf),
      'boards/pair': ({ code, board, screen }) => {
        if (o.pairing === undefined) throw new RefusedError('pairing is done on the host that serves the boards (serve, or the app with --serve)');
        return o.pairing.bind(code, () => {
          const made = create(board, screen);
          return { token: made.token, board, screen: made.screen };
        }).screen;
      },
      'boards/revoke-screen': ({ screen }) => {
        const found = o.store.accessTokens().find((t) => t.name === screen);
        if (found === undefined || !isScreen(found)) throw new RefusedError(`no screen named "${screen.slice(0, 80)}"${found ? ': it is a plain viewer token (access/revoke-token)' : ''}`);
        o.store.removeAccessToken(screen);
        return { revoked: screen };
      },
    },
  };
}
