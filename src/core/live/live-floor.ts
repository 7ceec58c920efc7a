/**
 * The live floor: running aggregates updated event by event (never a SQL rescan on the live path).
 * A snapshot is built from them in O(queues + agents + intervals).
 *
 * "Today" holds contacts queued since the business-day start. Contacts waiting from before it still show in
 * "waiting now" and "longest wait now" (for up to a day), but count in the previous day's figures.
 */
import type { AgentRow, ChannelLive, IntervalPoint, QueueLive } from '../../shared/api';
import type { CanonicalEvent } from '../model/events';
import type { AgentRecord, AgentState, Channel, Contact, QueueConfig } from '../model/types';
import { AGENT_STATES, CHANNELS, contactThresholdSeconds, DEFAULT_SL_THRESHOLD_SECONDS, silentAt } from '../model/types';
import {
  addToTally,
  classifyContact,
  emptyTally,
  mergeTally,
  metricsFromTally,
  type Classification,
  type ContactTally,
} from '../metrics/contact-metrics';
import { occupancy, type StateTimes } from '../metrics/agent-metrics';

/** A waiting contact older than this is taken as lost by its feed, not as waiting now. */
const MAX_WAITING_AGE_MS = 24 * 3600_000;

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

/** An agent's state as of `now`: its last one, or offline since it fell silent. */
function stateNow(a: LiveAgent, now: number): { state: AgentState; reason: string | null; since: number } {
  const silent = silentAt(a.state, a.since);
  return now < silent ? a : { state: 'offline', reason: null, since: silent };
}

interface LiveContact {
  c: Partial<Contact> & { id: string };
  /** Its contribution to today's tallies; null when not counted today. */
  k: Classification | null;
  intervalKey: string | null;
  /** The queue whose tally holds `k` (a transfer can move the contact to another queue). */
  countedQueue: string | null;
}

interface LiveAgent extends AgentRecord {
  contacts: Set<string>;
  /** Closed time per state since the day start, ms. */
  stateMs: StateTimes;
  /** Closed not-ready time per reason since the day start, ms ('' = no reason given). */
  reasonMs: Map<string, number>;
}

/** An agent's time by state today, as the standards read it (see LiveFloor.agentTimes). */
export interface AgentTimes {
  capacity: Partial<Record<Channel, number>>;
  state: AgentState;
  times: StateTimes;
  notReadyByReason: ReadonlyMap<string, number>;
}

export interface LiveFloorOptions {
  shortAbandonMs: number;
  intervalMs: number;
  /** Look up a contact the engine has not seen since start-up (queued on an earlier day). */
  loadContact?: (id: string) => Contact | null;
}

/** Nothing more can change on the floor for this contact: abandoned, wrapped up, or ended unanswered. */
const isOver = (c: Partial<Contact>) => c.abandonedAt != null || c.wrapupEndAt != null || (c.endedAt != null && c.answeredAt == null);

const zeroStates = (): StateTimes => ({ available: 0, 'on-contact': 0, 'after-contact-work': 0, 'not-ready': 0, offline: 0 });

export class LiveFloor {
  private dayStart = 0;
  private readonly queues = new Map<string, QueueConfig>();
  private readonly contacts = new Map<string, LiveContact>();
  private readonly waiting = new Map<string, Map<string, number>>();
  private readonly queueTallies = new Map<string, ContactTally>();
  private readonly intervalTallies = new Map<string, { start: number; channel: Channel; tally: ContactTally }>();
  /**
   * Tallies whose longest resolved wait may be too high: a contact re-classified by a late event (an answer read
   * after its end) took back a wait that may have been their longest, which a tally cannot shrink by itself.
   * Recomputed from today's contacts before tallies are read (settleLongestWaits).
   */
  private readonly staleLongest = new Set<ContactTally>();
  private readonly agents = new Map<string, LiveAgent>();

  constructor(private readonly options: LiveFloorOptions) {}

  get currentDayStart(): number {
    return this.dayStart;
  }

