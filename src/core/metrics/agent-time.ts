/**
 * Agent-state time within a window, as occupancy and the not-ready share read it for `metrics/window` and the
 * reports: each stored interval clipped to [from, to), and ended where its agent fell silent (silentAt, the live
 * floor's rule: docs/metrics.md), summed per state. For channels: the agents with capacity on any of them, as the
 * standards' cells count them (the capacity stored now: capacity has no history). The same intervals and the same
 * sums serve the in-memory and the SQL paths of a window, so both give the same figures.
 */
import type { FamilyMetrics } from '../../shared/api';
import { silentAt, type AgentStateInterval, type Channel } from '../model/types';
import type { StoreReader } from '../store/store';
import { notReadyShare, occupancy, staffedMs, zeroStateTimes, type StateTimes } from './agent-metrics';

export interface AgentTime {
  intervals: readonly AgentStateInterval[];
  /** The agents as stored now (the reports' agents section names them). */
  agents: ReturnType<StoreReader['currentAgents']>;
  /** Each agent's capacity per channel. */
  capacity: ReadonlyMap<string, Partial<Record<Channel, number>>>;
}

/** The stored intervals overlapping [from, now] and every agent's capacity: one read for any windows after `from`. */
export function readAgentTime(store: Pick<StoreReader, 'agentStatesSince' | 'currentAgents'>, from: number): AgentTime {
  const agents = store.currentAgents();
  return { intervals: store.agentStatesSince(from), agents, capacity: new Map(agents.map((a) => [a.id, a.capacity])) };
}

/** Time per state in [from, to), of every agent, or of the agents with capacity on one of `channels`. */
export function stateTimesIn(a: AgentTime, from: number, to: number, channels?: readonly Channel[]): StateTimes {
  const t = zeroStateTimes();
  for (const i of a.intervals) {
    if (i.start >= to) continue;
    const silent = silentAt(i.state, i.start);
    const ms = Math.min(i.end ?? to, silent, to) - Math.max(i.start, from);
    if (ms <= 0) continue;
    if (channels !== undefined && !channels.some((ch) => (a.capacity.get(i.agentId)?.[ch] ?? 0) > 0)) continue;
    t[i.state] += ms;
  }
  return t;
}

/** The agent-time figures of FamilyMetrics; all null where the grouping has no agent time (`t` null). */
export function agentFigures(t: StateTimes | null): Pick<FamilyMetrics, 'staffedSeconds' | 'occupancy' | 'notReadyShare'> {
  if (t === null) return { staffedSeconds: null, occupancy: null, notReadyShare: null };
  return { staffedSeconds: staffedMs(t) / 1000, occupancy: occupancy(t), notReadyShare: notReadyShare(t) };
}

/**
 * The agent time of a report's scope (the union of `channels` and `queues`): every agent without a scope, the agents
 * on the channels of a scope of channels, none (null) for a scope that names queues (agents are not assigned to them).
 */
export function scopedStateTimes(a: AgentTime, from: number, to: number, scope: { channels: readonly Channel[]; queues: readonly string[] }): StateTimes | null {
  if (scope.queues.length > 0) return null;
  return stateTimesIn(a, from, to, scope.channels.length > 0 ? scope.channels : undefined);
}
