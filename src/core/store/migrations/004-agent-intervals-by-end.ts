// Migration 004: agent intervals no longer indexed by (agent, start). That index spread every batch's rows over
// one leaf page per agent, so each commit rewrote thousands of pages (13 us a row at 1,400 agents). An agent's
// open interval is found by agent_states_open, and a late state by scanning agent_states_end from its instant
// forward (as far as the state is late); the store keeps each agent's open interval in memory.
export const sql = /* sql */ `
DROP INDEX agent_states_agent;
`;
