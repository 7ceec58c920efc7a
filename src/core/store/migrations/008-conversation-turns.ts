// Migration 008: the conversation of an async contact, for next response time and for standards that count bot
// replies: the first automated reply, and the turns (customer messages, agent and bot replies) as compact text
// "ts:c,ts:a,ts:b" in time order (src/core/metrics/responses.ts reads them).
export const sql = /* sql */ `
ALTER TABLE contacts ADD COLUMN first_auto_response_at INTEGER;
ALTER TABLE contacts ADD COLUMN turns TEXT;
`;
