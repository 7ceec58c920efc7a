/**
 * Reading TaskRouter lines: a webhook form post, or an Event Streams CloudEvent (alone or in a batch array),
 * into records with one flat field map. Mapping the records to canonical events is taskrouter.ts's job.
 *
 * Field names differ by delivery: webhooks post `TaskSid`, Event Streams payloads carry `task_sid`, older
 * JSON payloads `taskSid`. Keys are normalized (lower case, no `_` or `-`) so one lookup serves all three.
 */
import { parseIsoInstant } from '../time/iso-instant';
import { MAX_LINE_LENGTH } from './source-lines';

/**
 * Longest line read (the line preamble refuses longer ones). A batch of CloudEvents may be long, so arrays get more
 * room than one event.
 */
export const MAX_EVENT_LINE_LENGTH = MAX_LINE_LENGTH;
export const MAX_BATCH_LINE_LENGTH = 1024 * 1024;

const CLOUD_EVENT_PREFIX = 'com.twilio.taskrouter.';
const EVENT_TYPE = /^[a-z0-9][a-z0-9._-]{0,99}$/i;
const DECIMAL = /^\d{1,16}(\.\d{1,9})?$/;
/** Below this an epoch number is seconds (1e11 s is the year 5138), from it milliseconds (1e11 ms is 1973). */
const EPOCH_MS_FROM = 1e11;
/** The largest instant a JavaScript Date can hold. */
const MAX_EPOCH_MS = 8.64e15;

export type Fields = ReadonlyMap<string, unknown>;

export interface TaskRouterRecord {
  /** The TaskRouter event type, e.g. `task.created`. */
  eventType: string;
  /** When it happened, epoch milliseconds. */
  ts: number;
  fields: Fields;
  /** The source's own id for the event (the TaskRouter event sid `EV...`, else the CloudEvent id); webhooks have none. */
  eventId: string | null;
}

export type RecordRead =
  | { status: 'record'; record: TaskRouterRecord }
  /** A CloudEvent of another Twilio product (a shared Event Streams sink): readable, not ours. */
  | { status: 'foreign'; type: string }
  | { status: 'refused'; reason: string };

export type LineRead = { kind: 'single'; read: RecordRead } | { kind: 'batch'; reads: RecordRead[] } | { kind: 'refused'; reason: string };

const normalizeKey = (name: string): string => name.toLowerCase().replace(/[_-]/g, '');

/** A field as text: strings trimmed (empty = absent), finite numbers and booleans spelled out. */
export function fieldText(fields: Fields, name: string): string | undefined {
  const v = fields.get(normalizeKey(name));
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? undefined : t;
  }
  if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') return String(v);
  return undefined;
}

