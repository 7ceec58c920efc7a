/**
 * Responsiveness metrics over contacts. One definition each, used by the live engine (incrementally) and by
 * historical queries (over stored contacts), so both always agree. docs/metrics.md repeats these definitions.
 *
 * Attribution: a contact belongs to the window (or interval) in which it entered the queue (`queuedAt`),
 * and its outcome is taken as known at the window's end: a contact answered after the end counts as waiting.
 */
import type { ContactMetrics, ServiceLevelFormula } from '../../shared/api';
import type { Contact } from '../model/types';
import { DEFAULT_SERVICE_LEVEL_FORMULA, serviceLevel, SERVICE_LEVEL_VARIANTS } from './service-level';

/** The default formula's definition (the live floor's); see service-level.ts for every variant. */
export const SERVICE_LEVEL_DEFINITION = SERVICE_LEVEL_VARIANTS[DEFAULT_SERVICE_LEVEL_FORMULA].definition;

/**
 * `left` (counted as `leftOtherwise`): ended in the queue neither answered nor abandoned (an Asterisk EXITWITHKEY, an Amazon Connect queued
 * callback, a TaskRouter task canceled where the mapping does not call it an abandon). Offered, not waiting,
 * and outside the service-level and abandon-rate denominators, as Asterisk counts EXITWITHKEY.
 */
type Outcome = 'waiting' | 'answered' | 'abandoned' | 'left';

export interface Classification {
  outcome: Outcome;
  /** Time in queue: to answer, to abandon, or until `at` while waiting. */
  waitMs: number;
  shortAbandon: boolean;
  /** Answered with waitMs <= T (Asterisk and most vendors count "within" inclusively). */
  withinThreshold: boolean;
  /** Out of the queue (answered, abandoned or left) with waitMs <= T. */
  resolvedWithinThreshold: boolean;
  /** First agent response (async channels), ms after queuing; null when none yet. */
  firstResponseMs: number | null;
}

export interface ClassifyOptions {
  thresholdMs: number;
  shortAbandonMs: number;
  /** The instant the outcome is judged at (now for live, the window end for history). */
  at: number;
}

export function classifyContact(c: Contact, o: ClassifyOptions): Classification {
  const queuedAt = c.queuedAt;
  let outcome: Outcome = 'waiting';
  let waitMs = Math.max(0, o.at - queuedAt);
  if (c.answeredAt !== null && c.answeredAt <= o.at) {
    outcome = 'answered';
    waitMs = c.answeredWaitMs ?? Math.max(0, c.answeredAt - queuedAt);
  } else if (c.abandonedAt !== null && c.abandonedAt <= o.at) {
    outcome = 'abandoned';
    waitMs = c.exitWaitMs ?? Math.max(0, c.abandonedAt - queuedAt);
  } else if (c.endedAt !== null && c.endedAt <= o.at) {
    outcome = 'left';
    waitMs = c.exitWaitMs ?? Math.max(0, c.endedAt - queuedAt);
  }
  const firstResponseMs =
    c.firstResponseAt !== null && c.firstResponseAt <= o.at ? Math.max(0, c.firstResponseAt - queuedAt) : null;
  return {
    outcome,
    waitMs,
    shortAbandon: outcome === 'abandoned' && waitMs < o.shortAbandonMs,
    withinThreshold: outcome === 'answered' && waitMs <= o.thresholdMs,
    resolvedWithinThreshold: outcome !== 'waiting' && waitMs <= o.thresholdMs,
    firstResponseMs,
  };
}

/**
 * A contact's handle time, ms: from its answer to done (wrap-up end, else end), when answered and done by `at`;
 * null otherwise. The AHT of the staffing figures (Erlang C) is its mean.
 */
export function handleTimeMs(c: Contact, at: number): number | null {
  const done = c.wrapupEndAt ?? c.endedAt;
  return c.answeredAt !== null && done !== null && done <= at ? done - c.answeredAt : null;
}

/**
 * Running sums from which every ContactMetrics figure derives; add and remove are exact inverses. The counts
 * ContactMetrics reports as they are keep its names (and definitions).
 */
export interface ContactTally
  extends Pick<
    ContactMetrics,
    'offered' | 'answered' | 'abandoned' | 'shortAbandoned' | 'answeredWithinThreshold' | 'abandonedWithinThreshold' | 'waiting' | 'leftOtherwise' | 'firstResponses'
  > {
  leftWithinThreshold: number;
  answeredWaitMs: number;
  firstResponseMs: number;
  /** Longest wait among answered and abandoned contacts (not removable; see `addToTally`). */
  maxResolvedWaitMs: number;
}

