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
 * - Events carry no id: the store tells a duplicate by its effect (dedupe 'by-effect': an event that changes no
 *   stored contact or agent interval), so the same line read again, from any offset of any copy of the file, adds
 *   nothing.
 * - queue_log only says what changed for an agent (PAUSE, CONNECT, COMPLETE...); the adapter keeps each agent's
 *   pause, memberships and calls in memory across batches, and after a restart starts from the agent's last
 *   state as the store knows it (`ctx.agentState`).
 *
 * The hot path reads a line in place: it finds the `|` separators with indexOf and checks the epoch, verb and
 * whole-number fields char by char, cutting out only the substrings an event keeps (callid, queue, agent, a pause
 * reason); a line makes no intermediate arrays, closures or result objects.
 */
import type { CanonicalEvent, EventOf } from '../model/events';
import { AGENT_RESAY_MS, type AgentState, type Channel } from '../model/types';
import type { ParsedLine } from '../store/store';
import type { AdapterContext, FeedAdapter } from './adapter';
import { lineText, type SourceLine } from './source-lines';

/** Call ids Asterisk writes on lines not tied to a call. */
export const NO_CALL_IDS: ReadonlySet<string> = new Set(['NONE', 'REALTIME', 'MANAGER', 'CLI']);

/**
 * Longest callid, queue and agent accepted: Asterisk's uniqueids (`1709370000.123`, with a system name a little
 * more) and member names are far shorter; the bound keeps contact ids (`callid@queue`) within the canonical 200
 * characters.
 */
export const MAX_QUEUE_LOG_FIELD = 64;

/** Distinct `unknown verb X` kinds counted in `ignored`; further ones go under UNKNOWN_VERB_OVERFLOW. */
export const MAX_UNKNOWN_VERB_KINDS = 50;
export const UNKNOWN_VERB_OVERFLOW = 'unknown verb (more kinds)';

/** Agents whose pause, memberships and calls are remembered (least recently seen forgotten first). */
export const DEFAULT_MAX_TRACKED_AGENTS = 20_000;

/** Reason shown for a pause without a reason code (PAUSE with an empty data1, ADDMEMBER ... PAUSED). */
export const DEFAULT_PAUSE_REASON = 'Paused';

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
  readonly dedupe: 'by-effect';
  readonly ignored: ReadonlyMap<string, number>;
}

const PIPE = '|';

