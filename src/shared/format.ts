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

/** A metric duration: "45s", "3:07", "1:02:03"; "—" for null. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return NONE;
  const s = wholeSeconds(seconds);
  if (s < 60) return `${s}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(rest)}` : `${m}:${pad2(rest)}`;
}

/** A service-level threshold, as standards are written: "20s", "90s", "5 min", "1h", "24h". */
export function formatThreshold(seconds: number): string {
  const s = wholeSeconds(seconds);
  if (s < 120) return `${s}s`;
  if (s % 3600 === 0) return `${s / 3600}h`;
  if (s % 60 === 0) return `${s / 60} min`;
  return formatDuration(s);
}

/** A running clock such as time in state: "00:45", "03:07", "1:02:03". */
export function formatClock(seconds: number): string {
  const s = wholeSeconds(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(rest)}` : `${pad2(m)}:${pad2(rest)}`;
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

/** A coarse elapsed time for sentences ("No events for 2 min"): "45 s", "2 min", "1 h 05 min". */
export function formatElapsed(seconds: number): string {
  const s = wholeSeconds(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  return `${Math.floor(s / 3600)} h ${pad2(Math.floor((s % 3600) / 60))} min`;
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
 * How far an instant is from now, in words: "3 min ago", "in 30 days", "just now". Days are rounded (a token made
 * for 30 days reads "in 30 days", not 29 and some hours); minutes and hours count whole ones.
 */
export function formatRelative(epochMs: number, nowMs: number): string {
  const ahead = epochMs > nowMs;
  const s = Math.abs(epochMs - nowMs) / 1000;
  if (s < 60) return ahead ? 'in under a minute' : 'just now';
  const span = s < 3600 ? `${Math.floor(s / 60)} min` : s < 2 * 86_400 ? `${Math.floor(s / 3600)} h` : `${Math.round(s / 86_400)} days`;
  return ahead ? `in ${span}` : `${span} ago`;
}
