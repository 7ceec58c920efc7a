/**
 * Pieces shared by the two Amazon Connect adapters (contact records, agent event stream): reading a line as
 * one JSON object (the adapters' shell), Connect's ISO timestamps and its channel names.
 * docs/feeds/connect.md describes both feeds and every mapping choice.
 */
import { parseIsoInstant } from '../time/iso-instant';
import { z } from 'zod';
import { formatZodError } from '../model/events';
import type { CanonicalEvent } from '../model/events';
import type { Channel } from '../model/types';
import type { ParsedLine } from '../store/store';
import type { FeedFormat } from './adapter';
import { ignoredCounter } from './adapter-memory';
import { lineText, type SourceLine } from './source-lines';

/**
 * Longest Connect identifier accepted (ContactId, EventId). Connect's are UUIDs (36 characters; the API allows
 * 256); this bound keeps derived event ids such as `ctr:<ContactId>:contact.wrapup-ended` within the canonical
 * 200-character id.
 */
export const MAX_CONNECT_ID = 160;

/** Connect channel -> Floorboard channel. TASK is async work routed like a message (docs/feeds/connect.md). */
const CONNECT_CHANNELS: Readonly<Record<string, Channel>> = {
  VOICE: 'voice',
  CHAT: 'chat',
  TASK: 'message',
  EMAIL: 'email',
};

/**
 * The Floorboard channel of a Connect channel name, or undefined. Own keys only: a plain index would answer
 * `valueOf` or `constructor` with a function from Object.prototype (the fuzz test found that).
 */
export function connectChannel(name: string): Channel | undefined {
  return Object.hasOwn(CONNECT_CHANNELS, name) ? CONNECT_CHANNELS[name] : undefined;
}


/**
 * Epoch ms of a Connect timestamp (`2026-03-02T09:15:02Z`, `...02.123Z`, or with an offset), or null when it is
 * not one: the one ISO reading (time/iso-instant.ts), which refuses 2026-02-30 instead of rolling it into March.
 */
function parseConnectInstant(s: string): number | null {
  const r = parseIsoInstant(s);
  return r.ok && r.ms >= 0 ? r.ms : null;
}

/** A required Connect timestamp, as epoch ms. */
export const connectInstant = z.string().transform((s, ctx) => {
  const ms = parseConnectInstant(s);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `not an ISO-8601 timestamp with Z or an offset: ${JSON.stringify(s.slice(0, 40))}` });
    return z.NEVER;
  }
  return ms;
});
/** An optional Connect timestamp: absent or null when it did not happen (yet). */
export const optionalInstant = connectInstant.nullish();
/** Longest duration accepted: a year. Keeps a derived instant (start + duration) a finite, storable number. */
const MAX_CONNECT_SECONDS = 366 * 86_400;
/** Whole seconds, as Connect's durations are. */
export const connectSeconds = z.number().finite().nonnegative().max(MAX_CONNECT_SECONDS).nullish();
export const optionalText = (max: number) => z.string().max(max).nullish();

/** The last segment of an ARN (`.../agent/<id>` -> `<id>`), or null. */
export function arnTail(arn: string | null | undefined): string | null {
  if (!arn) return null;
  const tail = arn.slice(arn.lastIndexOf('/') + 1);
  return tail.length > 0 && tail.length <= MAX_CONNECT_ID ? tail : null;
}

/** What one record maps to: events (maybe none, counted under `ignored`) or the reason it is refused. */
export type RecordOutcome = { events: CanonicalEvent[]; ignored?: string } | { reason: string };

/**
 * Read source lines as one JSON object each, in order, after the line preamble (blank lines skipped); every other
 * line yields exactly one ParsedLine. `mapRecord` is called only for JSON objects and must not throw; a throw would
 * be a bug, and is still turned into a quarantine reason rather than losing the batch.
 */
function parseJsonObjectLines(
  lines: SourceLine[],
  mapRecord: (json: Record<string, unknown>) => RecordOutcome,
  countIgnored: (kind: string) => void,
): ParsedLine[] {
  const out: ParsedLine[] = [];
  for (const line of lines) {
    const text = lineText(line, out);
    if (text === null) continue;
    const position = line.position;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      out.push({ position, text, reason: `not JSON: ${(e as Error).message}` });
      continue;
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      out.push({ position, text, reason: 'not a JSON object' });
      continue;
    }
    let r: RecordOutcome;
    try {
      r = mapRecord(json as Record<string, unknown>);
    } catch (e) {
      r = { reason: `adapter error: ${(e as Error).message}` };
    }
    if ('reason' in r) out.push({ position, text, reason: r.reason });
    else {
      if (r.ignored !== undefined) countIgnored(r.ignored);
      out.push({ position, text, events: r.events });
    }
  }
  return out;
}

/**
 * A Connect adapter's shell: its counts of records read but not mapped, and a parse that reads each line as one
 * JSON object for `mapRecord` (parseJsonObjectLines).
 */
export function jsonRecordAdapter<F extends FeedFormat>(
  format: F,
  mapRecord: (json: Record<string, unknown>) => RecordOutcome,
): { format: F; ignored: ReadonlyMap<string, number>; parse(lines: SourceLine[]): ParsedLine[] } {
  const { ignored, count } = ignoredCounter();
  return { format, ignored, parse: (lines) => parseJsonObjectLines(lines, mapRecord, count) };
}

/** A zod parse that never throws, with the project's one-line reason on failure. */
export function validate<T extends z.ZodType>(schema: T, json: unknown): { ok: true; value: z.output<T> } | { ok: false; reason: string } {
  const r = schema.safeParse(json);
  return r.success ? { ok: true, value: r.data } : { ok: false, reason: formatZodError(r.error) };
}
