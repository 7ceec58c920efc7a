/**
 * A report as one XLSX workbook (exceljs): a sheet per section, typed cells (counts, shares as `0.0%`, durations as
 * Excel durations `[h]:mm:ss`, days as dates), frozen header rows, an autofilter and widths that fit. Excel has no
 * time zones: instants are written as the center's wall-clock time, the zone named on the Summary sheet. Text cells
 * are shared strings, never formulas. `created` is given (the report's time), so the same report gives the same
 * workbook.
 */
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { REPORT_COLUMNS, type FigureKind } from './report-columns';
import { STANDARD_METRICS } from '../../shared/standards';
import type { Report, ReportFigures } from './report-model';
import { reportDefinitions } from './report-definitions';

type Kind = FigureKind | 'text' | 'number' | 'date' | 'datetime';
interface Column {
  title: string;
  kind: Kind;
}

const FORMATS: Record<Kind, string | undefined> = { count: '#,##0', share: '0.0%', seconds: '[h]:mm:ss', score: '0.0', text: undefined, number: '0.###', date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' };
const SECONDS_A_DAY = 86_400;

/** A wall-clock time in the zone as the Date Excel shows (its UTC fields are the local ones). */
function wallClock(at: number, zone: string): Date {
  const local = DateTime.fromMillis(at, { zone });
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

function cellValue(kind: Kind, value: string | number | Date | null): string | number | Date | null {
  if (value === null) return null;
  if (kind === 'seconds' && typeof value === 'number') return value / SECONDS_A_DAY;
  return value;
}

function displayLength(kind: Kind, value: string | number | Date | null): number {
  if (value === null) return 0;
  if (kind === 'seconds' || kind === 'datetime') return 16;
  if (kind === 'date') return 10;
  if (kind === 'share') return 7;
  return String(typeof value === 'number' ? Math.round(value).toLocaleString('en') : value).length;
}

function addSheet(book: ExcelJS.Workbook, name: string, columns: Column[], rows: (string | number | Date | null)[][]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    header: c.title,
    key: String(i),
    style: FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {},
    width: Math.min(60, Math.max(c.title.length, ...rows.map((r) => displayLength(c.kind, r[i]))) + 2),
  }));
  for (const r of rows) sheet.addRow(r.map((v, i) => cellValue(columns[i].kind, v)));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
}

const figureColumns: Column[] = REPORT_COLUMNS.map((c) => ({ title: c.title, kind: c.kind }));
const figureCells = (f: ReportFigures) => REPORT_COLUMNS.map((c) => c.get(f));

