import { describe, expect, it } from 'vitest';
import { businessDayStart, nextBusinessDayStart, isValidTimeZone } from '../../src/core/time/business-day';

const ms = (iso: string) => Date.parse(iso);

describe('business day ("today") in the center time zone', () => {
  it('starts at the reset hour local time, not UTC', () => {
    // 2026-06-15 01:30 in Tokyo (UTC+9) = 2026-06-14T16:30Z; reset 0 -> 2026-06-15T00:00+09:00
    expect(businessDayStart(ms('2026-06-14T16:30:00Z'), 'Asia/Tokyo', 0)).toBe(ms('2026-06-14T15:00:00Z'));
  });

  it('before the reset hour, today is still the previous day', () => {
    // reset 06:00 London (BST, UTC+1); at 05:00 local on 2026-06-15 the day began 2026-06-14 06:00 local
    expect(businessDayStart(ms('2026-06-15T04:00:00Z'), 'Europe/London', 6)).toBe(ms('2026-06-14T05:00:00Z'));
  });

  it('is 23 hours long on the day DST starts (New York, 2026-03-08)', () => {
    const start = businessDayStart(ms('2026-03-08T16:00:00Z'), 'America/New_York', 0);
    expect(start).toBe(ms('2026-03-08T05:00:00Z')); // midnight EST (UTC-5)
    const next = nextBusinessDayStart(start, 'America/New_York', 0);
    expect(next).toBe(ms('2026-03-09T04:00:00Z')); // midnight EDT (UTC-4)
    expect((next - start) / 3600_000).toBe(23);
  });

  it('is 25 hours long on the day DST ends (New York, 2026-11-01)', () => {
    const start = businessDayStart(ms('2026-11-01T12:00:00Z'), 'America/New_York', 0);
    expect(start).toBe(ms('2026-11-01T04:00:00Z'));
    expect((nextBusinessDayStart(start, 'America/New_York', 0) - start) / 3600_000).toBe(25);
  });

  it('a reset hour inside the spring-forward gap starts the day at the end of the gap', () => {
    // 02:00 does not exist in New York on 2026-03-08: the day starts at 03:00 EDT = 07:00Z
    expect(businessDayStart(ms('2026-03-08T18:00:00Z'), 'America/New_York', 2)).toBe(ms('2026-03-08T07:00:00Z'));
  });

  it('a reset hour that happens twice (fall back) starts the day at its first occurrence', () => {
    // 01:00 happens twice in New York on 2026-11-01: first at 01:00 EDT = 05:00Z
    expect(businessDayStart(ms('2026-11-01T12:00:00Z'), 'America/New_York', 1)).toBe(ms('2026-11-01T05:00:00Z'));
  });

  it('knows a valid zone from an invalid one', () => {
    expect(isValidTimeZone('Asia/Jerusalem')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
