/**
 * Asterisk queue_log (app_queue's log file, one event a line: `epoch|callid|queuename|agent|EVENT|data1|...`)
 * mapped to canonical contact and agent-state events. docs/feeds/queue-log.md has the mapping table and the
 * reasons behind each choice; the doc comments below repeat the ones that shape the code.
 *
 * - A contact is one call in one queue: contactId = `<callid>@<queue>`. The same call transferred to another
 *   queue is a new contact there, as Asterisk counts it (a new ENTERQUEUE).
 * - Every event's time is the line's epoch (UTC seconds, maybe fractional); the durations in the data fields are
 *   checked (they must be whole numbers where Asterisk always writes them) but not used: waits come from the
 *   ENTERQUEUE and CONNECT/ABANDON epochs, so they keep the log's sub-second precision.
 * - Event ids derive from what the line says (contact or agent, queue, verb, epoch), never from its position: the
 *   same line read again, from any offset of any copy of the file, maps to the same ids.
 * - queue_log only says what changed for an agent (PAUSE, CONNECT, COMPLETE...); the adapter keeps each agent's
 *   pause, memberships and calls in memory across batches, and after a restart starts from the agent's last
 *   state as the store knows it (`ctx.agentState`).
 */
import type { CanonicalEvent, EventOf } from '../model/events';
import type { AgentState, Channel } from '../model/types';
import type { ParsedLine } from '../store/store';
import type { AdapterContext, FeedAdapter } from './adapter';
import { MAX_LINE_LENGTH, type SourceLine } from './ndjson';

/** Call ids Asterisk writes on lines not tied to a call. */
export const NO_CALL_IDS: ReadonlySet<string> = new Set(['NONE', 'REALTIME', 'MANAGER', 'CLI']);

/**
 * Longest callid, queue and agent accepted: Asterisk's uniqueids (`1709370000.123`, with a system name a little
 * more) and member names are far shorter; the bound keeps derived event ids within the canonical 200 characters.
 */
export const MAX_QUEUE_LOG_FIELD = 64;

/** Distinct `unknown verb X` kinds counted in `ignored`; further ones go under UNKNOWN_VERB_OVERFLOW. */
export const MAX_UNKNOWN_VERB_KINDS = 50;
export const UNKNOWN_VERB_OVERFLOW = 'unknown verb (more kinds)';

/** Agents whose pause, memberships and calls are remembered (least recently seen forgotten first). */
export const DEFAULT_MAX_TRACKED_AGENTS = 20_000;

/** Reason shown for a pause without a reason code (PAUSE with an empty data1, ADDMEMBER ... PAUSED). */
export const DEFAULT_PAUSE_REASON = 'Paused';

const EPOCH = /^(\d{9,10})(?:\.(\d{1,9}))?$/;
const WHOLE = /^\d{1,10}$/;
const VERB = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,39}$/;
const MAX_REASON = 100;
/** A call still open after this long is taken as having lost its end line (the agent is no longer held on it). */
const MAX_CALL_MS = 12 * 3600_000;

/**
 * Verbs read and understood that carry nothing for the floor: kept raw, counted in `ignored` under their name.
 * A ring that was not answered (RINGNOANSWER, RINGCANCELED) changes no contact and no agent state: an agent that
 * Asterisk auto-pauses after it gets its own PAUSE line.
 */
export const IGNORED_VERBS: ReadonlySet<string> = new Set([
  'QUEUESTART',
  'CONFIGRELOAD',
  'SYSCOMPAT',
  'DID',
  'INFO',
  'PENALTY',
  'RINGINUSE',
  'OUTCALL',
  'AGENTDUMP',
  'RINGNOANSWER',
  'RINGCANCELED',
]);

export interface QueueLogOptions {
  /**
   * How EXITWITHKEY (the caller pressed a key to leave the queue, usually to voicemail or a callback) counts.
   * 'left' (default, as Asterisk): the contact ends, not answered and not abandoned. 'abandoned': as an abandon.
   */
  exitWithKey?: 'left' | 'abandoned';
  /** Only these queues are read; lines of other queues are kept raw and counted as `other queue`. */
  queues?: readonly string[];
  /** Agents remembered across batches; default 20,000. */
  maxTrackedAgents?: number;
}

export interface QueueLogAdapter extends FeedAdapter {
  readonly format: 'queue_log';
  readonly ignored: ReadonlyMap<string, number>;
}

/** One line split into its fields. */
export interface QueueLogLine {
  /** Epoch milliseconds. */
  ts: number;
  callid: string;
  queue: string;
  agent: string;
  verb: string;
  data: string[];
}

