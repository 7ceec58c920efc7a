/**
 * The fast local days and intervals of reports (core/time/local-times.ts) against luxon's, instant by instant over a
 * year with its DST changes, in zones with half-hour and 45-minute offsets and odd transitions.
 */
import { describe, expect, it } from 'vitest';
import { intervalStart, localDate } from '../../src/core/time/business-day';
import { localTimes } from '../../src/core/time/local-times';

const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'America/St_Johns', 'Asia/Jerusalem', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata'];

describe('local days and intervals', () => {
  it('equal luxon every 7 minutes 13 seconds over 2026, in every zone tried', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    const to = Date.parse('2027-01-01T00:00:00Z');
    for (const zone of ZONES) {
      const fast = localTimes(zone);
      let mismatches = 0;
      for (let at = from; at < to; at += 433_000) {
        if (fast.date(at) !== localDate(at, zone) || fast.intervalStart(at, 30) !== intervalStart(at, 30, zone)) mismatches++;
      }
      expect(mismatches, zone).toBe(0);
    }
  });
});
