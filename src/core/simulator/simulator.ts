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
 * chunked.
 */
import type { CanonicalEventInput } from '../model/events';
import { FEED_FORMAT_VERSION } from '../model/events';
import type { AgentState, Channel } from '../model/types';
import { BinaryHeap } from '../binary-heap';
import { drawContactPlan, type ContactPlan } from './contact-plan';
import { agentName, arrivalMultiplier, CHANNEL_CAPACITY, PROFILES, QUEUES, rosterAt, SHIFT_HOURS, type QueueDef } from './floor-plan';
import { channelDemand } from './intraday-curve';
import { createRandom, deriveSeed, hashUniform, type Random } from './random';
import { planShiftActivities, type Activity } from './shift-plan';
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
  surges?: { channel: Channel; from: number; to: number; factor: number }[];
}

export interface Simulator {
  /** Simulated time reached so far (epoch ms). Starts at `start - 1`, so the first call can include `start`. */
  readonly now: number;
  /** All events with ts in (previous now, t], ordered by ts, then advance now to t. Calling with t <= now returns []. */
  advanceTo(t: number): CanonicalEventInput[];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/**
 * Customer outcomes per channel, with the differences centers see: voice resolves most on the first contact and
 * satisfies most; email least. Shares of contacts: resolved on the first contact, answering the survey, satisfied
 * (CSAT 4-5), promoters (NPS 9-10) and passives (7-8).
 */
const OUTCOMES: Record<Channel, { fcr: number; surveyRate: number; satisfied: number; promoters: number; passives: number }> = {
  voice: { fcr: 0.76, surveyRate: 0.25, satisfied: 0.84, promoters: 0.45, passives: 0.35 },
  chat: { fcr: 0.7, surveyRate: 0.35, satisfied: 0.8, promoters: 0.4, passives: 0.35 },
  email: { fcr: 0.55, surveyRate: 0.2, satisfied: 0.68, promoters: 0.28, passives: 0.37 },
  message: { fcr: 0.66, surveyRate: 0.3, satisfied: 0.78, promoters: 0.38, passives: 0.36 },
};

/** Day-to-day volume varies by up to this fraction either way. */
const DAY_VARIATION = 0.08;

type Phase = 'waiting' | 'alerting' | 'talking' | 'wrapping' | 'done' | 'abandoned';

interface QueueRuntime {
  def: QueueDef;
  rng: Random;
  /** Upper bound of the arrival rate, per ms, for thinning. */
  maxRate: number;
  /** FIFO of contacts; entries before `head` or no longer waiting are skipped lazily. */
  line: Contact[];
  head: number;
  waiting: number;
  /** Profiles whose agents serve this queue. */
  profiles: ProfileRuntime[];
}

interface Contact {
  id: string;
  queue: QueueRuntime;
  channel: Channel;
  queuedAt: number;
  plan: ContactPlan;
  phase: Phase;
  agent: Agent | null;
  answeredAt: number;
}

interface IdleEntry {
  agent: Agent;
  stamp: number;
}

interface ProfileRuntime {
  name: string;
  /** Longest-idle first. */
  idle: IdleEntry[];
  idleHead: number;
  /** Agents in conversations on a concurrent channel with a slot free. */
  partial: Map<Channel, Set<Agent>>;
}

interface Shift {
  start: number;
  end: number;
}

interface Agent {
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

type Task =
  | { kind: 'open' }
  | { kind: 'plan-day'; day: number }
  | { kind: 'arrival'; queue: QueueRuntime }
  | { kind: 'abandon'; contact: Contact }
  | { kind: 'answer'; contact: Contact }
  | { kind: 'reply'; contact: Contact; index: number }
  | { kind: 'message'; contact: Contact }
  | { kind: 'end'; contact: Contact }
  | { kind: 'wrap-end'; contact: Contact }
  | { kind: 'login'; agent: Agent; shift: Shift; activities: Activity[] }
  | { kind: 'activity'; agent: Agent; shift: Shift; activity: Activity }
  | { kind: 'not-ready-end'; agent: Agent; token: number }
  | { kind: 'shift-end'; agent: Agent; shift: Shift };

/** One entry of the agenda; a fixed shape keeps the heap's comparisons monomorphic. */
interface Scheduled {
  at: number;
  seq: number;
  task: Task;
}

type AgentStateInput = Extract<CanonicalEventInput, { type: 'agent.state' }>;
const V = FEED_FORMAT_VERSION;

const isConcurrent = (channel: Channel): boolean => CHANNEL_CAPACITY[channel] > 1;
const isPriority = (channel: Channel): boolean => channel === 'voice' || channel === 'chat';

export function createSimulator(options: SimulatorOptions): Simulator {
  const { seed, start, timeZone } = options;
  const scale = options.scale ?? 1;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  if (!Number.isFinite(start) || start < 0) throw new RangeError(`start must be epoch ms, got ${start}`);
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`scale must be a positive number, got ${scale}`);

