/**
 * The native feed: one canonical event per NDJSON line. Blank lines are skipped and over-long ones refused by the
 * line preamble (source-lines.ts); every other line is kept, with its event or the reason it is not one.
 */
import { parseEventLine } from '../model/events';
import type { ParsedLine } from '../store/store';
import { lineText, type SourceLine } from './source-lines';

export function parseNdjsonLines(lines: SourceLine[]): ParsedLine[] {
  const out: ParsedLine[] = [];
  for (const line of lines) {
    const text = lineText(line, out);
    if (text === null) continue;
    const r = parseEventLine(text);
    out.push(r.ok ? { position: line.position, text, events: [r.event] } : { position: line.position, text, reason: r.reason });
  }
  return out;
}
