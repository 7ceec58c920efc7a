/**
 * A period's agent-state intervals, read once for a report (its agents, staffing and coverage sections all use
 * them): as stored for the agents section, and with each agent's capacity and its silence (an interval lasts at
 * most until the agent fell silent: model/types.ts silentAt, as the live floor reads them) for staffing and coverage.
 */
import type { Channel } from '../../shared/api';
import type { AgentTime } from '../metrics/agent-time';
import { silentAt, type AgentState } from '../model/types';
import type { StoreReader } from '../store/store';

export interface PeriodAgentTime {
  /** The store as the agents section reads it, answering from what was read. */
  store: Pick<StoreReader, 'agentStatesSince' | 'currentAgents'>;
  intervals: { agentId: string; state: AgentState; start: number; end: number | null; capacity: Partial<Record<Channel, number>> }[];
  /** The channels the period's agents have capacity on. */
  channels: Set<Channel>;
}

/** The period's part of the agent time read for the report and its trend (metrics/agent-time.ts: one read). */
export function periodAgentTime(time: AgentTime, from: number, to: number): PeriodAgentTime {
  const states = time.intervals.filter((i) => i.end === null || i.end > from);
  const agents = time.agents;
  const capacity = time.capacity;
  const intervals = states
    .filter((i) => i.start < to)
    .map((i) => {
      const silent = silentAt(i.state, i.start);
      return { agentId: i.agentId, state: i.state, start: i.start, end: silent < (i.end ?? Infinity) ? silent : i.end, capacity: capacity.get(i.agentId) ?? {} };
    });
  const channels = new Set<Channel>();
  for (const i of intervals) for (const [ch, n] of Object.entries(i.capacity)) if ((n ?? 0) > 0) channels.add(ch as Channel);
  return { store: { agentStatesSince: () => states, currentAgents: () => agents }, intervals, channels };
}
