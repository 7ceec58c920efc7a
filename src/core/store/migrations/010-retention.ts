// Migration 010: data retention (store/retention.ts). `retention` holds the days an operator set for a kind of
// data (raw-lines, contacts, agent-intervals, quarantine); a kind without a row keeps its documented default.
// No index is added to find old rows: raw line blocks and quarantined lines are appended with ids in the order of
// their received time (one writer, `received_at` = the clock's now), so the purge walks them by rowid from the
// oldest and stops at the first one too young; contacts are found by contacts_queued_at and agent intervals by
// agent_states_end. `line_blocks.purged` marks a block whose lines were purged: its range stays, so the positions
// it held are still known as stored (a file read again does not bring them back), without their text.
export const sql = /* sql */ `
CREATE TABLE retention (
  kind       TEXT PRIMARY KEY,
  days       INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

ALTER TABLE line_blocks ADD COLUMN purged INTEGER NOT NULL DEFAULT 0;
`;
