/**
 * The boards in force, with their versions: every save is a new version of the whole board, the latest in force.
 * A database without the `floor` board gets it when the service is first made on it (the engine's first start, as
 * the standards' defaults), and `floor` can be changed, never removed: a new center always has a board to show.
 */
import type { BoardVersion } from '../../shared/boards';
import { RefusedError } from '../api/refused';
import type { BoardVersionReads, BoardVersionWrites, StoredBoardVersion } from '../store/boards';
import type { Board } from './board';
import { checkBoard } from './board-file';
import { DEFAULT_BOARD_NAME, defaultBoard } from './default-board';

const DEFAULT_NOTE = 'the board of a new center';

export interface BoardsService {
  /** The version in force of every board, by name. */
  list(): BoardVersion[];
  /** The version in force of a board, or null. */
  get(name: string): BoardVersion | null;
  save(board: Board, note: string | null): BoardVersion;
  /** Remove a board and its versions; `floor` and a board that does not exist are refused. */
  remove(name: string): void;
}

/** A stored version, checked: stored boards were validated when saved; one written by a later version is not trusted. */
function storedVersion(r: StoredBoardVersion): BoardVersion {
  const parsed = checkBoard(JSON.parse(r.body));
  if (!parsed.ok) throw new Error(`board "${r.name}" version ${r.version} cannot be read: ${parsed.issues[0]?.path} ${parsed.issues[0]?.message}`);
  return { name: r.name, version: r.version, savedAt: r.savedAt, note: r.note, board: parsed.board };
}

export function createBoardsService(store: BoardVersionReads & BoardVersionWrites, o: { now: () => number }): BoardsService {
  // a version never changes once saved: each is checked once (a screen asks for its board at every connection); the
  // instant it was saved tells a board made again under a removed one's name from the old one's same version number
  const read = new Map<string, BoardVersion>();
  const toVersion = (r: StoredBoardVersion): BoardVersion => {
    const key = `${r.name}\n${r.version}\n${r.savedAt}`;
    let v = read.get(key);
    if (!v) read.set(key, (v = storedVersion(r)));
    return v;
  };
  if (store.latestBoard(DEFAULT_BOARD_NAME) === null) store.saveBoardVersion(DEFAULT_BOARD_NAME, JSON.stringify(defaultBoard()), DEFAULT_NOTE, o.now());
  return {
    list: () => store.latestBoards().map(toVersion),
    get(name) {
      const r = store.latestBoard(name);
      return r === null ? null : toVersion(r);
    },
    save(board, note) {
      const savedAt = o.now();
      const body = JSON.stringify(board);
      return toVersion({ name: board.name, version: store.saveBoardVersion(board.name, body, note, savedAt), body, note, savedAt });
    },
    remove(name) {
      if (name === DEFAULT_BOARD_NAME) throw new RefusedError(`"${DEFAULT_BOARD_NAME}" is the center's board: it can be changed, not removed`, [{ path: 'name', message: 'the center\'s board cannot be removed' }]);
      if (!store.removeBoard(name)) throw new RefusedError(`no board is named "${name}"`, [{ path: 'name', message: 'no such board' }]);
      for (const key of read.keys()) if (key.startsWith(`${name}\n`)) read.delete(key);
    },
  };
}
