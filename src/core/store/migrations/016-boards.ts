// Migration 016: wall displays' boards (core/boards/). Every save is a new version of the whole board, numbered from 1
// per board; the highest is in force. Removing a board removes its versions with it (ON DELETE CASCADE).
export const sql = /* sql */ `
CREATE TABLE boards (
  name TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL
);
CREATE TABLE board_versions (
  name TEXT NOT NULL REFERENCES boards (name) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  body TEXT NOT NULL,
  note TEXT,
  saved_at INTEGER NOT NULL,
  PRIMARY KEY (name, version)
);
`;