  const volume = arrivalMultiplier(scale);
  const zone = createZoneClock(timeZone);
  const startDay = zone.dayNumber(start);
  const idPrefix = `sim-${seed}-${zone.compactDate(startDay)}`;

  // ---- the floor ----
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

  // ---- the agenda ----
  let seq = 0;
  const agenda = new BinaryHeap<Scheduled>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  /** Time of the happening being processed. */
  let clock = start;
  let now = start - 1;
  let out: CanonicalEventInput[] = [];
  let eventCount = 0;
  let contactCount = 0;

  const schedule = (at: number, task: Task): void => {
    agenda.push({ at: Math.max(clock, Math.round(at)), seq: seq++, task });
  };
  const after = (seconds: number, task: Task): void => schedule(clock + seconds * SECOND, task);

  // Call sites write whole event literals (no spreads: this is the hot path at scale 40).
  const nextId = (): string => `${idPrefix}-${++eventCount}`;
  const emit = (event: CanonicalEventInput): void => {
    out.push(event);
  };

  // ---- agents ----
  const held = (a: Agent): number => a.alerting + a.talking + a.wrapping;
  const accepting = (a: Agent): boolean => a.status === 'ready' && !a.loggingOut && a.due.length === 0;
  const hasRoomFor = (a: Agent, channel: Channel): boolean => {
    const n = held(a);
    return n === 0 || (a.channel === channel && n < (a.capacity[channel] ?? 0));
  };

  const stateOf = (a: Agent): AgentState => {
    if (a.status === 'offline') return 'offline';
    if (a.talking > 0) return 'on-contact';
    if (a.wrapping > 0) return 'after-contact-work';
    return a.status === 'not-ready' ? 'not-ready' : 'available';
  };

  /** Emit the agent's state if it changed since the last emission. */
  const syncState = (a: Agent): void => {
    const state = stateOf(a);
    const reason = state === 'not-ready' ? a.reason : null;
    if (state === a.emittedState && reason === a.emittedReason) return;
    const event: AgentStateInput = { v: V, id: nextId(), ts: clock, type: 'agent.state', agentId: a.id, state };
    if (reason !== null) event.reason = reason;
    if (a.emittedState === null || a.emittedState === 'offline') {
      // Introduce the agent whenever it appears on the floor.
      event.name = a.name;
      event.capacity = { ...a.capacity };
    }
    emit(event);
    a.emittedState = state;
    a.emittedReason = reason;
  };

  /** Keep the ACD's views (idle line, free chat slots) in step with the agent. */
  const refreshPools = (a: Agent): void => {
    const n = held(a);
    const wantIdle = accepting(a) && n === 0;
    if (wantIdle && !a.inIdle) {
      a.inIdle = true;
      a.idleStamp++;
      a.idleSince = clock;
      a.profile.idle.push({ agent: a, stamp: a.idleStamp });
    } else if (!wantIdle && a.inIdle) {
      a.inIdle = false;
      a.idleStamp++;
    }
    const wantPartial =
      accepting(a) && n > 0 && a.channel !== null && isConcurrent(a.channel) && n < (a.capacity[a.channel] ?? 0)
        ? a.channel
        : null;
    if (wantPartial !== a.partialIn) {
      if (a.partialIn) a.profile.partial.get(a.partialIn)?.delete(a);
      if (wantPartial) a.profile.partial.get(wantPartial)?.add(a);
      a.partialIn = wantPartial;
    }
  };

  const firstIdle = (p: ProfileRuntime): IdleEntry | undefined => {
    while (p.idleHead < p.idle.length) {
      const e = p.idle[p.idleHead];
      if (e.agent.inIdle && e.agent.idleStamp === e.stamp) return e;
      p.idleHead++;
    }
    if (p.idleHead > 0) {
      p.idle.length = 0;
      p.idleHead = 0;
    }
    return undefined;
  };

