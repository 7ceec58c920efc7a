/**
 * The weekly review's figures (first sections: by queue, by channel, by day), built from the stored contacts of the
 * period with the classifier of the live floor and `metrics/window` (metrics/window-metrics.ts: metricsForContacts),
 * so every total here equals `metrics/window` for the same window and scope. Contacts are counted in the period they
 * entered the queue; outcomes are judged at the period's end.
 */
import type { Channel, ContactMetrics, FamilyMetrics, ServiceLevelFormula } from '../../shared/api';
import { CHANNELS } from '../../shared/api';
import { DateTime } from 'luxon';
import { inScope, type ReportScope } from './report-scope';

export { parseScope } from './report-scope';
import { reportStandards, type ReportStandards } from './report-standards';
import { reportTrend, reportTrendStart, type TrendPoint } from './report-trend';
import { abandonsByWait, intervalKey, reportIntervals, type AbandonBucket, type IntervalRow } from './report-intervals';
import { reportFindings, type Finding } from './report-findings';
import { reportAgents, type AgentReportRow } from './report-agents';
import type { StateTimes } from '../metrics/agent-metrics';
import { readAgentTime, scopedStateTimes, stateTimesIn } from '../metrics/agent-time';
import { reportAttainment, type ReportAttainment } from './report-attainment';
import { reportStaffing, type ReportStaffing } from './report-staffing';
import { reportCoverage, type CoverageRow } from './report-coverage';
import { reportCover, type ReportCover } from './report-cover';
import { periodAgentTime } from './report-agent-time';
import { DEFAULT_SERVICE_LEVEL_FORMULA, SERVICE_LEVEL_VARIANTS } from '../metrics/service-level';
import { groupFigures, tallyGroups } from '../metrics/window-metrics';
import type { StoreReader } from '../store/store';
import { localTimes } from '../time/local-times';
import type { ReportPeriod } from './report-period';

export interface ReportOptions {
  period: ReportPeriod;
  scope: ReportScope;
  shortAbandonSeconds: number;
  formula?: ServiceLevelFormula;
  /** The center's start of day (the earlier periods of the trend start at it). Default 0. */
  resetHour?: number;
  /** Judge by the standards in force at the period's end (default) or by those in force now. */
  standards?: 'period-end' | 'current';
  /** Now (epoch ms), for `standards: 'current'`. */
  now?: number;
  /** The agents section (default true; `--no-agents` leaves every agent out). */
  agents?: boolean;
}

/** The previous period and the four before it. */
const TREND_PERIODS = 5;

/**
 * A group's figures, as `metrics/window` gives them: responsiveness, handling (AHT) and outcomes of its contacts, and
 * the agent time of its channel (of every agent for the center; none for a queue, or in a scope that names queues).
 */
export type ReportFigures = ContactMetrics & FamilyMetrics;

export interface QueueReportRow extends ReportFigures {
  queue: string;
  channel: Channel;
}
interface ChannelReportRow extends ReportFigures {
  channel: Channel;
}
interface DayReportRow extends ReportFigures {
  /** The local date (YYYY-MM-DD) in the center's zone the contacts entered the queue on. */
  day: string;
  channel: Channel;
}

export interface Report {
  period: ReportPeriod;
  scope: ReportScope;
  definitions: { serviceLevel: string; formula: ServiceLevelFormula; shortAbandonSeconds: number; attribution: string };
  /** No contact in the period and scope: the report says so. */
  empty: boolean;
  center: ReportFigures;
  queues: QueueReportRow[];
  channels: ChannelReportRow[];
  days: DayReportRow[];
  /** The standards that judged the period, each standard's figure and tier per column, consistency, worst channel. */
  standards: ReportStandards;
  /** The same span in the periods before, the previous one first. */
  trend: TrendPoint[];
  /** Per local day, 30-minute interval and channel: volume and service level (the heat map). */
  intervals: IntervalRow[];
  /** Abandons by time waited, per channel. */
  abandons: AbandonBucket[];
  /** Alerts whose breach overlapped the period, with how long each lasted within it. */
  alerts: ReportAlert[];
  /** The summary's figures against the center's standards, consistency across channels, the worst intervals. */
  attainment: ReportAttainment;
  /** What changed, in words, each pointing at its section. */
  findings: Finding[];
  /** Per agent; null when the report was asked without agents. */
  agents: AgentReportRow[] | null;
  /** Per day, 30-minute interval and channel: agents staffed against required (Erlang C), and what it was sized for. */
  staffing: ReportStaffing;
  /** Per channel: the share of its published hours covered by staff, and the contacts outside them. */
  coverage: CoverageRow[];
  /** The calendars, the thresholds T, the feeds and their gaps. */
  cover: ReportCover;
}

interface ReportAlert {
  standard: string;
  key: string;
  breachStartedAt: number;
  firedAt: number;
  resolvedAt: number | null;
  /** The breach's length within the period (to its end while still open), seconds. */
  secondsInPeriod: number;
  figure: number | null;
  basis: string;
}

const ATTRIBUTION = 'contacts counted in the period they entered the queue; outcomes as known at the period end';

/** An alert's column in the scope: a center-wide alert always, a channel's or a queue's when scoped in. */
function inScopeKey(channel: Channel | null, queue: string | null, scope: ReportScope): boolean {
  if (scope.channels.length === 0 && scope.queues.length === 0) return true;
  if (channel === null && queue === null) return true;
  return (channel !== null && scope.channels.includes(channel)) || (queue !== null && scope.queues.includes(queue));
}