/**
 * Split and check the fixed part of a line. Empty callid, queue or agent fields are read as NONE (some writers
 * leave them empty). Returns a reason fit to show a user when the line is not a queue_log line.
 */
export function splitQueueLogLine(text: string): QueueLogLine | { reason: string } {
  const f = text.split('|');
  if (f.length < 5) return { reason: `expected at least 5 |-separated fields (epoch|callid|queue|agent|EVENT), got ${f.length}` };
  const m = EPOCH.exec(f[0]);
  if (!m) return { reason: `bad epoch ${quote(f[0])}: expected Unix seconds such as 1709370000 or 1709370000.123` };
  const ts = Number(m[1]) * 1000 + (m[2] === undefined ? 0 : Math.round(Number(`0.${m[2]}`) * 1000));
  const verb = f[4];
  if (verb === '') return { reason: 'empty event verb (field 5)' };
  if (!VERB.test(verb)) return { reason: `bad event verb ${quote(verb)}: expected a word such as CONNECT` };
  const [callid, queue, agent] = [f[1] || 'NONE', f[2] || 'NONE', f[3] || 'NONE'];
  for (const [name, value] of [['callid', callid], ['queue', queue], ['agent', agent]] as const) {
    if (value.length > MAX_QUEUE_LOG_FIELD) return { reason: `${name} longer than ${MAX_QUEUE_LOG_FIELD} characters` };
  }
  return { ts, callid, queue, agent, verb, data: f.slice(5) };
}

