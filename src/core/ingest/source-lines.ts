/**
 * Source lines, and the one preamble every adapter runs on a line before reading it, so that all feeds agree on
 * what a line is: its text is trimmed; a blank line (nothing but whitespace) is skipped, neither stored nor
 * quarantined; a line longer than its limit (MAX_LINE_LENGTH unless the adapter says otherwise) is refused with
 * `line longer than N characters`, and the quarantine keeps its beginning. README: "A line over 64 KiB is
 * quarantined".
 */
import type { ParsedLine } from '../store/store';

/** Longest line accepted; a longer one is quarantined rather than parsed. */
export const MAX_LINE_LENGTH = 64 * 1024;

export interface SourceLine {
  /** 1-based position in the source (a line number for files). */
  position: number;
  text: string;
}

const OPEN_BRACKET = 91;

/**
 * The preamble: the line's trimmed text to read, or null when there is nothing to read: a blank line (skipped), or
 * a line over the limit, whose refusal (holding its first `maxLength` characters) is pushed onto `out`. The limit
 * is `maxLength`, and `maxBatchLength` for a JSON array (a batch of records on one line, as TaskRouter's Event
 * Streams deliver them). On the hot path: a line that starts and ends with a printable ASCII character (the usual
 * one) has nothing to trim and is returned as it is, allocating nothing.
 */
export function lineText(line: SourceLine, out: ParsedLine[], maxLength = MAX_LINE_LENGTH, maxBatchLength = maxLength): string | null {
  let text = line.text;
  const n = text.length;
  if (n === 0) return null;
  const a = text.charCodeAt(0);
  const z = text.charCodeAt(n - 1);
  if (a <= 32 || a >= 127 || z <= 32 || z >= 127) {
    text = text.trim();
    if (text === '') return null;
  }
  if (text.length <= maxLength) return text;
  const limit = text.charCodeAt(0) === OPEN_BRACKET ? maxBatchLength : maxLength;
  if (text.length <= limit) return text;
  out.push({ position: line.position, text: text.slice(0, maxLength), reason: `line longer than ${limit} characters` });
  return null;
}

/** Split a text into numbered lines (1-based), tolerating CRLF. */
export function numberLines(text: string, firstPosition = 1): SourceLine[] {
  const parts = text.split(/\r?\n/);
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((t, i) => ({ position: firstPosition + i, text: t }));
}
