/**
 * A report as CSV files, one a section, with stable column names (docs/reports.md): UTF-8 with a byte-order mark (so
 * Excel reads the names right), rates as fractions 0-1, durations in seconds, empty cells where a figure has no
 * denominator. Text cells that begin with = + - @, a tab or a carriage return are prefixed with ' against formula
 * injection (a queue named "=HYPERLINK(...)" stays text); numbers are written as they are, negative ones included.
 */
import { stringify } from 'csv-stringify/sync';
import { REPORT_COLUMNS } from './report-columns';
import type { QueueReportRow, Report, ReportFigures } from './report-model';
import { reportDefinitions } from './report-definitions';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV file: UTF-8 with a BOM, `\n` line ends, formula-safe text, empty cells for null or non-finite numbers. */
export function safeCsv(columns: string[], rows: (string | number | null)[][]): string {
  return stringify([columns, ...rows], {
    bom: true,
    record_delimiter: 'unix',
    cast: { string: (s) => (FORMULA_START.test(s) ? `'${s}` : s), number: (n) => (Number.isFinite(n) ? String(n) : '') },
  });
}

const iso = (at: number) => new Date(at).toISOString();
const figureCells = (f: ReportFigures) => REPORT_COLUMNS.map((c) => c.get(f));
const figureNames = REPORT_COLUMNS.map((c) => c.name);

/** The files of a report: name -> content (the agents' two only when the report has its agents section). */
export function reportCsvFiles(r: Report): Record<string, string> {
  const period = r.period.label;
  const agents: Record<string, string> = r.agents === null ? {} : {
    'agents.csv': safeCsv(
      ['period', 'agent_id', 'agent', 'handled', 'aht_seconds', 'acw_per_contact_seconds', 'occupancy', 'staffed_seconds', 'not_ready_seconds', 'not_ready_share'],
      r.agents.map((a) => [period, a.agentId, a.name, a.handled, a.ahtSeconds, a.acwPerContactSeconds, a.occupancy, a.staffedSeconds, a.notReadySeconds, a.notReadyShare]),
    ),
    'agents-not-ready.csv': safeCsv(['period', 'agent_id', 'agent', 'reason', 'seconds'], r.agents.flatMap((a) => a.notReadyByReason.map((n) => [period, a.agentId, a.name, n.reason, n.seconds]))),
  };
  return {
    'summary.csv': safeCsv(['period', 'from', 'to', 'time_zone', ...figureNames], [[period, new Date(r.period.from).toISOString(), new Date(r.period.to).toISOString(), r.period.timeZone, ...figureCells(r.center)]]),
    'queues.csv': safeCsv(['period', 'queue', 'channel', ...figureNames], r.queues.map((q: QueueReportRow) => [period, q.queue, q.channel, ...figureCells(q)])),
    'channels.csv': safeCsv(['period', 'channel', ...figureNames], r.channels.map((c) => [period, c.channel, ...figureCells(c)])),
    'days.csv': safeCsv(['period', 'day', 'channel', ...figureNames], r.days.map((d) => [period, d.day, d.channel, ...figureCells(d)])),
    'standards.csv': safeCsv(
      ['period', 'standards_version', 'standard_id', 'standard', 'metric', 'column', 'channel', 'queue', 'figure', 'tier', 'attainment', 'basis'],
      r.standards.evaluation.results.map((x) => {
        const def = r.standards.evaluation.definitions?.[x.standardId];
        return [period, r.standards.version, x.standardId, def?.name ?? x.standardId, def?.metric ?? '', x.key, x.channel, x.queue, x.figure, x.status, x.attainment, x.basis];
      }),
    ),
    'intervals.csv': safeCsv(
      ['period', 'day', 'start', 'channel', 'offered', 'answered', 'abandoned', 'short_abandoned', 'service_level', 'asa_seconds'],
      r.intervals.map((i) => [period, i.day, i.start, i.channel, i.offered, i.answered, i.abandoned, i.shortAbandoned, i.serviceLevel, i.asaSeconds]),
    ),
    'abandons.csv': safeCsv(['period', 'channel', 'waited', 'from_seconds', 'to_seconds', 'abandoned', 'short'], r.abandons.map((b) => [period, b.channel, b.waited, b.fromSeconds, b.toSeconds, b.abandoned, b.short ? 'yes' : 'no'])),
    'alerts.csv': safeCsv(
      ['period', 'standard', 'column', 'breach_started', 'fired', 'resolved', 'seconds_in_period', 'figure', 'basis'],
      r.alerts.map((a) => [period, a.standard, a.key, iso(a.breachStartedAt), iso(a.firedAt), a.resolvedAt === null ? null : iso(a.resolvedAt), a.secondsInPeriod, a.figure, a.basis]),
    ),
    'findings.csv': safeCsv(['period', 'finding', 'section'], r.findings.map((f) => [period, f.text, f.section])),
    'trend.csv': safeCsv(['period', 'from', 'to', ...figureNames], r.trend.map((t) => [t.label, new Date(t.from).toISOString(), new Date(t.to).toISOString(), ...figureCells(t.figures)])),
    ...agents,
    ...staffingCsvFiles(r),
    ...attainmentCsvFiles(r),
  };
}

