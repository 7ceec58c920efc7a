/**
 * The agents of the live floor: each one's last state as its feeds said it, the contacts it holds, and its closed
 * time by state and not-ready time by reason since the business-day start, kept event by event. An agent silent
 * for too long shows offline from the instant it fell silent (silentAt, model/types.ts), in every view and in its
 * time by state alike (stateSpan).
 */
import type { AgentRow } from '../../shared/api';
import type { CanonicalEvent } from '../model/events';
import type { AgentRecord, AgentState, Channel, Contact } from '../model/types';
import { AGENT_STATES, CHANNELS, silentAt } from '../model/types';
import { zeroStateTimes, type StateTimes } from '../metrics/agent-metrics';

/**
 * An agent's time in `state` from `since` to `to`, counted from `dayStart`: in that state until it falls silent
 * (silentAt, model/types.ts), offline after.
 */
export function stateSpan(state: AgentState, since: number, to: number, dayStart: number): { inState: number; offline: number } {
  const silent = silentAt(state, since);
  const inState = Math.max(0, Math.min(to, silent) - Math.max(since, dayStart));
  const offline = Math.max(0, to - Math.max(silent, dayStart));
  return { inState, offline };
}

interface LiveAgent extends AgentRecord {
  contacts: Set<string>;
  /** Closed time per state since the day start, ms. */
  stateMs: StateTimes;
  /** Closed not-ready time per reason since the day start, ms ('' = no reason given). */
  reasonMs: Map<string, number>;
  /** The channels it has capacity on, as of the capacity `channelsOf` (its rows share the list). */
  channels?: Channel[];
  channelsOf?: Partial<Record<Channel, number>>;
}

const NO_CONTACTS: AgentRow['contacts'] = [];

/** An agent's state as of `now`: its last one, or offline since it fell silent. */
function stateNow(a: LiveAgent, now: number): { state: AgentState; reason: string | null; since: number } {
  const silent = silentAt(a.state, a.since);
  return now < silent ? a : { state: 'offline', reason: null, since: silent };
}

/** An agent's time by state today, as the standards read it (see LiveAgents.times). */
export interface AgentTimes {
  capacity: Partial<Record<Channel, number>>;
  state: AgentState;
  times: StateTimes;
  notReadyByReason: ReadonlyMap<string, number>;
}

/** The agents by state now, on each channel, and today's time by state (LiveAgents.summary). */
export interface AgentSummary {
  byState: Record<AgentState, number>;
  byChannel: Record<Channel, Record<AgentState, number>>;
  stateTimes: StateTimes;
}

/** What the agents read of the contacts they hold: channel, queue, whether it ended. */
export interface HeldContacts {
  contact(id: string): Partial<Contact> | undefined;
}


const zeroCounts = () => Object.fromEntries(AGENT_STATES.map((s) => [s, 0])) as Record<AgentState, number>;

export class LiveAgents {
  private dayStart = 0;
  private readonly agents = new Map<string, LiveAgent>();
  private readonly timesViews = new Map<string, AgentTimes & { spell: Map<string, number> }>();
  private readonly timesOut: AgentTimes[] = [];

  constructor(private readonly held: HeldContacts) {}

  /** Start a new business day: time by state restarts. */
  resetDay(dayStart: number): void {
    this.dayStart = dayStart;
    for (const a of this.agents.values()) {
      a.stateMs = zeroStateTimes();
      a.reasonMs = new Map();
    }
  }

  /** Seed an agent's current state and today's closed state time at start-up. */
  load(
    a: AgentRecord,
    stateMs?: StateTimes,
    reasonMs?: Map<string, number>,
  ): void {
    this.agents.set(a.id, { ...a, contacts: new Set(), stateMs: stateMs ?? zeroStateTimes(), reasonMs: reasonMs ?? new Map() });
  }

  applyState(e: Extract<CanonicalEvent, { type: 'agent.state' }>): void {
    let a = this.agents.get(e.agentId);
    if (!a) {
      a = { id: e.agentId, name: e.name ?? e.agentId, capacity: e.capacity ?? {}, state: e.state, reason: null, since: e.ts, contacts: new Set(), stateMs: zeroStateTimes(), reasonMs: new Map() };
      this.agents.set(e.agentId, a);
    } else {
      if (e.ts < a.since) return; // an older state than the one shown: history, not the present
      this.addOpenTime(a, e.ts, a.stateMs, a.reasonMs);
      if (e.name) a.name = e.name;
      if (e.capacity) a.capacity = e.capacity;
    }
    a.state = e.state;
    a.reason = e.state === 'not-ready' ? (e.reason ?? null) : null;
    a.since = e.ts;
    if (e.state !== 'on-contact' && e.state !== 'after-contact-work') {
      for (const id of a.contacts) {
        const c = this.held.contact(id);
        if (!c || c.endedAt != null || c.abandonedAt != null) a.contacts.delete(id);
      }
    }
  }

  /** The agent took the contact (answered it). */
  hold(agentId: string, contactId: string): void {
    this.agents.get(agentId)?.contacts.add(contactId);
  }

  /** The agent is done with the contact (wrapped up). */
  release(agentId: string, contactId: string): void {
    this.agents.get(agentId)?.contacts.delete(contactId);
  }

