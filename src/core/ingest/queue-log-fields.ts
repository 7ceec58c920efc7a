/**
 * Reading a queue_log line (`epoch|callid|queuename|agent|EVENT|data1|...`) in place, on the adapter's hot path:
 * the adapter finds the `|` separators with indexOf, and these check the epoch, the verb word and the whole-number
 * fields char by char and cut out only the substrings an event keeps or a reason shows. A line that reads makes no
 * intermediate arrays or objects here. Every reason is one a user can act on (docs/feeds/queue-log.md lists them).
 */

/** Call ids Asterisk writes on lines not tied to a call. */
export const NO_CALL_IDS: ReadonlySet<string> = new Set(['NONE', 'REALTIME', 'MANAGER', 'CLI']);

/**
 * Longest callid, queue and agent accepted: Asterisk's uniqueids (`1709370000.123`, with a system name a little
 * more) and member names are far shorter; the bound keeps contact ids (`callid@queue`) within the canonical 200
 * characters.
 */
const MAX_QUEUE_LOG_FIELD = 64;

export const PIPE = '|';

/** A piece of the line as a reason shows it: quoted, cut at 40 characters. */
export function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}...` : s);
}

export function fieldCountReason(fields: number): string {
  return `expected at least 5 |-separated fields (epoch|callid|queue|agent|EVENT), got ${fields}`;
}

/**
 * The epoch field `text[0, end)` in milliseconds, or NaN when it is not Unix seconds: 9 or 10 ASCII digits, then
 * optionally `.` and 1 to 9 digits. A fraction of up to 3 digits is exact milliseconds (as `Math.round(0.f * 1000)`
 * gives for every one of them); a longer one is rounded to the millisecond that way.
 */
export function epochMs(text: string, end: number): number {
  let i = 0;
  let secs = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    secs = secs * 10 + (c - 48);
  }
  if (i < 9 || i > 10) return NaN;
  if (i === end) return secs * 1000;
  if (text.charCodeAt(i) !== 46) return NaN;
  const from = i + 1;
  const digits = end - from;
  if (digits < 1 || digits > 9) return NaN;
  let frac = 0;
  for (let j = from; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c < 48 || c > 57) return NaN;
    frac = frac * 10 + (c - 48);
  }
  if (digits === 3) return secs * 1000 + frac;
  if (digits === 2) return secs * 1000 + frac * 10;
  if (digits === 1) return secs * 1000 + frac * 100;
  return secs * 1000 + Math.round(Number(`0.${text.slice(from, end)}`) * 1000);
}

/** `text[s, e)` is a verb word: 1 to 40 of A-Z a-z 0-9 _ . : -, not starting with . : or -. */
export function isVerbWord(text: string, s: number, e: number): boolean {
  if (e - s < 1 || e - s > 40) return false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95) continue;
    if (i > s && (c === 46 || c === 58 || c === 45)) continue;
    return false;
  }
  return true;
}

/** `text[s, e)` is a whole number as Asterisk writes durations: 1 to 10 ASCII digits. */
export function isWhole(text: string, s: number, e: number): boolean {
  if (e - s < 1 || e - s > 10) return false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The field `text[s, e)` reads as NONE (written so, or left empty). */
export function isNoneAt(text: string, s: number, e: number): boolean {
  return e === s || (e - s === 4 && text.startsWith('NONE', s));
}

/** The callid `text[s, e)` is one of NO_CALL_IDS (an empty field reads as NONE). */
export function isNoCallIdAt(text: string, s: number, e: number): boolean {
  switch (e - s) {
    case 0:
      return true;
    case 3:
      return text.startsWith('CLI', s);
    case 4:
      return text.startsWith('NONE', s);
    case 7:
      return text.startsWith('MANAGER', s);
    case 8:
      return text.startsWith('REALTIME', s);
    default:
      return false;
  }
}

/** A fixed field's value: its text, NONE when empty. */
export function fieldText(text: string, s: number, e: number): string {
  return e === s ? 'NONE' : text.slice(s, e);
}

/** Where data field `index` (0 = data1) starts, or -1 when the line has fewer fields; `p5` is the `|` after the verb. */
export function dataStart(text: string, p5: number, index: number): number {
  if (p5 < 0) return -1;
  let s = p5 + 1;
  for (let k = 0; k < index; k++) {
    const p = text.indexOf(PIPE, s);
    if (p < 0) return -1;
    s = p + 1;
  }
  return s;
}

/** Where the field starting at `s` ends: its `|`, or the end of the line. */
export function fieldEnd(text: string, s: number): number {
  const p = text.indexOf(PIPE, s);
  return p < 0 ? text.length : p;
}

/** A data field's value as `split('|')` gives it ('' when the line has fewer fields). */
export function dataText(text: string, p5: number, index: number): string {
  const s = dataStart(text, p5, index);
  return s < 0 ? '' : text.slice(s, fieldEnd(text, s));
}

export const EMPTY_VERB = 'empty event verb (field 5)';

export function badEpoch(text: string, p1: number): string {
  return `bad epoch ${quote(text.slice(0, p1))}: expected Unix seconds such as 1709370000 or 1709370000.123`;
}

export function badVerb(text: string, s: number, e: number): string {
  return `bad event verb ${quote(text.slice(s, e))}: expected a word such as CONNECT`;
}

/** callid, queue and agent (an empty one reads as NONE, 4 characters) within MAX_QUEUE_LOG_FIELD, in that order. */
export function fieldLengthReason(p1: number, p2: number, p3: number, p4: number): string | null {
  if (p2 - p1 - 1 > MAX_QUEUE_LOG_FIELD) return `callid longer than ${MAX_QUEUE_LOG_FIELD} characters`;
  if (p3 - p2 - 1 > MAX_QUEUE_LOG_FIELD) return `queue longer than ${MAX_QUEUE_LOG_FIELD} characters`;
  if (p4 - p3 - 1 > MAX_QUEUE_LOG_FIELD) return `agent longer than ${MAX_QUEUE_LOG_FIELD} characters`;
  return null;
}