  /** Start a new business day: today's figures restart; waiting and active contacts carry over uncounted. */
  resetDay(dayStart: number): void {
    this.dayStart = dayStart;
    this.queueTallies.clear();
    this.intervalTallies.clear();
    this.staleLongest.clear();
    for (const [id, lc] of this.contacts) {
      if (isOver(lc.c) || (lc.c.queuedAt ?? 0) < dayStart - MAX_WAITING_AGE_MS) this.contacts.delete(id);
      else {
        lc.k = null;
        lc.intervalKey = null;
        lc.countedQueue = null;
        this.recount(lc);
      }
    }
    for (const a of this.agents.values()) {
      a.stateMs = zeroStates();
      a.reasonMs = new Map();
    }
  }

  setQueue(q: QueueConfig): void {
    const before = this.queues.get(q.name);
    this.queues.set(q.name, q);
    // a contact's T depends on its queue's T and channel (contactThresholdSeconds)
    if (before && (before.slThresholdSeconds !== q.slThresholdSeconds || before.channel !== q.channel)) {
      for (const lc of this.contacts.values()) if (lc.c.queue === q.name) this.recount(lc);
    }
  }

  /** Seed an agent's current state and today's closed state time at start-up. */
  loadAgent(
    a: AgentRecord,
    stateMs?: StateTimes,
    reasonMs?: Map<string, number>,
  ): void {
    this.agents.set(a.id, { ...a, contacts: new Set(), stateMs: stateMs ?? zeroStates(), reasonMs: reasonMs ?? new Map() });
  }

  /** Seed a stored contact at start-up. */
  loadContact(c: Contact): void {
    const lc: LiveContact = { c: { ...c }, k: null, intervalKey: null, countedQueue: null };
    this.contacts.set(c.id, lc);
    this.recount(lc);
    if (c.agentId && c.answeredAt !== null && c.wrapupEndAt === null && c.abandonedAt === null) {
      this.agents.get(c.agentId)?.contacts.add(c.id);
    }
  }

  /** `batch`: the contacts as the batch holding `e` just stored them (merged with any earlier events). */
  apply(e: CanonicalEvent, batch?: ReadonlyMap<string, Contact>): void {
    switch (e.type) {
      case 'queue.config':
        this.setQueue({
          name: e.queue,
          channel: e.channel,
          timeZone: e.timeZone ?? null,
          slThresholdSeconds: e.slThresholdSeconds ?? DEFAULT_SL_THRESHOLD_SECONDS[e.channel],
        });
        return;
      case 'agent.state':
        this.applyAgentState(e);
        return;
      case 'contact.message':
        return; // a customer follow-up: the standards' next response time (metrics/responses.ts), not the live tiles
    }
    const lc = this.contactFor(e.contactId, batch);
    const c = lc.c;
    switch (e.type) {
      case 'contact.queued':
        // its first queue, whatever order the events came in (as the store merges it)
        if (c.queuedAt == null || e.ts < c.queuedAt) {
          c.channel = e.channel;
          c.queue = e.queue;
        }
        c.queuedAt = c.queuedAt == null ? e.ts : Math.min(c.queuedAt, e.ts);
        if (!this.queues.has(e.queue)) {
          this.queues.set(e.queue, { name: e.queue, channel: e.channel, timeZone: null, slThresholdSeconds: DEFAULT_SL_THRESHOLD_SECONDS[e.channel] });
        }
        break;
      case 'contact.answered':
        if (c.answeredAt == null || e.ts < c.answeredAt) c.agentId = e.agentId;
        c.answeredAt = c.answeredAt == null ? e.ts : Math.min(c.answeredAt, e.ts);
        this.agents.get(e.agentId)?.contacts.add(e.contactId);
        break;
      case 'contact.responded':
        if (!e.automated) c.firstResponseAt = c.firstResponseAt == null ? e.ts : Math.min(c.firstResponseAt, e.ts);
        break;
      case 'contact.abandoned':
        c.abandonedAt = c.abandonedAt == null ? e.ts : Math.min(c.abandonedAt, e.ts);
        break;
      case 'contact.ended':
        c.endedAt = Math.max(c.endedAt ?? e.ts, e.ts);
        break;
      case 'contact.wrapup-ended':
        c.wrapupEndAt = Math.max(c.wrapupEndAt ?? e.ts, e.ts);
        if (c.agentId) this.agents.get(c.agentId)?.contacts.delete(c.id);
        break;
    }
    this.recount(lc);
    // a contact of an earlier day that is over counts nowhere now: not held (a history import stays small)
    if (lc.k === null && isOver(c)) this.contacts.delete(c.id);
  }

