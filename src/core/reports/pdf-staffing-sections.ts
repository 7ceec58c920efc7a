/**
 * The PDF's tables for the cover (business hours, thresholds T, the definitions beyond the figures, the feeds and
 * their gaps) and for staffing (staffed against required per day and channel, coverage of published hours). Rows of
 * text with column widths as shares of the page, as pdf-sections.ts gives them (pdf-table.ts breaks them across pages).
 */
import { formatCount, formatDateTime, formatDuration, formatPercent, NONE } from '../../shared/format';
import { CHANNEL_LABEL, dayLabel } from './pdf-chart';
import type { PdfSection } from './pdf-sections';
import type { TableColumn } from './pdf-table';
import { reportDefinitions } from './report-definitions';
import type { Report } from './report-model';
import type { StaffingReportRow } from './report-staffing';

const col = (title: string, share: number, align: 'left' | 'right' = 'left'): TableColumn => ({ title, width: share, align });
/** Queues named in one row of the thresholds table at most (beyond, their count). */
const MAX_QUEUES_NAMED = 12;
const hours = (seconds: number | null): string => formatDuration(seconds);
/** The cover states these already, in its own words. */
const ON_THE_COVER = new Set(['Service level', 'Short abandon', 'Attribution', 'AHT', 'Scope', 'Trend']);

export function pdfCoverSections(r: Report): PdfSection[] {
  const zone = r.period.timeZone;
  const gaps = r.cover.feeds.flatMap((f) => (f.staleSpans ?? []).map((g) => [f.name, formatDateTime(g.start, zone), formatDateTime(g.end, zone), formatDuration((g.end - g.start) / 1000)]));
  const sections: PdfSection[] = [
    {
      title: 'Business hours',
      columns: [col('Calendar', 0.32), col('Zone', 0.1), col('Channels and queues', 0.13), col('Weekly hours', 0.25), col('Holidays', 0.12), col('Open in the period', 0.08, 'right')],
      rows: r.cover.calendars.map((c) => [c.name, c.timeZone, [...c.channels.map((ch) => CHANNEL_LABEL[ch]), ...c.queues].join(', '), c.weeklyHours, c.holidays.join(', ') || NONE, hours(c.openSecondsInPeriod)]),
      empty: 'No calendar: every channel is taken as always open.',
    },
    {
      title: 'Threshold T',
      columns: [col('Channel', 0.12), col('T', 0.08, 'right'), col('From', 0.14), col('Queues or standard', 0.66)],
      rows: thresholdRows(r),
      empty: 'No queue in this period.',
    },
    {
      title: 'Staffing, coverage and feeds: definitions',
      columns: [col('Definition', 0.2), col('', 0.8)],
      rows: reportDefinitions(r).filter(([name]) => !ON_THE_COVER.has(name)),
      empty: '',
    },
    {
      title: 'Feeds the figures came from',
      columns: [col('Feed', 0.24), col('Kind', 0.1), col('Format', 0.12), col('Heartbeat', 0.1, 'right'), col('Stale spans', 0.1, 'right'), col('Stale', 0.1, 'right'), col('Quarantined in the period', 0.12, 'right'), col('Quarantined, all', 0.12, 'right')],
      rows: r.cover.feeds.map((f) => [
        f.name + (f.pausedNow ? ' (paused now)' : ''),
        f.kind,
        f.format,
        formatDuration(f.heartbeatSeconds),
        f.staleSpans === null ? 'not judged' : formatCount(f.staleSpans.length),
        formatDuration(f.staleSeconds),
        formatCount(f.quarantinedInPeriod),
        formatCount(f.quarantinedAll),
      ]),
      empty: 'No feed or import has written a line.',
    },
  ];
  // the feeds table says when none was stale; the spans only when there are some
  if (gaps.length > 0) sections.push({ title: 'Feed gaps (stale in published hours)', columns: [col('Feed', 0.34), col('Stale from', 0.24), col('To', 0.24), col('Length', 0.18, 'right')], rows: gaps, empty: '' });
  return sections;
}

