/**
 * Business hours: when a channel is open by its published calendar, and clocks that run only while it is.
 *
 * A calendar lists, per weekday of its own time zone, periods of wall-clock time ("08:00-20:00"; "24:00" is the
 * next midnight), and holidays (local dates, closed all day). Periods are turned into instants day by day in the
 * calendar's zone, so a period is every instant whose wall-clock time lies in it: 08:00-20:00 lasts 11 real hours
 * on the day clocks spring forward inside it, 13 on the day they fall back. On the fall-back night a period over
 * the repeated hour holds both of its runs (01:00-05:00 lasts 5 hours; 00:00-01:30 is 00:00 to the first 01:30
 * and the second 01:00 to 01:30, 2 hours); a period from a wall time the spring-forward skips opens when the gap
 * ends (02:30-05:00 opens at 03:00). Two periods that meet at midnight are one open stretch for the clocks,
 * though nextChange reports the midnight between them.
 *
 *   open(t)                      t lies in a period of t's local date (not a holiday)
 *   businessMs(a, b)             the open time within [a, b)
 *   addBusinessMs(start, d)      the instant at which d of open time has run since start (a deadline)
 */
import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../../shared/standards';

/** Days looked through at most before a clock gives up (a calendar open once a year still gets its deadline). */
const MAX_DAYS = 800;

type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';

interface Span {
  start: number;
  end: number;
}

function minutesOf(hm: string): number {
  return Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
}

const HOUR = 3_600_000;

const offsetAt = (zone: string, t: number): number => DateTime.fromMillis(t, { zone }).offset * 60_000;

/** The zone's UTC offset over [lo, hi), as consecutive stretches of one offset each (a DST change starts the next). */
function offsetStretches(zone: string, lo: number, hi: number): { start: number; end: number; offset: number }[] {
  const out: { start: number; end: number; offset: number }[] = [];
  let start = lo;
  let offset = offsetAt(zone, lo);
  for (let t = lo; t < hi; ) {
    const next = Math.min(hi, t + 6 * HOUR);
    const then = offsetAt(zone, next);
    if (then !== offset) {
      // the change lies in (t, next]: its first instant, to the millisecond
      let l = t;
      let r = next;
      while (r - l > 1) {
        const m = Math.floor((l + r) / 2);
        if (offsetAt(zone, m) === offset) l = m;
        else r = m;
      }
      out.push({ start, end: r, offset });
      start = r;
      offset = offsetAt(zone, r);
    }
    t = next;
  }
  out.push({ start, end: hi, offset });
  return out;
}

/** Offsets are within 18 hours of UTC: a local date's wall times are shown within this much of them in UTC. */
const MAX_OFFSET = 18 * HOUR;

/**
 * The instants whose wall-clock time lies in [a, b) on the local date whose midnight, read as UTC, is
 * `wallMidnight` (a and b in minutes after it, b up to 24:00): one span, or two on a fall-back night when the
 * period holds part of the repeated hour. Each stretch of one UTC offset shows wall time t + offset, so it holds
 * [a - offset, b - offset).
 */
