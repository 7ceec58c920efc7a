/**
 * `boards/*`: the boards and their versions (core/boards/boards-store.ts). A save is checked by the dispatcher's
 * schema (the one board validator) before it reaches here; `floor` and a board that does not exist cannot be
 * removed. The screens bound to a board are counted and revoked by the screens' part (BoardScreens), where the
 * runtime serves one.
 */
import type { BoardListEntry, BoardsCoreApi } from '../../../shared/api-boards';
import type { BoardsService } from '../../boards/boards-store';
import { RefusedError } from '../refused';

/** The screens (viewer tokens bound to a board), as the boards' handlers need them. */
interface BoardScreens {
  count(board: string): number;
  /** Revoke every screen of a board; how many there were. */
  revokeAll(board: string): number;
}

export interface BoardHandlerDeps {
  boards: BoardsService;
  /** Without it no screen is bound to any board: none to count or revoke. */
  screens?: BoardScreens;
}

export function boardsHandlers(d: BoardHandlerDeps): { [K in keyof BoardsCoreApi]: BoardsCoreApi[K] } {
  return {
    'boards/list': () =>
      d.boards.list().map(
        (v): BoardListEntry => ({ name: v.name, title: v.board.title, version: v.version, savedAt: v.savedAt, pages: v.board.pages.length, screens: d.screens?.count(v.name) ?? 0 }),
      ),
    'boards/get': ({ name }) => {
      const v = d.boards.get(name);
      if (v === null) throw new RefusedError(`no board is named "${name}"`, [{ path: 'name', message: 'no such board' }]);
      return v;
    },
    'boards/save': ({ board, note }) => d.boards.save(board, note ?? null),
    'boards/remove': ({ name }) => {
      d.boards.remove(name);
      return { removed: name, screensRevoked: d.screens?.revokeAll(name) ?? 0 };
    },
  };
}
