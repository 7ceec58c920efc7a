/**
 * The live floor: running aggregates updated event by event (never a SQL rescan on the live path), the contacts
 * and queues on one side (live-contacts.ts), the agents on the other (live-agents.ts). A snapshot is built from
 * them in O(queues + agents + intervals); a channel's figures join both: its queues' tallies and its agents.
 */
import type { AgentRow, ChannelLive, IntervalPoint, QueueLive, WaitingContact } from '../../shared/api';
import type { CanonicalEvent } from '../model/events';
import type { AgentRecord, AgentState, Channel, Contact, QueueConfig } from '../model/types';
import { CHANNELS, DEFAULT_SL_THRESHOLD_SECONDS } from '../model/types';
import { emptyTally, mergeTally, metricsFromTally } from '../metrics/contact-metrics';
import type { StateTimes } from '../metrics/agent-metrics';
import { LiveAgents, type AgentSummary, type AgentTimes } from './live-agents';
import { LiveContacts } from './live-contacts';

export { stateSpan, type AgentTimes } from './live-agents';

export interface LiveFloorOptions {
  shortAbandonMs: number;
  intervalMs: number;
  /**
   * A contact as stored, for one the floor does not hold and its batch does not carry (queued on an earlier day,
   * not seen since start-up).
   */
  storedContact?: (id: string) => Contact | null;
}

export class LiveFloor {
  private dayStart = 0;
  private readonly contacts: LiveContacts;
  private readonly agents: LiveAgents;

  constructor(options: LiveFloorOptions) {
    this.contacts = new LiveContacts(options);
    this.agents = new LiveAgents(this.contacts);
  }

  get currentDayStart(): number {
    return this.dayStart;
  }

  /** Start a new business day: today's figures restart; waiting and active contacts carry over uncounted. */
  resetDay(dayStart: number): void {
    this.dayStart = dayStart;
    this.contacts.resetDay(dayStart);
    this.agents.resetDay(dayStart);
  }

  setQueue(q: QueueConfig): void {
    this.contacts.setQueue(q);
  }

  /** A queue known only from stored contacts (the week read after start-up): its tile, if it has none. */
  seeQueue(name: string, channel: Channel): void {
    this.contacts.seeQueue(name, channel);
  }

  /** Seed an agent's current state and today's closed state time at start-up. */
  loadAgent(
    a: AgentRecord,
    stateMs?: StateTimes,
    reasonMs?: Map<string, number>,
  ): void {
    this.agents.load(a, stateMs, reasonMs);
  }

  /** Seed a stored contact at start-up. */
  loadContact(c: Contact): void {
    this.contacts.load(c);
    if (c.agentId && c.answeredAt !== null && c.wrapupEndAt === null && c.abandonedAt === null) this.agents.hold(c.agentId, c.id);
  }

  /**
   * Apply a batch's new events. `contacts`: the batch's contacts as the store merged them; a contact the floor does
   * not hold yet starts from its row there (its earlier events included), else from the stored one.
   */
  applyBatch(events: readonly CanonicalEvent[], contacts: ReadonlyMap<string, Contact>): void {
    for (const e of events) this.apply(e, contacts);
  }

  apply(e: CanonicalEvent, contacts?: ReadonlyMap<string, Contact>): void {
    switch (e.type) {
      case 'queue.config':
        this.contacts.setQueue({
          name: e.queue,
          channel: e.channel,
          timeZone: e.timeZone ?? null,
          slThresholdSeconds: e.slThresholdSeconds ?? DEFAULT_SL_THRESHOLD_SECONDS[e.channel],
        });
        return;
      case 'agent.state':
        this.agents.applyState(e);
        return;
      case 'contact.message':
        return; // a customer follow-up: the standards' next response time (metrics/responses.ts), not the live tiles
    }
    const c = this.contacts.apply(e, contacts);
    if (e.type === 'contact.answered') this.agents.hold(e.agentId, e.contactId);
    else if (e.type === 'contact.wrapup-ended' && c.agentId) this.agents.release(c.agentId, c.id);
  }

  queuesLive(now: number): QueueLive[] {
    return this.contacts.queuesLive(now);
  }

  /** The agents by state, on each channel, and today's time by state: a snapshot's, in one pass over them. */
  agentSummary(now: number): AgentSummary {
    return this.agents.summary(now);
  }

  /** Per channel, its queues' figures and `agents` (agentSummary's byChannel, read once a snapshot). */
  channelsLive(queues: QueueLive[], agents: AgentSummary['byChannel']): ChannelLive[] {
    this.contacts.settleLongestWaits();
    return CHANNELS.map((channel) => {
      const tally = emptyTally();
      let longestNow = 0;
      let longestToday = 0;
      let waitingNow = 0;
      let n = 0;
      for (const q of queues) {
        if (q.channel !== channel) continue;
        n++;
        mergeTally(tally, this.contacts.queueTally(q.name) ?? emptyTally());
        longestNow = Math.max(longestNow, q.longestWaitNowSeconds);
        // the channel's longest of today's waits is its queues' longest (theirs count only today's contacts)
        longestToday = Math.max(longestToday, (q.longestWaitSeconds ?? 0) * 1000);
        waitingNow += q.waitingNow;
      }
      return {
        ...metricsFromTally(tally, longestToday),
        channel,
        queues: n,
        longestWaitNowSeconds: longestNow,
        waitingNow,
        agents: agents[channel],
      };
    });
  }

  queueConfig(name: string): QueueConfig | undefined {
    return this.contacts.queueConfig(name);
  }

  /** The agent's last state as its feeds said it, and since when (not judged silent: adapters judge that). */
  agentState(id: string): { state: AgentState; reason: string | null; since: number; capacity: Partial<Record<Channel, number>> } | null {
    return this.agents.state(id);
  }

  /** The agents as of `now` (one silent for AGENT_SILENT_MS shows offline since then). */
  agentRows(now: number): AgentRow[] {
    return this.agents.rows(now);
  }




  /** The queues the floor knows: configured ones, and those seen only in contacts (with their channel's default T). */
  queueConfigs(): QueueConfig[] {
    return this.contacts.queueConfigs();
  }

  /** Each agent's capacity per channel, by id. */
  agentCapacities(): Map<string, Partial<Record<Channel, number>>> {
    return this.agents.capacities();
  }

  /** Each agent's time by state today, the views refilled on each call: see LiveAgents.times. */
  agentTimes(now: number): readonly AgentTimes[] {
    return this.agents.times(now);
  }

  /** Per queue, the wait of its oldest waiting contact now (what the standards read of the queues). */
  waitingNow(now: number): { queue: string; channel: Channel; longestWaitNowSeconds: number }[] {
    return this.contacts.waitingNow(now);
  }

  /** The contacts waiting longest now, oldest first: see LiveContacts.longestWaiting. */
  longestWaiting(now: number, limit: number): { total: number; contacts: WaitingContact[] } {
    return this.contacts.longestWaiting(now, limit);
  }

  intervalPoints(): IntervalPoint[] {
    return this.contacts.intervalPoints();
  }
}
