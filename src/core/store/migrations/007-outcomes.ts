// Migration 007: customer outcomes on contacts: the latest survey (CSAT 1-5, NPS 0-10, and when it was answered)
// and the resolution (when, and whether on the first contact).
export const sql = /* sql */ `
ALTER TABLE contacts ADD COLUMN csat INTEGER;
ALTER TABLE contacts ADD COLUMN nps INTEGER;
ALTER TABLE contacts ADD COLUMN surveyed_at INTEGER;
ALTER TABLE contacts ADD COLUMN resolved_at INTEGER;
ALTER TABLE contacts ADD COLUMN first_contact INTEGER;
`;