function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}...` : s);
}

function fieldCountReason(fields: number): string {
  return `expected at least 5 |-separated fields (epoch|callid|queue|agent|EVENT), got ${fields}`;
}

/**
 * The epoch field `text[0, end)` in milliseconds, or NaN when it is not Unix seconds: 9 or 10 ASCII digits, then
 * optionally `.` and 1 to 9 digits. A fraction of up to 3 digits is exact milliseconds (as `Math.round(0.f * 1000)`
 * gives for every one of them); a longer one is rounded to the millisecond that way.
 */
function epochMs(text: string, end: number): number {
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
function isVerbWord(text: string, s: number, e: number): boolean {
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
function isWhole(text: string, s: number, e: number): boolean {
  if (e - s < 1 || e - s > 10) return false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The field `text[s, e)` reads as NONE (written so, or left empty). */
function isNoneAt(text: string, s: number, e: number): boolean {
  return e === s || (e - s === 4 && text.startsWith('NONE', s));
}

/** The callid `text[s, e)` is one of NO_CALL_IDS (an empty field reads as NONE). */
function isNoCallIdAt(text: string, s: number, e: number): boolean {
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
function fieldText(text: string, s: number, e: number): string {
  return e === s ? 'NONE' : text.slice(s, e);
}

/** Where data field `index` (0 = data1) starts, or -1 when the line has fewer fields; `p5` is the `|` after the verb. */
function dataStart(text: string, p5: number, index: number): number {
  if (p5 < 0) return -1;
  let s = p5 + 1;
  for (let k = 0; k < index; k++) {
    const p = text.indexOf(PIPE, s);
    if (p < 0) return -1;
    s = p + 1;
  }
  return s;
}

function fieldEnd(text: string, s: number): number {
  const p = text.indexOf(PIPE, s);
  return p < 0 ? text.length : p;
}

/** A data field's value as `split('|')` gives it ('' when the line has fewer fields). */
function dataText(text: string, p5: number, index: number): string {
  const s = dataStart(text, p5, index);
  return s < 0 ? '' : text.slice(s, fieldEnd(text, s));
}

const EMPTY_VERB = 'empty event verb (field 5)';

function badEpoch(text: string, p1: number): string {
  return `bad epoch ${quote(text.slice(0, p1))}: expected Unix seconds such as 1709370000 or 1709370000.123`;
}

function badVerb(text: string, s: number, e: number): string {
  return `bad event verb ${quote(text.slice(s, e))}: expected a word such as CONNECT`;
}

/** callid, queue and agent (an empty one reads as NONE, 4 characters) within MAX_QUEUE_LOG_FIELD, in that order. */
function fieldLengthReason(p1: number, p2: number, p3: number, p4: number): string | null {
  if (p2 - p1 - 1 > MAX_QUEUE_LOG_FIELD) return `callid longer than ${MAX_QUEUE_LOG_FIELD} characters`;
  if (p3 - p2 - 1 > MAX_QUEUE_LOG_FIELD) return `queue longer than ${MAX_QUEUE_LOG_FIELD} characters`;
  if (p4 - p3 - 1 > MAX_QUEUE_LOG_FIELD) return `agent longer than ${MAX_QUEUE_LOG_FIELD} characters`;
  return null;
}

/** What a line of a verb maps to (see the switch in the adapter). */
const enum Kind {
  EnterQueue,
  Connect,
  /** COMPLETE*, TRANSFER, BLINDTRANSFER, ATTENDEDTRANSFER: the call ended with its agent. */
  EndCall,
  /** ABANDON, EXITWITHTIMEOUT, EXITEMPTY, WITHDRAW. */
  Abandon,
  ExitWithKey,
  /** RINGNOANSWER, RINGCANCELED: checked, then ignored. */
  Ring,
  Login,
  Logoff,
  AddMember,
  RemoveMember,
  Pause,
  Unpause,
  /** IGNORED_VERBS without checks: counted under their name. */
  Ignored,
}

/** The checks of a verb's data fields, before anything is remembered: a refused line must not move an agent's state. */
const enum Check {
  None,
  /** holdtime (data1), ringtime (data3) when present. */
  Connect,
  /** holdtime, calltime from data1. */
  HoldCall1,
  /** holdtime, calltime from data3. */
  HoldCall3,
  /** `BRIDGE|id` or `APP|app` then holdtime|calltime|origpos; `LINK|chan1|chan2` then the same; another form unchecked. */
  AttendedTransfer,
  /** waittime (data3). */
  Wait3,
  /** waittime (data4) when present: older Asterisk writes only key|position. */
  ExitWithKey,
  /** ring time (data1) in milliseconds. */
  Ring,
  /** logintime (data2) when present. */
  Logoff,
}

/** What a verb needs of the fixed fields, and the checks of its data fields (docs/feeds/queue-log.md). */
interface VerbSpec {
  readonly name: string;
  /** Its first char code, tried before the whole name. */
  readonly first: number;
  readonly kind: Kind;
  readonly call: boolean;
  readonly queue: boolean;
  readonly agent: boolean;
  readonly check: Check;
}

const CALL = 1;
const QUEUE = 2;
const AGENT = 4;

function verbSpec(name: string, kind: Kind, needs: number, check = Check.None): VerbSpec {
  return { name, first: name.charCodeAt(0), kind, call: (needs & CALL) !== 0, queue: (needs & QUEUE) !== 0, agent: (needs & AGENT) !== 0, check };
}

const MAPPED_VERBS: readonly VerbSpec[] = [
  verbSpec('ENTERQUEUE', Kind.EnterQueue, CALL | QUEUE),
  verbSpec('CONNECT', Kind.Connect, CALL | QUEUE | AGENT, Check.Connect),
  verbSpec('COMPLETECALLER', Kind.EndCall, CALL | QUEUE, Check.HoldCall1),
  verbSpec('COMPLETEAGENT', Kind.EndCall, CALL | QUEUE, Check.HoldCall1),
  verbSpec('TRANSFER', Kind.EndCall, CALL | QUEUE, Check.HoldCall3),
  verbSpec('BLINDTRANSFER', Kind.EndCall, CALL | QUEUE, Check.HoldCall3),
  verbSpec('ATTENDEDTRANSFER', Kind.EndCall, CALL | QUEUE, Check.AttendedTransfer),
  verbSpec('ABANDON', Kind.Abandon, CALL | QUEUE, Check.Wait3),
  verbSpec('EXITWITHTIMEOUT', Kind.Abandon, CALL | QUEUE, Check.Wait3),
  verbSpec('EXITEMPTY', Kind.Abandon, CALL | QUEUE, Check.Wait3),
  verbSpec('WITHDRAW', Kind.Abandon, CALL | QUEUE, Check.Wait3),
  verbSpec('EXITWITHKEY', Kind.ExitWithKey, CALL | QUEUE, Check.ExitWithKey),
  verbSpec('RINGNOANSWER', Kind.Ring, CALL | QUEUE, Check.Ring),
  verbSpec('RINGCANCELED', Kind.Ring, CALL | QUEUE, Check.Ring),
  verbSpec('AGENTLOGIN', Kind.Login, AGENT),
  verbSpec('AGENTCALLBACKLOGIN', Kind.Login, AGENT),
  verbSpec('AGENTLOGOFF', Kind.Logoff, AGENT, Check.Logoff),
  verbSpec('AGENTCALLBACKLOGOFF', Kind.Logoff, AGENT, Check.Logoff),
  verbSpec('ADDMEMBER', Kind.AddMember, AGENT | QUEUE),
  verbSpec('REMOVEMEMBER', Kind.RemoveMember, AGENT | QUEUE),
  verbSpec('PAUSE', Kind.Pause, AGENT),
  verbSpec('UNPAUSE', Kind.Unpause, AGENT),
  verbSpec('PAUSEALL', Kind.Pause, AGENT),
  verbSpec('UNPAUSEALL', Kind.Unpause, AGENT),
];

/** Every verb read (mapped, then the other IGNORED_VERBS), by the length of its name. */
const VERBS_BY_LENGTH: readonly (readonly VerbSpec[])[] = (() => {
  const all = [...MAPPED_VERBS];
  for (const name of IGNORED_VERBS) if (!all.some((s) => s.name === name)) all.push(verbSpec(name, Kind.Ignored, 0));
  const byLength: VerbSpec[][] = [];
  for (let n = 0; n <= Math.max(...all.map((s) => s.name.length)); n++) byLength.push([]);
  for (const s of all) byLength[s.name.length].push(s);
  return byLength;
})();

/** The verb `text[s, e)` if it is one the adapter reads, else undefined. */
function knownVerb(text: string, s: number, e: number): VerbSpec | undefined {
  const n = e - s;
  if (n >= VERBS_BY_LENGTH.length) return undefined;
  const candidates = VERBS_BY_LENGTH[n];
  const c = text.charCodeAt(s);
  for (let k = 0; k < candidates.length; k++) {
    const spec = candidates[k];
    if (spec.first === c && text.startsWith(spec.name, s)) return spec;
  }
  return undefined;
}

/** A data field Asterisk always writes: missing or not whole is a reason. */
function requireWhole(text: string, verb: string, p5: number, index: number, what: string, unit = 'whole seconds'): string | null {
  const s = dataStart(text, p5, index);
  const e = s < 0 ? s : fieldEnd(text, s);
  if (e === s) return `${verb}: missing ${what} (data${index + 1})`;
  if (!isWhole(text, s, e)) return `${verb}: ${what} (data${index + 1}) must be ${unit}, got ${quote(text.slice(s, e))}`;
  return null;
}

function optionalWhole(text: string, verb: string, p5: number, index: number, what: string): string | null {
  const s = dataStart(text, p5, index);
  const e = s < 0 ? s : fieldEnd(text, s);
  if (e === s || isWhole(text, s, e)) return null;
  return `${verb}: ${what} (data${index + 1}) must be whole seconds, got ${quote(text.slice(s, e))}`;
}

function holdAndCall(text: string, verb: string, p5: number, hold: number): string | null {
  return requireWhole(text, verb, p5, hold, 'holdtime') ?? requireWhole(text, verb, p5, hold + 1, 'calltime');
}

/** The data fields' checks of a verb: the first reason, or null. */
function checkData(text: string, spec: VerbSpec, p5: number): string | null {
  const verb = spec.name;
  switch (spec.check) {
    case Check.None:
      return null;
    case Check.Connect:
      return requireWhole(text, verb, p5, 0, 'holdtime') ?? optionalWhole(text, verb, p5, 2, 'ringtime');
    case Check.HoldCall1:
      return holdAndCall(text, verb, p5, 0);
    case Check.HoldCall3:
      return holdAndCall(text, verb, p5, 2);
    case Check.AttendedTransfer: {
      const s = dataStart(text, p5, 0);
      if (s < 0) return null;
      const n = fieldEnd(text, s) - s;
      if ((n === 6 && text.startsWith('BRIDGE', s)) || (n === 3 && text.startsWith('APP', s))) return holdAndCall(text, verb, p5, 2);
      if (n === 4 && text.startsWith('LINK', s)) return holdAndCall(text, verb, p5, 3);
      // An older or unknown form: the transfer still ended the call in the queue; its numbers are not read.
      return null;
    }
    case Check.Wait3:
      return requireWhole(text, verb, p5, 2, 'waittime');
    case Check.ExitWithKey:
      return optionalWhole(text, verb, p5, 3, 'waittime');
    case Check.Ring:
      return requireWhole(text, verb, p5, 0, 'ring time', 'whole milliseconds');
    case Check.Logoff:
      return optionalWhole(text, verb, p5, 1, 'logintime');
  }
}

/** What the adapter remembers of one agent; it is also a node of the least-recently-seen list. */
interface AgentMemory {
  readonly agentId: string;
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
  /**
   * `state|reason|capacity` last emitted (or known from the store): unchanged ones are not re-sent. The three
   * parts it was made of are kept too, so an unchanged state is seen without building the key.
   */
  lastKey: string | null;
  lastState: AgentState | null;
  lastReason: string | null;
  lastCapacityKey: string | null;
  /** When its state was last said (emitted): an unchanged one is said again once AGENT_RESAY_MS old. */
  lastSaidAt: number;
  /** Neighbours in the least-recently-seen list (older, newer). */
  older: AgentMemory | null;
  newer: AgentMemory | null;
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

type ContactEndType = 'contact.abandoned' | 'contact.ended' | 'contact.wrapup-ended';

function contactEvent<T extends ContactEndType>(type: T, ts: number, contactId: string): EventOf<T> {
  return { v: 1, type, ts, contactId } as EventOf<T>;
}

function kept(position: number, text: string, events: CanonicalEvent[]): ParsedLine {
  return { position, text, events };
}

function refused(position: number, text: string, reason: string): ParsedLine {
  return { position, text, reason };
}

export function createQueueLogAdapter(ctx: AdapterContext, options: QueueLogOptions = {}): QueueLogAdapter {
  const ignored = new Map<string, number>();
  const count = (kind: string) => ignored.set(kind, (ignored.get(kind) ?? 0) + 1);
  const maxAgents = Math.max(1, options.maxTrackedAgents ?? DEFAULT_MAX_TRACKED_AGENTS);
  /** Agents remembered, and their list from least to most recently seen: beyond maxAgents the oldest is forgotten. */
  const agents = new Map<string, AgentMemory>();
  let oldest: AgentMemory | null = null;
  let newest: AgentMemory | null = null;
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

  function unlink(m: AgentMemory): void {
    if (m.older === null) oldest = m.newer;
    else m.older.newer = m.newer;
    if (m.newer === null) newest = m.older;
    else m.newer.older = m.older;
    m.older = m.newer = null;
  }

  function append(m: AgentMemory): void {
    m.older = newest;
    m.newer = null;
    if (newest === null) oldest = m;
    else newest.newer = m;
    newest = m;
  }

  /**
   * The agent's memory; a first sight starts from what the store knows (its state and pause reason), so a restart
   * keeps an agent's pause and log-off. Memberships and open calls are not in the store (docs: known gaps).
   */
  function agentMemory(agentId: string): AgentMemory {
    let m = agents.get(agentId);
    if (m !== undefined) {
      if (m !== newest) {
        unlink(m);
        append(m);
      }
      return m;
    }
    const known = ctx.agentState(agentId);
    m = {
      agentId,
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
      lastState: null,
      lastReason: null,
      lastCapacityKey: null,
      lastSaidAt: -Infinity,
      older: null,
      newer: null,
    };
    agents.set(agentId, m);
    append(m);
    if (agents.size > maxAgents && oldest !== null) {
      const gone: AgentMemory = oldest;
      unlink(gone);
      agents.delete(gone.agentId);
    }
    return m;
  }

  /**
   * The agent's state now, from its memory: on a contact while it holds a call (a PAUSE during a call shows
   * when the call ends, as Asterisk applies it to the next call), else offline, not ready with its reason, or
   * available. Returns an agent.state event when state, reason or capacity changed, or when the unchanged state
   * was last said AGENT_RESAY_MS ago; else null.
   */
  function agentEvent(m: AgentMemory, ts: number): CanonicalEvent | null {
    // A call open far longer than any call lasts lost its end line (a crash, a rotated-away file): let it go.
    if (m.calls.size > 0) {
      for (const contactId of m.calls.keys()) if (ts - (m.calls.get(contactId) as number) > MAX_CALL_MS) m.calls.delete(contactId);
    }
    const state: AgentState = m.calls.size > 0 ? 'on-contact' : m.loggedOut ? 'offline' : m.paused ? 'not-ready' : 'available';
    const reason = state === 'not-ready' ? (m.reason ?? DEFAULT_PAUSE_REASON) : null;
    const capacityKey = m.capacityKey;
    // an unchanged state is said again once it is AGENT_RESAY_MS old, so the floor does not take the agent as gone
    const fresh = ts - m.lastSaidAt < AGENT_RESAY_MS;
    if (fresh && state === m.lastState && reason === m.lastReason && capacityKey === m.lastCapacityKey) return null;
    const key = `${state}|${reason ?? ''}|${capacityKey}`;
    m.lastState = state;
    m.lastReason = reason;
    m.lastCapacityKey = capacityKey;
    if (fresh && key === m.lastKey) return null;
    m.lastKey = key;
    m.lastSaidAt = ts;
    const agentId = m.agentId;
    if (reason !== null) return { v: 1, type: 'agent.state', ts, agentId, state, capacity: m.capacity, reason };
    return { v: 1, type: 'agent.state', ts, agentId, state, capacity: m.capacity };
  }

  /** The agent line's events: its agent.state when it changed. */
  function agentEvents(m: AgentMemory, ts: number): CanonicalEvent[] {
    const e = agentEvent(m, ts);
    return e === null ? [] : [e];
  }

  /** One line through the preamble (trimmed, not blank, not over-long): its events, or the reason it is refused. */
  function readLine(position: number, text: string): ParsedLine {
    const p1 = text.indexOf(PIPE);
    const p2 = p1 < 0 ? -1 : text.indexOf(PIPE, p1 + 1);
    const p3 = p2 < 0 ? -1 : text.indexOf(PIPE, p2 + 1);
    const p4 = p3 < 0 ? -1 : text.indexOf(PIPE, p3 + 1);
    if (p4 < 0) return refused(position, text, fieldCountReason(p1 < 0 ? 1 : p2 < 0 ? 2 : p3 < 0 ? 3 : 4));
    const ts = epochMs(text, p1);
    if (Number.isNaN(ts)) return refused(position, text, badEpoch(text, p1));
    const p5 = text.indexOf(PIPE, p4 + 1);
    const verbEnd = p5 < 0 ? text.length : p5;
    if (verbEnd === p4 + 1) return refused(position, text, EMPTY_VERB);
    const spec = knownVerb(text, p4 + 1, verbEnd);
    if (spec === undefined && !isVerbWord(text, p4 + 1, verbEnd)) return refused(position, text, badVerb(text, p4 + 1, verbEnd));
    const tooLong = fieldLengthReason(p1, p2, p3, p4);
    if (tooLong !== null) return refused(position, text, tooLong);
    if (spec === undefined) return otherVerb(position, text, text.slice(p4 + 1, verbEnd));
    const verb = spec.name;
    if (spec.kind === Kind.Ignored) {
      count(verb);
      return kept(position, text, []);
    }
    if (spec.call && isNoCallIdAt(text, p1 + 1, p2)) return refused(position, text, `${verb}: needs a call id, got ${fieldText(text, p1 + 1, p2)}`);
    const queueNone = isNoneAt(text, p2 + 1, p3);
    if (spec.queue && queueNone) return refused(position, text, `${verb}: needs a queue name, got NONE`);
    const agentNone = isNoneAt(text, p3 + 1, p4);
    if (spec.agent && agentNone) return refused(position, text, `${verb}: needs an agent, got NONE`);
    if (spec.check !== Check.None) {
      const bad = checkData(text, spec, p5);
      if (bad !== null) return refused(position, text, bad);
    }
    const queue = queueNone ? 'NONE' : text.slice(p2 + 1, p3);
    if (onlyQueues !== null && !queueNone && !onlyQueues.has(queue)) {
      count('other queue');
      return kept(position, text, []);
    }

    // Only from here on is memory changed.
    switch (spec.kind) {
      case Kind.Ring:
        // RINGNOANSWER and RINGCANCELED are checked (their ring time must read) but map to nothing.
        count(verb);
        return kept(position, text, []);
      case Kind.EnterQueue: {
        const contactId = `${fieldText(text, p1 + 1, p2)}@${queue}`;
        return kept(position, text, [{ v: 1, type: 'contact.queued', ts, contactId, channel: ctx.queueChannel(queue), queue }]);
      }
      case Kind.Connect: {
        const contactId = `${fieldText(text, p1 + 1, p2)}@${queue}`;
        const agentId = text.slice(p3 + 1, p4);
        const m = agentMemory(agentId);
        const over = m.endedFirst.length === 0 ? -1 : m.endedFirst.indexOf(contactId);
        if (over >= 0) m.endedFirst.splice(over, 1);
        else m.calls.set(contactId, ts);
        m.loggedOut = false;
        // serving the queue's call makes her its member (a static member in queues.conf has no ADDMEMBER line)
        m.queues.add(queue);
        addChannel(m, ctx.queueChannel(queue));
        const answered: CanonicalEvent = { v: 1, type: 'contact.answered', ts, contactId, agentId };
        const state = agentEvent(m, ts);
        return kept(position, text, state === null ? [answered] : [answered, state]);
      }
      case Kind.EndCall: {
        // The end of a call in the queue: ended and, as queue_log records no after-call work, wrapped up.
        const contactId = `${fieldText(text, p1 + 1, p2)}@${queue}`;
        const ended = contactEvent('contact.ended', ts, contactId);
        const wrapped = contactEvent('contact.wrapup-ended', ts, contactId);
        if (agentNone) return kept(position, text, [ended, wrapped]);
        const m = agentMemory(text.slice(p3 + 1, p4));
        if (!m.calls.delete(contactId)) {
          m.endedFirst.push(contactId);
          if (m.endedFirst.length > 8) m.endedFirst.shift();
        }
        const state = agentEvent(m, ts);
        return kept(position, text, state === null ? [ended, wrapped] : [ended, wrapped, state]);
      }
      case Kind.Abandon:
      case Kind.ExitWithKey: {
        // EXITWITHKEY: the caller chose to leave, not an abandon unless asked (exitWithKey: 'abandoned').
        const contactId = `${fieldText(text, p1 + 1, p2)}@${queue}`;
        if (spec.kind === Kind.ExitWithKey && !exitWithKeyAbandons) {
          return kept(position, text, [contactEvent('contact.ended', ts, contactId)]);
        }
        const abandoned = contactEvent('contact.abandoned', ts, contactId);
        return kept(position, text, [abandoned, contactEvent('contact.ended', ts, contactId)]);
      }
      case Kind.Login: {
        const m = agentMemory(text.slice(p3 + 1, p4));
        m.loggedOut = false;
        if (!queueNone) addChannel(m, ctx.queueChannel(queue));
        return kept(position, text, agentEvents(m, ts));
      }
      case Kind.Logoff: {
        const m = agentMemory(text.slice(p3 + 1, p4));
        m.loggedOut = true;
        return kept(position, text, agentEvents(m, ts));
      }
      case Kind.AddMember: {
        const m = agentMemory(text.slice(p3 + 1, p4));
        m.queues.add(queue);
        addChannel(m, ctx.queueChannel(queue));
        m.loggedOut = false;
        // ADDMEMBER says the new membership's pause: the last word on the agent's pause, as PAUSE/UNPAUSE are.
        const paused = dataText(text, p5, 0).trim().toUpperCase() === 'PAUSED';
        if (paused !== m.paused) m.reason = null;
        m.paused = paused;
        return kept(position, text, agentEvents(m, ts));
      }
      case Kind.RemoveMember: {
        const m = agentMemory(text.slice(p3 + 1, p4));
        m.queues.delete(queue);
        // Still a member elsewhere (as far as this log told): the agent stays on the floor.
        if (m.queues.size === 0) {
          m.loggedOut = true;
          m.paused = false;
          m.reason = null;
        }
        return kept(position, text, agentEvents(m, ts));
      }
      case Kind.Pause: {
        const m = agentMemory(text.slice(p3 + 1, p4));
        m.paused = true;
        const r = dataText(text, p5, 0).trim();
        m.reason = r === '' ? null : r.slice(0, MAX_REASON);
        if (!queueNone) {
          m.queues.add(queue); // a pause is of a membership
          addChannel(m, ctx.queueChannel(queue));
        }
        return kept(position, text, agentEvents(m, ts));
      }
      case Kind.Unpause: {
        const m = agentMemory(text.slice(p3 + 1, p4));
        m.paused = false;
        m.reason = null;
        return kept(position, text, agentEvents(m, ts));
      }
      default:
        return refused(position, text, `adapter error: no mapping for ${verb}`);
    }
  }

  /**
   * A verb word the adapter does not read (a custom `QueueLog()` event): kept raw and counted, whatever the word
   * (`constructor` and `__proto__` included).
   */
  function otherVerb(position: number, text: string, verb: string): ParsedLine {
    count(unknownVerbKind(verb));
    return kept(position, text, []);
  }

  function parse(lines: SourceLine[]): ParsedLine[] {
    const out: ParsedLine[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const text = lineText(line, out);
      if (text === null) continue;
      const position = line.position;
      try {
        out.push(readLine(position, text));
      } catch (e) {
        // A throw would be a bug (or the context's); it still costs one line, not the batch.
        out.push(refused(position, text, `adapter error: ${(e as Error).message}`));
      }
    }
    return out;
  }

  return { format: 'queue_log', dedupe: 'by-effect', ignored, parse };
}
