/**
 * What an evaluation of the standards reads of the floor (FloorFacts), and the window each standard reads of it:
 * every part of the evaluation takes a standard's window start from windowStart, so they never disagree.
 */
import type { AgentState, Channel } from '../../shared/api';
import type { StateTimes } from '../metrics/agent-metrics';
import type { ContactChanges } from '../metrics/recent-contacts';
import type { Contact, QueueConfig } from '../model/types';
import { intervalStart } from '../time/business-day';
import { MINUTE_MS, type EvaluationCache } from './evaluation-cache';
import type { Standard } from './standard';

export interface FloorFacts {
  now: number;
  dayStart: number;
  /** Start of the `week` window: the business day 6 days before today's (businessDayStartBefore: DST-correct). */
  weekStart: number;
  timeZone: string;
  intervalMinutes: number;
  /** Contacts held in memory (the last days): every window lies within them, once `heldFrom` is past. */
  contacts: Iterable<Contact>;
  /**
   * The oldest instant the contacts are held from, while the last days are still being read after start-up
   * (metrics/week-fill.ts): a window starting earlier gets no figure yet. Absent: every window is held.
   */
  heldFrom?: number;
  queues: QueueConfig[];
  /** Oldest contact waiting now, per queue. */
  waitingNow: { queue: string; channel: Channel; longestWaitNowSeconds: number }[];
  /** Agents' state time today; null for a past period (agent figures are then not evaluated). */
  agents: readonly { capacity: Partial<Record<Channel, number>>; state: AgentState; times: StateTimes; notReadyByReason?: ReadonlyMap<string, number> }[] | null;
  /**
   * Agent-state intervals overlapping [from, now], with each agent's capacity (for coverage of published hours);
   * read only when a coverage standard asks.
   */
  agentIntervals?: (from: number) => { agentId: string; state: AgentState; start: number; end: number | null; capacity: Partial<Record<Channel, number>> }[];
  /** A period every standard is evaluated over instead of its own window (the what-if): [from, now). */
  period?: { from: number };
  /**
   * Evaluations that follow each other (the engine's, every 5 s) keep the settled contacts' figures of windows
   * that start at a fixed instant: `changed` lists every contact the store changed since the last evaluation
   * (null when that is not known: everything is judged again); `rulesKey` names what judges contacts (the
   * standards version and the queues' thresholds), and a new one starts afresh.
   */
  cache?: { passes: EvaluationCache; changed: ContactChanges | null; rulesKey: string };
}

/**
 * Whether a window starting at `start` reaches before the contacts held so far: the days read after start-up
 * (metrics/week-fill.ts) are not all in, so it has no figure, no contacts at risk and no drill-down yet.
 */
export const stillLoading = (f: FloorFacts, start: number): boolean => f.heldFrom !== undefined && start < f.heldFrom;

/** The start of the window a standard reads at `f.now` (the period's, in a what-if). */
export function windowStart(s: Standard, f: FloorFacts): number {
  if (f.period) return f.period.from;
  switch (s.window) {
    case 'rolling-15m':
      return f.now - 15 * MINUTE_MS;
    case 'rolling-30m':
      return f.now - 30 * MINUTE_MS;
    case 'rolling-60m':
      return f.now - 60 * MINUTE_MS;
    case 'interval':
      return intervalStart(f.now, f.intervalMinutes, f.timeZone);
    case 'today':
      return f.dayStart;
    case 'week':
      return f.weekStart;
  }
}
