// Migration 009: each source's quarantine is capped (store/quarantine.ts): the rows dropped to keep it under its cap
// are counted per source, so the quarantined count still says how many lines were refused; the index finds a
// source's oldest rows to drop.
export const sql = /* sql */ `
ALTER TABLE sources ADD COLUMN quarantine_dropped INTEGER NOT NULL DEFAULT 0;
CREATE INDEX quarantine_by_source ON quarantine (source_id, id);
`;
