/**
 * An agent's planned not-ready time in one shift: two 15-minute breaks, lunch mid-shift, and now and then a
 * training, meeting or coaching session in the gaps between them. Times are drawn per agent so that breaks
 * are staggered across the floor rather than everyone leaving at 10:00. Agents busy on a contact when an
 * activity is due start it when they finish (the simulator handles that), as on a real floor.
 */
import type { Random } from './random';

const NOT_READY_REASONS = ['Break', 'Lunch', 'Training', 'Meeting', 'Coaching'] as const;
type NotReadyReason = (typeof NOT_READY_REASONS)[number];

export interface Activity {
  /** Minutes after shift start. */
  at: number;
  minutes: number;
  reason: NotReadyReason;
}

/** Windows (minutes after shift start) that the fixed breaks never touch, for the optional sessions. */
const FREE_WINDOWS: ReadonlyArray<readonly [number, number]> = [
  [15, 95],
  [170, 205],
  [318, 338],
  [420, 470],
];

const OPTIONAL: ReadonlyArray<{ reason: NotReadyReason; chance: number; minutes: readonly [number, number] }> = [
  { reason: 'Training', chance: 0.2, minutes: [40, 60] },
  { reason: 'Meeting', chance: 0.15, minutes: [20, 30] },
  { reason: 'Coaching', chance: 0.2, minutes: [15, 25] },
];

/**
 * Activities of an 8-hour shift, ordered by time. `seat` is the agent's position within its team (same shift,
 * same skills): like a real planner, it staggers the team's breaks and lunches in four waves so that a team
 * never leaves all at once. Night crews skip the optional sessions.
 */
export function planShiftActivities(rng: Random, seat: number, night: boolean): Activity[] {
  const wave = seat % 4;
  const activities: Activity[] = [
    { at: 100 + wave * 12 + rng.uniform(0, 10), minutes: 15, reason: 'Break' },
    { at: 210 + wave * 20 + rng.uniform(0, 15), minutes: 30, reason: 'Lunch' },
    { at: 340 + wave * 12 + rng.uniform(0, 12), minutes: 15, reason: 'Break' },
  ];
  const used = new Set<number>();
  for (const session of OPTIONAL) {
    const happens = rng.chance(session.chance);
    const minutes = Math.round(rng.uniform(session.minutes[0], session.minutes[1]) / 5) * 5;
    const pick = rng.next();
    const offset = rng.next();
    if (night || !happens) continue;
    const fitting = FREE_WINDOWS.map((_, w) => w).filter((w) => !used.has(w) && FREE_WINDOWS[w][1] - FREE_WINDOWS[w][0] >= minutes);
    if (fitting.length === 0) continue;
    const w = fitting[Math.floor(pick * fitting.length)];
    used.add(w);
    const [from, to] = FREE_WINDOWS[w];
    // Sessions are booked on the quarter hour of the shift, like calendar invitations.
    const at = Math.floor((from + offset * (to - from - minutes)) / 15) * 15;
    activities.push({ at: Math.max(from, at), minutes, reason: session.reason });
  }
  return activities.sort((a, b) => a.at - b.at);
}
