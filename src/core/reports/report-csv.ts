/**
 * A report as CSV files, one a section, with stable column names (docs/reports.md): UTF-8 with a byte-order mark (so
 * Excel reads the names right), rates as fractions 0-1, durations in seconds, empty cells where a figure has no
 * denominator. Text cells that begin with = + - @, a tab or a carriage return are prefixed with ' against formula
 * injection (a queue named "=HYPERLINK(...)" stays text); numbers are written as they are, negative ones included.
 */
import { stringify } from 'csv-stringify/sync';
import { FIGURE_COLUMNS } from './report-columns';
import type { QueueReportRow, Report, ReportFigures } from './report-model';

const FORMULA_START = /^[=+\-@\t\r]/;

function csv(columns: string[], rows: (string | number | null)[][]): string {
  return stringify([columns, ...rows], {
    bom: true,
    record_delimiter: 'unix',
    cast: { string: (s) => (FORMULA_START.test(s) ? `'${s}` : s), number: (n) => (Number.isFinite(n) ? String(n) : '') },
  });
}

const figureCells = (f: ReportFigures) => FIGURE_COLUMNS.map((c) => c.get(f));
const figureNames = FIGURE_COLUMNS.map((c) => c.name);

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