export function buildReport(store: StoreReader, o: ReportOptions): Report {
  const { from, to, timeZone } = o.period;
  const contacts = store.contactsQueuedBetween(from, to).filter((c) => inScope(c, o.scope));
  const queues = store.queues();
  const range = { from, to, by: 'center' as const, shortAbandonSeconds: o.shortAbandonSeconds, formula: o.formula };
  // agent time read once for the period and the periods of the trend before it
  const trendFrom = reportTrendStart(o.period, o.resetHour ?? 0, TREND_PERIODS);
  const agentTime = readAgentTime(store, trendFrom);
  const agentsOn = o.scope.queues.length === 0;
  const channelTimes = (channel: Channel, span = { from, to }) => (agentsOn ? stateTimesIn(agentTime, span.from, span.to, [channel]) : null);
  const byChannel = (a: { channel: Channel }, b: { channel: Channel }) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel);
  const local = localTimes(timeZone);
  // every contact classified once, summed into the center, its queue, its channel and its day (metricsForContacts'
  // sums, per group: the report's totals are metrics/window's)
  // (a key: its kind, the channel, then the day or the queue, which may hold any character, last)
  const groups = tallyGroups(contacts, queues, range, (c) => ['center', `q\u0000${c.channel}\u0000${c.queue}`, `c\u0000${c.channel}`, `d\u0000${c.channel}\u0000${local.date(c.queuedAt)}`, intervalKey(local, c)]);
  const figures = (key: string, agentTimes: StateTimes | null): ReportFigures => groupFigures(groups.get(key), o.formula, agentTimes);
  const keysOf = (kind: string) =>
    [...groups.keys()]
      .filter((k) => k.startsWith(`${kind}\u0000`))
      .map((key) => {
        const [, channel, ...rest] = key.split('\u0000');
        return { key, channel: channel as Channel, name: rest.join('\u0000') };
      });
  const queueRows = keysOf('q')
    .map(({ key, channel, name }) => ({ queue: name, channel, ...figures(key, null) }))
    .sort((a, b) => a.queue.localeCompare(b.queue) || byChannel(a, b));
  const channelRows = keysOf('c').map(({ key, channel }) => ({ channel, ...figures(key, channelTimes(channel)) })).sort(byChannel);
  const daySpan = (day: string) => {
    const start = DateTime.fromISO(day, { zone: timeZone });
    return { from: Math.max(from, start.toMillis()), to: Math.min(to, start.plus({ days: 1 }).toMillis()) };
  };
  const dayRows = keysOf('d')
    .map(({ key, channel, name: day }) => ({ day, channel, ...figures(key, channelTimes(channel, daySpan(day))) }))
    .sort((a, b) => a.day.localeCompare(b.day) || byChannel(a, b));
  const formula = o.formula ?? DEFAULT_SERVICE_LEVEL_FORMULA;
  const center = figures('center', scopedStateTimes(agentTime, from, to, o.scope));
  const standards = reportStandards(store, { period: o.period, contacts, queues, judgedBy: o.standards ?? 'period-end', now: o.now ?? Date.now() });
  const trend = reportTrend(store, { period: o.period, scope: o.scope, resetHour: o.resetHour ?? 0, shortAbandonSeconds: o.shortAbandonSeconds, formula: o.formula, periods: TREND_PERIODS, agents: agentTime });
  const intervals = reportIntervals(groups, { timeZone, formula: o.formula });
  const abandons = abandonsByWait(contacts, queues, { to, shortAbandonSeconds: o.shortAbandonSeconds });
  const alerts = store
    .alertsOverlapping(from, to)
    .filter((a) => inScopeKey(a.channel, a.queue, o.scope))
    .map((a) => ({
      standard: a.standardName,
      key: a.key,
      breachStartedAt: a.breachStartedAt,
      firedAt: a.firedAt,
      resolvedAt: a.resolvedAt,
      secondsInPeriod: (Math.min(a.resolvedAt ?? to, to) - Math.max(a.breachStartedAt, from)) / 1000,
      figure: a.figure,
      basis: a.basis,
    }));
  // agent-state intervals are read once: the figures, the trend, the agents, staffing and coverage sections share them
  const periodTime = periodAgentTime(agentTime, from, to);
  const reportChannels = CHANNELS.filter((ch) => (o.scope.channels.length > 0 ? o.scope.channels.includes(ch) : channelRows.some((c) => c.channel === ch) || periodTime.channels.has(ch)));
  const staffingOptions = { from, to, timeZone, channels: reportChannels };
  const attainment = reportAttainment({ standards, center, channels: channelRows, intervals });
  return {
    period: o.period,
    scope: o.scope,
    definitions: { serviceLevel: SERVICE_LEVEL_VARIANTS[formula].definition, formula, shortAbandonSeconds: o.shortAbandonSeconds, attribution: ATTRIBUTION },
    empty: contacts.length === 0,
    center,
    queues: queueRows,
    channels: channelRows,
    days: dayRows,
    standards,
    trend,
    intervals,
    abandons,
    alerts,
    attainment,
    findings: reportFindings({ center, standards, trend, worstInterval: attainment.worstIntervals[0] ?? null, abandons, alerts: alerts.length, timeZone }),
    agents: o.agents === false ? null : reportAgents(periodTime.store, contacts, { from, to }),
    staffing: reportStaffing(standards.set, contacts, periodTime.intervals, staffingOptions),
    coverage: reportCoverage(standards.set, queues, contacts, periodTime.intervals, staffingOptions),
    cover: reportCover(store, standards.set, { from, to, now: o.now ?? Date.now(), queues, reported: queueRows }),
  };
}
