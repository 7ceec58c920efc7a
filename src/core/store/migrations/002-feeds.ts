// Migration 002: configured feeds, and file positions in checkpoints (so a tail resumes at the exact byte).
export const sql = /* sql */ `
CREATE TABLE feeds (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL UNIQUE,
  kind              TEXT NOT NULL,
  format            TEXT NOT NULL,
  path              TEXT,
  token             TEXT,
  heartbeat_seconds INTEGER NOT NULL,
  -- the abandon mapping (JSON): TaskRouter abandonOn, queue_log exitWithKey
  mapping           TEXT NOT NULL DEFAULT '{}',
  paused            INTEGER NOT NULL DEFAULT 0,
  created_at        INTEGER NOT NULL
);

-- the file a tail was reading ("dev:inode") and the byte just after the last line it stored
ALTER TABLE checkpoints ADD COLUMN file_id TEXT;
ALTER TABLE checkpoints ADD COLUMN byte_offset INTEGER;
-- a hash of the bytes just before byte_offset: a file rewritten in place (same inode) is told from the one read
ALTER TABLE checkpoints ADD COLUMN fingerprint TEXT;
`;
