/**
 * Contact metrics over a historical window [from, to), from stored contacts, with the same definitions
 * as the live floor (contact-metrics.ts): contacts attributed by queue entry, outcomes judged at `to`.
 */
import type { GroupBy, MetricsReport, MetricsRow, ServiceLevelFormula } from '../../shared/api';
import { contactThresholdSeconds, type Contact, type QueueConfig } from '../model/types';
import type { StoreReader } from '../store/store';
import type { RecentContacts } from './recent-contacts';
import { addToTally, classifyContact, emptyTally, metricsFromTally, type ContactTally } from './contact-metrics';
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

export function metricsForContacts(contacts: Iterable<Contact>, queues: QueueConfig[], o: WindowOptions): MetricsRow[] {
  const queueOf = new Map(queues.map((q) => [q.name, q]));
  const groups = new Map<string, { tally: ContactTally; longestWaitingMs: number }>();
  for (const c of contacts) {
    if (c.queuedAt < o.from || c.queuedAt >= o.to) continue;
    const key = o.by === 'queue' ? c.queue : o.by === 'channel' ? c.channel : 'center';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { tally: emptyTally(), longestWaitingMs: 0 }));
    const k = classifyContact(c, {
      thresholdMs: (o.thresholdSeconds ?? contactThresholdSeconds(queueOf.get(c.queue), c.channel)) * 1000,
      shortAbandonMs: o.shortAbandonSeconds * 1000,
      at: o.at ?? o.to,
    });
    addToTally(g.tally, k);
    if (k.outcome === 'waiting' && k.waitMs > g.longestWaitingMs) g.longestWaitingMs = k.waitMs;
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, g]) => ({ key, ...metricsFromTally(g.tally, g.longestWaitingMs, o.formula) }));
}

/** The same rows as metricsForContacts over the stored contacts, summed by SQLite (a week in milliseconds). */
export function storedMetrics(store: StoreReader, o: WindowOptions): MetricsRow[] {
  return store
    .contactTallies({ from: o.from, to: o.to, by: o.by, shortAbandonMs: o.shortAbandonSeconds * 1000, thresholdSeconds: o.thresholdSeconds, at: o.at })
    .map(({ key, longestWaitingMs, ...tally }) => ({ key, ...metricsFromTally(tally satisfies ContactTally, longestWaitingMs, o.formula) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * The report of a window: from the recent contacts held in memory when the window lies within them, else from
 * the store. Both classify the same way (classifyContact; the store's SQL is tested against it).
 */
export function windowMetrics(store: StoreReader, o: WindowOptions, recent?: RecentContacts): MetricsReport {
  const rows = recent?.covers(o.from) ? metricsForContacts(recent.values(), store.queues(), o) : storedMetrics(store, o);
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
