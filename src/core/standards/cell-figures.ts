/**
 * One cell of the standards matrix: a standard's figure on one column (the center, a channel, a queue), its tier
 * and its attainment of the desired tier. Contact figures come from the standard's pass (contact-figures.ts
 * defines them), agent figures from today's state time, the staffing gap from the staffing needs, coverage from
 * the agent-state intervals against the channel's published hours.
 */
import type { Channel } from '../../shared/api';
import { WEEK_LOADING, type StaffingNeed, type StandardResult } from '../../shared/standards';
import { notReadyShare, occupancy, staffedMs, zeroStateTimes } from '../metrics/agent-metrics';
import { AGENT_STATES, CHANNELS, type QueueConfig } from '../model/types';
import type { BusinessHours } from '../time/business-hours';
import { groupFigure, secs } from './contact-figures';
import { MINUTE_MS } from './evaluation-cache';
import { stillLoading, windowStart, type FloorFacts } from './floor-facts';
import type { Pass } from './pass-context';
import { tierOf, type Standard } from './standard';
import { coveredOpenMs } from './coverage';

/** A column of the matrix: its group key in a pass ('center', a channel, 'queue:<name>'). */
export interface Column {
  key: string;
  channel: Channel | null;
  queue: string | null;
}

/** The columns a standard is measured on: its queue, its channel, or the center and each channel side by side. */
export function columnsOf(s: Standard, queueOf: ReadonlyMap<string, QueueConfig>): Column[] {
  if (s.scope.kind === 'queue') return [{ key: `queue:${s.scope.queue}`, channel: queueOf.get(s.scope.queue)?.channel ?? null, queue: s.scope.queue }];
  if (s.scope.kind === 'channel') return [{ key: s.scope.channel, channel: s.scope.channel, queue: null }];
  return [{ key: 'center', channel: null, queue: null }, ...CHANNELS.map((ch) => ({ key: ch, channel: ch, queue: null }))];
}

/** What a cell reads besides its standard and column. */
export interface CellInputs {
  f: FloorFacts;
  pass: Pass;
  staffing: StaffingNeed[];
  calendars: ReadonlyMap<string, BusinessHours>;
}

