/**
 * The staffing a channel's load requires: the service it is staffed for (its service-level or first-response
 * standard), the agents' mean concurrency, Erlang C agents required against agents staffed now. The staffing gap,
 * the driver and staffing by interval (staffing-intervals.ts) all read these, so they agree.
 */
import type { AgentState, Channel } from '../../shared/api';
import type { StaffingNeed, StandardsSet } from '../../shared/standards';
import { requiredAgents } from '../metrics/erlang-c';
import { CHANNELS, DEFAULT_SL_THRESHOLD_SECONDS, type QueueConfig } from '../model/types';
import { ahtSeconds, type ChannelLoads } from './channel-loads';
import type { FloorFacts } from './floor-facts';

/** The states in which an agent counts as staffed: on the floor and not away (every figure of staffing uses it). */
export const STAFFED: readonly AgentState[] = ['available', 'on-contact', 'after-contact-work'];

/**
 * The service a channel is staffed for: the desired tier and T of its service-level or first-response standard
 * (else 80 % within the channel's default T), and that standard's name (null: the default).
 */
export function staffingGoal(set: StandardsSet, channel: Channel): { goal: number; thresholdSeconds: number; standard: string | null } {
  const target = set.standards.find(
    (s) => s.scope.kind === 'channel' && s.scope.channel === channel && (s.metric === 'service-level' || s.metric === 'first-response-within'),
  );
  return {
    goal: Math.min(0.999, Math.max(0.01, target?.tiers.desired ?? 0.8)),
    thresholdSeconds: target?.options.thresholdSeconds ?? DEFAULT_SL_THRESHOLD_SECONDS[channel],
    standard: target?.name ?? null,
  };
}

/** Mean concurrent contacts of the agents with capacity on the channel (1 without any), for Erlang C. */
export function meanConcurrency(capacities: readonly Partial<Record<Channel, number>>[], channel: Channel): number {
  const on = capacities.filter((c) => (c[channel] ?? 0) > 0);
  return on.length ? Math.max(1, Math.min(20, Math.round(on.reduce((n, c) => n + (c[channel] ?? 1), 0) / on.length))) : 1;
}

/** Erlang C agents for a load, or null without one (or beyond what Erlang C staffs: no figure rather than a wrong one). */
export function agentsRequired(arrivals: number, intervalSeconds: number, aht: number | null, goal: number, thresholdSeconds: number, concurrency: number): number | null {
  if (!(arrivals > 0) || aht === null || !(aht > 0) || !(intervalSeconds > 0)) return null;
  try {
    return requiredAgents({ arrivals, intervalSeconds, ahtSeconds: aht, target: goal, thresholdSeconds, concurrency }).agents;
  } catch {
    return null;
  }
}

/** Per channel (those with queues or arrivals): agents required for the last 30 minutes' load, staffed now, the gap. */
export function staffingNeeds(set: StandardsSet, f: FloorFacts, loads: ChannelLoads, queueOf: ReadonlyMap<string, QueueConfig>): StaffingNeed[] {
  const out: StaffingNeed[] = [];
  for (const channel of CHANNELS) {
    const arrivals = loads[channel].arrivals30m;
    const aht = ahtSeconds(loads[channel].handleToday);
    const agents = (f.agents ?? []).filter((a) => (a.capacity[channel] ?? 0) > 0);
    const staffed = agents.filter((a) => STAFFED.includes(a.state)).length;
    const concurrency = meanConcurrency(agents.map((a) => a.capacity), channel);
    const { goal, thresholdSeconds } = staffingGoal(set, channel);
    const required = agentsRequired(arrivals, 1800, aht, goal, thresholdSeconds, concurrency);
    if (queueOf.size === 0 && arrivals === 0) continue;
    out.push({ channel, arrivals, ahtSeconds: aht, target: goal, thresholdSeconds, concurrency, required, staffed, gap: required === null ? null : required - staffed });
  }
  return out;
}
