/**
 * The canonical event: Floorboard's native feed format (NDJSON, one event per line), version 1.
 * Every adapter (queue_log, TaskRouter, Connect, CSV, the simulator) maps its source to these events,
 * and only these reach the store and the engine. docs/feeds.md documents the format.
 */
import { z } from 'zod';
import { isValidTimeZone } from '../time/business-day';
import { parseIsoInstant } from '../time/iso-instant';
import { AGENT_STATES, CHANNELS } from './types';

export const FEED_FORMAT_VERSION = 1;

/**
 * An instant: an ISO-8601 date-time with Z or an offset (strict: Feb 30 and 25:00 are refused, see
 * time/iso-instant.ts), or epoch milliseconds. Stored as epoch ms.
 */
const instant = z.union([z.number(), z.string()], 'expected an ISO-8601 date-time with Z or an offset, or epoch milliseconds').transform((v, ctx) => {
  if (typeof v === 'number') {
    if (Number.isFinite(v) && v >= 0) return v;
    ctx.addIssue({ code: 'custom', message: 'epoch milliseconds must be a finite number >= 0' });
    return z.NEVER;
  }
  const r = parseIsoInstant(v);
  if (r.ok) return r.ms;
  ctx.addIssue({ code: 'custom', message: r.reason });
  return z.NEVER;
});

const id = z.string().min(1).max(200);
const channel = z.enum(CHANNELS);

/** The survey scales a `contact.surveyed` event carries (and a CSV mapping's score columns are read on). */
export const CSAT_SCALE = { min: 1, max: 5 } as const;
export const NPS_SCALE = { min: 0, max: 10 } as const;

const base = {
  v: z.literal(FEED_FORMAT_VERSION),
  /** Optional globally unique id; when present it is the idempotency key across sources. */
  id: id.optional(),
  ts: instant,
};

/** An event that says only that something happened to a contact at `ts`. */
function contactInstant<T extends string>(type: T) {
  return z.object({ ...base, type: z.literal(type), contactId: id });
}

/** A reported wait beyond a week is no wait: the adapters fall back to the timestamps. */
export const MAX_REPORTED_WAIT_SECONDS = 7 * 86_400;

/**
 * The wait a source reports with an outcome, seconds (Asterisk's CONNECT holdtime, ABANDON's waittime): where
 * given it is the contact's wait for that outcome, instead of the outcome's instant minus the queue entry.
 */
const reportedWait = z.number().min(0).max(MAX_REPORTED_WAIT_SECONDS).optional();


const queueConfigEvent = z.object({
  ...base,
  type: z.literal('queue.config'),
  queue: id,
  channel,
  timeZone: z.string().min(1).max(64).refine(isValidTimeZone, 'unknown time zone (an IANA name such as Europe/Paris)').optional(),
  /** Service-level threshold T in seconds for this queue (defaults: voice 20, chat 60, message 3600, email 86400). */
  slThresholdSeconds: z.number().positive().max(7 * 86400).optional(),
});

const contactQueuedEvent = z.object({
  ...base,
  type: z.literal('contact.queued'),
  contactId: id,
  channel,
  queue: id,
});

const contactAnsweredEvent = z.object({
  ...base,
  type: z.literal('contact.answered'),
  contactId: id,
  agentId: id,
  waitSeconds: reportedWait,
});

/**
 * An agent's (or a bot's) reply on an async contact (chat, email, message). The first human one sets the first
 * response time; each one answers the customer messages before it (next response time).
 */
const contactRespondedEvent = z.object({
  ...base,
  type: z.literal('contact.responded'),
  contactId: id,
  agentId: id.optional(),
  /** Bot/auto replies do not count as responses by default (DOMAIN.md). */
  automated: z.boolean().optional(),
});

/**
 * A customer's message on an async contact after it entered the queue (a follow-up in the conversation): it
 * starts the next-response clock, stopped by the next agent reply (src/core/metrics/responses.ts).
 */
const contactMessageEvent = contactInstant('contact.message');
const contactAbandonedEvent = contactInstant('contact.abandoned').extend({ waitSeconds: reportedWait });
/** The end of a contact; a source may report the wait of a contact that left the queue without an agent. */
const contactEndedEvent = contactInstant('contact.ended').extend({ waitSeconds: reportedWait });
const contactWrapupEndedEvent = contactInstant('contact.wrapup-ended');

/** A customer's survey answer about a contact: CSAT on 1-5 and/or NPS on 0-10. The latest survey counts. */
const contactSurveyedEvent = z
  .object({
    ...base,
    type: z.literal('contact.surveyed'),
    contactId: id,
    csat: z.number().int().min(CSAT_SCALE.min).max(CSAT_SCALE.max).optional(),
    nps: z.number().int().min(NPS_SCALE.min).max(NPS_SCALE.max).optional(),
  })
  .refine((e) => e.csat !== undefined || e.nps !== undefined, { message: 'a survey needs csat (1-5) or nps (0-10)', path: ['csat'] });

/** A contact's issue resolved; `firstContact`: resolved on this first contact (FCR). The earliest counts. */
const contactResolvedEvent = z.object({
  ...base,
  type: z.literal('contact.resolved'),
  contactId: id,
  firstContact: z.boolean(),
});

const agentStateEvent = z.object({
  ...base,
  type: z.literal('agent.state'),
  agentId: id,
  name: z.string().max(200).optional(),
  state: z.enum(AGENT_STATES),
  /** Not-ready reason code (Break, Lunch, Training...). Only meaningful with state not-ready. */
  reason: z.string().max(100).optional(),
  /** Concurrent contacts the agent can take per channel, e.g. { voice: 1, chat: 3 }. */
  capacity: z.partialRecord(channel, z.number().int().min(0).max(50)).optional(),
});

export const canonicalEvent = z.discriminatedUnion('type', [
  queueConfigEvent,
  contactQueuedEvent,
  contactAnsweredEvent,
  contactRespondedEvent,
  contactMessageEvent,
  contactAbandonedEvent,
  contactEndedEvent,
  contactWrapupEndedEvent,
  contactSurveyedEvent,
  contactResolvedEvent,
  agentStateEvent,
]);

/** A validated event, timestamps as epoch milliseconds. */
export type CanonicalEvent = z.output<typeof canonicalEvent>;
/** What a producer writes (timestamps may be ISO strings). */
export type CanonicalEventInput = z.input<typeof canonicalEvent>;
type EventType = CanonicalEvent['type'];
export type EventOf<T extends EventType> = Extract<CanonicalEvent, { type: T }>;

export type ParseResult = { ok: true; event: CanonicalEvent } | { ok: false; reason: string };

/** Parse one NDJSON line. Never throws: a bad line yields a reason fit to show a user. */
export function parseEventLine(line: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    return { ok: false, reason: `not JSON: ${(e as Error).message}` };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, reason: 'not a JSON object' };
  }
  const v = (json as { v?: unknown }).v;
  if (v !== FEED_FORMAT_VERSION) {
    return { ok: false, reason: v === undefined ? 'missing format version "v"' : `unsupported format version ${JSON.stringify(v)}` };
  }
  const parsed = canonicalEvent.safeParse(json);
  if (!parsed.success) return { ok: false, reason: formatZodError(parsed.error) };
  return { ok: true, event: parsed.data };
}

/** One line per issue, with the path of the offending field. */
export function formatZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Serialize an event as a native feed line (timestamps as ISO strings, for people reading the file). */
export function toEventLine(event: CanonicalEvent): string {
  return JSON.stringify({ ...event, ts: new Date(event.ts).toISOString() });
}
