/**
 * The saved versions of the boards (migration 016): each save a new version, numbered from 1 per board, never
 * changed once saved; the highest in force. A removed board keeps no versions, so a board made again under its name
 * starts at version 1.
 */
import type { Db } from './database';

/** A saved version of a board; `body` is its JSON, checked by the boards service when read. */
export interface StoredBoardVersion {
  name: string;
  version: number;
  body: string;
  note: string | null;
  savedAt: number;
}

export interface BoardVersionReads {
  /** The version in force of every board, by name. */
  latestBoards(): StoredBoardVersion[];
  /** The version in force of a board, or null when there is no such board. */
  latestBoard(name: string): StoredBoardVersion | null;
}

export interface BoardVersionWrites {
  /** Save a new version (a new name makes a new board); returns its number. */
  saveBoardVersion(name: string, body: string, note: string | null, savedAt: number): number;
  /** Whether there was such a board to remove (its versions go with it). */
  removeBoard(name: string): boolean;
}

const COLUMNS = 'name, version, body, note, saved_at AS savedAt';

export function boardVersionReads(db: Db): BoardVersionReads {
  const s = {
    latest: db.prepare<[], StoredBoardVersion>(
      `SELECT ${COLUMNS} FROM board_versions v WHERE version = (SELECT MAX(version) FROM board_versions WHERE name = v.name) ORDER BY name`,
    ),
    latestOf: db.prepare<[string], StoredBoardVersion>(`SELECT ${COLUMNS} FROM board_versions WHERE name = ? ORDER BY version DESC LIMIT 1`),
  };
  return {
    latestBoards: () => s.latest.all(),
    latestBoard: (name) => s.latestOf.get(name) ?? null,
  };
}

export function boardVersionWrites(db: Db): BoardVersionWrites {
  const s = {
    board: db.prepare('INSERT OR IGNORE INTO boards (name, created_at) VALUES (?, ?)'),
    next: db.prepare<[string], { next: number }>('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM board_versions WHERE name = ?'),
    insert: db.prepare('INSERT INTO board_versions (name, version, body, note, saved_at) VALUES (?, ?, ?, ?, ?)'),
    remove: db.prepare('DELETE FROM boards WHERE name = ?'),
  };
  // the next number and its row in one transaction: two writers on the database never take the same number
  const save = db.transaction((name: string, body: string, note: string | null, savedAt: number): number => {
    s.board.run(name, savedAt);
    const version = s.next.get(name)!.next;
    s.insert.run(name, version, body, note, savedAt);
    return version;
  });
  return {
    saveBoardVersion: (name, body, note, savedAt) => save.immediate(name, body, note, savedAt),
    removeBoard: (name) => s.remove.run(name).changes > 0,
  };
}