/** Queues that share a channel, T and its source, in one row (thresholds.csv has one a queue); then the standards' own T. */
function thresholdRows(r: Report): string[][] {
  const groups = new Map<string, { channel: string; seconds: number; source: string; queues: string[] }>();
  for (const x of r.cover.thresholds) {
    if (x.queue === null || x.standard !== null || x.channel === null) continue;
    const key = `${x.channel}\u0000${x.thresholdSeconds}\u0000${x.source}`;
    const g = groups.get(key) ?? { channel: CHANNEL_LABEL[x.channel], seconds: x.thresholdSeconds, source: x.source, queues: [] };
    g.queues.push(x.queue);
    groups.set(key, g);
  }
  const queues = (names: string[]) => (names.length <= MAX_QUEUES_NAMED ? names.join(', ') : `${formatCount(names.length)} queues (thresholds.csv names each)`);
  return [
    ...[...groups.values()].map((g) => [g.channel, formatDuration(g.seconds), g.source, queues(g.queues)]),
    ...r.cover.thresholds.filter((x) => x.standard !== null).map((x) => [x.channel === null ? 'center' : CHANNEL_LABEL[x.channel], formatDuration(x.thresholdSeconds), 'standard', x.queue === null ? x.standard! : `${x.standard!} (queue ${x.queue})`]),
  ];
}

interface DayStaffing {
  day: string;
  channel: StaffingReportRow['channel'];
  loaded: number;
  short: number;
  peakRequired: number;
  meanStaffed: number;
  worst: StaffingReportRow | null;
}

function byDay(rows: readonly StaffingReportRow[]): DayStaffing[] {
  const days = new Map<string, { rows: StaffingReportRow[] }>();
  for (const x of rows) {
    const key = `${x.day}\u0000${x.channel}`;
    const d = days.get(key) ?? { rows: [] };
    d.rows.push(x);
    days.set(key, d);
  }
  return [...days.values()].map(({ rows: g }) => {
    const short = g.filter((x) => x.short);
    const shortfall = (x: StaffingReportRow) => x.required! - x.staffed;
    return {
      day: g[0].day,
      channel: g[0].channel,
      loaded: g.filter((x) => x.arrivals > 0).length,
      short: short.length,
      peakRequired: Math.max(0, ...g.map((x) => x.required ?? 0)),
      meanStaffed: g.reduce((n, x) => n + x.staffed, 0) / g.length,
      worst: short.reduce<StaffingReportRow | null>((w, x) => (w === null || shortfall(x) > shortfall(w) ? x : w), null),
    };
  });
}

export function pdfStaffingSections(r: Report): PdfSection[] {
  return [
    {
      title: 'Staffed against required (Erlang C), by day',
      columns: [col('Day', 0.14), col('Channel', 0.1), col('Intervals with contacts', 0.13, 'right'), col('Short of staff', 0.11, 'right'), col('Peak required', 0.11, 'right'), col('Mean staffed', 0.11, 'right'), col('Worst interval', 0.3)],
      rows: byDay(r.staffing.rows)
        .filter((d) => d.loaded > 0 || d.meanStaffed > 0)
        .map((d) => [
          `${dayLabel(d.day)} ${d.day.slice(0, 4)}`,
          CHANNEL_LABEL[d.channel],
          formatCount(d.loaded),
          formatCount(d.short),
          formatCount(d.peakRequired),
          d.meanStaffed.toFixed(1),
          d.worst === null ? NONE : `${d.worst.start}: ${d.worst.required} required, ${d.worst.staffed} staffed (${d.worst.arrivals} contacts)`,
        ]),
      empty: 'No contact and no agent staffed in this period.',
    },
    {
      title: 'Coverage of published hours',
      columns: [col('Channel', 0.1), col('Calendar', 0.3), col('Minimum staff', 0.08, 'right'), col('Open', 0.08, 'right'), col('Covered', 0.08, 'right'), col('Coverage', 0.08, 'right'), col('Offered', 0.09, 'right'), col('Outside hours', 0.09, 'right'), col('Short intervals', 0.1, 'right')],
      rows: r.coverage.map((c) => [
        CHANNEL_LABEL[c.channel],
        c.calendar ?? 'none (always open)',
        formatCount(c.minimumStaff),
        hours(c.openSeconds),
        hours(c.coveredSeconds),
        formatPercent(c.coverage, 1),
        formatCount(c.offered),
        formatCount(c.outsideHours),
        formatCount(r.staffing.basis.find((b) => b.channel === c.channel)?.understaffed ?? 0),
      ]),
      empty: 'No channel in this report.',
    },
  ];
}