  // ---- queues ----
  const enqueue = (c: Contact): void => {
    c.queue.line.push(c);
    c.queue.waiting++;
  };

  const oldestWaiting = (q: QueueRuntime): Contact | undefined => {
    while (q.head < q.line.length && q.line[q.head].phase !== 'waiting') q.head++;
    if (q.head > 1024 && q.head * 2 > q.line.length) {
      q.line = q.line.slice(q.head);
      q.head = 0;
    }
    return q.line[q.head];
  };

  const assign = (a: Agent, c: Contact): void => {
    c.phase = 'alerting';
    c.agent = a;
    a.alerting++;
    a.channel = c.channel;
    after(c.plan.alert, { kind: 'answer', contact: c });
  };

  /** A free (or partly free) agent takes the longest-waiting contacts it can, voice and chat first. */
  const pullWork = (a: Agent): void => {
    while (accepting(a)) {
      let best: Contact | undefined;
      for (const group of [a.primary, a.secondary]) {
        for (const q of group) {
          if (q.waiting === 0 || !hasRoomFor(a, q.def.channel)) continue;
          const c = oldestWaiting(q);
          if (c && (!best || c.queuedAt < best.queuedAt)) best = c;
        }
        if (best) break;
      }
      if (!best) break;
      best.queue.waiting--;
      assign(a, best);
    }
    refreshPools(a);
  };

  /** The ACD's pick for a new contact when nobody is waiting ahead of it. */
  const findAgent = (q: QueueRuntime): Agent | undefined => {
    if (isConcurrent(q.def.channel)) {
      let best: Agent | undefined;
      for (const p of q.profiles) {
        for (const a of p.partial.get(q.def.channel) ?? []) {
          if (!best || held(a) < held(best)) best = a;
        }
      }
      if (best) return best;
    }
    let best: IdleEntry | undefined;
    for (const p of q.profiles) {
      const e = firstIdle(p);
      if (e && (!best || e.agent.idleSince < best.agent.idleSince)) best = e;
    }
    return best?.agent;
  };

  /** After a slot frees up: go on a due activity or log off when empty-handed, else take more work. */
  const onFreed = (a: Agent): void => {
    if (held(a) === 0) {
      a.channel = null;
      if (a.loggingOut) {
        goOffline(a);
        return;
      }
      if (a.status === 'ready' && a.due.length > 0) {
        startNotReady(a, a.due.shift() as Activity);
        return;
      }
    }
    pullWork(a);
  };

  const goOffline = (a: Agent): void => {
    a.status = 'offline';
    a.reason = null;
    a.shift = null;
    a.due = [];
    a.loggingOut = false;
    a.notReadyToken++;
    refreshPools(a);
  };

  const startNotReady = (a: Agent, activity: Activity): void => {
    a.status = 'not-ready';
    a.reason = activity.reason;
    a.notReadyToken++;
    after(activity.minutes * 60, { kind: 'not-ready-end', agent: a, token: a.notReadyToken });
    refreshPools(a);
  };

  // ---- outcomes: resolutions and surveys, drawn per contact from its id (the main random streams stay as they were) ----
  const emitOutcomes = (c: Contact): void => {
    const o = OUTCOMES[c.channel];
    const u = (what: string) => hashUniform(seed, `${what}:${c.id}`);
    emit({ v: V, id: nextId(), ts: clock, type: 'contact.resolved', contactId: c.id, firstContact: u('fcr') < o.fcr });
    if (u('survey') >= o.surveyRate) return;
    // CSAT 1-5 and NPS 0-10 from the channel's satisfied / promoter shares, the rest spread below
    const satisfied = u('csat') < o.satisfied;
    const csat = satisfied ? (u('csat5') < 0.6 ? 5 : 4) : 1 + Math.floor(u('csatLow') * 3);
    const p = u('nps');
    const nps = p < o.promoters ? 9 + Math.floor(u('nps9') * 2) : p < o.promoters + o.passives ? 7 + Math.floor(u('nps7') * 2) : Math.floor(u('npsLow') * 7);
    emit({ v: V, id: nextId(), ts: clock, type: 'contact.surveyed', contactId: c.id, csat, nps });
  };

