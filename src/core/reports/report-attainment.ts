/**
 * The report's judgements beyond the standards table: each headline figure of the summary against the tiers of the
 * center-wide standard on its metric (or, when every contact came on one channel, that channel's); the consistency
 * across channels (each channel's attainment, the index, the worst channel and its driver: the live floor's
 * evaluation over the period); and the worst 30-minute intervals.
 *
 * A headline figure is judged as the standards table judges it (the evaluation's center column, with the standard's
 * own T and short-abandon threshold); the agent-time standards (occupancy, not-ready share), which the evaluation of a
 * past period cannot measure, are judged on the report's own figure from the period's agent time.
 */
import type { Channel } from '../../shared/api';
import type { Standard, StandardMetric, StandardResult, Tier } from '../../shared/standards';
import { tierOf } from '../standards/standard';
import type { IntervalRow } from './report-intervals';
import type { ReportFigures } from './report-model';
import type { ReportStandards } from './report-standards';

type FigureKey = keyof ReportFigures;

/** The summary's figures (by their column in report-columns.ts) a standard's metric measures, center-wide. */
const FIGURE_METRIC: readonly [column: string, figure: FigureKey, metric: StandardMetric][] = [
  ['service_level', 'serviceLevel', 'service-level'],
  ['asa_seconds', 'asaSeconds', 'asa'],
  ['abandon_rate', 'abandonRate', 'abandon-rate'],
  ['longest_wait_seconds', 'longestWaitSeconds', 'max-wait'],
  ['first_response_seconds', 'avgFirstResponseSeconds', 'first-response-time'],
  ['csat', 'csat', 'csat'],
  ['nps', 'nps', 'nps'],
  ['fcr', 'fcr', 'fcr'],
  ['occupancy', 'occupancy', 'occupancy'],
  ['not_ready_share', 'notReadyShare', 'not-ready-share'],
];

const AGENT_TIME: ReadonlySet<StandardMetric> = new Set(['occupancy', 'not-ready-share']);

interface SummaryJudgement {
  /** The figure's column (report-columns.ts: "service_level"). */
  column: string;
  standardId: string;
  standard: string;
  /** The figure the standard measured (its own options), or the report's for agent time. */
  value: number | null;
  status: StandardResult['status'];
  tiers: Record<Tier, number>;
  comparator: Standard['comparator'];
}

interface ReportConsistency {
  /** 1 when every channel attains its standards alike (docs/standards.md); null with fewer than two measured. */
  index: number | null;
  channels: { channel: Channel; attainment: number | null; offered: number; measured: number }[];
  worst: { channel: Channel; attainment: number; driver: string; detail: string } | null;
}

export interface ReportAttainment {
  summary: SummaryJudgement[];
  consistency: ReportConsistency;
  /** The worst intervals by service level, among those with at least WORST_MIN_OFFERED contacts, worst first. */
  worstIntervals: IntervalRow[];
}

/** An interval needs this many contacts to be among the worst (a lone call is no pattern). */
export const WORST_MIN_OFFERED = 10;
const WORST_INTERVALS = 5;

/**
 * The standard that judges a headline figure: the center-wide one on its metric; for a period whose contacts all came
 * on one channel (the center is then that channel), that channel's own when there is no center-wide one.
 */
function judgeOf(standards: ReportStandards, metric: StandardMetric, only: Channel | null): { s: Standard; key: string } | null {
  const all = standards.set.standards.filter((x) => x.metric === metric);
  const center = all.find((x) => x.scope.kind === 'center');
  if (center) return { s: center, key: 'center' };
  const own = only === null ? undefined : all.find((x) => x.scope.kind === 'channel' && x.scope.channel === only);
  return own && only !== null ? { s: own, key: only } : null;
}

function summaryJudgements(standards: ReportStandards, center: ReportFigures, only: Channel | null): SummaryJudgement[] {
  const out: SummaryJudgement[] = [];
  for (const [column, figure, metric] of FIGURE_METRIC) {
    const judge = judgeOf(standards, metric, only);
    if (!judge) continue;
    const s = judge.s;
    const result = standards.evaluation.results.find((x) => x.standardId === s.id && x.key === judge.key);
    let value = result?.figure ?? null;
    let status: StandardResult['status'] = result?.status ?? 'no-data';
    if (AGENT_TIME.has(metric)) {
      value = center[figure] as number | null;
      status = value === null ? 'no-data' : (tierOf(s, value) ?? 'breach');
    }
    out.push({ column, standardId: s.id, standard: s.name, value, status, tiers: { ...s.tiers }, comparator: s.comparator });
  }
  return out;
}

export function reportAttainment(r: { standards: ReportStandards; center: ReportFigures; channels: readonly { channel: Channel }[]; intervals: readonly IntervalRow[] }): ReportAttainment {
  const e = r.standards.evaluation;
  return {
    summary: summaryJudgements(r.standards, r.center, r.channels.length === 1 ? r.channels[0].channel : null),
    consistency: {
      index: e.consistencyIndex,
      channels: e.channels.map((c) => ({ channel: c.channel, attainment: c.attainment, offered: c.volume, measured: c.measured })),
      worst: e.worst ? { channel: e.worst.channel, attainment: e.worst.attainment, driver: e.worst.driver, detail: e.worst.detail } : null,
    },
    worstIntervals: r.intervals
      .filter((i) => i.offered >= WORST_MIN_OFFERED && i.serviceLevel !== null)
      .sort((a, b) => a.serviceLevel! - b.serviceLevel! || b.offered - a.offered || a.at - b.at)
      .slice(0, WORST_INTERVALS),
  };
}
