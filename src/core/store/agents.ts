/**
 * Agents as stored, read back as the live floor and the standards take them: each agent with its open
 * interval's state, and the state intervals of a period.
 */
import type { AgentRecord, AgentStateInterval } from '../model/types';
import type { Db } from './database';
import type { StoreReader } from './store';

export function agentReads(db: Db): Pick<StoreReader, 'currentAgents' | 'agentStatesSince'> {
  const s = {
    current: db.prepare<[], Omit<AgentRecord, 'capacity'> & { capacity: string }>(
      `SELECT a.id, a.name, a.capacity, s.state, s.reason, s.start_at AS since
       FROM agents a JOIN agent_states s ON s.agent_id = a.id AND s.end_at IS NULL`,
    ),
    statesSince: db.prepare<[number], AgentStateInterval>(
      'SELECT agent_id AS agentId, state, reason, start_at AS start, end_at AS "end" FROM agent_states WHERE end_at IS NULL OR end_at > ?',
    ),
  };
  return {
    currentAgents: () => s.current.all().map((a) => ({ ...a, capacity: JSON.parse(a.capacity) as AgentRecord['capacity'] })),
    agentStatesSince: (since) => s.statesSince.all(since),
  };
}
