// Migration 018: the contacts the live floor reads at start-up (live/rebuild-floor.ts), indexed by what they are
// rather than found in a scan of the whole history: those still in the queue, and those an agent still holds.
// Both indexes hold only open contacts (a few hundred), so they cost an ingest little; without them a restart on
// a week of 905k contacts spent 0.4 s reading every row (issue 17). The queries' WHERE clauses repeat these
// conditions word for word, as SQLite needs to use a partial index.
export const sql = /* sql */ `
CREATE INDEX contacts_waiting ON contacts (queued_at) WHERE answered_at IS NULL AND abandoned_at IS NULL AND ended_at IS NULL;
CREATE INDEX contacts_with_agent ON contacts (answered_at) WHERE answered_at IS NOT NULL AND wrapup_end_at IS NULL AND abandoned_at IS NULL;
`;
