/**
 * Contact metrics over a historical window [from, to), from stored contacts, with the same definitions
 * as the live floor (contact-metrics.ts): contacts attributed by queue entry, outcomes judged at `to`; and the
 * handling, outcome (outcome-metrics.ts) and agent-time (agent-time.ts) families of the same range.
 */
import type { Channel, FamilyMetrics, GroupBy, MetricsReport, MetricsRow, ServiceLevelFormula } from '../../shared/api';
import { contactThresholdSeconds, type Contact, type QueueConfig } from '../model/types';
import type { StoreReader } from '../store/store';
import type { RecentContacts } from './recent-contacts';
import { addToTally, classifyContact, emptyTally, handleTimeMs, metricsFromTally, type ContactTally } from './contact-metrics';
import { addOutcomes, ahtSecondsOf, csatShare, emptyOutcomes, fcrShare, npsScore, resolvedBy, type OutcomeTally } from './outcome-metrics';
import { agentFigures, readAgentTime, stateTimesIn, type AgentTime } from './agent-time';
import { DEFAULT_SERVICE_LEVEL_FORMULA, SERVICE_LEVEL_VARIANTS } from './service-level';

const ATTRIBUTION = 'contacts counted in the window they entered the queue; outcomes as known at the window end';

export interface WindowOptions {
  from: number;
  to: number;
  by: GroupBy;
  shortAbandonSeconds: number;
  /** Service-level formula (default 'floorboard'). */
  formula?: ServiceLevelFormula;
  /** T for every queue, seconds; by default each queue's own (queue.config, else the channel's default). */
  thresholdSeconds?: number;
  /** The instant outcomes are judged at (default `to`; a day of a report is judged at the report's end). */
  at?: number;
}

const THRESHOLD_PER_QUEUE = "per queue (queue.config) for contacts on the queue's channel, else voice 20, chat 60, message 3600, email 86400";

/**
 * The agent time of a group: every agent for the center, those with capacity on the channel for a channel, none for
 * a queue (agents are not assigned to queues); null too when no agent time was given.
 */
function agentTimeOf(agents: AgentTime | undefined, by: GroupBy, key: string, o: WindowOptions) {
  if (agents === undefined || by === 'queue') return null;
  return stateTimesIn(agents, o.from, o.to, by === 'channel' ? [key as Channel] : undefined);
}

/** The handling, outcome and agent-time figures of a group (FamilyMetrics), from their tallies. */
function familyFigures(t: OutcomeTally, agentTimes: ReturnType<typeof agentTimeOf>): FamilyMetrics {
  return {
    handled: t.handled,
    ahtSeconds: ahtSecondsOf(t),
    csatAnswers: t.csat,
    csat: csatShare(t),
    npsAnswers: t.nps,
    nps: npsScore(t),
    resolved: t.resolved,
    fcr: fcrShare(t),
    ...agentFigures(agentTimes),
  };
}

/** The figures of a group without a contact (and without agent time). */
export function emptyWindowFigures(formula?: ServiceLevelFormula): Omit<MetricsRow, 'key'> {
  return { ...metricsFromTally(emptyTally(), 0, formula), ...familyFigures(emptyOutcomes(), null) };
}

/** A group's sums: its contacts' classification and outcomes, and the longest wait of those still waiting. */
export interface GroupTallies {
  tally: ContactTally;
  outcomes: OutcomeTally;
  longestWaitingMs: number;
}

/**
 * Each contact of the range classified once and summed into every group `keysOf` names for it: the report sums the
 * center, its queues, channels and days in one pass (a pass a grouping over a million contacts cost a second).
 */
