// Migration 017: screens (issue 16): a viewer token may be bound to one board, and then sees that board's data only
// (core/access/board-scope.ts). Null for a plain viewer token. Indexed: a board's screens are listed and revoked with it.
export const sql = /* sql */ `
ALTER TABLE access_tokens ADD COLUMN board TEXT;
CREATE INDEX access_tokens_by_board ON access_tokens (board) WHERE board IS NOT NULL;
`;
