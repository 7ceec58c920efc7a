/**
 * Every definition a report used, as (name, value) in words: the one list the CSV file (definitions.csv), the XLSX
 * Definitions sheet and the PDF's cover read. Beyond the figures' definitions: what staffing was sized for per
 * channel, how coverage and feed gaps were read, and the abandon mapping of each feed.
 */
import { formatPercent, formatThreshold } from '../../shared/format';
import type { Report } from './report-model';

/** Whole percentages as whole ("80%"), others with their tenth ("82.5%"). */
const percent = (v: number): string => formatPercent(v, Math.round(v * 1000) % 10 === 0 ? 0 : 1);

export function reportDefinitions(r: Report): [string, string][] {
  const d = r.definitions;
  const staffing = r.staffing.basis.map((b): [string, string] => [
    `Staffing (${b.channel})`,
    `${percent(b.target)} within ${formatThreshold(b.thresholdSeconds)} (${b.standard === null ? 'no standard in force: the default' : `the desired tier of "${b.standard}"`})${b.concurrency > 1 ? `, ${b.concurrency} conversations an agent` : ''}`,
  ]);
  const mappings = r.cover.feeds
    .filter((f) => f.abandonMapping !== null)
    .map((f): [string, string] => [`Abandon mapping (${f.name})`, f.abandonMapping === '{}' ? `the ${f.format} format's default (docs/feeds.md)` : f.abandonMapping!]);
  return [
    ['Service level', `${d.formula}: ${d.serviceLevel}`],
    ['Short abandon', `under ${formatThreshold(d.shortAbandonSeconds)}`],
    ['Attribution', d.attribution],
    ['AHT', 'mean of (done - answered) over contacts answered and done by the period end'],
    ['CSAT, NPS, FCR', 'CSAT: share of survey answers 4 or 5 (of 5); NPS: % promoters (9-10) - % detractors (0-6); FCR: share of the resolved resolved on the first contact'],
    ['Occupancy, not-ready share', 'from agent-state time in the period: (on a contact + after-contact work) / (that + available); not ready / staffed. None per queue'],
    ['Standards', `version ${r.standards.version} (valid from ${r.standards.validFrom}), ${r.standards.judgedBy}`],
    ['Threshold T', 'each queue\'s own (else the channel\'s default); a standard that sets T judges by it (Thresholds)'],
    ['Trend', 'the same span in each of the periods before, from the stored tallies'],
    ['Scope', r.scope.channels.length + r.scope.queues.length === 0 ? 'every contact' : [...r.scope.channels.map((c) => `channel ${c}`), ...r.scope.queues.map((q) => `queue ${q}`)].join(', ')],
    ['Required', 'Erlang C agents for the 30-minute interval\'s arrivals and AHT (of its contacts answered and done, else the period\'s), at the target below'],
    ...staffing,
    ['Staffed', 'time-weighted mean of the agents with capacity on the channel available, on a contact or in wrap-up; short: fewer staffed than required'],
    ['Coverage', 'share of the channel\'s published open time with at least the minimum staff (its coverage standard\'s, else 1) staffed'],
    ['Feed gaps', 'silence beyond the feed\'s heartbeat in published hours, from when its lines were received; quarantined lines by when received'],
    ...mappings,
  ];
}
