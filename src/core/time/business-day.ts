/**
 * "Today" for a center: it starts at a configured hour in the center's own time zone (never the viewer's),
 * DST-correct. On a day whose reset hour does not exist (a spring-forward gap), it starts at the first
 * valid instant after the gap; on a day where it occurs twice, at the first occurrence.
 */
import { DateTime } from 'luxon';

export function isValidTimeZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** Start (epoch ms) of the business day containing `at`, for a day that resets at `resetHour` local time. */
export function businessDayStart(at: number, timeZone: string, resetHour: number): number {
  const local = DateTime.fromMillis(at, { zone: timeZone });
  const start = hourOnDate(local, resetHour);
  return start <= at ? start : hourOnDate(local.minus({ days: 1 }), resetHour);
}

/**
 * Start (epoch ms) of the business day `days` before the one starting at `dayStart`: calendar days in the zone,
 * so a span of them is 23 or 25 hours longer or shorter across a DST change, never a multiple of 24 hours.
 */
export function businessDayStartBefore(dayStart: number, days: number, timeZone: string, resetHour: number): number {
  return hourOnDate(DateTime.fromMillis(dayStart, { zone: timeZone }).minus({ days }), resetHour);
}

/** Start (epoch ms) of the next business day after the one starting at `dayStart`. */
export function nextBusinessDayStart(dayStart: number, timeZone: string, resetHour: number): number {
  return hourOnDate(DateTime.fromMillis(dayStart, { zone: timeZone }).plus({ days: 1 }), resetHour);
}

/** The first instant the wall clock shows `hour`:00 on `day`'s local date (after the gap if it is skipped). */
function hourOnDate(day: DateTime, hour: number): number {
  const t = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour }, { zone: day.zone });
  const hourEarlier = t.minus({ hours: 1 }); // hours are absolute in luxon: this is one real hour earlier
  return hourEarlier.hour === hour && hourEarlier.day === t.day ? hourEarlier.toMillis() : t.toMillis();
}

/** Start of the interval of `minutes` containing `at`, aligned on local wall-clock time in `timeZone`. */
export function intervalStart(at: number, minutes: number, timeZone: string): number {
  const local = DateTime.fromMillis(at, { zone: timeZone });
  const minuteOfDay = local.hour * 60 + local.minute;
  const floored = Math.floor(minuteOfDay / minutes) * minutes;
  // Offsets are whole minutes in every zone still in use, so stepping back in absolute time is exact.
  return at - ((minuteOfDay - floored) * 60_000 + local.second * 1000 + local.millisecond);
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(at: number, timeZone: string): string {
  return DateTime.fromMillis(at, { zone: timeZone }).toISODate() ?? '';
}
