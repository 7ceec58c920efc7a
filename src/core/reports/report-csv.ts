/**
 * A report as CSV files, one a section, with stable column names (docs/reports.md): UTF-8 with a byte-order mark (so
 * Excel reads the names right), rates as fractions 0-1, durations in seconds, empty cells where a figure has no
 * denominator. Text cells that begin with = + - @, a tab or a carriage return are prefixed with ' against formula
 * injection (a queue named "=HYPERLINK(...)" stays text); numbers are written as they are, negative ones included.
 */
import { stringify } from 'csv-stringify/sync';
import type { QueueReportRow, Report, ReportFigures } from './report-model';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The figure columns every section shares, in order: [column, figure]. */
const FIGURES: readonly [string, (f: ReportFigures) => number | null][] = [
  ['offered', (f) => f.offered],
  ['answered', (f) => f.answered],
  ['abandoned', (f) => f.abandoned],
  ['short_abandoned', (f) => f.shortAbandoned],
  ['left_otherwise', (f) => f.leftOtherwise],
  ['waiting', (f) => f.waiting],
  ['answered_within_threshold', (f) => f.answeredWithinThreshold],
  ['service_level', (f) => f.serviceLevel],
  ['asa_seconds', (f) => f.asaSeconds],
  ['abandon_rate', (f) => f.abandonRate],
  ['aht_seconds', (f) => f.ahtSeconds],
  ['longest_wait_seconds', (f) => f.longestWaitSeconds],
  ['first_responses', (f) => f.firstResponses],
  ['first_response_seconds', (f) => f.avgFirstResponseSeconds],
];

function csv(columns: string[], rows: (string | number | null)[][]): string {
  return stringify([columns, ...rows], {
    bom: true,
    record_delimiter: 'unix',
    cast: { string: (s) => (FORMULA_START.test(s) ? `'${s}` : s), number: (n) => (Number.isFinite(n) ? String(n) : '') },
  });
}

const figureCells = (f: ReportFigures) => FIGURES.map(([, get]) => get(f));
const figureNames = FIGURES.map(([name]) => name);

/** The files of a report: name -> content. */
export function reportCsvFiles(r: Report): Record<string, string> {
  const period = r.period.label;
  return {
    'summary.csv': csv(['period', 'from', 'to', 'time_zone', ...figureNames], [[period, new Date(r.period.from).toISOString(), new Date(r.period.to).toISOString(), r.period.timeZone, ...figureCells(r.center)]]),
    'queues.csv': csv(['period', 'queue', 'channel', ...figureNames], r.queues.map((q: QueueReportRow) => [period, q.queue, q.channel, ...figureCells(q)])),
    'channels.csv': csv(['period', 'channel', ...figureNames], r.channels.map((c) => [period, c.channel, ...figureCells(c)])),
    'days.csv': csv(['period', 'day', 'channel', ...figureNames], r.days.map((d) => [period, d.day, d.channel, ...figureCells(d)])),
  };
}
