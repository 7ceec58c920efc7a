/**
 * Availability metrics over agent-state time.
 *
 * occupancy = handle / (handle + available idle), where handle = on-contact + after-contact work time
 * (Amazon Connect's definition; not-ready and offline time are outside both). It is state-based: an agent
 * on one chat of three counts as fully occupied, which a later capacity-weighted figure will refine.
 * not-ready share = not-ready / staffed, where staffed = available + on-contact + after-contact work + not-ready
 * (offline time is outside both).
 */
import type { AgentState } from '../model/types';

export type StateTimes = Record<AgentState, number>;

/** No time in any state yet. */
export const zeroStateTimes = (): StateTimes => ({ available: 0, 'on-contact': 0, 'after-contact-work': 0, 'not-ready': 0, offline: 0 });

export const OCCUPANCY_DEFINITION = '(on-contact + after-contact work) / (on-contact + after-contact work + available)';

export function occupancy(t: StateTimes): number | null {
  const handle = t['on-contact'] + t['after-contact-work'];
  const den = handle + t.available;
  return den > 0 ? handle / den : null;
}

/** Available + on a contact + after-contact work + not ready: the time an agent was on the floor. */
export function staffedMs(t: StateTimes): number {
  return t.available + t['on-contact'] + t['after-contact-work'] + t['not-ready'];
}

export function notReadyShare(t: StateTimes): number | null {
  const staffed = staffedMs(t);
  return staffed > 0 ? t['not-ready'] / staffed : null;
}
