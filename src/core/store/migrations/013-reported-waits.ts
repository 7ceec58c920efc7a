// Migration 013: the wait a source reports with a contact's way out of the queue (Asterisk's CONNECT holdtime,
// ABANDON's waittime...), kept beside the instants: where present it is the contact's wait, instead of the
// difference of two line timestamps (docs/feeds.md "Waits from the fields"). Null: the source reported none.
export const sql = /* sql */ `
ALTER TABLE contacts ADD COLUMN answered_wait_ms INTEGER;
ALTER TABLE contacts ADD COLUMN exit_wait_ms INTEGER;
`;