/** The workbook's bytes. */
export async function reportXlsx(r: Report, created: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Floorboard';
  book.created = book.modified = new Date(created);
  const zone = r.period.timeZone;
  const localDay = (day: string) => new Date(`${day}T00:00:00Z`);
  addSheet(
    book,
    'Summary',
    [{ title: 'Period', kind: 'text' }, { title: 'From', kind: 'datetime' }, { title: 'To (exclusive)', kind: 'datetime' }, { title: 'Time zone', kind: 'text' }, ...figureColumns],
    [[r.period.label, wallClock(r.period.from, zone), wallClock(r.period.to, zone), zone, ...figureCells(r.center)]],
  );
  addSheet(book, 'Queues', [{ title: 'Queue', kind: 'text' }, { title: 'Channel', kind: 'text' }, ...figureColumns], r.queues.map((q) => [q.queue, q.channel, ...figureCells(q)]));
  addSheet(book, 'Channels', [{ title: 'Channel', kind: 'text' }, ...figureColumns], r.channels.map((c) => [c.channel, ...figureCells(c)]));
  addSheet(book, 'Days', [{ title: 'Day', kind: 'date' }, { title: 'Channel', kind: 'text' }, ...figureColumns], r.days.map((d) => [localDay(d.day), d.channel, ...figureCells(d)]));
  const defs = r.standards.evaluation.definitions ?? {};
  addSheet(
    book,
    'Standards',
    [
      { title: 'Standard', kind: 'text' },
      { title: 'Column', kind: 'text' },
      { title: 'Figure', kind: 'number' },
      { title: 'Unit', kind: 'text' },
      { title: 'Tier', kind: 'text' },
      { title: 'Attainment', kind: 'share' },
      { title: 'Basis', kind: 'text' },
    ],
    r.standards.evaluation.results.map((x) => {
      const metric = defs[x.standardId]?.metric;
      // a share as a fraction (0-1), seconds as seconds: the unit says which
      return [defs[x.standardId]?.name ?? x.standardId, x.key, x.figure, metric ? STANDARD_METRICS[metric].unit : '', x.status, x.attainment, x.basis];
    }),
  );
  addSheet(
    book,
    'Trend',
    [{ title: 'Period', kind: 'text' }, { title: 'From', kind: 'datetime' }, { title: 'To (exclusive)', kind: 'datetime' }, ...figureColumns],
    r.trend.map((t) => [t.label, wallClock(t.from, zone), wallClock(t.to, zone), ...figureCells(t.figures)]),
  );
  addSheet(
    book,
    'Intervals',
    [
      { title: 'Day', kind: 'date' },
      { title: 'Start', kind: 'text' },
      { title: 'Channel', kind: 'text' },
      { title: 'Offered', kind: 'count' },
      { title: 'Answered', kind: 'count' },
      { title: 'Abandoned', kind: 'count' },
      { title: 'Short abandons', kind: 'count' },
      { title: 'Service level', kind: 'share' },
      { title: 'ASA', kind: 'seconds' },
    ],
    r.intervals.map((i) => [localDay(i.day), i.start, i.channel, i.offered, i.answered, i.abandoned, i.shortAbandoned, i.serviceLevel, i.asaSeconds]),
  );
  addSheet(
    book,
    'Abandons',
    [{ title: 'Channel', kind: 'text' }, { title: 'Waited', kind: 'text' }, { title: 'Abandoned', kind: 'count' }, { title: 'Short abandons', kind: 'text' }],
    r.abandons.map((b) => [b.channel, b.waited, b.abandoned, b.short ? 'yes' : 'no']),
  );
  addSheet(
    book,
    'Alerts',
    [
      { title: 'Standard', kind: 'text' },
      { title: 'Column', kind: 'text' },
      { title: 'Breach started', kind: 'datetime' },
      { title: 'Resolved', kind: 'datetime' },
      { title: 'In the period', kind: 'seconds' },
      { title: 'Basis', kind: 'text' },
    ],
    r.alerts.map((a) => [a.standard, a.key, wallClock(a.breachStartedAt, zone), a.resolvedAt === null ? null : wallClock(a.resolvedAt, zone), a.secondsInPeriod, a.basis]),
  );
  if (r.agents !== null) {
    addSheet(
      book,
      'Agents',
      [
        { title: 'Agent', kind: 'text' },
        { title: 'Id', kind: 'text' },
        { title: 'Handled', kind: 'count' },
        { title: 'AHT', kind: 'seconds' },
        { title: 'ACW per contact', kind: 'seconds' },
        { title: 'Occupancy', kind: 'share' },
        { title: 'Staffed', kind: 'seconds' },
        { title: 'Not ready', kind: 'seconds' },
        { title: 'Not-ready share', kind: 'share' },
      ],
      r.agents.map((a) => [a.name, a.agentId, a.handled, a.ahtSeconds, a.acwPerContactSeconds, a.occupancy, a.staffedSeconds, a.notReadySeconds, a.notReadyShare]),
    );
  }
  addSheet(book, 'Findings', [{ title: 'What changed', kind: 'text' }, { title: 'See', kind: 'text' }], r.findings.map((f) => [f.text, f.section]));
  addStaffingSheets(book, r);
  addAttainmentSheets(book, r);
  addSheet(
    book,
    'Definitions',
    [{ title: 'Definition', kind: 'text' }, { title: 'Value', kind: 'text' }],
    reportDefinitions(r),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The summary against the center's standards, the consistency across channels, the worst intervals. */
function addAttainmentSheets(book: ExcelJS.Workbook, r: Report): void {
  const a = r.attainment;
  const titleOf = new Map(REPORT_COLUMNS.map((c) => [c.name, c]));
  const text = (title: string): Column => ({ title, kind: 'text' });
  addSheet(
    book,
    'Summary standards',
    [text('Figure'), text('Standard'), { title: 'Value', kind: 'number' }, text('Tier'), text('Comparator'), { title: 'Expected', kind: 'number' }, { title: 'Desired', kind: 'number' }, { title: 'Delight', kind: 'number' }],
    a.summary.map((j) => [titleOf.get(j.column)?.title ?? j.column, j.standard, j.value, j.status, j.comparator, j.tiers.expected, j.tiers.desired, j.tiers.delight]),
  );
  addSheet(
    book,
    'Consistency',
    [text('Channel'), { title: 'Attainment', kind: 'share' }, { title: 'Offered', kind: 'count' }, { title: 'Standards measured', kind: 'count' }, { title: 'Consistency index', kind: 'share' }, text('Worst'), text('Driver'), text('Detail')],
    a.consistency.channels.map((c) => {
      const worst = a.consistency.worst?.channel === c.channel ? a.consistency.worst : null;
      return [c.channel, c.attainment, c.offered, c.measured, a.consistency.index, worst ? 'yes' : 'no', worst?.driver ?? null, worst?.detail ?? null];
    }),
  );
  addSheet(
    book,
    'Worst intervals',
    [{ title: 'Day', kind: 'date' }, text('Start'), text('Channel'), { title: 'Offered', kind: 'count' }, { title: 'Answered', kind: 'count' }, { title: 'Abandoned', kind: 'count' }, { title: 'Service level', kind: 'share' }, { title: 'ASA', kind: 'seconds' }],
    a.worstIntervals.map((i) => [new Date(`${i.day}T00:00:00Z`), i.start, i.channel, i.offered, i.answered, i.abandoned, i.serviceLevel, i.asaSeconds]),
  );
}

/** Staffed against required, coverage of published hours, and the cover's calendars, thresholds and feeds. */
function addStaffingSheets(book: ExcelJS.Workbook, r: Report): void {
  const zone = r.period.timeZone;
  const text = (title: string): Column => ({ title, kind: 'text' });
  const basisOf = new Map(r.staffing.basis.map((b) => [b.channel, b]));
  addSheet(
    book,
    'Staffing',
    [{ title: 'Day', kind: 'date' }, text('Start'), text('Channel'), { title: 'Arrivals', kind: 'count' }, { title: 'AHT', kind: 'seconds' }, { title: 'Required', kind: 'count' }, { title: 'Staffed', kind: 'number' }, text('Short')],
    r.staffing.rows.map((x) => [new Date(`${x.day}T00:00:00Z`), x.start, x.channel, x.arrivals, x.ahtSeconds, x.required, x.staffed, x.short ? 'yes' : 'no']),
  );
  addSheet(
    book,
    'Coverage',
    [
      text('Channel'), text('Calendar'), { title: 'Minimum staff', kind: 'count' }, { title: 'Open', kind: 'seconds' }, { title: 'Covered', kind: 'seconds' }, { title: 'Coverage', kind: 'share' },
      { title: 'Offered', kind: 'count' }, { title: 'Outside hours', kind: 'count' }, { title: 'Intervals with load', kind: 'count' }, { title: 'Understaffed intervals', kind: 'count' }, { title: 'Target', kind: 'share' }, { title: 'T', kind: 'seconds' },
    ],
    r.coverage.map((c) => {
      const b = basisOf.get(c.channel);
      return [c.channel, c.calendar, c.minimumStaff, c.openSeconds, c.coveredSeconds, c.coverage, c.offered, c.outsideHours, b?.intervalsWithLoad ?? null, b?.understaffed ?? null, b?.target ?? null, b?.thresholdSeconds ?? null];
    }),
  );
  addSheet(
    book,
    'Calendars',
    [text('Calendar'), text('Time zone'), text('Channels'), text('Queues'), text('Weekly hours'), text('Holidays in the period'), { title: 'Open in the period', kind: 'seconds' }],
    r.cover.calendars.map((c) => [c.name, c.timeZone, c.channels.join(', '), c.queues.join(', '), c.weeklyHours, c.holidays.join(', '), c.openSecondsInPeriod]),
  );
  addSheet(
    book,
    'Thresholds',
    [text('Queue'), text('Channel'), text('Standard'), { title: 'T', kind: 'seconds' }, text('From')],
    r.cover.thresholds.map((x) => [x.queue, x.channel, x.standard, x.thresholdSeconds, x.source]),
  );
  addSheet(
    book,
    'Feeds',
    [text('Feed'), text('Kind'), text('Format'), { title: 'Heartbeat', kind: 'seconds' }, text('Abandon mapping'), { title: 'Stale spans', kind: 'count' }, { title: 'Stale', kind: 'seconds' }, { title: 'Quarantined in the period', kind: 'count' }, { title: 'Quarantined, all', kind: 'count' }],
    r.cover.feeds.map((f) => [f.name, f.kind, f.format, f.heartbeatSeconds, f.abandonMapping, f.staleSpans?.length ?? null, f.staleSeconds, f.quarantinedInPeriod, f.quarantinedAll]),
  );
  addSheet(
    book,
    'Feed gaps',
    [text('Feed'), { title: 'Stale from', kind: 'datetime' }, { title: 'Stale to', kind: 'datetime' }, { title: 'Length', kind: 'seconds' }],
    r.cover.feeds.flatMap((f) => (f.staleSpans ?? []).map((g) => [f.name, wallClock(g.start, zone), wallClock(g.end, zone), (g.end - g.start) / 1000])),
  );
}
