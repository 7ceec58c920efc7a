/**
 * A report's period in the center's calendar: an ISO week (`1999-W06`), or business days from one date to another
 * (`--to` exclusive, as in `metrics`). A period starts at the center's reset hour on its first day, in the center's
 * zone, and lasts whole calendar days there (a week across a DST change is 167 or 169 hours).
 *
 * Weeks: ISO 8601 numbers the weeks (week 1 holds 4 January) and starts them on Monday. A center whose week starts on
 * Sunday (the Anonymous Bank) or Saturday begins week N that many days earlier, so `1999-W06` is Monday 8 - Sunday 14
 * February 1999 for a Monday center, and Sunday 7 - Saturday 13 February for a Sunday one.
 */
import { DateTime } from 'luxon';
import type { WeekStart } from '../center/center-settings';
import { businessDayStart } from '../time/business-day';

export interface ReportPeriod {
  /** "1999-W06", or "1999-02-07 to 1999-02-14". */
  label: string;
  from: number;
  /** Exclusive. */
  to: number;
  timeZone: string;
}

export interface CenterCalendar {
  timeZone: string;
  resetHour: number;
  weekStart: WeekStart;
}

const DAYS_BEFORE_MONDAY: Record<WeekStart, number> = { monday: 0, sunday: 1, saturday: 2 };
const WEEK = /^(\d{4})-W(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The start of the business day of a local date: its reset hour (the first instant after it in a DST gap). */
function dayStartOn(date: DateTime, c: CenterCalendar): number {
  const at = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour: c.resetHour }, { zone: c.timeZone });
  return businessDayStart(at.toMillis(), c.timeZone, c.resetHour);
}

export function weekPeriod(week: string, c: CenterCalendar): { ok: true; period: ReportPeriod } | { ok: false; reason: string } {
  const m = WEEK.exec(week);
  if (!m) return { ok: false, reason: `"${week.slice(0, 20)}" is not an ISO week: write it as 2026-W48` };
  const monday = DateTime.fromObject({ weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1 }, { zone: c.timeZone });
  if (!monday.isValid || monday.weekNumber !== Number(m[2])) return { ok: false, reason: `${week}: the year ${m[1]} has no week ${m[2]}` };
  const first = monday.minus({ days: DAYS_BEFORE_MONDAY[c.weekStart] });
  return { ok: true, period: { label: week, from: dayStartOn(first, c), to: dayStartOn(first.plus({ days: 7 }), c), timeZone: c.timeZone } };
}

/** Business days from `from` to `to` (dates YYYY-MM-DD, `to` exclusive). */
export function datePeriod(from: string, to: string, c: CenterCalendar): { ok: true; period: ReportPeriod } | { ok: false; reason: string } {
  const dates: DateTime[] = [];
  for (const [flag, s] of [['from', from], ['to', to]] as const) {
    const m = DATE.exec(s);
    const d = m ? DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: c.timeZone }) : null;
    if (!d?.isValid) return { ok: false, reason: `--${flag} "${s.slice(0, 30)}" is not a date: write it as 2026-03-02` };
    dates.push(d);
  }
  if (dates[1] <= dates[0]) return { ok: false, reason: `--to ${to} must be after --from ${from} (it is exclusive: the day after the last one)` };
  return { ok: true, period: { label: `${from} to ${to}`, from: dayStartOn(dates[0], c), to: dayStartOn(dates[1], c), timeZone: c.timeZone } };
}