/** The first of several names that is present. */
export function firstFieldText(fields: Fields, names: readonly string[]): string | undefined {
  for (const n of names) {
    const v = fieldText(fields, n);
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * A JSON-valued field such as `TaskAttributes`: webhooks post it as a JSON string, some Event Streams schemas
 * as an object. `absent` when missing or empty, `bad` when present but not a JSON object.
 */
export function fieldObject(fields: Fields, name: string): Record<string, unknown> | 'absent' | 'bad' {
  const v = fields.get(normalizeKey(name));
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return 'absent';
  let o: unknown = v;
  if (typeof v === 'string') {
    try {
      o = JSON.parse(v);
    } catch {
      return 'bad';
    }
  }
  return isPlainObject(o) ? o : 'bad';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Cut a piece of input for a reason shown to people. */
export const clip = (s: string, max = 40): string => (s.length > max ? `${s.slice(0, max)}...` : s);

/**
 * An instant as TaskRouter sends it: epoch seconds (webhooks, possibly fractional), epoch milliseconds, or
 * ISO-8601 with Z or an offset (Event Streams). Null when unreadable or outside what a Date can hold.
 */
function parseInstant(v: unknown): number | null {
  if (typeof v === 'number') return fromEpochNumber(v);
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (DECIMAL.test(s)) return fromEpochNumber(Number(s));
  // the one ISO reading (time/iso-instant.ts): Z or an offset required, an impossible date refused
  const r = parseIsoInstant(s);
  return !r.ok || r.ms < 0 || r.ms > MAX_EPOCH_MS ? null : r.ms;
}

function fromEpochNumber(n: number): number | null {
  if (!Number.isFinite(n) || n < 0) return null;
  const ms = Math.round(n >= EPOCH_MS_FROM ? n : n * 1000);
  return ms > MAX_EPOCH_MS ? null : ms;
}

/**
 * Read one line. Never throws. The line preamble has trimmed it, skipped it when blank and refused it when longer
 * than MAX_EVENT_LINE_LENGTH (a batch: MAX_BATCH_LINE_LENGTH).
 */
export function readTaskRouterLine(text: string): LineRead {
  const first = text[0];
  if (first === '{' || first === '[') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { kind: 'refused', reason: `not JSON: ${(e as Error).message}` };
    }
    if (Array.isArray(json)) {
      if (json.length === 0) return { kind: 'refused', reason: 'an empty batch of CloudEvents' };
      return { kind: 'batch', reads: json.map(readCloudEvent) };
    }
    return { kind: 'single', read: readCloudEvent(json) };
  }
  return { kind: 'single', read: readFormPost(text) };
}

const refused = (reason: string): RecordRead => ({ status: 'refused', reason });

function decodeFormPart(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** One `application/x-www-form-urlencoded` body. A repeated name keeps its first value. */
function readFormPost(text: string): RecordRead {
  const raw = /[\s\u0000-\u001f\u007f]/.exec(text);
  if (raw) return refused(`not form-encoded: raw ${raw[0] === ' ' ? 'space' : 'control or blank character'} at ${raw.index + 1}`);
  const fields = new Map<string, unknown>();
  for (const pair of text.split('&')) {
    if (pair === '') continue; // `a=1&&b=2` and a trailing `&` are harmless
    const eq = pair.indexOf('=');
    if (eq <= 0) return refused(`not form-encoded: "${clip(pair)}" is not name=value`);
    const name = decodeFormPart(pair.slice(0, eq));
    const value = decodeFormPart(pair.slice(eq + 1));
    if (name === null || value === null) return refused(`not form-encoded: bad percent-encoding in "${clip(pair)}"`);
    const key = normalizeKey(name);
    if (!fields.has(key)) fields.set(key, value);
  }
  const eventType = fieldText(fields, 'EventType');
  if (eventType === undefined) return refused('missing EventType');
  const sid = firstFieldText(fields, ['EventSid', 'Sid']);
  return finishRecord(eventType, fields, ['TimestampMs', 'Timestamp'], undefined, sid !== undefined && sid.startsWith('EV') ? sid : null);
}

/** One CloudEvent of Event Streams: `{"specversion":"1.0","type":"com.twilio.taskrouter.task.created","id":...,"time":...,"data":{...}}`. */
function readCloudEvent(v: unknown): RecordRead {
  if (!isPlainObject(v)) return refused('not a CloudEvent: not a JSON object');
  if (typeof v.specversion !== 'string' || v.specversion === '') return refused('not a CloudEvent: missing specversion');
  if (typeof v.type !== 'string' || v.type === '') return refused('not a CloudEvent: missing type');
  if (!v.type.startsWith(CLOUD_EVENT_PREFIX)) return { status: 'foreign', type: v.type };
  const data = v.data;
  if (!isPlainObject(data)) return refused('CloudEvent data is not an object');
  // Schema v4 (TaskRouter.WDSEvent) wraps the TaskRouter fields in data.payload; older ones put them in data.
  let payload: unknown = data.payload;
  if (typeof payload === 'string') {
    try {
      payload = JSON.parse(payload);
    } catch {
      return refused('CloudEvent data.payload is not JSON');
    }
  }
  const fields = new Map<string, unknown>();
  for (const [k, val] of Object.entries(data)) if (k !== 'payload') fields.set(normalizeKey(k), val);
  if (isPlainObject(payload)) for (const [k, val] of Object.entries(payload)) fields.set(normalizeKey(k), val);
  else if (payload !== undefined && payload !== null) return refused('CloudEvent data.payload is not an object');
  const sid = fieldText(fields, 'sid');
  const id = sid !== undefined && sid.startsWith('EV') ? sid : typeof v.id === 'string' && v.id !== '' ? v.id : null;
  return finishRecord(v.type.slice(CLOUD_EVENT_PREFIX.length), fields, ['TimestampMs', 'EventDateMs', 'Timestamp', 'EventDate'], v.time, id);
}

function finishRecord(eventType: string, fields: Fields, timeFields: readonly string[], fallbackTime: unknown, eventId: string | null): RecordRead {
  if (!EVENT_TYPE.test(eventType)) return refused(`bad EventType "${clip(eventType)}"`);
  let rawTime: unknown;
  let from = '';
  for (const name of timeFields) {
    const v = fields.get(normalizeKey(name));
    if (v !== undefined && v !== null && v !== '') {
      rawTime = v;
      from = name;
      break;
    }
  }
  if (rawTime === undefined && fallbackTime !== undefined && fallbackTime !== null && fallbackTime !== '') {
    rawTime = fallbackTime;
    from = 'time';
  }
  if (rawTime === undefined) return refused('missing Timestamp');
  const ts = parseInstant(rawTime);
  if (ts === null) return refused(`bad ${from} ${clip(JSON.stringify(rawTime) ?? String(rawTime))}: expected epoch seconds or ms, or ISO-8601 with Z or an offset`);
  if (eventId !== null && eventId.length > 150) eventId = null; // not an id we can keep; the derived key is used instead
  return { status: 'record', record: { eventType, ts, fields, eventId } };
}
