/**
 * Staffed against required, per channel and interval of today: was the floor staffed for the load it had?
 *
 * Definitions (docs/standards.md):
 *   arrivals   contacts of the channel queued in the interval (the current interval: up to now)
 *   AHT        mean (done - answered), done = wrap-up end else end, of the interval's contacts answered and done by
 *              now; without any, the day's on the channel
 *   required   Erlang C agents for the channel's desired service level and T (its service-level or first-response
 *              standard, as for the staffing gap) at that load over the interval's length; chat and the other
 *              async channels by the agents' mean concurrency
 *   staffed    time-weighted mean of the agents with capacity on the channel who were available, on a contact or in
 *              wrap-up during the interval (from the stored agent-state intervals)
 */
import type { IntervalStaffing, IntervalStaffingRow, StandardsSet } from '../../shared/standards';
import type { AgentState, Channel, Contact } from '../model/types';
import { CHANNELS } from '../model/types';
import { handleTimeMs } from '../metrics/contact-metrics';
import { agentsRequired, meanConcurrency, STAFFED, staffingGoal } from './staffing';


export interface StaffingFacts {
  now: number;
  dayStart: number;
  intervalMinutes: number;
  contacts: Iterable<Contact>;
  /** Agent-state intervals overlapping [dayStart, now], with each agent's capacity. */
  agentIntervals: readonly { agentId: string; state: AgentState; start: number; end: number | null; capacity: Partial<Record<Channel, number>> }[];
}

export function staffingByInterval(set: StandardsSet, f: StaffingFacts): IntervalStaffing {
  const stepMs = f.intervalMinutes * 60_000;
  const count = Math.max(0, Math.ceil((f.now - f.dayStart) / stepMs));
  const slot = (t: number) => Math.floor((t - f.dayStart) / stepMs);
  const load = CHANNELS.map(() => Array.from({ length: count }, () => ({ arrivals: 0, handleMs: 0, handled: 0 })));
  const day = CHANNELS.map(() => ({ handleMs: 0, handled: 0 }));
  for (const c of f.contacts) {
    if (c.queuedAt < f.dayStart || c.queuedAt >= f.now) continue;
    const ch = CHANNELS.indexOf(c.channel);
    const l = load[ch][slot(c.queuedAt)];
    l.arrivals++;
    const handle = handleTimeMs(c, f.now);
    if (handle !== null) {
      l.handleMs += handle;
      l.handled++;
      day[ch].handleMs += handle;
      day[ch].handled++;
    }
  }
  // staffed agent-time per channel and interval, split at interval edges
  const staffedMs = CHANNELS.map(() => new Array<number>(count).fill(0));
  const capacities = new Map<string, Partial<Record<Channel, number>>>();
  for (const i of f.agentIntervals) {
    capacities.set(i.agentId, i.capacity);
    if (!STAFFED.includes(i.state)) continue;
    const from = Math.max(i.start, f.dayStart);
    const to = Math.min(i.end ?? f.now, f.now);
    for (let t = from; t < to; ) {
      const k = slot(t);
      const edge = Math.min(to, f.dayStart + (k + 1) * stepMs);
      CHANNELS.forEach((ch, n) => {
        if ((i.capacity[ch] ?? 0) > 0) staffedMs[n][k] += edge - t;
      });
      t = edge;
    }
  }
  const rows: IntervalStaffingRow[] = [];
  CHANNELS.forEach((channel, n) => {
    const { goal, thresholdSeconds } = staffingGoal(set, channel);
    const concurrency = meanConcurrency([...capacities.values()], channel);
    const dayAht = day[n].handled ? day[n].handleMs / day[n].handled / 1000 : null;
    for (let k = 0; k < count; k++) {
      const start = f.dayStart + k * stepMs;
      const seconds = (Math.min(start + stepMs, f.now) - start) / 1000;
      const l = load[n][k];
      const aht = l.handled ? l.handleMs / l.handled / 1000 : dayAht;
      rows.push({
        channel,
        start,
        arrivals: l.arrivals,
        ahtSeconds: aht,
        required: l.arrivals > 0 ? agentsRequired(l.arrivals, seconds, aht, goal, thresholdSeconds, concurrency) : 0,
        staffed: seconds > 0 ? Math.round((staffedMs[n][k] / 1000 / seconds) * 10) / 10 : 0,
      });
    }
  });
  return { intervalMinutes: f.intervalMinutes, from: f.dayStart, to: f.now, rows };
}
