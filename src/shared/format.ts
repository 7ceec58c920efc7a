/**
 * Every figure on the wallboard and in the CLI's tables goes through these helpers, so a missing value always
 * reads "—" and a duration, a percentage or a count reads the same way wherever it appears. Plain functions over
 * Intl: usable in the renderer and in Node alike.
 */

/** Shown for a metric that has no value yet (e.g. service level before any contact left the queue). */
export const NONE = '—';

const NUMBER_LOCALE = 'en-US';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Whole seconds, never negative: clocks of different feeds can disagree by a little. */
const wholeSeconds = (seconds: number): number => Math.max(0, Math.round(seconds));

/*
 * Durations have one form everywhere: units written out ("45s", "21m 18s", "2h 34m"), never "21:18", which beside
 * the center's clock reads as a time of day. Two units at most; the smaller one is zero-padded so a figure that
 * ticks keeps its width. A count of seconds over an hour drops its seconds: nobody reads them from the floor.
 */

/** A duration: "45s", "3m 07s", "2h 04m"; "—" for null. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return NONE;
  const s = wholeSeconds(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad2(s % 60)}s`;
  return `${Math.floor(s / 3600)}h ${pad2(Math.floor((s % 3600) / 60))}m`;
}

/** A service-level threshold, as standards are written: the duration's units, zero parts left out ("20s", "1m 30s", "5m", "24h"). */
export function formatThreshold(seconds: number): string {
  const s = wholeSeconds(seconds);
  const parts: string[] = [];
  if (s >= 3600) parts.push(`${Math.floor(s / 3600)}h`);
  if (s % 3600 >= 60) parts.push(`${Math.floor((s % 3600) / 60)}m`);
  if (s % 60 > 0 || s === 0) parts.push(`${s % 60}s`);
  return parts.join(' ');
}

/** A ratio 0..1 as a whole percentage: 0.823 -> "82%" (with `digits` 1, as reports print: "82.3%"); "—" for null. */
export function formatPercent(ratio: number | null | undefined, digits = 0): string {
  if (ratio == null || !Number.isFinite(ratio)) return NONE;
  return digits === 0 ? `${wholePercent(ratio)}%` : `${(ratio * 100).toFixed(digits)}%`;
}

/** The whole percentage a ratio is displayed as; status rules compare this, so text and color agree. */
export function wholePercent(ratio: number): number {
  return Math.round(ratio * 100);
}

/** A count with thousands separators: 12345 -> "12,345"; "—" for null. */
export function formatCount(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return NONE;
  return n.toLocaleString(NUMBER_LOCALE);
}

/** A coarse elapsed time for sentences ("No events for 2m"), in the duration's units: "45s", "2m", "1h 05m". */
export function formatElapsed(seconds: number): string {
  const s = wholeSeconds(seconds);
  if (s < 3600) return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m`;
  return formatDuration(s);
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = clockFormats.get(key);
  if (!f) {
    // en-GB gives a 24-hour clock with zero-padded fields, the convention on contact-center floors.
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', ...options });
    clockFormats.set(key, f);
  }
  return f;
}

/** Wall-clock time in the center's time zone: "14:03:07". */
export function formatTimeOfDay(epochMs: number, timeZone: string): string {
  return dateFormat(timeZone, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(epochMs);
}

/** Hours and minutes in the center's time zone, for chart axes: "14:30". */
export function formatHourMinute(epochMs: number, timeZone: string): string {
  return dateFormat(timeZone, { hour: '2-digit', minute: '2-digit' }).format(epochMs);
}

/** The date in the center's time zone: "Mon 24 Nov". */
export function formatDate(epochMs: number, timeZone: string): string {
  return dateFormat(timeZone, { weekday: 'short', day: 'numeric', month: 'short' }).format(epochMs);
}

/** A date and time in the center's time zone, with the year: "7 Dec 2026, 00:50" (a token's expiry may be years off). */
export function formatDateTime(epochMs: number, timeZone: string): string {
  return dateFormat(timeZone, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(epochMs);
}

/**
 * How far an instant is from now, in words, in the duration's units: "3m ago", "in 30 days", "just now". Days are rounded (a token made
 * for 30 days reads "in 30 days", not 29 and some hours); minutes and hours count whole ones.
 */
export function formatRelative(epochMs: number, nowMs: number): string {
  const ahead = epochMs > nowMs;
  const s = Math.abs(epochMs - nowMs) / 1000;
  if (s < 60) return ahead ? 'in under a minute' : 'just now';
  const span = s < 3600 ? `${Math.floor(s / 60)}m` : s < 2 * 86_400 ? `${Math.floor(s / 3600)}h` : `${Math.round(s / 86_400)} days`;
  return ahead ? `in ${span}` : `${span} ago`;
}