export function tallyGroups(contacts: Iterable<Contact>, queues: QueueConfig[], o: Omit<WindowOptions, 'by'>, keysOf: (c: Contact) => readonly string[]): Map<string, GroupTallies> {
  const queueOf = new Map(queues.map((q) => [q.name, q]));
  const groups = new Map<string, GroupTallies>();
  const at = o.at ?? o.to;
  for (const c of contacts) {
    if (c.queuedAt < o.from || c.queuedAt >= o.to) continue;
    const k = classifyContact(c, {
      thresholdMs: (o.thresholdSeconds ?? contactThresholdSeconds(queueOf.get(c.queue), c.channel)) * 1000,
      shortAbandonMs: o.shortAbandonSeconds * 1000,
      at,
    });
    const handled = handleTimeMs(c, at);
    const resolved = resolvedBy(c, at);
    for (const key of keysOf(c)) {
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { tally: emptyTally(), outcomes: emptyOutcomes(), longestWaitingMs: 0 }));
      addToTally(g.tally, k);
      addOutcomes(g.outcomes, c, handled, resolved);
      if (k.outcome === 'waiting' && k.waitMs > g.longestWaitingMs) g.longestWaitingMs = k.waitMs;
    }
  }
  return groups;
}

/** A group's figures from its sums (a group without a contact: empty figures) and its agent time. */
export function groupFigures(g: GroupTallies | undefined, formula: ServiceLevelFormula | undefined, agentTimes: ReturnType<typeof agentTimeOf>): Omit<MetricsRow, 'key'> {
  if (!g) return { ...emptyWindowFigures(formula), ...agentFigures(agentTimes) };
  return { ...metricsFromTally(g.tally, g.longestWaitingMs, formula), ...familyFigures(g.outcomes, agentTimes) };
}

/**
 * The rows of a range from contacts in memory. `agents`: the agent-state time the occupancy and not-ready figures
 * read (readAgentTime); without it they are null.
 */
export function metricsForContacts(contacts: Iterable<Contact>, queues: QueueConfig[], o: WindowOptions, agents?: AgentTime): MetricsRow[] {
  const keyOf = o.by === 'queue' ? (c: Contact) => [c.queue] : o.by === 'channel' ? (c: Contact) => [c.channel] : () => ['center'];
  return [...tallyGroups(contacts, queues, o, keyOf).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, g]) => ({ key, ...groupFigures(g, o.formula, agentTimeOf(agents, o.by, key, o)) }));
}

/**
 * The same rows as metricsForContacts over the stored contacts, summed by SQLite (a week in milliseconds), with the
 * agent time read from the store unless given (one read serves many ranges: the CLI's days and intervals).
 */
export function storedMetrics(store: StoreReader, o: WindowOptions, agents: AgentTime = readAgentTime(store, o.from)): MetricsRow[] {
  return store
    .contactTallies({ from: o.from, to: o.to, by: o.by, shortAbandonMs: o.shortAbandonSeconds * 1000, thresholdSeconds: o.thresholdSeconds, at: o.at })
    .map(({ key, longestWaitingMs, ...tally }) => ({
      key,
      ...metricsFromTally(tally satisfies ContactTally, longestWaitingMs, o.formula),
      ...familyFigures(tally satisfies OutcomeTally, agentTimeOf(agents, o.by, key, o)),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * The report of a window: from the recent contacts held in memory when the window lies within them, else from
 * the store. Both classify the same way (classifyContact; the store's SQL is tested against it).
 */
export function windowMetrics(store: StoreReader, o: WindowOptions, recent?: RecentContacts): MetricsReport {
  const agents = readAgentTime(store, o.from);
  const rows = recent?.covers(o.from) ? metricsForContacts(recent.values(), store.queues(), o, agents) : storedMetrics(store, o, agents);
  return {
    from: new Date(o.from).toISOString(),
    to: new Date(o.to).toISOString(),
    by: o.by,
    definition: {
      serviceLevel: SERVICE_LEVEL_VARIANTS[o.formula ?? DEFAULT_SERVICE_LEVEL_FORMULA].definition,
      formula: o.formula ?? DEFAULT_SERVICE_LEVEL_FORMULA,
      shortAbandonSeconds: o.shortAbandonSeconds,
      thresholdSeconds: o.thresholdSeconds ?? THRESHOLD_PER_QUEUE,
      attribution: ATTRIBUTION,
    },
    rows,
  };
}
