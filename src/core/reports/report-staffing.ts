/**
 * A report's staffed against required: per local day, 30-minute interval and channel, the agents Erlang C requires
 * for the interval's load and the agents staffed, with the live floor's own computation (standards/staffing-
 * intervals.ts over the period instead of today): arrivals = contacts queued in the interval; AHT = the mean handle
 * time of the interval's contacts answered and done by the period end, else the period's on the channel; required at
 * the desired tier and T of the channel's service-level or first-response standard in force at the period end (else
 * 80 % within the channel's default T); staffed = the time-weighted mean of the agents with capacity on the channel
 * who were available, on a contact or in wrap-up. An interval with fewer staffed than required is short.
 */
import type { Channel } from '../../shared/api';
import type { StandardsSet } from '../../shared/standards';
import type { Contact } from '../model/types';
import { meanConcurrency, staffingGoal } from '../standards/staffing';
import { staffingByInterval, type StaffingFacts } from '../standards/staffing-intervals';
import { DateTime } from 'luxon';
import { localTimes } from '../time/local-times';

const STAFFING_INTERVAL_MINUTES = 30;

export interface StaffingReportRow {
  day: string;
  /** The interval's local start, HH:MM. */
  start: string;
  at: number;
  channel: Channel;
  arrivals: number;
  ahtSeconds: number | null;
  /** Erlang C agents; null where the load has no handle time to size it by. */
  required: number | null;
  /** Mean agents staffed over the interval, one decimal. */
  staffed: number;
  short: boolean;
}

/** What a channel's required figures were sized for, and how many of its intervals were short. */
interface StaffingBasis {
  channel: Channel;
  /** The standard whose desired tier and T were used; null: none in force, 80 % within the channel's default T. */
  standard: string | null;
  target: number;
  thresholdSeconds: number;
  /** Conversations an agent holds at once (chat), as Erlang C was given it. */
  concurrency: number;
  /** Intervals with contacts, and those of them short of staff. */
  intervalsWithLoad: number;
  understaffed: number;
  /** The largest shortfall of an interval (required - staffed), agents; 0 when none was short. */
  worstShortfall: number;
}

export interface ReportStaffing {
  intervalMinutes: number;
  basis: StaffingBasis[];
  rows: StaffingReportRow[];
}

export function reportStaffing(
  set: StandardsSet,
  contacts: readonly Contact[],
  agentIntervals: StaffingFacts['agentIntervals'],
  o: { from: number; to: number; timeZone: string; channels: readonly Channel[] },
): ReportStaffing {
  const staffing = staffingByInterval(set, { now: o.to, dayStart: o.from, intervalMinutes: STAFFING_INTERVAL_MINUTES, contacts, agentIntervals });
  const local = localTimes(o.timeZone);
  const capacities = [...new Map(agentIntervals.map((i) => [i.agentId, i.capacity])).values()];
  const rows: StaffingReportRow[] = staffing.rows
    .filter((r) => o.channels.includes(r.channel))
    .map((r) => ({
      day: local.date(r.start),
      start: DateTime.fromMillis(r.start, { zone: o.timeZone }).toFormat('HH:mm'),
      at: r.start,
      channel: r.channel,
      arrivals: r.arrivals,
      ahtSeconds: r.ahtSeconds,
      required: r.required,
      staffed: r.staffed,
      short: r.required !== null && r.staffed < r.required,
    }));
  const basis = o.channels.map((channel): StaffingBasis => {
    const goal = staffingGoal(set, channel);
    const mine = rows.filter((r) => r.channel === channel);
    const short = mine.filter((r) => r.short);
    return {
      channel,
      standard: goal.standard,
      target: goal.goal,
      thresholdSeconds: goal.thresholdSeconds,
      concurrency: meanConcurrency(capacities, channel),
      intervalsWithLoad: mine.filter((r) => r.arrivals > 0).length,
      understaffed: short.length,
      worstShortfall: Math.round(Math.max(0, ...short.map((r) => r.required! - r.staffed)) * 10) / 10,
    };
  });
  return { intervalMinutes: STAFFING_INTERVAL_MINUTES, basis, rows: rows.sort((a, b) => a.at - b.at || o.channels.indexOf(a.channel) - o.channels.indexOf(b.channel)) };
}
