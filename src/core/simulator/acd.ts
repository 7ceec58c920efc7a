/**
 * The ACD and the agents' side of it: a new contact goes to a free agent skilled for its queue (for chat and
 * messaging an agent already in conversations with a free slot first, else the longest idle), otherwise it waits
 * in its queue until an agent frees up and takes the longest-waiting contact among the queues it serves (voice and
 * chat before email and messaging). Every change of an agent goes through here, which keeps the pools of idle and
 * partly free agents in step and emits the agent's state whenever it changes. Nothing here draws at random.
 */
import type { CanonicalEventInput } from '../model/events';
import { FEED_FORMAT_VERSION } from '../model/events';
import type { AgentState, Channel } from '../model/types';
import type { Agenda } from './agenda';
import { isConcurrent, type Agent, type IdleEntry, type ProfileRuntime, type QueueRuntime, type SimContact } from './floor-state';
import type { Activity } from './shift-plan';

type AgentStateInput = Extract<CanonicalEventInput, { type: 'agent.state' }>;

/** Contacts an agent holds: ringing, in conversation or in wrap-up. */
export const held = (a: Agent): number => a.alerting + a.talking + a.wrapping;
const accepting = (a: Agent): boolean => a.status === 'ready' && !a.loggingOut && a.due.length === 0;
const hasRoomFor = (a: Agent, channel: Channel): boolean => {
  const n = held(a);
  return n === 0 || (a.channel === channel && n < (a.capacity[channel] ?? 0));
};

const stateOf = (a: Agent): AgentState => {
  if (a.status === 'offline') return 'offline';
  if (a.talking > 0) return 'on-contact';
  if (a.wrapping > 0) return 'after-contact-work';
  return a.status === 'not-ready' ? 'not-ready' : 'available';
};

function firstIdle(p: ProfileRuntime): IdleEntry | undefined {
  while (p.idleHead < p.idle.length) {
    const e = p.idle[p.idleHead];
    if (e.agent.inIdle && e.agent.idleStamp === e.stamp) return e;
    p.idleHead++;
  }
  if (p.idleHead > 0) {
    p.idle.length = 0;
    p.idleHead = 0;
  }
  return undefined;
}

function oldestWaiting(q: QueueRuntime): SimContact | undefined {
  while (q.head < q.line.length && q.line[q.head].phase !== 'waiting') q.head++;
  if (q.head > 1024 && q.head * 2 > q.line.length) {
    q.line = q.line.slice(q.head);
    q.head = 0;
  }
  return q.line[q.head];
}

export class Acd {
  constructor(private readonly agenda: Agenda) {}

  /** Emit the agent's state if it changed since the last emission. */
  syncState(a: Agent): void {
    const state = stateOf(a);
    const reason = state === 'not-ready' ? a.reason : null;
    if (state === a.emittedState && reason === a.emittedReason) return;
    const event: AgentStateInput = { v: FEED_FORMAT_VERSION, id: this.agenda.nextId(), ts: this.agenda.clock, type: 'agent.state', agentId: a.id, state };
    if (reason !== null) event.reason = reason;
    if (a.emittedState === null || a.emittedState === 'offline') {
      // Introduce the agent whenever it appears on the floor.
      event.name = a.name;
      event.capacity = { ...a.capacity };
    }
    this.agenda.emit(event);
    a.emittedState = state;
    a.emittedReason = reason;
  }

  /** Keep the ACD's views (idle line, free chat slots) in step with the agent. */
  refreshPools(a: Agent): void {
    const n = held(a);
    const wantIdle = accepting(a) && n === 0;
    if (wantIdle && !a.inIdle) {
      a.inIdle = true;
      a.idleStamp++;
      a.idleSince = this.agenda.clock;
      a.profile.idle.push({ agent: a, stamp: a.idleStamp });
    } else if (!wantIdle && a.inIdle) {
      a.inIdle = false;
      a.idleStamp++;
    }
    const wantPartial =
      accepting(a) && n > 0 && a.channel !== null && isConcurrent(a.channel) && n < (a.capacity[a.channel] ?? 0)
        ? a.channel
        : null;
    if (wantPartial !== a.partialIn) {
      if (a.partialIn) a.profile.partial.get(a.partialIn)?.delete(a);
      if (wantPartial) a.profile.partial.get(wantPartial)?.add(a);
      a.partialIn = wantPartial;
    }
  }

  enqueue(c: SimContact): void {
    c.queue.line.push(c);
    c.queue.waiting++;
  }

  /** The contact rings at the agent, answered after its plan's alerting time. */
  assign(a: Agent, c: SimContact): void {
    c.phase = 'alerting';
    c.agent = a;
    a.alerting++;
    a.channel = c.channel;
    this.agenda.after(c.plan.alert, { kind: 'answer', contact: c });
  }

  /** A free (or partly free) agent takes the longest-waiting contacts it can, voice and chat first. */
  pullWork(a: Agent): void {
    while (accepting(a)) {
      let best: SimContact | undefined;
      for (const group of [a.primary, a.secondary]) {
        for (const q of group) {
          if (q.waiting === 0 || !hasRoomFor(a, q.def.channel)) continue;
          const c = oldestWaiting(q);
          if (c && (!best || c.queuedAt < best.queuedAt)) best = c;
        }
        if (best) break;
      }
      if (!best) break;
      best.queue.waiting--;
      this.assign(a, best);
    }
    this.refreshPools(a);
  }

  /** The ACD's pick for a new contact when nobody is waiting ahead of it. */
  findAgent(q: QueueRuntime): Agent | undefined {
    if (isConcurrent(q.def.channel)) {
      let best: Agent | undefined;
      for (const p of q.profiles) {
        for (const a of p.partial.get(q.def.channel) ?? []) {
          if (!best || held(a) < held(best)) best = a;
        }
      }
      if (best) return best;
    }
    let best: IdleEntry | undefined;
    for (const p of q.profiles) {
      const e = firstIdle(p);
      if (e && (!best || e.agent.idleSince < best.agent.idleSince)) best = e;
    }
    return best?.agent;
  }

  /** After a slot frees up: go on a due activity or log off when empty-handed, else take more work. */
  onFreed(a: Agent): void {
    if (held(a) === 0) {
      a.channel = null;
      if (a.loggingOut) {
        this.goOffline(a);
        return;
      }
      if (a.status === 'ready' && a.due.length > 0) {
        this.startNotReady(a, a.due.shift() as Activity);
        return;
      }
    }
    this.pullWork(a);
  }

  goOffline(a: Agent): void {
    a.status = 'offline';
    a.reason = null;
    a.shift = null;
    a.due = [];
    a.loggingOut = false;
    a.notReadyToken++;
    this.refreshPools(a);
  }

  startNotReady(a: Agent, activity: Activity): void {
    a.status = 'not-ready';
    a.reason = activity.reason;
    a.notReadyToken++;
    this.agenda.after(activity.minutes * 60, { kind: 'not-ready-end', agent: a, token: a.notReadyToken });
    this.refreshPools(a);
  }
}
