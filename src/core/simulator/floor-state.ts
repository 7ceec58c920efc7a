/**
 * The simulated floor as it runs: queues with their lines, contacts in progress, agents with their state, and the
 * ACD's pools of idle and partly free agents per skill profile; built from the floor plan for a seed and a scale.
 * Each queue gets its own random stream (seeded by the queue's name) for its arrivals and their contacts' plans.
 */
import type { AgentState, Channel } from '../model/types';
import type { ContactPlan } from './contact-plan';
import { agentName, arrivalMultiplier, CHANNEL_CAPACITY, PROFILES, QUEUES, rosterAt, type QueueDef } from './floor-plan';
import { createRandom, deriveSeed, type Random } from './random';
import type { Activity } from './shift-plan';

/** Day-to-day volume varies by up to this fraction either way. */
export const DAY_VARIATION = 0.08;

const HOUR = 3600_000;

type Phase = 'waiting' | 'alerting' | 'talking' | 'wrapping' | 'done' | 'abandoned';

export interface QueueRuntime {
  def: QueueDef;
  rng: Random;
  /** Upper bound of the arrival rate, per ms, for thinning. */
  maxRate: number;
  /** FIFO of contacts; entries before `head` or no longer waiting are skipped lazily. */
  line: SimContact[];
  head: number;
  waiting: number;
  /** Profiles whose agents serve this queue. */
  profiles: ProfileRuntime[];
}

export interface SimContact {
  id: string;
  queue: QueueRuntime;
  channel: Channel;
  queuedAt: number;
  plan: ContactPlan;
  phase: Phase;
  agent: Agent | null;
  answeredAt: number;
}

export interface IdleEntry {
  agent: Agent;
  stamp: number;
}

export interface ProfileRuntime {
  name: string;
  /** Longest-idle first. */
  idle: IdleEntry[];
  idleHead: number;
  /** Agents in conversations on a concurrent channel with a slot free. */
  partial: Map<Channel, Set<Agent>>;
}

export interface Shift {
  start: number;
  end: number;
}

export interface Agent {
  index: number;
  id: string;
  name: string;
  night: boolean;
  startHour: number;
  /** Position within its roster team, to stagger breaks. */
  seat: number;
  profile: ProfileRuntime;
  capacity: Partial<Record<Channel, number>>;
  /** Queues served, voice and chat first (the ACD's priority), then email and messaging. */
  primary: QueueRuntime[];
  secondary: QueueRuntime[];
  status: 'offline' | 'ready' | 'not-ready';
  reason: string | null;
  shift: Shift | null;
  /** Activities that fell due while the agent was busy, to start when free. */
  due: Activity[];
  loggingOut: boolean;
  notReadyToken: number;
  /** The channel of the contacts held (one channel at a time). */
  channel: Channel | null;
  alerting: number;
  talking: number;
  wrapping: number;
  inIdle: boolean;
  idleStamp: number;
  idleSince: number;
  partialIn: Channel | null;
  emittedState: AgentState | null;
  emittedReason: string | null;
}

export const isConcurrent = (channel: Channel): boolean => CHANNEL_CAPACITY[channel] > 1;
const isPriority = (channel: Channel): boolean => channel === 'voice' || channel === 'chat';

export interface FloorState {
  queues: QueueRuntime[];
  agents: Agent[];
}

export function createFloorState(seed: number, scale: number): FloorState {
  const volume = arrivalMultiplier(scale);
  const profiles = new Map<string, ProfileRuntime>();
  for (const p of PROFILES) {
    profiles.set(p.name, { name: p.name, idle: [], idleHead: 0, partial: new Map([['chat', new Set()], ['message', new Set()]]) });
  }
  const queues: QueueRuntime[] = QUEUES.map((def) => ({
    def,
    rng: createRandom(deriveSeed(seed, `queue:${def.name}`)),
    maxRate: (def.peakPerHour * volume * (1 + DAY_VARIATION)) / HOUR,
    line: [],
    head: 0,
    waiting: 0,
    profiles: PROFILES.filter((p) => p.queues.includes(def.name)).map((p) => profiles.get(p.name) as ProfileRuntime),
  }));
  const queueByName = new Map(queues.map((q) => [q.def.name, q]));

  const agents: Agent[] = [];
  for (const entry of rosterAt(scale)) {
    const profile = PROFILES.find((p) => p.name === entry.profile);
    if (!profile) throw new Error(`roster refers to unknown profile ${entry.profile}`);
    const served = profile.queues.map((name) => queueByName.get(name) as QueueRuntime);
    const capacity: Partial<Record<Channel, number>> = {};
    for (const q of served) capacity[q.def.channel] = profile.capacity?.[q.def.channel] ?? CHANNEL_CAPACITY[q.def.channel];
    for (let seat = 0; seat < entry.count; seat++) {
      const index = agents.length;
      agents.push({
        index,
        id: `agent-${String(index + 1).padStart(4, '0')}`,
        name: agentName(index),
        night: entry.night === true,
        startHour: entry.startHour,
        seat,
        profile: profiles.get(profile.name) as ProfileRuntime,
        capacity,
        primary: served.filter((q) => isPriority(q.def.channel)),
        secondary: served.filter((q) => !isPriority(q.def.channel)),
        status: 'offline',
        reason: null,
        shift: null,
        due: [],
        loggingOut: false,
        notReadyToken: 0,
        channel: null,
        alerting: 0,
        talking: 0,
        wrapping: 0,
        inIdle: false,
        idleStamp: 0,
        idleSince: 0,
        partialIn: null,
        emittedState: null,
        emittedReason: null,
      });
    }
  }
  return { queues, agents };
}
