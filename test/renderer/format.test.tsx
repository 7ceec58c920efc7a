// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDateTime,
  formatDuration,
  formatElapsed,
  formatHourMinute,
  formatPercent,
  formatRelative,
  formatThreshold,
  formatTimeOfDay,
  NONE,
} from '../../src/shared/format';
import { NOW } from './fixtures';

describe('formatDuration', () => {
  it('writes its units out, so it never reads as a time of day: "45s", "3m 07s", "2h 04m"', () => {
    expect(formatDuration(45)).toBe('45s');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(187)).toBe('3m 07s'); // 3 * 60 + 7
    expect(formatDuration(21 * 60 + 18)).toBe('21m 18s');
    expect(formatDuration(3723)).toBe('1h 02m'); // 3600 + 2 * 60 + 3: the seconds dropped past an hour
    expect(formatDuration(26601.5)).toBe('7h 23m'); // 26602 s = 7 * 3600 + 23 * 60 + 22
  });
  it('rounds fractional seconds and never goes negative', () => {
    expect(formatDuration(12.4)).toBe('12s');
    expect(formatDuration(59.6)).toBe('1m 00s');
    expect(formatDuration(-3)).toBe('0s');
  });
  it('renders a missing value as a dash', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe(NONE);
  });
  it('has no form a clock could print', () => {
    for (const s of [0, 9, 59, 60, 61, 599, 3599, 3600, 7199, 86_399, 360_000]) expect(formatDuration(s)).not.toMatch(/\d:\d/);
  });
});

describe('formatPercent', () => {
  it('shows a ratio as a whole percentage', () => {
    expect(formatPercent(0.82)).toBe('82%');
    expect(formatPercent(0.825)).toBe('83%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(null)).toBe('—');
  });

  it('gives reports one decimal when asked', () => {
    // the Anonymous Bank week: 4,209 answered within T of 6,892 + 1,072 - 57 = 7,907: 53.23...% -> 53.2%
    expect(formatPercent(4209 / 7907, 1)).toBe('53.2%');
    expect(formatPercent(1, 1)).toBe('100.0%');
    expect(formatPercent(null, 1)).toBe('—');
  });
});

describe('formatThreshold', () => {
  it('writes thresholds the way standards are written', () => {
    expect(formatThreshold(20)).toBe('20s');
    expect(formatThreshold(90)).toBe('1m 30s');
    expect(formatThreshold(300)).toBe('5m');
    expect(formatThreshold(3600)).toBe('1h');
    expect(formatThreshold(86400)).toBe('24h');
    expect(formatThreshold(150)).toBe('2m 30s');
    expect(formatThreshold(5400)).toBe('1h 30m');
    expect(formatThreshold(0)).toBe('0s');
  });
});

describe('formatCount and formatElapsed', () => {
  it('groups thousands', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(null)).toBe('—');
  });
  it('reads elapsed time coarsely', () => {
    expect(formatElapsed(42)).toBe('42s');
    expect(formatElapsed(150)).toBe('2m');
    expect(formatElapsed(3900)).toBe('1h 05m');
  });
});

describe('center time', () => {
  it('renders the center clock in the center time zone, 24-hour', () => {
    expect(formatTimeOfDay(NOW, 'Europe/London')).toBe('14:30:00');
    expect(formatTimeOfDay(NOW, 'America/New_York')).toBe('10:30:00');
    expect(formatTimeOfDay(NOW + 7_000, 'Asia/Kolkata')).toBe('20:00:07');
    expect(formatHourMinute(NOW, 'America/New_York')).toBe('10:30');
  });
});

describe('token times', () => {
  it('date and time with the year, in the center zone', () => {
    expect(formatDateTime(NOW, 'Europe/London')).toBe('10 Mar 2026, 14:30');
    expect(formatDateTime(NOW, 'Asia/Kolkata')).toBe('10 Mar 2026, 20:00'); // +5:30
  });

  it('relative: whole minutes and hours, days rounded, both directions', () => {
    expect(formatRelative(NOW - 20_000, NOW)).toBe('just now');
    expect(formatRelative(NOW + 20_000, NOW)).toBe('in under a minute');
    expect(formatRelative(NOW - 119_000, NOW)).toBe('1m ago');
    expect(formatRelative(NOW - 47 * 3_600_000, NOW)).toBe('47h ago');
    // a token made for 30 days, read 2 s later: 29.99997 days, rounded to 30
    expect(formatRelative(NOW + 30 * 86_400_000 - 2_000, NOW)).toBe('in 30 days');
    expect(formatRelative(NOW - 2.6 * 86_400_000, NOW)).toBe('3 days ago');
  });
});