function periodSpans(wallMidnight: number, a: number, b: number, stretches: readonly { start: number; end: number; offset: number }[]): Span[] {
  const from = wallMidnight + a * 60_000;
  const to = wallMidnight + b * 60_000;
  const spans: Span[] = [];
  for (const s of stretches) {
    const start = Math.max(s.start, from - s.offset);
    const end = Math.min(s.end, to - s.offset);
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

export class BusinessHours {
  private readonly holidays: Set<string>;
  private readonly cache = new Map<string, Span[]>();

  constructor(readonly calendar: Pick<BusinessCalendar, 'timeZone' | 'week' | 'holidays'>) {
    this.holidays = new Set(calendar.holidays);
  }

  /** The open spans of one local date, as instants, in order. */
  private spansOf(day: DateTime): Span[] {
    const key = day.toISODate()!;
    let spans = this.cache.get(key);
    if (spans) return spans;
    spans = [];
    if (!this.holidays.has(key)) {
      // periods of a day never overlap (the calendar's schema), and neither do their spans: each instant shows
      // one wall time, so two periods that meet in the repeated hour of a fall-back night count it once
      const periods = this.calendar.week[String(day.weekday) as Weekday] ?? [];
      const wallMidnight = Date.UTC(day.year, day.month - 1, day.day); // the date's midnight on a clock with no offset
      const stretches = periods.length > 0 ? offsetStretches(this.calendar.timeZone, wallMidnight - MAX_OFFSET, wallMidnight + 24 * HOUR + MAX_OFFSET) : [];
      for (const p of periods) {
        const [a, b] = p.split('-');
        if (minutesOf(b) > minutesOf(a)) spans.push(...periodSpans(wallMidnight, minutesOf(a), minutesOf(b), stretches));
      }
      spans.sort((x, y) => x.start - y.start);
    }
    if (this.cache.size > 4000) this.cache.clear();
    this.cache.set(key, spans);
    return spans;
  }

  private localDay(t: number): DateTime {
    return DateTime.fromMillis(t, { zone: this.calendar.timeZone }).startOf('day');
  }

  isOpen(t: number): boolean {
    return this.spansOf(this.localDay(t)).some((s) => s.start <= t && t < s.end);
  }

  /** Open time within [a, b), ms. */
  businessMs(a: number, b: number): number {
    if (b <= a) return 0;
    let total = 0;
    let day = this.localDay(a);
    for (let i = 0; i < MAX_DAYS * 50; i++) {
      const spans = this.spansOf(day);
      for (const s of spans) total += Math.max(0, Math.min(b, s.end) - Math.max(a, s.start));
      day = day.plus({ days: 1 });
      if (day.startOf('day').toMillis() >= b) break;
    }
    return total;
  }

  /**
   * Open spans from a day on, as instants, in order: built a day at a time once, then searched (a deadline per
   * contact costs a binary search, not a walk through luxon dates).
   */
  private timeline: Span[] = [];
  private timelineFrom = Infinity;
  private timelineTo = -Infinity;

  private extendTimeline(from: number, to: number): void {
    if (from >= this.timelineFrom && to <= this.timelineTo) return;
    const start = Math.min(from, this.timelineFrom);
    const end = Math.max(to, this.timelineTo);
    const spans: Span[] = [];
    let day = this.localDay(start);
    for (let i = 0; i < MAX_DAYS * 50 && day.startOf('day').toMillis() < end; i++) {
      for (const sp of this.spansOf(day)) spans.push(sp);
      day = day.plus({ days: 1 });
    }
    this.timeline = spans;
    this.timelineFrom = this.localDay(start).toMillis();
    this.timelineTo = day.startOf('day').toMillis();
  }

  /** The instant at which `durationMs` of open time has run since `start`; null if the calendar never opens. */
  addBusinessMs(start: number, durationMs: number): number | null {
    let horizon = start + 62 * 86_400_000;
    for (let attempt = 0; attempt < 20; attempt++) {
      this.extendTimeline(start, horizon);
      const spans = this.timeline;
      let lo = 0;
      let hi = spans.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (spans[mid].end <= start) lo = mid + 1;
        else hi = mid;
      }
      let left = durationMs;
      for (let i = lo; i < spans.length; i++) {
        const from = Math.max(start, spans[i].start);
        if (left === 0) return from;
        const here = spans[i].end - from;
        if (here >= left) return from + left;
        left -= here;
      }
      if (horizon - start >= MAX_DAYS * 86_400_000) return null;
      horizon = start + Math.min(MAX_DAYS * 86_400_000, (horizon - start) * 2);
    }
    return null;
  }

  /** The open spans within [from, to), clipped to it, in order. */
  openSpans(from: number, to: number): { start: number; end: number }[] {
    if (to <= from) return [];
    this.extendTimeline(from, to);
    const out: { start: number; end: number }[] = [];
    for (const sp of this.timeline) {
      if (sp.end <= from || sp.start >= to) continue;
      out.push({ start: Math.max(from, sp.start), end: Math.min(to, sp.end) });
    }
    return out;
  }

  /** When the open state next changes after `t` (the next opening or closing), or null within the horizon. */
  nextChange(t: number): number | null {
    let day = this.localDay(t);
    for (let i = 0; i < MAX_DAYS; i++) {
      for (const s of this.spansOf(day)) {
        if (s.start > t) return s.start;
        if (s.end > t) return s.end;
      }
      day = day.plus({ days: 1 });
    }
    return null;
  }
}
