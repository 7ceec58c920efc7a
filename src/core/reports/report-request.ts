/**
 * A report as the API asks for it (`reports/preview`, `reports/export`): the period (an ISO week, dates, or a preset
 * the host resolves on the center's clock and calendar), the scope, the formats; checked where it arrives
 * (api/schemas.ts, each problem at its field's path) and resolved here into the report's options.
 */
import { DateTime } from 'luxon';
import type { ReportPeriodArgs, ReportPreset } from '../../shared/api';
import { RefusedError } from '../api/refused';
import type { WeekStart } from '../center/center-settings';
import { businessDayStart } from '../time/business-day';
import { datePeriod, weekPeriod, type CenterCalendar, type ReportPeriod } from './report-period';

/** The longest period a report may cover: a year and a day (contacts are kept 400 days by default). */
const MAX_PERIOD_DAYS = 366;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Days from the center's first day of the week to the Monday that numbers its ISO week. */
const DAYS_TO_MONDAY: Record<WeekStart, number> = { monday: 0, sunday: 1, saturday: 2 };
const WEEKDAY: Record<WeekStart, number> = { monday: 1, sunday: 7, saturday: 6 };

/** Where a period's fields are wrong, in words for the form (empty: nothing wrong). Read in UTC: a date is a date. */
export function periodProblems(p: { week?: string; from?: string; to?: string; preset?: string }): { path: string[]; message: string }[] {
  const forms = [p.week !== undefined, p.from !== undefined || p.to !== undefined, p.preset !== undefined].filter(Boolean).length;
  if (forms !== 1) return [{ path: [], message: 'give one of: a week, a first day and an end day, or a preset' }];
  const utc: CenterCalendar = { timeZone: 'UTC', resetHour: 0, weekStart: 'monday' };
  if (p.week !== undefined) {
    const r = weekPeriod(p.week, utc);
    return r.ok ? [] : [{ path: ['week'], message: r.reason }];
  }
  if (p.preset !== undefined) return [];
  const problems: { path: string[]; message: string }[] = [];
  const dates: Record<string, DateTime> = {};
  for (const field of ['from', 'to'] as const) {
    const s = p[field];
    const m = s === undefined ? null : DATE.exec(s);
    const d = m ? DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: 'UTC' }) : null;
    if (s === undefined) problems.push({ path: [field], message: field === 'from' ? 'the first day is missing' : 'the end day is missing' });
    else if (!d?.isValid) problems.push({ path: [field], message: `"${s.slice(0, 30)}" is not a date: write it as 2026-03-02` });
    else dates[field] = d;
  }
  if (dates.from && dates.to) {
    const days = dates.to.diff(dates.from, 'days').days;
    if (days <= 0) problems.push({ path: ['to'], message: `the end day must be after the first day (${p.from}): it is exclusive, the day after the last one` });
    else if (days > MAX_PERIOD_DAYS) problems.push({ path: ['to'], message: `a report covers at most ${MAX_PERIOD_DAYS} days (this is ${days})` });
  }
  return problems;
}

/** The local date (a DateTime at midnight in the zone) of the center's business day holding `now`. */
function today(now: number, c: CenterCalendar): DateTime {
  return DateTime.fromMillis(businessDayStart(now, c.timeZone, c.resetHour), { zone: c.timeZone }).startOf('day');
}

/** The ISO week label of the center's week that starts on `first` (its first day of the week). */
function weekLabel(first: DateTime, weekStart: WeekStart): string {
  return first.plus({ days: DAYS_TO_MONDAY[weekStart] }).toFormat("kkkk-'W'WW");
}

function presetPeriod(preset: ReportPreset, now: number, c: CenterCalendar): ReportPeriod {
  const day = today(now, c);
  const thisWeek = day.minus({ days: (day.weekday - WEEKDAY[c.weekStart] + 7) % 7 });
  const date = (d: DateTime) => d.toFormat('yyyy-MM-dd');
  const r =
    preset === 'this-week'
      ? weekPeriod(weekLabel(thisWeek, c.weekStart), c)
      : preset === 'last-week'
        ? weekPeriod(weekLabel(thisWeek.minus({ days: 7 }), c.weekStart), c)
        : datePeriod(date(day.startOf('month').minus({ months: 1 })), date(day.startOf('month')), c);
  if (!r.ok) throw new Error(`preset ${preset}: ${r.reason}`); // built from valid dates: cannot happen
  return preset === 'last-month' ? { ...r.period, label: day.startOf('month').minus({ months: 1 }).toFormat('yyyy-MM') } : r.period;
}

/** The period asked for, in the center's calendar; `now` is the center's clock (presets). */
export function resolvePeriod(args: ReportPeriodArgs, now: number, c: CenterCalendar): ReportPeriod {
  if ('preset' in args) return presetPeriod(args.preset, now, c);
  const r = 'week' in args ? weekPeriod(args.week, c) : datePeriod(args.from, args.to, c);
  if (!r.ok) throw new RefusedError(r.reason);
  return r.period;
}