  /** The agent's last state as its feeds said it, and since when (not judged silent: adapters judge that). */
  state(id: string): { state: AgentState; reason: string | null; since: number; capacity: Partial<Record<Channel, number>> } | null {
    const a = this.agents.get(id);
    return a ? { state: a.state, reason: a.reason, since: a.since, capacity: { ...a.capacity } } : null;
  }

  /** The agents as of `now` (one silent for AGENT_SILENT_MS shows offline since then). */
  rows(now: number): AgentRow[] {
    const rows: AgentRow[] = [];
    for (const a of this.agents.values()) {
      const st = stateNow(a, now);
      // (a snapshot's rows are read, never changed: an agent holding nothing shares one empty list, and its
      // channels are worked out again only when its capacity changes; 2,600 agents made 5,200 arrays a tick)
      let contacts: AgentRow['contacts'] = NO_CONTACTS;
      for (const id of a.contacts) {
        const c = this.held.contact(id);
        if (c?.channel && c.queue) (contacts === NO_CONTACTS ? (contacts = []) : contacts).push({ id, channel: c.channel, queue: c.queue });
      }
      if (a.channels === undefined || a.channelsOf !== a.capacity) {
        a.channels = CHANNELS.filter((ch) => (a.capacity[ch] ?? 0) > 0);
        a.channelsOf = a.capacity;
      }
      rows.push({ id: a.id, name: a.name, state: st.state, reason: st.reason, since: st.since, contacts, channels: a.channels });
    }
    return rows;
  }

  /**
   * What a snapshot reads of the agents besides their rows, in one pass (a floor of 2,600 agents took six): how
   * many are in each state now; on each channel, those with capacity on it, one on (or wrapping up) a contact
   * counted on the channels of the contacts it holds, not on every one it serves; and today's time by state.
   */
  summary(now: number): AgentSummary {
    const byState = zeroCounts();
    const byChannel = Object.fromEntries(CHANNELS.map((ch) => [ch, zeroCounts()])) as Record<Channel, Record<AgentState, number>>;
    const stateTimes = zeroStateTimes();
    for (const a of this.agents.values()) {
      const state = stateNow(a, now).state;
      byState[state]++;
      const busy = state === 'on-contact' || state === 'after-contact-work';
      for (const ch of CHANNELS) {
        if ((a.capacity[ch] ?? 0) <= 0 || (busy && !this.holdsOn(a, ch))) continue;
        byChannel[ch][state]++;
      }
      for (const s of AGENT_STATES) stateTimes[s] += a.stateMs[s];
      this.addOpenTime(a, now, stateTimes, null);
    }
    return { byState, byChannel, stateTimes };
  }

  /** Whether an agent holds a contact on the channel; true when it holds none known (its state is all there is). */
  private holdsOn(a: LiveAgent, channel: Channel): boolean {
    let known = false;
    for (const id of a.contacts) {
      const c = this.held.contact(id);
      if (c?.channel == null) continue;
      if (c.channel === channel) return true;
      known = true;
    }
    return !known;
  }

  /**
   * Add the agent's open state from its start (or the day start) up to `to` into `times` (and a not-ready
   * spell into `reasons`), as stateSpan splits it: in the state until it fell silent, offline after.
   */
  private addOpenTime(a: LiveAgent, to: number, times: StateTimes, reasons: Map<string, number> | null): void {
    const { inState, offline } = stateSpan(a.state, a.since, to, this.dayStart);
    times[a.state] += inState;
    times.offline += offline;
    if (reasons !== null && inState > 0 && a.state === 'not-ready') reasons.set(a.reason ?? '', (reasons.get(a.reason ?? '') ?? 0) + inState);
  }

  /** Each agent's capacity per channel, by id. */
  capacities(): Map<string, Partial<Record<Channel, number>>> {
    return new Map([...this.agents.values()].map((a) => [a.id, a.capacity]));
  }

  /**
   * Each agent's capacity, state now, time by state today and not-ready time by reason ('' = none given), the open
   * state counted up to `now`. The views are this floor's,
   * filled again on each call (the standards evaluation reads them every few seconds; new ones each time were
   * 2,000 objects that the collector promoted and swept): read them before the next call, keep none.
   */
  times(now: number): readonly AgentTimes[] {
    const out = this.timesOut;
    out.length = 0;
    for (const a of this.agents.values()) {
      let view = this.timesViews.get(a.id);
      if (view === undefined) {
        view = { capacity: a.capacity, state: a.state, times: zeroStateTimes(), notReadyByReason: a.reasonMs, spell: new Map() };
        this.timesViews.set(a.id, view);
      }
      view.capacity = a.capacity;
      view.state = stateNow(a, now).state;
      Object.assign(view.times, a.stateMs);
      // the agent's own map unless the current not-ready spell adds to it (read only by the caller)
      view.notReadyByReason = a.reasonMs;
      if (a.state === 'not-ready') {
        view.spell.clear();
        for (const [r, ms] of a.reasonMs) view.spell.set(r, ms);
        view.notReadyByReason = view.spell;
      }
      this.addOpenTime(a, now, view.times, a.state === 'not-ready' ? view.spell : null);
      out.push(view);
    }
    return out;
  }
}