export function measure(s: Standard, col: Column, { f, pass, staffing, calendars }: CellInputs): StandardResult {
  if (s.metric === 'coverage') return coverageOf(s, col, windowStart(s, f), f, calendars);
  // every property written out: a spread of a shared base object here took 6 µs a result (2,000 cells: 12 ms)
  const result = (figure: number | null, basis: string, volume: number, start: number, attainmentOverride?: number): StandardResult => {
    const status = figure === null ? 'no-data' : (tierOf(s, figure) ?? 'breach');
    const attained = figure === null ? null : (attainmentOverride ?? attainment(s, figure));
    return { standardId: s.id, key: col.key, channel: col.channel, queue: col.queue, windowEnd: f.now, figure, status, attainment: attained, basis, volume, windowStart: start };
  };
  const start = windowStart(s, f);
  // the last days still being read after start-up (metrics/week-fill.ts): no figure rather than part of one
  if (stillLoading(f, start)) return result(null, WEEK_LOADING, 0, start);
  if (f.agents === null && (s.metric === 'staffing-gap' || s.metric === 'longest-wait-now')) return result(null, 'a past period has no floor now to measure', 0, start);
  switch (s.metric) {
    case 'service-level':
    case 'asa':
    case 'abandon-rate':
    case 'wait-p50':
    case 'wait-p90':
    case 'max-wait':
    case 'first-response-within':
    case 'first-response-time':
    case 'csat':
    case 'nps':
    case 'fcr':
    case 'resolution-time':
    case 'next-response-time': {
      const g = pass(s).groups.get(col.key);
      if (!g) return result(null, 'no contacts in the window', 0, start);
      const m = groupFigure(s, g);
      return result(m.figure, m.basis, m.volume, start);
    }
    case 'longest-wait-now': {
      const qs = f.waitingNow.filter((q) => (col.queue ? q.queue === col.queue : col.channel ? q.channel === col.channel : true));
      const v = qs.reduce((m, q) => Math.max(m, q.longestWaitNowSeconds), 0);
      return result(qs.length ? v : null, `oldest waiting contact over ${qs.length} queues`, qs.length, f.now);
    }
    case 'not-ready-share':
    case 'occupancy': {
      if (f.agents === null) return result(null, 'agent time of past periods is not evaluated yet', 0, start);
      const agents = f.agents.filter((a) => (col.channel ? (a.capacity[col.channel] ?? 0) > 0 : true));
      const t = zeroStateTimes();
      for (const a of agents) for (const k of AGENT_STATES) t[k] += a.times[k];
      if (s.metric === 'not-ready-share') {
        return result(notReadyShare(t), `${secs(t['not-ready'] / 1000)} not ready of ${secs(staffedMs(t) / 1000)} staffed, ${agents.length} agents, today`, agents.length, f.dayStart);
      }
      const handle = t['on-contact'] + t['after-contact-work'];
      return result(occupancy(t), `${secs(handle / 1000)} handling of ${secs((handle + t.available) / 1000)} available or handling, today`, agents.length, f.dayStart);
    }
    case 'staffing-gap': {
      const needs = staffing.filter((n) => (col.channel ? n.channel === col.channel : true) && n.gap !== null);
      if (col.queue || needs.length === 0) return result(null, col.queue ? 'staffing is computed per channel' : 'no arrivals in the last 30 minutes', 0, f.now - 30 * MINUTE_MS);
      const gap = needs.reduce((n, x) => n + x.gap!, 0);
      const staffed = needs.reduce((n, x) => n + x.staffed, 0);
      const required = needs.reduce((n, x) => n + (x.required ?? 0), 0);
      const over = gap - s.tiers.desired;
      return result(gap, `${required} required (Erlang C), ${staffed} staffed`, staffed, f.now - 30 * MINUTE_MS, over <= 0 ? 1 : staffed / (staffed + over));
    }
  }
  return result(null, 'not measured', 0, start);
}

/**
 * Coverage of published hours: the share of the channel's open time in the window during which at least
 * `minimumStaff` agents with capacity on the channel were staffed (available, on a contact or in wrap-up).
 */
function coverageOf(s: Standard, col: Column, start: number, f: FloorFacts, calendars: ReadonlyMap<string, BusinessHours>): StandardResult {
  const base = { standardId: s.id, key: col.key, channel: col.channel, queue: col.queue, windowStart: start, windowEnd: f.now };
  const none = (basis: string): StandardResult => ({ ...base, figure: null, status: 'no-data', attainment: null, basis, volume: 0 });
  if (col.channel === null || col.queue !== null) return none('coverage is measured per channel');
  const hours = calendars.get(col.channel);
  if (!hours) return none('the channel publishes no hours: it is always open');
  if (!f.agentIntervals) return none('agent time of past periods is not evaluated yet');
  const open = hours.openSpans(start, f.now);
  const openMs = open.reduce((n, sp) => n + sp.end - sp.start, 0);
  if (openMs === 0) return none('the channel was closed all through the window');
  const minimum = s.options.minimumStaff ?? 1;
  const coveredMs = coveredOpenMs(f.agentIntervals(start), col.channel, open, minimum, start, f.now);
  const figure = coveredMs / openMs;
  const tier = tierOf(s, figure);
  return { ...base, figure, status: tier ?? 'breach', attainment: attainment(s, figure), basis: `${secs(coveredMs / 1000)} of ${secs(openMs / 1000)} open with at least ${minimum} agent${minimum === 1 ? '' : 's'} staffed`, volume: Math.round(openMs / 60_000) };
}

/** at-least: min(1, figure / desired); at-most: 1 when figure <= desired, else desired / figure. */
function attainment(s: Standard, figure: number): number {
  const d = s.tiers.desired;
  if (s.comparator === 'at-least') return d <= 0 ? 1 : Math.max(0, Math.min(1, figure / d));
  if (figure <= d) return 1;
  return figure <= 0 ? 1 : Math.max(0, Math.min(1, d / figure));
}
