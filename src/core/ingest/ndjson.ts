/** The native feed: one canonical event per NDJSON line. Blank lines are skipped; every other line is kept. */
import { parseEventLine } from '../model/events';
import type { ParsedLine } from '../store/store';

/** Longest line accepted; a longer one is quarantined rather than parsed. */
export const MAX_LINE_LENGTH = 64 * 1024;

export interface SourceLine {
  /** 1-based position in the source (a line number for files). */
  position: number;
  text: string;
}

export function parseNdjsonLines(lines: SourceLine[]): ParsedLine[] {
  const out: ParsedLine[] = [];
  for (const { position, text } of lines) {
    // a line that starts and ends with a printable ASCII character (the usual one) has nothing to trim
    const a = text.charCodeAt(0);
    const z = text.charCodeAt(text.length - 1);
    const trimmed = a > 32 && a < 127 && z > 32 && z < 127 ? text : text.trim();
    if (trimmed === '') continue;
    if (trimmed.length > MAX_LINE_LENGTH) {
      out.push({ position, text: trimmed.slice(0, MAX_LINE_LENGTH), reason: `line longer than ${MAX_LINE_LENGTH} characters` });
      continue;
    }
    const r = parseEventLine(trimmed);
    out.push(r.ok ? { position, text: trimmed, events: [r.event] } : { position, text: trimmed, reason: r.reason });
  }
  return out;
}

/** Split a text into numbered lines (1-based), tolerating CRLF. */
export function numberLines(text: string, firstPosition = 1): SourceLine[] {
  const parts = text.split(/\r?\n/);
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((t, i) => ({ position: firstPosition + i, text: t }));
}