  private contactFor(id: string, batch: ReadonlyMap<string, Contact> | undefined): LiveContact {
    let lc = this.contacts.get(id);
    if (!lc) {
      const stored = batch?.get(id) ?? this.options.loadContact?.(id);
      lc = { c: stored ? { ...stored } : { id }, k: null, intervalKey: null, countedQueue: null };
      this.contacts.set(id, lc);
    }
    return lc;
  }

  private applyAgentState(e: Extract<CanonicalEvent, { type: 'agent.state' }>): void {
    let a = this.agents.get(e.agentId);
    if (!a) {
      a = { id: e.agentId, name: e.name ?? e.agentId, capacity: e.capacity ?? {}, state: e.state, reason: null, since: e.ts, contacts: new Set(), stateMs: zeroStates(), reasonMs: new Map() };
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
        const c = this.contacts.get(id)?.c;
        if (!c || c.endedAt != null || c.abandonedAt != null) a.contacts.delete(id);
      }
    }
  }

  /** The tallies a contact counts in today: its queue's and its interval's (none when not counted). */
  private talliesOf(lc: LiveContact): ContactTally[] {
    if (!lc.k || lc.countedQueue === null) return [];
    const it = lc.intervalKey ? this.intervalTallies.get(lc.intervalKey)?.tally : undefined;
    return it ? [this.tallyFor(lc.countedQueue), it] : [this.tallyFor(lc.countedQueue)];
  }

  /** Re-derive a contact's place in the waiting set and today's tallies after it changed. */
  private recount(lc: LiveContact): void {
    const was = lc.k;
    const left = this.talliesOf(lc);
    for (const t of left) addToTally(t, was!, -1);
    this.count(lc);
    // A tally cannot lower its longest resolved wait by itself: when the wait taken out was its longest and the
    // contact did not come back to it as long (the usual end after an answer does), it is recomputed before reading.
    if (was && was.outcome !== 'waiting') {
      const now = lc.k && lc.k.outcome !== 'waiting' && lc.k.waitMs >= was.waitMs ? this.talliesOf(lc) : [];
      for (const t of left) if (was.waitMs >= t.maxResolvedWaitMs && !now.includes(t)) this.staleLongest.add(t);
    }
  }

  /** Place a contact in the waiting set and, when it entered today, in today's tallies. */
  private count(lc: LiveContact): void {
    const c = lc.c;
    lc.k = null;
    lc.intervalKey = null;
    lc.countedQueue = null;
    if (c.queuedAt == null || c.queue == null || c.channel == null) return;

    const open = c.answeredAt == null && c.abandonedAt == null && c.endedAt == null;
    let w = this.waiting.get(c.queue);
    if (open && c.queuedAt >= this.dayStart - MAX_WAITING_AGE_MS) {
      if (!w) this.waiting.set(c.queue, (w = new Map()));
      w.set(c.id, c.queuedAt);
    } else w?.delete(c.id);

    if (c.queuedAt < this.dayStart) return;
    const q = this.queues.get(c.queue);
    const k = classifyContact(c as Contact, {
      thresholdMs: contactThresholdSeconds(q, c.channel) * 1000,
      shortAbandonMs: this.options.shortAbandonMs,
      at: Number.MAX_SAFE_INTEGER,
    });
    addToTally(this.tallyFor(c.queue), k);
    const start = this.dayStart + Math.floor((c.queuedAt - this.dayStart) / this.options.intervalMs) * this.options.intervalMs;
    const key = `${c.channel}|${start}`;
    let it = this.intervalTallies.get(key);
    if (!it) this.intervalTallies.set(key, (it = { start, channel: c.channel, tally: emptyTally() }));
    addToTally(it.tally, k);
    lc.k = k;
    lc.intervalKey = key;
    lc.countedQueue = c.queue;
  }

  /** Recompute the longest resolved wait of the tallies a re-classification may have left too high. */
  private settleLongestWaits(): void {
    if (this.staleLongest.size === 0) return;
    for (const t of this.staleLongest) t.maxResolvedWaitMs = 0;
    for (const lc of this.contacts.values()) {
      if (!lc.k || lc.k.outcome === 'waiting') continue;
      for (const t of this.talliesOf(lc)) if (this.staleLongest.has(t) && lc.k.waitMs > t.maxResolvedWaitMs) t.maxResolvedWaitMs = lc.k.waitMs;
    }
    this.staleLongest.clear();
  }

  private tallyFor(queue: string): ContactTally {
    let t = this.queueTallies.get(queue);
    if (!t) this.queueTallies.set(queue, (t = emptyTally()));
    return t;
  }

  /**
   * The queue's waiting contacts now: how many, the oldest one's entry, and the oldest one's among those that
   * entered today (the day's figures: one carried over from yesterday waits in "longest wait now", not today's).
   */
  private oldestWaiting(queue: string): { count: number; oldest: number | null; oldestToday: number | null } {
    const w = this.waiting.get(queue);
    if (!w || w.size === 0) return { count: 0, oldest: null, oldestToday: null };
    let oldest = Infinity;
    let oldestToday = Infinity;
    for (const t of w.values()) {
      if (t < oldest) oldest = t;
      if (t >= this.dayStart && t < oldestToday) oldestToday = t;
    }
    return { count: w.size, oldest, oldestToday: oldestToday === Infinity ? null : oldestToday };
  }


  queuesLive(now: number): QueueLive[] {
    this.settleLongestWaits();
    const out: QueueLive[] = [];
    for (const q of this.queues.values()) {
      const { count, oldest, oldestToday } = this.oldestWaiting(q.name);
      const longestNowMs = oldest === null ? 0 : Math.max(0, now - oldest);
      const tally = this.queueTallies.get(q.name) ?? emptyTally();
      out.push({
        ...metricsFromTally(tally, oldestToday === null ? 0 : Math.max(0, now - oldestToday)),
        name: q.name,
        channel: q.channel,
        thresholdSeconds: q.slThresholdSeconds,
        longestWaitNowSeconds: longestNowMs / 1000,
        waitingNow: count,
      });
    }
    return out.sort((a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel) || a.name.localeCompare(b.name));
  }

  channelsLive(now: number, queues: QueueLive[]): ChannelLive[] {
    this.settleLongestWaits();
    return CHANNELS.map((channel) => {
      const tally = emptyTally();
      let longestNow = 0;
      let longestToday = 0;
      let waitingNow = 0;
      let n = 0;
      for (const q of queues) {
        if (q.channel !== channel) continue;
        n++;
        mergeTally(tally, this.queueTallies.get(q.name) ?? emptyTally());
        longestNow = Math.max(longestNow, q.longestWaitNowSeconds);
        // the channel's longest of today's waits is its queues' longest (theirs count only today's contacts)
        longestToday = Math.max(longestToday, (q.longestWaitSeconds ?? 0) * 1000);
        waitingNow += q.waitingNow;
      }
      const agents = Object.fromEntries(AGENT_STATES.map((s) => [s, 0])) as Record<AgentState, number>;
      for (const a of this.agents.values()) {
        if ((a.capacity[channel] ?? 0) <= 0) continue;
        const state = stateNow(a, now).state;
        // on (or wrapping up) a contact: counted on the channels of the contacts it holds, not on every one it serves
        if ((state === 'on-contact' || state === 'after-contact-work') && !this.holdsOn(a, channel)) continue;
        agents[state]++;
      }
      return {
        ...metricsFromTally(tally, longestToday),
        channel,
        queues: n,
        longestWaitNowSeconds: longestNow,
        waitingNow,
        agents,
      };
    });
  }

  /** Whether an agent holds a contact on the channel; true when it holds none known (its state is all there is). */
  private holdsOn(a: LiveAgent, channel: Channel): boolean {
    let known = false;
    for (const id of a.contacts) {
      const c = this.contacts.get(id)?.c;
      if (c?.channel == null) continue;
      if (c.channel === channel) return true;
      known = true;
    }
    return !known;
  }

  queueConfig(name: string): QueueConfig | undefined {
    return this.queues.get(name);
  }

  /** The agent's last state as its feeds said it, and since when (not judged silent: adapters judge that). */
  agentState(id: string): { state: AgentState; reason: string | null; since: number; capacity: Partial<Record<Channel, number>> } | null {
    const a = this.agents.get(id);
    return a ? { state: a.state, reason: a.reason, since: a.since, capacity: { ...a.capacity } } : null;
  }

  /** The agents as of `now` (one silent for AGENT_SILENT_MS shows offline since then). */
  agentRows(now: number): AgentRow[] {
    const rows: AgentRow[] = [];
    for (const a of this.agents.values()) {
      const st = stateNow(a, now);
      const contacts: AgentRow['contacts'] = [];
      for (const id of a.contacts) {
        const c = this.contacts.get(id)?.c;
        if (c?.channel && c.queue) contacts.push({ id, channel: c.channel, queue: c.queue });
      }
      rows.push({
        id: a.id,
        name: a.name,
        state: st.state,
        reason: st.reason,
        since: st.since,
        contacts,
        channels: CHANNELS.filter((ch) => (a.capacity[ch] ?? 0) > 0),
      });
    }
    return rows;
  }

  agentsByState(now: number): Record<AgentState, number> {
    const counts = Object.fromEntries(AGENT_STATES.map((s) => [s, 0])) as Record<AgentState, number>;
    for (const a of this.agents.values()) counts[stateNow(a, now).state]++;
    return counts;
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

  /** Today's agent time by state, the open state counted up to `now`. */
  stateTimes(now: number): StateTimes {
    const total = zeroStates();
    for (const a of this.agents.values()) {
      for (const s of AGENT_STATES) total[s] += a.stateMs[s];
      this.addOpenTime(a, now, total, null);
    }
    return total;
  }

  occupancy(now: number): number | null {
    return occupancy(this.stateTimes(now));
  }

  /** The queues the floor knows: configured ones, and those seen only in contacts (with their channel's default T). */
  queueConfigs(): QueueConfig[] {
    return [...this.queues.values()];
  }

  /** Each agent's capacity per channel, by id. */
  agentCapacities(): Map<string, Partial<Record<Channel, number>>> {
    return new Map([...this.agents.values()].map((a) => [a.id, a.capacity]));
  }

  /**
   * Each agent's capacity, state now, time by state today and not-ready time by reason ('' = none given), the open
   * state counted up to `now`. The views are this floor's,
   * filled again on each call (the standards evaluation reads them every few seconds; new ones each time were
   * 2,000 objects that the collector promoted and swept): read them before the next call, keep none.
   */
  agentTimes(now: number): readonly AgentTimes[] {
    const out = this.agentTimesOut;
    out.length = 0;
    for (const a of this.agents.values()) {
      let view = this.agentTimesViews.get(a.id);
      if (view === undefined) {
        view = { capacity: a.capacity, state: a.state, times: zeroStates(), notReadyByReason: a.reasonMs, spell: new Map() };
        this.agentTimesViews.set(a.id, view);
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
  private readonly agentTimesViews = new Map<string, AgentTimes & { spell: Map<string, number> }>();
  private readonly agentTimesOut: AgentTimes[] = [];

  /** Per queue, the wait of its oldest waiting contact now (what the standards read of the queues). */
  waitingNow(now: number): { queue: string; channel: Channel; longestWaitNowSeconds: number }[] {
    const out: { queue: string; channel: Channel; longestWaitNowSeconds: number }[] = [];
    for (const q of this.queues.values()) {
      const { oldest } = this.oldestWaiting(q.name);
      out.push({ queue: q.name, channel: q.channel, longestWaitNowSeconds: oldest === null ? 0 : Math.max(0, now - oldest) / 1000 });
    }
    return out;
  }

  intervalPoints(): IntervalPoint[] {
    this.settleLongestWaits();
    const points: IntervalPoint[] = [];
    for (const it of this.intervalTallies.values()) {
      const m = metricsFromTally(it.tally);
      points.push({
        start: it.start,
        channel: it.channel,
        offered: m.offered,
        answered: m.answered,
        abandoned: m.abandoned,
        shortAbandoned: m.shortAbandoned,
        answeredWithinThreshold: m.answeredWithinThreshold,
        serviceLevel: m.serviceLevel,
      });
    }
    return points.sort((a, b) => a.start - b.start || CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel));
  }
}
