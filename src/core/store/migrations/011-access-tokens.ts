// Migration 011: viewer tokens (core/access). A token's secret is never stored: only its SHA-256, looked up on
// every call that carries one. Revoking deletes the row, so a revoked token is refused by the next lookup.
export const sql = /* sql */ `
CREATE TABLE access_tokens (
  name TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  names INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  last_used_at INTEGER
);
`;
