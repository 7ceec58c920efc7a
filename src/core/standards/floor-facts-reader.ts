/**
 * The floor as the standards see it at an instant (FloorFacts), built from what the engine holds: the live
 * floor's queues, waiting contacts and agents, the last days' contacts in memory, and the stored agent-state
 * intervals, read only when a coverage standard asks and once per window start in one evaluation (each channel's
 * cell of each coverage standard asks for the same intervals).
 */
import type { LiveFloor } from '../live/live-floor';
import type { RecentContacts } from '../metrics/recent-contacts';
import { silentAt } from '../model/types';
import type { StoreReader } from '../store/store';
import type { CenterDay } from '../time/center-day';
import type { FloorFacts } from './evaluate';

type AgentIntervals = ReturnType<NonNullable<FloorFacts['agentIntervals']>>;

export interface FloorFactsSources {
  day: CenterDay;
  timeZone: string;
  intervalMinutes: number;
  recent: RecentContacts;
  floor: LiveFloor;
  store: Pick<StoreReader, 'agentStatesSince'>;
}

export interface FloorFactsReader {
  /** The floor at `now`, as one evaluation reads it. */
  at(now: number): FloorFacts;
  /** The agent-state intervals overlapping [from, now] (one read per call). */
  agentIntervalsSince(from: number): AgentIntervals;
}

export function floorFactsReader(s: FloorFactsSources): FloorFactsReader {
  function agentIntervalsSince(from: number): AgentIntervals {
    const capacity = s.floor.agentCapacities();
    // a state lasts at most until the agent fell silent (silentAt): its end is then that instant
    return s.store.agentStatesSince(from).map((i) => {
      const silent = silentAt(i.state, i.start);
      return { agentId: i.agentId, state: i.state, start: i.start, end: silent < (i.end ?? Infinity) ? silent : i.end, capacity: capacity.get(i.agentId) ?? {} };
    });
  }

  function onePerStart(): (from: number) => AgentIntervals {
    const read = new Map<number, AgentIntervals>();
    return (from) => {
      let intervals = read.get(from);
      if (intervals === undefined) read.set(from, (intervals = agentIntervalsSince(from)));
      return intervals;
    };
  }

  return {
    at: (now) => ({
      now,
      dayStart: s.day.dayStart,
      weekStart: s.day.weekStart,
      timeZone: s.timeZone,
      intervalMinutes: s.intervalMinutes,
      contacts: s.recent.values(),
      heldFrom: s.recent.from,
      // as the live floor holds them (kept from the store and the events), not read from SQL on each evaluation
      queues: s.floor.queueConfigs(),
      waitingNow: s.floor.waitingNow(now),
      agents: s.floor.agentTimes(now),
      agentIntervals: onePerStart(),
    }),
    agentIntervalsSince,
  };
}
