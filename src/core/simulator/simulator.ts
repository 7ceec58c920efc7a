/**
 * The floor simulator: a discrete-event simulation of a contact center that emits canonical events, so the
 * whole product (engine, store, wallboard) can run on a believable floor without a real feed.
 *
 * Model, in one paragraph: contacts arrive per queue as a non-homogeneous Poisson process (thinning against
 * the intraday curve in the center's local time); an ACD offers each to a free agent skilled for its queue
 * (longest-idle agent; for chat and messaging, an agent already in conversations with a free slot first),
 * otherwise it waits in its queue until an agent frees up and takes the longest-waiting contact among the
 * queues it serves (voice and chat before email and messaging). A waiting customer abandons when its
 * patience runs out. Agents work shifts with breaks, lunch and sessions as not-ready, finish their contacts
 * before going on break or logging off, and hold several chats or messages at once up to their capacity.
 *
 * Everything is a function of (seed, start, timeZone, scale): no clock, no Math.random(). Happenings wait in
 * a binary heap ordered by (time, insertion order), so the stream is identical however `advanceTo` is
 * chunked (agenda.ts).
 *
 * The parts: the floor as it runs (floor-state.ts), the ACD and agents' states (acd.ts), arrivals (arrivals.ts),
 * a contact's happenings and outcomes (contact-happenings.ts), agents' shifts (agent-shifts.ts); this file opens
 * the floor and hands each happening to its part.
 */
import type { CanonicalEventInput } from '../model/events';
import { FEED_FORMAT_VERSION } from '../model/events';
import { Acd } from './acd';
import { AgentShifts } from './agent-shifts';
import { Agenda, type Task } from './agenda';
import { Arrivals, type Surge } from './arrivals';
import { ContactHappenings } from './contact-happenings';
import { createFloorState } from './floor-state';
import { createZoneClock } from './zone-clock';

export interface SimulatorOptions {
  seed: number;
  /** Epoch ms where simulation starts (normally the start of the center's day). */
  start: number;
  /** IANA zone of the center; the intraday curve follows local time there. */
  timeZone: string;
  /**
   * Size of the center (1 = a mid-size center, ~50 agents). Head counts scale linearly; arrival rates scale
   * a little faster, as real staffing does (square-root staffing, see `arrivalMultiplier`). Default 1.
   */
  scale?: number;
  /**
   * Scripted surges (a breach to demonstrate or test): between `from` and `to`, contacts of `channel` arrive
   * `factor` times as often as the intraday curve says. None by default; without them every run is unchanged.
   */
  surges?: Surge[];
}

export interface Simulator {
  /** Simulated time reached so far (epoch ms). Starts at `start - 1`, so the first call can include `start`. */
  readonly now: number;
  /** All events with ts in (previous now, t], ordered by ts, then advance now to t. Calling with t <= now returns []. */
  advanceTo(t: number): CanonicalEventInput[];
}

export function createSimulator(options: SimulatorOptions): Simulator {
  const { seed, start, timeZone } = options;
  const scale = options.scale ?? 1;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  if (!Number.isFinite(start) || start < 0) throw new RangeError(`start must be epoch ms, got ${start}`);
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`scale must be a positive number, got ${scale}`);

  const zone = createZoneClock(timeZone);
  const startDay = zone.dayNumber(start);
  const idPrefix = `sim-${seed}-${zone.compactDate(startDay)}`;
  const { queues, agents } = createFloorState(seed, scale);
  const agenda = new Agenda(start, idPrefix);
  const acd = new Acd(agenda);
  const arrivals = new Arrivals(agenda, acd, seed, zone, idPrefix, options.surges ?? []);
  const contacts = new ContactHappenings(agenda, acd, seed);
  const shifts = new AgentShifts(agenda, acd, agents, seed, zone, start, startDay);
  let now = start - 1;

  /** The floor at the start: the queues' settings, every agent offline, shifts planned, the first arrivals. */
  const open = (): void => {
    for (const q of queues) {
      const { name, channel, slThresholdSeconds } = q.def;
      agenda.emit({ v: FEED_FORMAT_VERSION, id: agenda.nextId(), ts: agenda.clock, type: 'queue.config', queue: name, channel, timeZone, slThresholdSeconds });
    }
    for (const a of agents) acd.syncState(a);
    // Yesterday's late shifts may still be on the floor at the start.
    shifts.planDay(startDay - 1);
    shifts.planDay(startDay);
    for (const q of queues) arrivals.next(q, start);
  };

  const handle = (task: Task): void => {
    switch (task.kind) {
      case 'open': return open();
      case 'plan-day': return shifts.planDay(task.day);
      case 'arrival': return arrivals.arrive(task.queue);
      case 'abandon': return contacts.abandon(task.contact);
      case 'answer': return contacts.answer(task.contact);
      case 'reply': return contacts.reply(task.contact, task.index);
      case 'message': return contacts.message(task.contact);
      case 'end': return contacts.end(task.contact);
      case 'wrap-end': return contacts.wrapEnd(task.contact);
      case 'login': return shifts.login(task.agent, task.shift, task.activities);
      case 'activity': return shifts.activity(task.agent, task.shift, task.activity);
      case 'not-ready-end': return shifts.notReadyEnd(task.agent, task.token);
      case 'shift-end': return shifts.shiftEnd(task.agent, task.shift);
    }
  };

  agenda.schedule(start, { kind: 'open' });

  return {
    get now() {
      return now;
    },
    advanceTo(t: number): CanonicalEventInput[] {
      if (!Number.isFinite(t)) throw new RangeError(`advanceTo needs a finite time, got ${t}`);
      if (t <= now) return [];
      const out = agenda.runUntil(t, handle);
      now = t;
      return out;
    },
  };
}
