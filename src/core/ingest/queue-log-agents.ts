/**
 * What the queue_log adapter remembers of each agent, and the agent.state it derives from that memory. queue_log
 * only says what changed for an agent (PAUSE, CONNECT, COMPLETE...), so the state is rebuilt from the last word on
 * each part: the calls it is on, its pause and reason, its log-off, the queues (hence channels) it serves.
 *
 * Guarantees: an agent on a call shows on-contact whatever else was said meanwhile (a PAUSE during a call shows
 * when the call ends, as Asterisk applies it to the next call); a call whose end line came first (lines out of
 * order) never holds the agent; a call open longer than any call lasts (MAX_CALL_MS) is let go; an unchanged state
 * is said again once AGENT_RESAY_MS old, and otherwise not repeated.
 */
import type { CanonicalEvent } from '../model/events';
import { AGENT_RESAY_MS, type AgentState, type Channel } from '../model/types';
import type { AdapterContext } from './adapter';

/** Agents whose pause, memberships and calls are remembered (least recently seen forgotten first). */
export const DEFAULT_MAX_TRACKED_AGENTS = 20_000;

/** Reason shown for a pause without a reason code (PAUSE with an empty data1, ADDMEMBER ... PAUSED). */
const DEFAULT_PAUSE_REASON = 'Paused';

const MAX_REASON = 100;
/** A call still open after this long is taken as having lost its end line (the agent is no longer held on it). */
const MAX_CALL_MS = 12 * 3600_000;
/** Calls whose end was read before their CONNECT that are remembered per agent. */
const MAX_ENDED_FIRST = 8;

/** What the adapter remembers of one agent. */
export interface AgentMemory {
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
}

/**
 * A first sight of an agent starts from what the store knows (its state and pause reason), so a restart keeps an
 * agent's pause and log-off. Memberships and open calls are not in the store (docs: known gaps).
 */
export function newAgentMemory(agentId: string, known: ReturnType<AdapterContext['agentState']>): AgentMemory {
  return {
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
  };
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

/** The agent serves `queue` (an ADDMEMBER, a pause in it, or a call of it). */
export function joinQueue(m: AgentMemory, queue: string, channel: Channel): void {
  m.queues.add(queue);
  addChannel(m, channel);
}

/** CONNECT: on the call, and a member of its queue (a static member in queues.conf has no ADDMEMBER line). */
export function callConnected(m: AgentMemory, contactId: string, ts: number, queue: string, channel: Channel): void {
  const over = m.endedFirst.length === 0 ? -1 : m.endedFirst.indexOf(contactId);
  if (over >= 0) m.endedFirst.splice(over, 1);
  else m.calls.set(contactId, ts);
  m.loggedOut = false;
  joinQueue(m, queue, channel);
}

/** The call's end (COMPLETE*, a transfer): off it; an end read before its CONNECT is remembered for that CONNECT. */
export function callEnded(m: AgentMemory, contactId: string): void {
  if (m.calls.delete(contactId)) return;
  m.endedFirst.push(contactId);
  if (m.endedFirst.length > MAX_ENDED_FIRST) m.endedFirst.shift();
}

/** ADDMEMBER: a member of `queue`, its pause the new membership's (the last word on it, as PAUSE/UNPAUSE are). */
export function memberAdded(m: AgentMemory, queue: string, channel: Channel, paused: boolean): void {
  joinQueue(m, queue, channel);
  m.loggedOut = false;
  if (paused !== m.paused) m.reason = null;
  m.paused = paused;
}

/** REMOVEMEMBER: still a member elsewhere (as far as this log told), the agent stays on the floor. */
export function memberRemoved(m: AgentMemory, queue: string): void {
  m.queues.delete(queue);
  if (m.queues.size === 0) {
    m.loggedOut = true;
    m.paused = false;
    m.reason = null;
  }
}

/** PAUSE: not ready, with the reason code (trimmed, at most MAX_REASON characters) or the default reason. */
export function pausedFor(m: AgentMemory, reasonCode: string): void {
  m.paused = true;
  const r = reasonCode.trim();
  m.reason = r === '' ? null : r.slice(0, MAX_REASON);
}

export function unpaused(m: AgentMemory): void {
  m.paused = false;
  m.reason = null;
}

/**
 * The agent's state now, from its memory: on a contact while it holds a call, else offline, not ready with its
 * reason, or available. Returns an agent.state event when state, reason or capacity changed, or when the unchanged
 * state was last said AGENT_RESAY_MS ago; else null.
 */
export function agentStateEvent(m: AgentMemory, ts: number): CanonicalEvent | null {
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

/** An agent line's events: its agent.state when it changed. */
export function agentStateEvents(m: AgentMemory, ts: number): CanonicalEvent[] {
  const e = agentStateEvent(m, ts);
  return e === null ? [] : [e];
}
