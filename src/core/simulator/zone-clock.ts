/**
 * Local wall-clock time in the center's zone, DST-correct, with nothing but Intl. The simulator asks for the
 * local time of every arrival candidate, so UTC offsets are cached per 15-minute UTC slot: every transition
 * in use falls on a quarter hour, so the offset is constant within a slot.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const SLOT = 15 * MINUTE;

export interface ZoneClock {
  readonly timeZone: string;
  /** Local minus UTC at instant t, ms. */
  offsetAt(t: number): number;
  /** Minutes since local midnight, fractional, in [0, 1440). */
  minuteOfDay(t: number): number;
  /** Local calendar day as a day number (days since 1970-01-01 in local time). */
  dayNumber(t: number): number;
  /** The instant of local wall time `minuteOfDay` on local day `day`. In a spring-forward gap it moves forward by the gap. */
  instantOf(day: number, minuteOfDay: number): number;
  /** A local day number as yyyymmdd. */
  compactDate(day: number): string;
}

export function createZoneClock(timeZone: string): ZoneClock {
  // Throws a RangeError for an unknown zone: better at construction than as NaN times later.
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const cache = new Map<number, number>();

  const computeOffset = (slotStart: number): number => {
    const f: Record<string, number> = {};
    for (const part of format.formatToParts(slotStart)) {
      if (part.type !== 'literal') f[part.type] = Number(part.value);
    }
    const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
    return asUtc - slotStart;
  };

  const offsetAt = (t: number): number => {
    const slot = Math.floor(t / SLOT);
    let offset = cache.get(slot);
    if (offset === undefined) {
      offset = computeOffset(slot * SLOT);
      cache.set(slot, offset);
    }
    return offset;
  };

  return {
    timeZone,
    offsetAt,
    minuteOfDay: (t) => {
      const local = t + offsetAt(t);
      return (((local % DAY) + DAY) % DAY) / MINUTE;
    },
    dayNumber: (t) => Math.floor((t + offsetAt(t)) / DAY),
    instantOf: (day, minuteOfDay) => {
      const local = day * DAY + minuteOfDay * MINUTE;
      const guess = local - offsetAt(local);
      return local - offsetAt(guess);
    },
    compactDate: (day) => new Date(day * DAY).toISOString().slice(0, 10).replaceAll('-', ''),
  };
}