function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}...` : s);
}

const isNone = (s: string) => s === 'NONE';

/** What one line maps to: events (maybe none; `ignored` names the kind counted) or the reason it is refused. */
type Outcome = { events: CanonicalEvent[]; ignored?: string } | { reason: string };

/** A check of the data fields, before anything is remembered: a refused line must not move an agent's state. */
function requireWhole(l: QueueLogLine, index: number, what: string, unit = 'whole seconds'): string | null {
  const v = l.data[index];
  if (v === undefined || v === '') return `${l.verb}: missing ${what} (data${index + 1})`;
  if (!WHOLE.test(v)) return `${l.verb}: ${what} (data${index + 1}) must be ${unit}, got ${quote(v)}`;
  return null;
}

function optionalWhole(l: QueueLogLine, index: number, what: string): string | null {
  const v = l.data[index];
  if (v === undefined || v === '') return null;
  return WHOLE.test(v) ? null : `${l.verb}: ${what} (data${index + 1}) must be whole seconds, got ${quote(v)}`;
}

/** What a verb needs of the fixed fields, and the checks of its data fields (docs/feeds/queue-log.md). */
interface VerbSpec {
  call?: boolean;
  queue?: boolean;
  agent?: boolean;
  check?: (l: QueueLogLine) => string | null;
}

const first = (...checks: (string | null)[]) => checks.find((c) => c !== null) ?? null;

const holdAndCall = (hold: number) => (l: QueueLogLine) =>
  first(requireWhole(l, hold, 'holdtime'), requireWhole(l, hold + 1, 'calltime'));

/** ATTENDEDTRANSFER: `BRIDGE|id` or `APP|app` then holdtime|calltime|origpos; `LINK|chan1|chan2` then the same. */
function attendedTransferCheck(l: QueueLogLine): string | null {
  const form = l.data[0];
  if (form === 'BRIDGE' || form === 'APP') return holdAndCall(2)(l);
  if (form === 'LINK') return holdAndCall(3)(l);
  // An older or unknown form: the transfer still ended the call in the queue; its numbers are not read.
  return null;
}

const VERBS: Readonly<Record<string, VerbSpec>> = {
  ENTERQUEUE: { call: true, queue: true },
  CONNECT: { call: true, queue: true, agent: true, check: (l) => first(requireWhole(l, 0, 'holdtime'), optionalWhole(l, 2, 'ringtime')) },
  COMPLETECALLER: { call: true, queue: true, check: holdAndCall(0) },
  COMPLETEAGENT: { call: true, queue: true, check: holdAndCall(0) },
  TRANSFER: { call: true, queue: true, check: holdAndCall(2) },
  BLINDTRANSFER: { call: true, queue: true, check: holdAndCall(2) },
  ATTENDEDTRANSFER: { call: true, queue: true, check: attendedTransferCheck },
  ABANDON: { call: true, queue: true, check: (l) => requireWhole(l, 2, 'waittime') },
  EXITWITHTIMEOUT: { call: true, queue: true, check: (l) => requireWhole(l, 2, 'waittime') },
  EXITEMPTY: { call: true, queue: true, check: (l) => requireWhole(l, 2, 'waittime') },
  WITHDRAW: { call: true, queue: true, check: (l) => requireWhole(l, 2, 'waittime') },
  // Older Asterisk writes only key|position; newer adds origposition|waittime.
  EXITWITHKEY: { call: true, queue: true, check: (l) => optionalWhole(l, 3, 'waittime') },
  RINGNOANSWER: { call: true, queue: true, check: (l) => requireWhole(l, 0, 'ring time', 'whole milliseconds') },
  RINGCANCELED: { call: true, queue: true, check: (l) => requireWhole(l, 0, 'ring time', 'whole milliseconds') },
  AGENTLOGIN: { agent: true },
  AGENTCALLBACKLOGIN: { agent: true },
  AGENTLOGOFF: { agent: true, check: (l) => optionalWhole(l, 1, 'logintime') },
  AGENTCALLBACKLOGOFF: { agent: true, check: (l) => optionalWhole(l, 1, 'logintime') },
  ADDMEMBER: { agent: true, queue: true },
  REMOVEMEMBER: { agent: true, queue: true },
  PAUSE: { agent: true },
  UNPAUSE: { agent: true },
  PAUSEALL: { agent: true },
  UNPAUSEALL: { agent: true },
};

/** What the adapter remembers of one agent. */
interface AgentMemory {
  /** Paused (Asterisk: in any queue; Floorboard has one state per agent, the last PAUSE/UNPAUSE wins). */
  paused: boolean;
  reason: string | null;
  /** Logged off (AGENTLOGOFF) or removed from every queue it was known in. */
  loggedOut: boolean;
  /** Queues the agent was added to (ADDMEMBER) and not removed from, as far as this log told. */
  queues: Set<string>;
  /** One contact on each channel of the queues it served (voice until a queue says otherwise), and its key. */
  capacity: Partial<Record<Channel, number>>;
  capacityKey: string;
  /** The capacity is still the voice default (no queue seen): the first queue replaces it. */
  capacityDefault: boolean;
  /** Contacts it is on now (CONNECT not yet followed by its end), with the CONNECT instant. */
  calls: Map<string, number>;
  /** The last few calls whose end was read before their CONNECT (lines out of order): their CONNECT holds nothing. */
  endedFirst: string[];
  /** The state, reason and capacity last emitted (or known from the store): unchanged ones are not re-sent. */
  lastKey: string | null;
}

/** A Map that forgets its least recently used entries beyond `max`, so a feed running for months stays bounded. */
class LruMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }
}

/** Record that the agent serves a queue of `channel`: its capacity gains one contact there (voice is the default). */
function addChannel(m: AgentMemory, channel: Channel): void {
  if (m.capacityDefault) {
    m.capacityDefault = false;
    if (channel === 'voice') return;
    m.capacity = { [channel]: 1 };
  } else if (m.capacity[channel] === undefined) m.capacity = { ...m.capacity, [channel]: 1 };
  else return;
  m.capacityKey = Object.keys(m.capacity).sort().join(',');
}

export function createQueueLogAdapter(ctx: AdapterContext, options: QueueLogOptions = {}): QueueLogAdapter {
  const ignored = new Map<string, number>();
  const count = (kind: string) => ignored.set(kind, (ignored.get(kind) ?? 0) + 1);
  const agents = new LruMap<string, AgentMemory>(Math.max(1, options.maxTrackedAgents ?? DEFAULT_MAX_TRACKED_AGENTS));
  const onlyQueues = options.queues ? new Set(options.queues) : null;
  const exitWithKeyAbandons = options.exitWithKey === 'abandoned';
  let unknownKinds = 0;

  function unknownVerbKind(verb: string): string {
    const kind = `unknown verb ${verb}`;
    if (ignored.has(kind)) return kind;
    if (unknownKinds >= MAX_UNKNOWN_VERB_KINDS) return UNKNOWN_VERB_OVERFLOW;
    unknownKinds++;
    return kind;
  }

  /**
   * The agent's memory; a first sight starts from what the store knows (its state and pause reason), so a restart
   * keeps an agent's pause and log-off. Memberships and open calls are not in the store (docs: known gaps).
   */
  function agentMemory(agentId: string): AgentMemory {
    let m = agents.get(agentId);
    if (m) return m;
    const known = ctx.agentState(agentId);
    m = {
      paused: known?.state === 'not-ready',
      reason: known?.state === 'not-ready' ? known.reason : null,
      loggedOut: known?.state === 'offline',
      queues: new Set(),
      // No queue seen yet: voice, until a queue says otherwise.
      capacity: { voice: 1 },
      capacityKey: 'voice',
      capacityDefault: true,
      calls: new Map(),
      endedFirst: [],
      // The capacity last sent is not known: the first change re-sends state and capacity together.
      lastKey: null,
    };
    agents.set(agentId, m);
    return m;
  }

  /**
   * The agent's state now, from its memory: on a contact while it holds a call (a PAUSE during a call shows
   * when the call ends, as Asterisk applies it to the next call), else offline, not ready with its reason, or
   * available. Returns an agent.state event only when state, reason or capacity changed.
   */
  function agentEvents(agentId: string, m: AgentMemory, ts: number, id: string): CanonicalEvent[] {
    // A call open far longer than any call lasts lost its end line (a crash, a rotated-away file): let it go.
    for (const [contactId, since] of m.calls) if (ts - since > MAX_CALL_MS) m.calls.delete(contactId);
    const state: AgentState = m.calls.size > 0 ? 'on-contact' : m.loggedOut ? 'offline' : m.paused ? 'not-ready' : 'available';
    const reason = state === 'not-ready' ? (m.reason ?? DEFAULT_PAUSE_REASON) : null;
    const key = `${state}|${reason ?? ''}|${m.capacityKey}`;
    if (key === m.lastKey) return [];
    m.lastKey = key;
    const e: EventOf<'agent.state'> = { v: 1, id, type: 'agent.state', ts, agentId, state, capacity: m.capacity };
    if (reason !== null) e.reason = reason;
    return [e];
  }

  function pauseReason(l: QueueLogLine): string | null {
    const r = (l.data[0] ?? '').trim();
    return r === '' ? null : r.slice(0, MAX_REASON);
  }

  /** Map a line that passed its verb's checks. Only here is memory changed. */
  function mapLine(l: QueueLogLine): Outcome {
    const contactId = `${l.callid}@${l.queue}`;
    const cid = (suffix: string) => `ql:${contactId}:${l.verb}:${l.ts}:${suffix}`;
    const agentLineId = `ql:${l.agent}@${l.queue}:${l.verb}:${l.ts}`;
    const ts = l.ts;
    const contactEvent = <T extends 'contact.abandoned' | 'contact.ended' | 'contact.wrapup-ended'>(type: T, suffix: string) =>
      ({ v: 1, id: cid(suffix), type, ts, contactId }) as EventOf<T>;
    const realQueue = !isNone(l.queue);

    /** The end of a call in the queue: ended and, as queue_log records no after-call work, wrapped up. */
    const endCall = (): CanonicalEvent[] => {
      const events: CanonicalEvent[] = [contactEvent('contact.ended', 'ended'), contactEvent('contact.wrapup-ended', 'wrapup-ended')];
      if (!isNone(l.agent)) {
        const m = agentMemory(l.agent);
        if (!m.calls.delete(contactId)) {
          m.endedFirst.push(contactId);
          if (m.endedFirst.length > 8) m.endedFirst.shift();
        }
        events.push(...agentEvents(l.agent, m, ts, cid('agent')));
      }
      return events;
    };

    switch (l.verb) {
      case 'ENTERQUEUE':
        return { events: [{ v: 1, id: cid('queued'), type: 'contact.queued', ts, contactId, channel: ctx.queueChannel(l.queue), queue: l.queue }] };
      case 'CONNECT': {
        const m = agentMemory(l.agent);
        const over = m.endedFirst.indexOf(contactId);
        if (over >= 0) m.endedFirst.splice(over, 1);
        else m.calls.set(contactId, ts);
        m.loggedOut = false;
        addChannel(m, ctx.queueChannel(l.queue));
        return {
          events: [
            { v: 1, id: cid('answered'), type: 'contact.answered', ts, contactId, agentId: l.agent },
            ...agentEvents(l.agent, m, ts, cid('agent')),
          ],
        };
      }
      case 'COMPLETECALLER':
      case 'COMPLETEAGENT':
      case 'TRANSFER':
      case 'BLINDTRANSFER':
      case 'ATTENDEDTRANSFER':
        return { events: endCall() };
      case 'ABANDON':
      case 'EXITWITHTIMEOUT':
      case 'EXITEMPTY':
      case 'WITHDRAW':
        return { events: [contactEvent('contact.abandoned', 'abandoned'), contactEvent('contact.ended', 'ended')] };
      case 'EXITWITHKEY':
        return {
          events: exitWithKeyAbandons
            ? [contactEvent('contact.abandoned', 'abandoned'), contactEvent('contact.ended', 'ended')]
            : [contactEvent('contact.ended', 'ended')],
        };
      case 'AGENTLOGIN':
      case 'AGENTCALLBACKLOGIN': {
        const m = agentMemory(l.agent);
        m.loggedOut = false;
        if (realQueue) addChannel(m, ctx.queueChannel(l.queue));
        return { events: agentEvents(l.agent, m, ts, agentLineId) };
      }
      case 'AGENTLOGOFF':
      case 'AGENTCALLBACKLOGOFF': {
        const m = agentMemory(l.agent);
        m.loggedOut = true;
        return { events: agentEvents(l.agent, m, ts, agentLineId) };
      }
      case 'ADDMEMBER': {
        const m = agentMemory(l.agent);
        m.queues.add(l.queue);
        addChannel(m, ctx.queueChannel(l.queue));
        m.loggedOut = false;
        // ADDMEMBER says the new membership's pause: the last word on the agent's pause, as PAUSE/UNPAUSE are.
        const paused = (l.data[0] ?? '').trim().toUpperCase() === 'PAUSED';
        if (paused !== m.paused) m.reason = null;
        m.paused = paused;
        return { events: agentEvents(l.agent, m, ts, agentLineId) };
      }
      case 'REMOVEMEMBER': {
        const m = agentMemory(l.agent);
        m.queues.delete(l.queue);
        // Still a member elsewhere (as far as this log told): the agent stays on the floor.
        if (m.queues.size === 0) {
          m.loggedOut = true;
          m.paused = false;
          m.reason = null;
        }
        return { events: agentEvents(l.agent, m, ts, agentLineId) };
      }
      case 'PAUSE':
      case 'PAUSEALL': {
        const m = agentMemory(l.agent);
        m.paused = true;
        m.reason = pauseReason(l);
        if (realQueue) addChannel(m, ctx.queueChannel(l.queue));
        return { events: agentEvents(l.agent, m, ts, agentLineId) };
      }
      case 'UNPAUSE':
      case 'UNPAUSEALL': {
        const m = agentMemory(l.agent);
        m.paused = false;
        m.reason = null;
        return { events: agentEvents(l.agent, m, ts, agentLineId) };
      }
      default:
        return { reason: `adapter error: no mapping for ${l.verb}` };
    }
  }

  function mapText(text: string): Outcome {
    const l = splitQueueLogLine(text);
    if ('reason' in l) return l;
    const spec = VERBS[l.verb];
    if (spec === undefined) {
      if (IGNORED_VERBS.has(l.verb)) return { events: [], ignored: l.verb };
      return { events: [], ignored: unknownVerbKind(l.verb) };
    }
    if (spec.call && NO_CALL_IDS.has(l.callid)) return { reason: `${l.verb}: needs a call id, got ${l.callid}` };
    if (spec.queue && isNone(l.queue)) return { reason: `${l.verb}: needs a queue name, got NONE` };
    if (spec.agent && isNone(l.agent)) return { reason: `${l.verb}: needs an agent, got NONE` };
    const bad = spec.check?.(l) ?? null;
    if (bad !== null) return { reason: bad };
    if (onlyQueues !== null && !isNone(l.queue) && !onlyQueues.has(l.queue)) return { events: [], ignored: 'other queue' };
    // RINGNOANSWER and RINGCANCELED are checked (their ring time must read) but map to nothing.
    if (IGNORED_VERBS.has(l.verb)) return { events: [], ignored: l.verb };
    return mapLine(l);
  }

  function parse(lines: SourceLine[]): ParsedLine[] {
    const out: ParsedLine[] = [];
    for (const { position, text: raw } of lines) {
      const text = raw.trim();
      if (text === '') continue;
      if (text.length > MAX_LINE_LENGTH) {
        out.push({ position, text: text.slice(0, MAX_LINE_LENGTH), reason: `line longer than ${MAX_LINE_LENGTH} characters` });
        continue;
      }
      let r: Outcome;
      try {
        r = mapText(text);
      } catch (e) {
        // A throw would be a bug; it still costs one line, not the batch.
        r = { reason: `adapter error: ${(e as Error).message}` };
      }
      if ('reason' in r) out.push({ position, text, reason: r.reason });
      else {
        if (r.ignored !== undefined) count(r.ignored);
        out.push({ position, text, events: r.events });
      }
    }
    return out;
  }

  return { format: 'queue_log', ignored, parse };
}
