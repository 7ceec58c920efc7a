/**
 * The one reading of a date-time that arrives from outside (events, API payloads, CLI flags): ISO 8601 extended
 * form only, a full date and time (`2026-03-02T09:00`, seconds and up to 9 fractional digits optional), with `Z` or
 * an offset (`+01:00`, `+0100`, `+01`), or without one, read in a given time zone. Impossible dates (Feb 30, 25:00,
 * a local time skipped by a daylight-saving change) are refused, never rolled over as Date.parse does ("1" is a date
 * in 2001 to it, and Feb 30 is March 2).
 */
import { DateTime } from 'luxon';

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?$/;

const ISO_FORMS = 'ISO-8601 date-time such as 2026-03-02T09:00:00Z or 2026-03-02T10:00:00+01:00';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Epoch ms of `s`, or a reason fit to show a user. `zone`: the IANA zone an offset-less date-time is read in;
 * without it an offset (or Z) is required. With an offset the arithmetic is done here (no luxon on the ingest hot
 * path); without one luxon places the local time in the zone.
 */
export function parseIsoInstant(s: string, zone?: string): { ok: true; ms: number } | { ok: false; reason: string } {
  const m = s.length <= 40 ? ISO_DATE_TIME.exec(s) : null;
  if (!m) return { ok: false, reason: `expected an ${ISO_FORMS}` };
  const hasOffset = m[8] !== undefined || m[9] !== undefined;
  if (!hasOffset && zone === undefined) return { ok: false, reason: 'expected an ISO-8601 date-time with Z or an offset' };
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  const h = +m[4];
  const mi = +m[5];
  const sec = m[6] === undefined ? 0 : +m[6];
  const offH = m[10] === undefined ? 0 : +m[10];
  const offM = m[11] === undefined ? 0 : +m[11];
  const real = mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && !isLeap(y) ? 28 : DAYS_IN_MONTH[mo - 1]) && h <= 23 && mi <= 59 && sec <= 59 && offH <= 23 && offM <= 59;
  if (!real) return { ok: false, reason: `not a real date-time: ${s}` };
  const ms = m[7] === undefined ? 0 : +m[7].padEnd(3, '0').slice(0, 3);
  if (hasOffset) {
    // Date.UTC reads years 0-99 as 1900-1999: those few go the long way
    let t = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
    if (y < 100) {
      const early = new Date(0);
      early.setUTCFullYear(y, mo - 1, d);
      early.setUTCHours(h, mi, sec, ms);
      t = early.getTime();
    }
    return { ok: true, ms: t - (m[9] === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000 };
  }
  const local = DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: mi, second: sec, millisecond: ms }, { zone });
  if (!local.isValid) return { ok: false, reason: `not a real date-time in ${zone}: ${s}` };
  // luxon moves a local time in a daylight-saving gap forward: that time never existed there
  if (local.hour !== h || local.minute !== mi) return { ok: false, reason: `${s} does not exist in ${zone} (a daylight-saving change skips it)` };
  return { ok: true, ms: local.toMillis() };
}