/** The summary against the center's standards, the consistency across channels, the worst intervals. */
function attainmentCsvFiles(r: Report): Record<string, string> {
  const period = r.period.label;
  const a = r.attainment;
  return {
    'summary-standards.csv': safeCsv(
      ['period', 'figure', 'standard_id', 'standard', 'value', 'tier', 'comparator', 'expected', 'desired', 'delight'],
      a.summary.map((j) => [period, j.column, j.standardId, j.standard, j.value, j.status, j.comparator, j.tiers.expected, j.tiers.desired, j.tiers.delight]),
    ),
    'consistency.csv': safeCsv(
      ['period', 'channel', 'attainment', 'offered', 'standards_measured', 'consistency_index', 'worst', 'driver', 'detail'],
      a.consistency.channels.map((c) => {
        const worst = a.consistency.worst?.channel === c.channel ? a.consistency.worst : null;
        return [period, c.channel, c.attainment, c.offered, c.measured, a.consistency.index, worst ? 'yes' : 'no', worst?.driver ?? null, worst?.detail ?? null];
      }),
    ),
    'worst-intervals.csv': safeCsv(
      ['period', 'rank', 'day', 'start', 'channel', 'offered', 'answered', 'abandoned', 'service_level', 'asa_seconds'],
      a.worstIntervals.map((i, k) => [period, k + 1, i.day, i.start, i.channel, i.offered, i.answered, i.abandoned, i.serviceLevel, i.asaSeconds]),
    ),
  };
}

/** The day-and-interval staffing, the coverage of published hours and the cover (definitions, calendars, T, feeds). */
function staffingCsvFiles(r: Report): Record<string, string> {
  const period = r.period.label;
  const basisOf = new Map(r.staffing.basis.map((b) => [b.channel, b]));
  const yesNo = (b: boolean) => (b ? 'yes' : 'no');
  return {
    'staffing.csv': safeCsv(
      ['period', 'day', 'start', 'channel', 'arrivals', 'aht_seconds', 'required', 'staffed', 'short', 'target', 'threshold_seconds'],
      r.staffing.rows.map((x) => [period, x.day, x.start, x.channel, x.arrivals, x.ahtSeconds, x.required, x.staffed, yesNo(x.short), basisOf.get(x.channel)?.target ?? null, basisOf.get(x.channel)?.thresholdSeconds ?? null]),
    ),
    'coverage.csv': safeCsv(
      ['period', 'channel', 'calendar', 'minimum_staff', 'open_seconds', 'covered_seconds', 'coverage', 'offered', 'outside_hours', 'intervals_with_load', 'understaffed_intervals', 'staffing_standard', 'target', 'threshold_seconds', 'concurrency'],
      r.coverage.map((c) => {
        const b = basisOf.get(c.channel);
        return [period, c.channel, c.calendar, c.minimumStaff, c.openSeconds, c.coveredSeconds, c.coverage, c.offered, c.outsideHours, b?.intervalsWithLoad ?? null, b?.understaffed ?? null, b?.standard ?? null, b?.target ?? null, b?.thresholdSeconds ?? null, b?.concurrency ?? null];
      }),
    ),
    'definitions.csv': safeCsv(['period', 'definition', 'value'], reportDefinitions(r).map(([name, value]) => [period, name, value])),
    'calendars.csv': safeCsv(
      ['period', 'calendar', 'time_zone', 'channels', 'queues', 'weekly_hours', 'holidays', 'open_seconds'],
      r.cover.calendars.map((c) => [period, c.name, c.timeZone, c.channels.join(' '), c.queues.join(' '), c.weeklyHours, c.holidays.join(' '), c.openSecondsInPeriod]),
    ),
    'thresholds.csv': safeCsv(['period', 'queue', 'channel', 'standard', 'threshold_seconds', 'source'], r.cover.thresholds.map((x) => [period, x.queue, x.channel, x.standard, x.thresholdSeconds, x.source])),
    'feeds.csv': safeCsv(
      ['period', 'feed', 'kind', 'format', 'heartbeat_seconds', 'abandon_mapping', 'paused_now', 'stale_spans', 'stale_seconds', 'quarantined_in_period', 'quarantined_all'],
      r.cover.feeds.map((f) => [period, f.name, f.kind, f.format, f.heartbeatSeconds, f.abandonMapping, yesNo(f.pausedNow), f.staleSpans?.length ?? null, f.staleSeconds, f.quarantinedInPeriod, f.quarantinedAll]),
    ),
    'feed-gaps.csv': safeCsv(
      ['period', 'feed', 'stale_from', 'stale_to', 'seconds'],
      r.cover.feeds.flatMap((f) => (f.staleSpans ?? []).map((g) => [period, f.name, iso(g.start), iso(g.end), (g.end - g.start) / 1000])),
    ),
  };
}
