/**
 * The center's business day as the engine runs it: today's start, tomorrow's, and the start of the standards'
 * week window (the business day 6 days before today's), kept together and moved together when the day rolls.
 * A clock that goes back (a replay, a test) rolls the day back too.
 */
import { businessDayStart, businessDayStartBefore, nextBusinessDayStart } from './business-day';

export interface CenterCalendar {
  /** IANA zone of the center: "today" follows it, not the viewer's zone. */
  timeZone: string;
  /** Local hour at which "today" resets (0-23). */
  resetHour: number;
}

/** The center as the engine runs it: its name and its calendar. */
export interface CenterConfig extends CenterCalendar {
  name: string;
}

export class CenterDay {
  private start: number;
  private next: number;
  private week: number;

  constructor(
    now: number,
    private readonly calendar: CenterCalendar,
  ) {
    this.start = this.next = this.week = 0;
    this.set(now);
  }

  /** Today's start (local reset hour). */
  get dayStart(): number {
    return this.start;
  }

  /** The start of the standards' `week` window: 6 business days before today's (DST-correct). */
  get weekStart(): number {
    return this.week;
  }

  /** The business day `days` before today's. */
  daysBefore(days: number): number {
    return businessDayStartBefore(this.start, days, this.calendar.timeZone, this.calendar.resetHour);
  }

  /** Move to the day holding `now`; true when the day changed. */
  roll(now: number): boolean {
    if (now < this.next && now >= this.start) return false;
    this.set(now);
    return true;
  }

  private set(now: number): void {
    const { timeZone, resetHour } = this.calendar;
    this.start = businessDayStart(now, timeZone, resetHour);
    this.next = nextBusinessDayStart(this.start, timeZone, resetHour);
    this.week = businessDayStartBefore(this.start, 6, timeZone, resetHour);
  }
}
