/**
 * The live floor rebuilt from the store at start-up (the live path is incremental after that): today's queues,
 * each agent's state with today's time per state (as the live floor counts it: in the state until the agent fell
 * silent, offline after) and not-ready time per reason, and the contacts that matter today: those still waiting
 * from before today, today's, and those an agent still holds.
 */
import type { Contact } from '../model/types';
import type { StoreReader } from '../store/store';
import { zeroStateTimes, type StateTimes } from '../metrics/agent-metrics';
import { stateSpan, type LiveFloor } from './live-floor';

type StoredFloor = Pick<StoreReader, 'queues' | 'queuesSeenSince' | 'agentStatesSince' | 'currentAgents' | 'contactsWaitingBefore' | 'contactsWithAgents'>;

/** How far back a queue seen only in contacts is still one the floor shows (a weekly queue keeps its tile). */
export const QUEUES_REMEMBERED_MS = 8 * 86_400_000;

/**
 * `weekAfterStart`: the engine reads the days before today after start-up (metrics/week-fill.ts), and the queues
 * seen only in them get their tiles as it does (LiveFloor.seeQueue); here only today's. Else they are read here,
 * in one pass over the last 8 days' contacts in SQLite (0.6 s on a week of 905k contacts).
 */
export function rebuildFloor(floor: LiveFloor, store: StoredFloor, dayStart: number, todaysContacts: readonly Contact[], weekAfterStart = false): void {
  floor.resetDay(dayStart);
  for (const q of store.queues()) floor.setQueue(q);
  // a queue known only from contacts has its tile from the day's start too, not once today's first contact arrives
  if (weekAfterStart) for (const c of todaysContacts) floor.seeQueue(c.queue, c.channel);
  else for (const q of store.queuesSeenSince(dayStart - QUEUES_REMEMBERED_MS)) floor.setQueue(q);
  const times = new Map<string, StateTimes>();
  const reasons = new Map<string, Map<string, number>>();
  for (const s of store.agentStatesSince(dayStart)) {
    if (s.end === null) continue;
    let t = times.get(s.agentId);
    if (!t) times.set(s.agentId, (t = zeroStateTimes()));
    const { inState, offline } = stateSpan(s.state, s.start, s.end, dayStart);
    t[s.state] += inState;
    t.offline += offline;
    if (s.state === 'not-ready') {
      const r = reasons.get(s.agentId) ?? new Map<string, number>();
      r.set(s.reason ?? '', (r.get(s.reason ?? '') ?? 0) + inState);
      reasons.set(s.agentId, r);
    }
  }
  for (const a of store.currentAgents()) {
    floor.loadAgent(a, times.get(a.id), reasons.get(a.id));
  }
  const seen = new Set<string>();
  const load = (cs: Iterable<Contact>) => {
    for (const c of cs) if (!seen.has(c.id)) (seen.add(c.id), floor.loadContact(c));
  };
  load(store.contactsWaitingBefore(dayStart));
  load(todaysContacts);
  load(store.contactsWithAgents());
}