export function emptyTally(): ContactTally {
  return {
    offered: 0,
    answered: 0,
    abandoned: 0,
    shortAbandoned: 0,
    answeredWithinThreshold: 0,
    abandonedWithinThreshold: 0,
    waiting: 0,
    leftOtherwise: 0,
    leftWithinThreshold: 0,
    answeredWaitMs: 0,
    firstResponses: 0,
    firstResponseMs: 0,
    maxResolvedWaitMs: 0,
  };
}

/**
 * Add (sign 1) or remove (sign -1) a classified contact. The live engine removes a contact's old
 * classification and adds its new one when an event changes it. Removing never lowers the longest resolved
 * wait: in order, a contact only moves from waiting to an outcome; a late event that shortens a resolved wait
 * makes the live floor recompute it (LiveContacts.settleLongestWaits).
 */
export function addToTally(t: ContactTally, k: Classification, sign: 1 | -1 = 1): void {
  t.offered += sign;
  if (k.outcome === 'waiting') t.waiting += sign;
  else if (k.outcome === 'answered') {
    t.answered += sign;
    t.answeredWaitMs += sign * k.waitMs;
    if (k.withinThreshold) t.answeredWithinThreshold += sign;
  } else if (k.outcome === 'abandoned') {
    t.abandoned += sign;
    if (k.shortAbandon) t.shortAbandoned += sign;
    if (k.resolvedWithinThreshold) t.abandonedWithinThreshold += sign;
  } else {
    t.leftOtherwise += sign;
    if (k.resolvedWithinThreshold) t.leftWithinThreshold += sign;
  }
  if (k.outcome !== 'waiting' && sign === 1 && k.waitMs > t.maxResolvedWaitMs) t.maxResolvedWaitMs = k.waitMs;
  if (k.firstResponseMs !== null) {
    t.firstResponses += sign;
    t.firstResponseMs += sign * k.firstResponseMs;
  }
}

export function mergeTally(into: ContactTally, t: ContactTally): void {
  into.offered += t.offered;
  into.answered += t.answered;
  into.abandoned += t.abandoned;
  into.shortAbandoned += t.shortAbandoned;
  into.answeredWithinThreshold += t.answeredWithinThreshold;
  into.abandonedWithinThreshold += t.abandonedWithinThreshold;
  into.waiting += t.waiting;
  into.leftOtherwise += t.leftOtherwise;
  into.leftWithinThreshold += t.leftWithinThreshold;
  into.answeredWaitMs += t.answeredWaitMs;
  into.firstResponses += t.firstResponses;
  into.firstResponseMs += t.firstResponseMs;
  into.maxResolvedWaitMs = Math.max(into.maxResolvedWaitMs, t.maxResolvedWaitMs);
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/**
 * The figures, from a tally.
 * - serviceLevel = by `formula` (service-level.ts); the default: answered within T / (answered + abandoned -
 *   short abandons)   [Floorboard default, DOMAIN.md]
 * - asaSeconds   = mean(answeredAt - queuedAt) over answered
 * - abandonRate  = (abandoned - short abandons) / (answered + abandoned - short abandons)
 * - longestWaitSeconds = max wait over the window's contacts, those still waiting counted up to the end
 *   (`longestWaitingMs`, supplied by the caller who knows the waiting contacts)
 * - avgFirstResponseSeconds = mean(firstResponseAt - queuedAt) over contacts with a first agent response
 */
export function metricsFromTally(t: ContactTally, longestWaitingMs = 0, formula: ServiceLevelFormula = DEFAULT_SERVICE_LEVEL_FORMULA): ContactMetrics {
  const resolved = t.answered + t.abandoned - t.shortAbandoned;
  const longest = Math.max(t.maxResolvedWaitMs, longestWaitingMs);
  return {
    offered: t.offered,
    answered: t.answered,
    abandoned: t.abandoned,
    shortAbandoned: t.shortAbandoned,
    answeredWithinThreshold: t.answeredWithinThreshold,
    abandonedWithinThreshold: t.abandonedWithinThreshold,
    waiting: t.waiting,
    leftOtherwise: t.leftOtherwise,
    serviceLevel: serviceLevel(t, formula),
    asaSeconds: t.answered > 0 ? t.answeredWaitMs / t.answered / 1000 : null,
    abandonRate: ratio(t.abandoned - t.shortAbandoned, resolved),
    longestWaitSeconds: t.offered > 0 ? longest / 1000 : null,
    firstResponses: t.firstResponses,
    avgFirstResponseSeconds: t.firstResponses > 0 ? t.firstResponseMs / t.firstResponses / 1000 : null,
  };
}
