/**
 * The handling and customer-outcome families over a set of contacts: AHT, CSAT, NPS and FCR. One definition each,
 * shared by the standards (their cells and drill-downs), `metrics/window` (in memory and in the store's SQL, which
 * contactTalliesSql mirrors and test/core/window-metrics.test.ts checks) and the reports. docs/metrics.md repeats them.
 *
 * A survey counts whenever it was answered (the latest answer of the contact); a resolution and a handle time count
 * once they happened by the instant the group is judged at.
 */
import type { Contact } from '../model/types';

/** A survey answer counts as satisfied from this CSAT up (of 1-5). */
export const CSAT_SATISFIED_FROM = 4;
/** NPS (0-10): promoters from this answer up, detractors up to NPS_DETRACTOR_TO; the ones between are passives. */
export const NPS_PROMOTER_FROM = 9;
export const NPS_DETRACTOR_TO = 6;

/** Running sums of the families; adding and taking away (sign -1) are exact inverses. */
export interface OutcomeTally {
  /** CSAT answers, and those of CSAT_SATISFIED_FROM or more. */
  csat: number;
  satisfied: number;
  /** NPS answers, promoters and detractors. */
  nps: number;
  promoters: number;
  detractors: number;
  /** Contacts resolved by the instant judged, those resolved on the first contact, and (resolved - queued) summed. */
  resolved: number;
  firstContact: number;
  resolutionMs: number;
  /** Contacts answered and done (wrap-up over, else ended) by the instant judged, and their handle times summed. */
  handled: number;
  handleMs: number;
}

export const emptyOutcomes = (): OutcomeTally => ({ csat: 0, satisfied: 0, nps: 0, promoters: 0, detractors: 0, resolved: 0, firstContact: 0, resolutionMs: 0, handled: 0, handleMs: 0 });

/** Resolved by `at` (FCR's basis). */
export const resolvedBy = (c: Contact, at: number): boolean => c.resolvedAt != null && c.resolvedAt <= at;

/** Add (sign 1) or take away (sign -1) a contact, its handle time and resolution as of the instant judged. */
export function addOutcomes(t: OutcomeTally, c: Contact, handleMs: number | null, resolved: boolean, sign: 1 | -1 = 1): void {
  if (c.csat != null) {
    t.csat += sign;
    if (c.csat >= CSAT_SATISFIED_FROM) t.satisfied += sign;
  }
  if (c.nps != null) {
    t.nps += sign;
    if (c.nps >= NPS_PROMOTER_FROM) t.promoters += sign;
    else if (c.nps <= NPS_DETRACTOR_TO) t.detractors += sign;
  }
  if (handleMs !== null) {
    t.handled += sign;
    t.handleMs += sign * handleMs;
  }
  if (resolved) {
    t.resolved += sign;
    if (c.firstContactResolution) t.firstContact += sign;
    t.resolutionMs += sign * Math.max(0, c.resolvedAt! - c.queuedAt);
  }
}

/** AHT, seconds: handle times summed / contacts handled. */
export const ahtSecondsOf = (t: Pick<OutcomeTally, 'handled' | 'handleMs'>): number | null => (t.handled ? t.handleMs / t.handled / 1000 : null);
/** CSAT: answers of CSAT_SATISFIED_FROM or more / answers (0-1). */
export const csatShare = (t: Pick<OutcomeTally, 'csat' | 'satisfied'>): number | null => (t.csat ? t.satisfied / t.csat : null);
/** NPS: (promoters - detractors) / answers x 100 (-100 to 100). */
export const npsScore = (t: Pick<OutcomeTally, 'nps' | 'promoters' | 'detractors'>): number | null => (t.nps ? ((t.promoters - t.detractors) / t.nps) * 100 : null);
/** FCR: resolved on the first contact / resolved (0-1). */
export const fcrShare = (t: Pick<OutcomeTally, 'resolved' | 'firstContact'>): number | null => (t.resolved ? t.firstContact / t.resolved : null);
/** Resolution time: mean of (resolved - queued) over the resolved, seconds. */
export const resolutionSecondsOf = (t: Pick<OutcomeTally, 'resolved' | 'resolutionMs'>): number | null => (t.resolved ? t.resolutionMs / t.resolved / 1000 : null);