  // ---- arrivals ----
  const surges = options.surges ?? [];
  const surgeFactor = (channel: Channel, t: number): number => {
    let f = 1;
    for (const s of surges) if (s.channel === channel && t >= s.from && t < s.to) f = Math.max(f, s.factor);
    return f;
  };
  const nextArrival = (q: QueueRuntime, from: number): void => {
    schedule(from + q.rng.exponential(1 / (q.maxRate * surgeFactor(q.def.channel, from))), { kind: 'arrival', queue: q });
  };

  /** Some days are busier than others: a factor per local day, a pure function of seed and day. */
  let factorDay = Number.NaN;
  let factor = 1;
  const dayFactor = (day: number): number => {
    if (day !== factorDay) {
      factorDay = day;
      factor = 1 + DAY_VARIATION * (2 * hashUniform(seed, `day:${day}`) - 1);
    }
    return factor;
  };

  const arrive = (q: QueueRuntime): void => {
    const at = clock;
    const demand = channelDemand(q.def.channel, zone.minuteOfDay(at)) * dayFactor(zone.dayNumber(at));
    // Thinning: candidates come at the maximum rate and are kept in proportion to the demand now.
    const accept = q.rng.next() * (1 + DAY_VARIATION) < demand;
    nextArrival(q, at);
    if (!accept) return;
    contactCount++;
    const c: Contact = {
      id: `${idPrefix}-c${contactCount}`,
      queue: q,
      channel: q.def.channel,
      queuedAt: clock,
      plan: drawContactPlan(q.def.channel, q.rng),
      phase: 'waiting',
      agent: null,
      answeredAt: 0,
    };
    emit({ v: V, id: nextId(), ts: clock, type: 'contact.queued', contactId: c.id, channel: c.channel, queue: q.def.name });
    if (Number.isFinite(c.plan.patience)) after(c.plan.patience, { kind: 'abandon', contact: c });
    // Nobody ahead of it means no agent for this queue is free (agents drain queues as soon as they free up).
    const agent = q.waiting === 0 ? findAgent(q) : undefined;
    if (agent) {
      assign(agent, c);
      refreshPools(agent);
    } else {
      enqueue(c);
    }
  };

  // ---- shifts ----
  const planDay = (day: number): void => {
    for (const a of agents) {
      const rng = createRandom(deriveSeed(seed, `shift:${a.index}:${day}`));
      const shiftStart = zone.instantOf(day, a.startHour * 60);
      const shift: Shift = { start: shiftStart, end: shiftStart + SHIFT_HOURS * HOUR };
      const loginJitter = rng.uniform(-4, 2) * MINUTE;
      const activities = planShiftActivities(rng, a.seat, a.night);
      if (shift.end <= start) continue;
      const loginAt = Math.max(start, shift.start + loginJitter);
      schedule(loginAt, {
        kind: 'login',
        agent: a,
        shift,
        activities: activities.filter((x) => shift.start + x.at * MINUTE > loginAt),
      });
    }
    if (day >= startDay) schedule(zone.instantOf(day + 1, 0), { kind: 'plan-day', day: day + 1 });
  };

  const open = (): void => {
    for (const q of queues) {
      const { name, channel, slThresholdSeconds } = q.def;
      emit({ v: V, id: nextId(), ts: clock, type: 'queue.config', queue: name, channel, timeZone, slThresholdSeconds });
    }
    for (const a of agents) syncState(a);
    // Yesterday's late shifts may still be on the floor at the start.
    planDay(startDay - 1);
    planDay(startDay);
    for (const q of queues) nextArrival(q, start);
  };

