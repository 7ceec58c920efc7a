/**
 * Business-hours clocks, hand-computed: a deadline across a weekend and a holiday, DST start and end, a contact
 * that crosses midnight.
 */
import { describe, expect, it } from 'vitest';
import { BusinessHours } from '../../src/core/time/business-hours';

const H = 3600_000;
const weekdays = (periods: string[]) => ({ '1': periods, '2': periods, '3': periods, '4': periods, '5': periods });

describe('business hours', () => {
  // Paris, weekdays 09:00-17:00, closed on Christmas (Friday 2026-12-25). Winter: UTC+1.
  const paris = new BusinessHours({ timeZone: 'Europe/Paris', week: weekdays(['09:00-17:00']), holidays: ['2026-12-25'] });

  it('tells open from closed, and when that changes', () => {
    expect(paris.isOpen(Date.parse('2026-12-24T08:30:00Z'))).toBe(true); // 09:30 Paris, Thursday
    expect(paris.isOpen(Date.parse('2026-12-24T16:00:00Z'))).toBe(false); // 17:00 Paris: a period's end is closed
    expect(paris.isOpen(Date.parse('2026-12-25T10:00:00Z'))).toBe(false); // the holiday
    expect(paris.isOpen(Date.parse('2026-12-26T10:00:00Z'))).toBe(false); // Saturday
    expect(paris.nextChange(Date.parse('2026-12-24T16:00:00Z'))).toBe(Date.parse('2026-12-28T08:00:00Z')); // Monday 09:00
  });

  it('puts a 24-business-hour deadline across a holiday and a weekend', () => {
    // Thursday 24 Dec 16:00 Paris: 1 h that day; Friday the holiday; the weekend; Monday 8 h (9 h), Tuesday 8 h
    // (17 h); the 7 h left end on Wednesday 30 Dec at 16:00 Paris = 15:00 UTC
    const start = Date.parse('2026-12-24T15:00:00Z');
    const deadline = paris.addBusinessMs(start, 24 * H);
    expect(new Date(deadline!).toISOString()).toBe('2026-12-30T15:00:00.000Z');
    expect(paris.businessMs(start, deadline!)).toBe(24 * H);
    // received while closed (Saturday): the clock starts on Monday 09:00; 2 h later is 11:00 Paris
    expect(new Date(paris.addBusinessMs(Date.parse('2026-12-26T12:00:00Z'), 2 * H)!).toISOString()).toBe('2026-12-28T10:00:00.000Z');
  });

  it('counts wall-clock periods across DST start and end (Paris, 29 March and 25 October 2026)', () => {
    const sundays = new BusinessHours({ timeZone: 'Europe/Paris', week: { '7': ['01:00-05:00'] }, holidays: [] });
    // spring forward at 02:00 -> 03:00: 01:00-05:00 lasts 3 real hours (00:00Z to 03:00Z)
    expect(sundays.businessMs(Date.parse('2026-03-28T12:00:00Z'), Date.parse('2026-03-30T00:00:00Z'))).toBe(3 * H);
    expect(sundays.isOpen(Date.parse('2026-03-29T00:30:00Z'))).toBe(true); // 01:30 CET
    expect(sundays.isOpen(Date.parse('2026-03-29T03:00:00Z'))).toBe(false); // 05:00 CEST
    // fall back at 03:00 -> 02:00: 01:00-05:00 lasts 5 real hours (23:00Z to 04:00Z)
    expect(sundays.businessMs(Date.parse('2026-10-24T12:00:00Z'), Date.parse('2026-10-26T00:00:00Z'))).toBe(5 * H);
    // a 4-hour clock started at 01:00 on the long night ends at 04:00 CET (03:00Z), not at 05:00
    expect(new Date(sundays.addBusinessMs(Date.parse('2026-10-24T23:00:00Z'), 4 * H)!).toISOString()).toBe('2026-10-25T03:00:00.000Z');
  });

  it('opens at the first of two 01:00s when the repeated hour is the start (New York, 1 November 2026)', () => {
    // fall back at 02:00 EDT -> 01:00 EST: the wall clock shows 01:00-02:00 twice; 01:00-05:00 is 5 real hours
    const sundays = new BusinessHours({ timeZone: 'America/New_York', week: { '7': ['01:00-05:00'] }, holidays: [] });
    expect(sundays.businessMs(Date.parse('2026-10-31T12:00:00Z'), Date.parse('2026-11-02T12:00:00Z'))).toBe(5 * H);
    expect(sundays.isOpen(Date.parse('2026-11-01T05:30:00Z'))).toBe(true); // 01:30 EDT, the first 01:30
    expect(sundays.isOpen(Date.parse('2026-11-01T04:59:00Z'))).toBe(false); // 00:59 EDT
    // a period that ends in the repeated hour holds both of its runs before 01:30: 00:00 to the first 01:30 EDT,
    // and 01:00 to 01:30 EST: 2 hours, in two spans
    const early = new BusinessHours({ timeZone: 'America/New_York', week: { '7': ['00:00-01:30'] }, holidays: [] });
    const night = [Date.parse('2026-10-31T12:00:00Z'), Date.parse('2026-11-02T12:00:00Z')] as const;
    expect(early.businessMs(...night)).toBe(2 * H);
    expect(early.isOpen(Date.parse('2026-11-01T05:45:00Z'))).toBe(false); // 01:45 EDT
    expect(early.isOpen(Date.parse('2026-11-01T06:15:00Z'))).toBe(true); // 01:15 EST
    // two periods that meet in the repeated hour count it once: 00:00-05:00 is 6 hours, however it is split
    for (const week of [['00:00-05:00'], ['00:00-01:00', '01:00-05:00'], ['00:00-01:30', '01:30-05:00']]) {
      expect(new BusinessHours({ timeZone: 'America/New_York', week: { '7': week }, holidays: [] }).businessMs(...night)).toBe(6 * H);
    }
    // a period from a wall time the spring-forward skips opens when the gap ends (Paris, 29 March: 02:00 -> 03:00)
    const gap = new BusinessHours({ timeZone: 'Europe/Paris', week: { '7': ['02:30-05:00'] }, holidays: [] });
    expect(gap.businessMs(Date.parse('2026-03-28T12:00:00Z'), Date.parse('2026-03-30T00:00:00Z'))).toBe(2 * H);
    expect(gap.isOpen(Date.parse('2026-03-29T01:00:00Z'))).toBe(true); // 03:00 CEST
  });

  it('runs a chat clock across midnight when the hours go on after it', () => {
    // New York, every weekday 20:00-24:00 and 00:00-02:00 (a night desk). Monday 2 March 2026, EST (UTC-5).
    const nights = new BusinessHours({ timeZone: 'America/New_York', week: weekdays(['00:00-02:00', '20:00-24:00']), holidays: [] });
    const arrived = Date.parse('2026-03-03T04:30:00Z'); // Monday 23:30 EST
    expect(new Date(nights.addBusinessMs(arrived, H)!).toISOString()).toBe('2026-03-03T05:30:00.000Z'); // Tuesday 00:30
    expect(nights.businessMs(arrived, Date.parse('2026-03-03T05:45:00Z'))).toBe(75 * 60_000);
    // Friday 23:30 EST: 30 min to midnight; Saturday's and Sunday's nights are closed; the other 30 min run on
    // Monday from 00:00, and clocks sprang forward on Sunday 8 March: Monday 00:30 EDT = 04:30 UTC
    expect(new Date(nights.addBusinessMs(Date.parse('2026-03-07T04:30:00Z'), H)!).toISOString()).toBe('2026-03-09T04:30:00.000Z');
  });

  it('has no deadline on a calendar that never opens', () => {
    const never = new BusinessHours({ timeZone: 'UTC', week: {}, holidays: [] });
    expect(never.addBusinessMs(0, H)).toBeNull();
    expect(never.businessMs(0, 30 * 24 * H)).toBe(0);
    expect(never.nextChange(0)).toBeNull();
  });
});
