/**
 * "What changed": three to seven findings in plain words, computed from the report's own figures, each naming the
 * section (table) that shows it. In order of what a review would start with: the standards missed, the change
 * against the previous period, the channel furthest from its standards and why, the worst interval, the abandons.
 */
import { STANDARD_METRICS } from '../../shared/standards';
import { formatCount, formatDuration, formatPercent } from '../../shared/format';
import type { AbandonBucket, IntervalRow } from './report-intervals';
import type { ReportFigures } from './report-model';
import type { ReportStandards } from './report-standards';
import type { TrendPoint } from './report-trend';

export interface Finding {
  text: string;
  /** The section that shows it: summary, standards, trend, intervals, abandons, alerts. */
  section: 'summary' | 'standards' | 'trend' | 'intervals' | 'abandons' | 'alerts';
}

const MAX_FINDINGS = 7;

function figureText(metric: keyof typeof STANDARD_METRICS, figure: number): string {
  const unit = STANDARD_METRICS[metric].unit;
  return unit === 'share' ? formatPercent(figure) : unit === 'seconds' ? formatDuration(figure) : String(Math.round(figure * 10) / 10);
}

function change(now: number | null, before: number | null): string | null {
  if (now === null || before === null) return null;
  const points = Math.round((now - before) * 1000) / 10;
  return points === 0 ? null : `${points > 0 ? 'rose' : 'fell'} from ${formatPercent(before)} to ${formatPercent(now)}`;
}

export function reportFindings(r: {
  center: ReportFigures;
  standards: ReportStandards;
  trend: readonly TrendPoint[];
  /** The worst 30-minute interval by service level (report-attainment.ts), or none with enough contacts. */
  worstInterval: IntervalRow | null;
  abandons: readonly AbandonBucket[];
  alerts: number;
  timeZone: string;
}): Finding[] {
  if (r.center.offered === 0) return [{ text: 'No contact entered a queue in this period: there is nothing to report.', section: 'summary' }];
  const out: Finding[] = [];
  const e = r.standards.evaluation;
  // the standards missed, the furthest below expected first
  // (one finding per standard: its worst column; a center-wide figure equal to its only channel's is said once)
  const missed = e.results.filter((x) => x.status === 'breach' && x.figure !== null).sort((a, b) => (a.attainment ?? 0) - (b.attainment ?? 0));
  const said = new Set<string>();
  for (const x of missed) {
    const def = e.definitions?.[x.standardId];
    if (!def || said.has(x.standardId)) continue;
    said.add(x.standardId);
    const where = x.key === 'center' ? 'center-wide' : `on ${x.key.replace(/^queue:/, 'queue ')}`;
    out.push({ text: `${def.name} was below expected ${where}: ${figureText(def.metric, x.figure!)}, ${x.basis}.`, section: 'standards' });
    if (said.size === 2) break;
  }
  const previous = r.trend[0];
  if (previous && previous.figures.offered > 0) {
    const sl = change(r.center.serviceLevel, previous.figures.serviceLevel);
    const volume = Math.round(((r.center.offered - previous.figures.offered) / previous.figures.offered) * 100);
    const parts = [
      sl && `service level ${sl}`,
      volume !== 0 && `${volume > 0 ? '+' : ''}${volume} % contacts offered (${formatCount(previous.figures.offered)} to ${formatCount(r.center.offered)})`,
    ].filter(Boolean);
    if (parts.length > 0) out.push({ text: `Against the period before: ${parts.join('; ')}.`, section: 'trend' });
  } else if (r.trend.length > 0) out.push({ text: 'The period before holds no contact: there is nothing to compare with.', section: 'trend' });
  if (e.worst) out.push({ text: `${e.worst.channel[0].toUpperCase()}${e.worst.channel.slice(1)} is furthest from its standards (${formatPercent(e.worst.attainment)} of target); the main driver is ${e.worst.driver}: ${e.worst.detail}.`, section: 'standards' });
  const worst = r.worstInterval;
  if (worst) out.push({ text: `The worst interval was ${worst.day} ${worst.start} on ${worst.channel}: ${formatPercent(worst.serviceLevel)} service level of ${formatCount(worst.offered)} offered.`, section: 'intervals' });
  const abandoned = r.abandons.reduce((n, b) => n + b.abandoned, 0);
  if (abandoned > 0) {
    const early = r.abandons.filter((b) => b.toSeconds !== null && b.toSeconds <= 30).reduce((n, b) => n + b.abandoned, 0);
    out.push({ text: `${formatCount(abandoned)} contacts abandoned (${formatPercent(r.center.abandonRate)} abandon rate, short abandons excluded); ${formatPercent(early / abandoned)} of them within 30 s of waiting.`, section: 'abandons' });
  }
  if (r.alerts > 0) out.push({ text: `${formatCount(r.alerts)} alert${r.alerts === 1 ? '' : 's'} fired or stayed open in the period.`, section: 'alerts' });
  if (out.length < 3) out.push({ text: `${formatCount(r.center.offered)} contacts offered, ${formatCount(r.center.answered)} answered; service level ${formatPercent(r.center.serviceLevel)}, ASA ${formatDuration(r.center.asaSeconds)}.`, section: 'summary' });
  return out.slice(0, MAX_FINDINGS);
}