  // ---- the event loop ----
  const handle = (task: Task): void => {
    switch (task.kind) {
      case 'open':
        open();
        return;
      case 'plan-day':
        planDay(task.day);
        return;
      case 'arrival':
        arrive(task.queue);
        return;
      case 'abandon': {
        const c = task.contact;
        if (c.phase !== 'waiting' && c.phase !== 'alerting') return;
        const ringing = c.phase === 'alerting';
        if (!ringing) c.queue.waiting--;
        c.phase = 'abandoned';
        emit({ v: V, id: nextId(), ts: clock, type: 'contact.abandoned', contactId: c.id });
        if (ringing) {
          // Hung up while it was ringing: the reserved seat is free again.
          const a = c.agent as Agent;
          a.alerting--;
          c.agent = null;
          onFreed(a);
          syncState(a);
        }
        return;
      }
      case 'answer': {
        const c = task.contact;
        if (c.phase !== 'alerting') return;
        const a = c.agent as Agent;
        c.phase = 'talking';
        c.answeredAt = clock;
        a.alerting--;
        a.talking++;
        emit({ v: V, id: nextId(), ts: clock, type: 'contact.answered', contactId: c.id, agentId: a.id });
        syncState(a);
        if (c.plan.replies.length > 0) schedule(clock + c.plan.replies[0] * SECOND, { kind: 'reply', contact: c, index: 0 });
        after(c.plan.handle, { kind: 'end', contact: c });
        return;
      }
      case 'reply': {
        const c = task.contact;
        if (c.phase !== 'talking') return;
        emit({ v: V, id: nextId(), ts: clock, type: 'contact.responded', contactId: c.id, agentId: (c.agent as Agent).id });
        const next = task.index + 1;
        if (next < c.plan.replies.length) {
          const nextAt = c.answeredAt + c.plan.replies[next] * SECOND;
          schedule(nextAt, { kind: 'reply', contact: c, index: next });
          // the customer's follow-up that the next reply answers, 20-70 % of the way there (drawn by hash, so
          // the rest of the floor's draws are as before): next response time
          const u = 0.2 + 0.5 * hashUniform(seed, `follow-up:${c.id}:${next}`);
          schedule(Math.round(clock + (nextAt - clock) * u), { kind: 'message', contact: c });
        }
        return;
      }
      case 'message': {
        const c = task.contact;
        if (c.phase === 'talking') emit({ v: V, id: nextId(), ts: clock, type: 'contact.message', contactId: c.id });
        return;
      }
      case 'end': {
        const c = task.contact;
        const a = c.agent as Agent;
        c.phase = 'wrapping';
        a.talking--;
        a.wrapping++;
        emit({ v: V, id: nextId(), ts: clock, type: 'contact.ended', contactId: c.id });
        syncState(a);
        after(c.plan.wrap, { kind: 'wrap-end', contact: c });
        return;
      }
      case 'wrap-end': {
        const c = task.contact;
        const a = c.agent as Agent;
        c.phase = 'done';
        a.wrapping--;
        emit({ v: V, id: nextId(), ts: clock, type: 'contact.wrapup-ended', contactId: c.id });
        emitOutcomes(c);
        onFreed(a);
        syncState(a);
        return;
      }
      case 'login': {
        const a = task.agent;
        a.shift = task.shift;
        a.loggingOut = false;
        if (a.status === 'offline') a.status = 'ready';
        for (const activity of task.activities) {
          schedule(task.shift.start + activity.at * MINUTE, { kind: 'activity', agent: a, shift: task.shift, activity });
        }
        schedule(task.shift.end, { kind: 'shift-end', agent: a, shift: task.shift });
        pullWork(a);
        syncState(a);
        return;
      }
      case 'activity': {
        const a = task.agent;
        if (a.shift !== task.shift || a.loggingOut || a.status === 'offline') return;
        if (a.status === 'ready' && held(a) === 0) {
          startNotReady(a, task.activity);
        } else {
          // Busy or already away: it starts as soon as the agent is free.
          a.due.push(task.activity);
          refreshPools(a);
        }
        syncState(a);
        return;
      }
      case 'not-ready-end': {
        const a = task.agent;
        if (a.status !== 'not-ready' || a.notReadyToken !== task.token) return;
        const next = a.due.shift();
        if (next) {
          startNotReady(a, next);
        } else {
          a.status = 'ready';
          a.reason = null;
          pullWork(a);
        }
        syncState(a);
        return;
      }
      case 'shift-end': {
        const a = task.agent;
        if (a.shift !== task.shift) return;
        a.loggingOut = true;
        a.due = [];
        if (held(a) === 0) goOffline(a);
        else refreshPools(a);
        syncState(a);
        return;
      }
    }
  };

  schedule(start, { kind: 'open' });

  return {
    get now() {
      return now;
    },
    advanceTo(t: number): CanonicalEventInput[] {
      if (!Number.isFinite(t)) throw new RangeError(`advanceTo needs a finite time, got ${t}`);
      if (t <= now) return [];
      out = [];
      for (let next = agenda.peek(); next !== undefined && next.at <= t; next = agenda.peek()) {
        agenda.pop();
        clock = next.at;
        handle(next.task);
      }
      now = t;
      clock = t;
      return out;
    },
  };
}
