/**
 * Agents' days: each agent's shift planned per local day (its start, a login a few minutes either side, breaks,
 * lunch and sessions as not-ready), logging in, going on an activity when free (or as soon as it is), coming back,
 * and logging off at the end of the shift once its contacts are finished. Each agent-day draws from its own stream
 * (seeded by agent and day), so a day's plan does not depend on what happened before it.
 */
import { held, type Acd } from './acd';
import type { Agenda } from './agenda';
import { SHIFT_HOURS } from './floor-plan';
import type { Agent, Shift } from './floor-state';
import { createRandom, deriveSeed } from './random';
import { planShiftActivities, type Activity } from './shift-plan';
import type { ZoneClock } from './zone-clock';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export class AgentShifts {
  constructor(
    private readonly agenda: Agenda,
    private readonly acd: Acd,
    private readonly agents: readonly Agent[],
    private readonly seed: number,
    private readonly zone: ZoneClock,
    /** Where the simulation starts: shifts over by then are not planned, logins not before. */
    private readonly start: number,
    private readonly startDay: number,
  ) {}

  /** Schedule every agent's login for local day `day` (and, from the first day on, the next day's planning). */
  planDay(day: number): void {
    const { agenda, start } = this;
    for (const a of this.agents) {
      const rng = createRandom(deriveSeed(this.seed, `shift:${a.index}:${day}`));
      const shiftStart = this.zone.instantOf(day, a.startHour * 60);
      const shift: Shift = { start: shiftStart, end: shiftStart + SHIFT_HOURS * HOUR };
      const loginJitter = rng.uniform(-4, 2) * MINUTE;
      const activities = planShiftActivities(rng, a.seat, a.night);
      if (shift.end <= start) continue;
      const loginAt = Math.max(start, shift.start + loginJitter);
      agenda.schedule(loginAt, {
        kind: 'login',
        agent: a,
        shift,
        activities: activities.filter((x) => shift.start + x.at * MINUTE > loginAt),
      });
    }
    if (day >= this.startDay) agenda.schedule(this.zone.instantOf(day + 1, 0), { kind: 'plan-day', day: day + 1 });
  }

  /** Logged in for a shift: its activities scheduled, its end too; on to work. */
  login(a: Agent, shift: Shift, activities: readonly Activity[]): void {
    a.shift = shift;
    a.loggingOut = false;
    if (a.status === 'offline') a.status = 'ready';
    for (const activity of activities) {
      this.agenda.schedule(shift.start + activity.at * MINUTE, { kind: 'activity', agent: a, shift, activity });
    }
    this.agenda.schedule(shift.end, { kind: 'shift-end', agent: a, shift });
    this.acd.pullWork(a);
    this.acd.syncState(a);
  }

  /** An activity falls due: it starts now when the agent is free, else as soon as it is. */
  activity(a: Agent, shift: Shift, activity: Activity): void {
    if (a.shift !== shift || a.loggingOut || a.status === 'offline') return;
    if (a.status === 'ready' && held(a) === 0) this.acd.startNotReady(a, activity);
    else {
      a.due.push(activity);
      this.acd.refreshPools(a);
    }
    this.acd.syncState(a);
  }

  /** Back from an activity (unless a later one replaced it): on to the next one due, else ready for work. */
  notReadyEnd(a: Agent, token: number): void {
    if (a.status !== 'not-ready' || a.notReadyToken !== token) return;
    const next = a.due.shift();
    if (next) this.acd.startNotReady(a, next);
    else {
      a.status = 'ready';
      a.reason = null;
      this.acd.pullWork(a);
    }
    this.acd.syncState(a);
  }

  /** The shift is over: off now when empty-handed, else once its contacts are done (see Acd.onFreed). */
  shiftEnd(a: Agent, shift: Shift): void {
    if (a.shift !== shift) return;
    a.loggingOut = true;
    a.due = [];
    if (held(a) === 0) this.acd.goOffline(a);
    else this.acd.refreshPools(a);
    this.acd.syncState(a);
  }
}
