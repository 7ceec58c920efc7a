import { describe, expect, it } from 'vitest';
import { canonicalEvent, type CanonicalEvent, type CanonicalEventInput } from '../../src/core/model/events';
import type { AgentState, Channel } from '../../src/core/model/types';
import { createSimulator, type SimulatorOptions } from '../../src/core/simulator/simulator';

const ZONE = 'Europe/London';
/** Local midnight in London (GMT in March, before the clocks change). */
const START = Date.parse('2025-03-12T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const options = (o: Partial<SimulatorOptions> = {}): SimulatorOptions => ({ seed: 7, start: START, timeZone: ZONE, ...o });

type EventOfType<T extends CanonicalEvent['type']> = Extract<CanonicalEvent, { type: T }>;

const dayCache = new Map<string, CanonicalEvent[]>();
/** One simulated day, validated: the tests below share it. */
function simulatedDay(o: Partial<SimulatorOptions> = {}): CanonicalEvent[] {
  const key = JSON.stringify(options(o));
  let events = dayCache.get(key);
  if (!events) {
    const opts = options(o);
    events = createSimulator(opts).advanceTo(opts.start + DAY).map((e) => canonicalEvent.parse(e));
    dayCache.set(key, events);
  }
  return events;
}

const localClock = (timeZone: string) => {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
  return (t: number): number => {
    const parts = Object.fromEntries(f.formatToParts(t).map((p) => [p.type, p.value]));
    return Number(parts.hour) * 60 + Number(parts.minute);
  };
};

/** Replays the stream, tracking what each agent holds, and calls `check` after each instant's events. */
function replay(
  events: CanonicalEvent[],
  check: (at: number, agents: Map<string, AgentView>) => void = () => {},
): { contacts: Map<string, ContactView>; agents: Map<string, AgentView> } {
  const contacts = new Map<string, ContactView>();
  const agents = new Map<string, AgentView>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    switch (e.type) {
      case 'agent.state': {
        const a = agents.get(e.agentId) ?? { state: null, reason: null, capacity: {}, talking: new Set(), wrapping: new Set() };
        if (e.capacity) a.capacity = e.capacity;
        a.state = e.state;
        a.reason = e.reason ?? null;
        agents.set(e.agentId, a);
        break;
      }
      case 'contact.queued':
        contacts.set(e.contactId, { channel: e.channel, queue: e.queue, queuedAt: e.ts, responses: [] });
        break;
      case 'contact.answered': {
        const c = contacts.get(e.contactId) as ContactView;
        c.answeredAt = e.ts;
        c.agentId = e.agentId;
        agents.get(e.agentId)?.talking.add(e.contactId);
        break;
      }
      case 'contact.responded':
        contacts.get(e.contactId)?.responses.push({ at: e.ts, agentId: e.agentId });
        break;
      case 'contact.abandoned':
        (contacts.get(e.contactId) as ContactView).abandonedAt = e.ts;
        break;
      case 'contact.ended': {
        const c = contacts.get(e.contactId) as ContactView;
        c.endedAt = e.ts;
        const a = agents.get(c.agentId as string);
        a?.talking.delete(e.contactId);
        a?.wrapping.add(e.contactId);
        break;
      }
      case 'contact.wrapup-ended': {
        const c = contacts.get(e.contactId) as ContactView;
        c.wrappedAt = e.ts;
        agents.get(c.agentId as string)?.wrapping.delete(e.contactId);
        break;
      }
      default:
        break;
    }
    if (i + 1 === events.length || events[i + 1].ts !== e.ts) check(e.ts, agents);
  }
  return { contacts, agents };
}

interface ContactView {
  channel: Channel;
  queue: string;
  queuedAt: number;
  answeredAt?: number;
  agentId?: string;
  abandonedAt?: number;
  endedAt?: number;
  wrappedAt?: number;
  responses: { at: number; agentId?: string }[];
}

interface AgentView {
  state: AgentState | null;
  reason: string | null;
  capacity: Partial<Record<Channel, number>>;
  talking: Set<string>;
  wrapping: Set<string>;
}

describe('simulator: determinism', () => {
  it('gives the same stream for the same seed and start', () => {
    const a = createSimulator(options()).advanceTo(START + 6 * HOUR);
    const b = createSimulator(options()).advanceTo(START + 6 * HOUR);
    expect(a.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
  });

  it('gives the same stream however advanceTo is chunked', () => {
    const whole = createSimulator(options()).advanceTo(START + DAY);
    const sim = createSimulator(options());
    const steps = [1, 17, 1000, 59_999, 600_000, 3_600_000, 250];
    const chunked: CanonicalEventInput[] = [];
    let t = START - 1;
    for (let i = 0; t < START + DAY; i++) {
      t = Math.min(START + DAY, t + steps[i % steps.length]);
      const before = sim.now;
      const events = sim.advanceTo(t);
      for (const e of events) {
        expect(e.ts).toBeGreaterThan(before);
        expect(e.ts).toBeLessThanOrEqual(t);
      }
      expect(sim.now).toBe(t);
      chunked.push(...events);
    }
    expect(chunked).toEqual(whole);
  });

  it('gives a different stream for a different seed', () => {
    const a = createSimulator(options({ seed: 1 })).advanceTo(START + 6 * HOUR);
    const b = createSimulator(options({ seed: 2 })).advanceTo(START + 6 * HOUR);
    expect(b).not.toEqual(a);
  });

  it('returns nothing for times already reached, and starts just before start', () => {
    const sim = createSimulator(options());
    expect(sim.now).toBe(START - 1);
    expect(sim.advanceTo(START - 10)).toEqual([]);
    const first = sim.advanceTo(START);
    expect(first.length).toBeGreaterThan(50);
    expect(first.every((e) => e.ts === START)).toBe(true);
    expect(sim.advanceTo(START)).toEqual([]);
    sim.advanceTo(START + HOUR);
    expect(sim.advanceTo(START + HOUR - 1)).toEqual([]);
    expect(sim.now).toBe(START + HOUR);
  });

  it('rejects options it cannot simulate', () => {
    expect(() => createSimulator(options({ scale: 0 }))).toThrow(RangeError);
    expect(() => createSimulator(options({ seed: Number.NaN }))).toThrow(RangeError);
    expect(() => createSimulator(options({ timeZone: 'Mars/Olympus_Mons' }))).toThrow(RangeError);
    expect(() => createSimulator(options()).advanceTo(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('simulator: the stream', () => {
  it('emits only valid canonical events, in time order, with unique deterministic ids', () => {
    const raw = createSimulator(options()).advanceTo(START + DAY);
    const ids = new Set<string>();
    const problems: string[] = [];
    let last = -Infinity;
    for (const e of raw) {
      const parsed = canonicalEvent.safeParse(e);
      if (!parsed.success) problems.push(`${e.id}: ${parsed.error.message}`);
      if (e.v !== 1 || typeof e.ts !== 'number' || e.ts < last) problems.push(`${e.id}: envelope ${e.v} ${e.ts}`);
      if (!/^sim-7-20250312-\d+$/.test(e.id ?? '')) problems.push(`bad id ${e.id}`);
      last = e.ts as number;
      ids.add(e.id as string);
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(ids.size).toBe(raw.length);
  });

  it('opens with the queue configuration and every agent offline, named, with capacity', () => {
    const events = simulatedDay();
    const configs = events.filter((e) => e.type === 'queue.config');
    expect(configs.length).toBeGreaterThanOrEqual(8);
    expect(configs.every((e) => e.ts === START)).toBe(true);
    const channels = new Set(configs.map((e) => e.channel));
    expect([...channels].sort()).toEqual(['chat', 'email', 'message', 'voice']);
    const threshold = { voice: 20, chat: 60, message: 3600, email: 86400 };
    for (const c of configs) expect(c.slThresholdSeconds).toBe(threshold[c.channel]);

    const firstByAgent = new Map<string, EventOfType<'agent.state'>>();
    for (const e of events) if (e.type === 'agent.state' && !firstByAgent.has(e.agentId)) firstByAgent.set(e.agentId, e);
    expect(firstByAgent.size).toBeGreaterThanOrEqual(45);
    expect(firstByAgent.size).toBeLessThanOrEqual(55);
    for (const e of firstByAgent.values()) {
      expect(e.ts).toBe(START);
      expect(e.state).toBe('offline');
      expect(e.name).toMatch(/^[A-Z][a-z]+ [A-Z]\.$/);
      expect(Object.keys(e.capacity ?? {}).length).toBeGreaterThan(0);
    }
    expect(new Set([...firstByAgent.values()].map((e) => e.name)).size).toBe(firstByAgent.size);
    const allowed: Record<Channel, number[]> = { voice: [1], chat: [2, 3], email: [1], message: [4] };
    for (const e of firstByAgent.values()) {
      for (const [channel, n] of Object.entries(e.capacity ?? {})) expect(allowed[channel as Channel]).toContain(n);
    }
  });

  it('emits agent states only on change, with a reason exactly when not ready', () => {
    const last = new Map<string, string>();
    for (const e of simulatedDay()) {
      if (e.type !== 'agent.state') continue;
      expect(e.reason !== undefined).toBe(e.state === 'not-ready');
      const key = `${e.state}/${e.reason ?? ''}`;
      expect(last.get(e.agentId)).not.toBe(key);
      last.set(e.agentId, key);
    }
  });

  it('names an agent again with capacity whenever it logs in', () => {
    const prev = new Map<string, AgentState>();
    for (const e of simulatedDay()) {
      if (e.type !== 'agent.state') continue;
      if (prev.get(e.agentId) === 'offline') {
        expect(e.name).toBeTypeOf('string');
        expect(e.capacity).toBeDefined();
      }
      prev.set(e.agentId, e.state);
    }
  });
});

describe('simulator: consistency of contacts and agents', () => {
  it('follows every contact through a valid life', () => {
    const events = simulatedDay();
    const queueChannel = new Map(events.filter((e) => e.type === 'queue.config').map((e) => [e.queue, e.channel]));
    const seen = new Set<string>();
    for (const e of events) {
      if (e.type === 'contact.queued') {
        expect(seen.has(e.contactId)).toBe(false);
        seen.add(e.contactId);
        expect(queueChannel.get(e.queue)).toBe(e.channel);
      } else if ('contactId' in e) {
        // Every later event refers to a contact queued before it.
        expect(seen.has(e.contactId)).toBe(true);
      }
    }
    const { contacts } = replay(events);
    const horizon = START + DAY;
    let answered = 0;
    for (const c of contacts.values()) {
      expect(c.answeredAt !== undefined && c.abandonedAt !== undefined).toBe(false);
      if (c.abandonedAt !== undefined) {
        expect(c.abandonedAt).toBeGreaterThanOrEqual(c.queuedAt);
        expect(c.channel).not.toBe('email');
        expect(c.endedAt).toBeUndefined();
        expect(c.responses).toEqual([]);
      }
      if (c.answeredAt === undefined) continue;
      answered++;
      expect(c.answeredAt).toBeGreaterThan(c.queuedAt);
      if (c.answeredAt < horizon - 2 * HOUR) {
        expect(c.endedAt).toBeDefined();
        expect(c.wrappedAt).toBeDefined();
      }
      if (c.endedAt !== undefined) expect(c.endedAt).toBeGreaterThan(c.answeredAt);
      if (c.wrappedAt !== undefined) expect(c.wrappedAt).toBeGreaterThan(c.endedAt as number);
      for (const r of c.responses) {
        expect(r.agentId).toBe(c.agentId);
        expect(r.at).toBeGreaterThan(c.answeredAt);
        if (c.endedAt !== undefined) expect(r.at).toBeLessThan(c.endedAt);
      }
      if (c.channel === 'voice') expect(c.responses).toEqual([]);
      else if (c.endedAt !== undefined) expect(c.responses.length).toBeGreaterThan(0);
    }
    expect(answered).toBeGreaterThan(1000);
  });

  it('keeps agents within capacity, on one channel at a time, and in the state their contacts imply', () => {
    const events = simulatedDay();
    const before = new Map<string, AgentState | null>();
    for (const e of events) {
      if (e.type === 'contact.answered') {
        // Only an agent taking calls is offered one.
        expect(['available', 'on-contact', 'after-contact-work']).toContain(before.get(e.agentId));
      }
      if (e.type === 'agent.state') before.set(e.agentId, e.state);
    }
    let checks = 0;
    const wrongStates: string[] = [];
    replay(events, (at, agents) => {
      for (const [id, a] of agents) {
        const implied = a.talking.size > 0 ? 'on-contact' : a.wrapping.size > 0 ? 'after-contact-work' : null;
        if (implied) checks++;
        const ok = implied ? a.state === implied : a.state !== 'on-contact' && a.state !== 'after-contact-work';
        if (!ok) wrongStates.push(`${id} at ${at}: ${a.state}, implied ${implied ?? 'free'}`);
      }
    });
    expect(wrongStates.slice(0, 5)).toEqual([]);
    expect(checks).toBeGreaterThan(1000);

    // Capacity per channel, counted from the contacts' own events.
    const { contacts } = replay(events);
    const timeline = new Map<string, { at: number; delta: number; channel: Channel }[]>();
    for (const c of contacts.values()) {
      if (c.answeredAt === undefined || !c.agentId) continue;
      const list = timeline.get(c.agentId) ?? [];
      list.push({ at: c.answeredAt, delta: 1, channel: c.channel });
      list.push({ at: c.wrappedAt ?? Infinity, delta: -1, channel: c.channel });
      timeline.set(c.agentId, list);
    }
    const capacity = new Map<string, Partial<Record<Channel, number>>>();
    for (const e of events) if (e.type === 'agent.state' && e.capacity) capacity.set(e.agentId, e.capacity);
    let maxChats = 0;
    for (const [agentId, list] of timeline) {
      list.sort((x, y) => x.at - y.at || x.delta - y.delta);
      const holding: Record<Channel, number> = { voice: 0, chat: 0, email: 0, message: 0 };
      for (const step of list) {
        holding[step.channel] += step.delta;
        expect(holding[step.channel]).toBeLessThanOrEqual(capacity.get(agentId)?.[step.channel] ?? 0);
        const busyChannels = Object.values(holding).filter((n) => n > 0).length;
        expect(busyChannels).toBeLessThanOrEqual(1);
        maxChats = Math.max(maxChats, holding.chat);
      }
    }
    // Concurrency is used: some agent holds several chats at once.
    expect(maxChats).toBeGreaterThanOrEqual(2);
  });
});

describe('simulator: a believable floor', () => {
  const events = () => simulatedDay();

  it('serves all four channels', () => {
    const byChannel = new Map<Channel, number>();
    for (const e of events()) {
      if (e.type === 'contact.queued') byChannel.set(e.channel, (byChannel.get(e.channel) ?? 0) + 1);
    }
    for (const channel of ['voice', 'chat', 'email', 'message'] as const) {
      expect(byChannel.get(channel) ?? 0).toBeGreaterThan(100);
    }
    // Voice is the largest channel.
    expect(byChannel.get('voice')).toBeGreaterThan(byChannel.get('chat') as number);
  });

  it('has a believable voice service level and abandon rate over the day', () => {
    const { contacts } = replay(events());
    let answered = 0;
    let within = 0;
    let abandoned = 0;
    for (const c of contacts.values()) {
      if (c.channel !== 'voice') continue;
      if (c.answeredAt !== undefined) {
        answered++;
        if (c.answeredAt - c.queuedAt <= 20_000) within++;
      } else if (c.abandonedAt !== undefined) {
        abandoned++;
      }
    }
    const serviceLevel = within / (answered + abandoned);
    const abandonShare = abandoned / (answered + abandoned);
    expect(serviceLevel).toBeGreaterThan(0.6);
    expect(serviceLevel).toBeLessThan(0.97);
    expect(abandonShare).toBeGreaterThan(0.005);
    expect(abandonShare).toBeLessThan(0.15);
  });

  it('follows the intraday curve in local time', () => {
    const minute = localClock(ZONE);
    const count = (from: number, to: number) =>
      events().filter((e) => e.type === 'contact.queued' && minute(e.ts) >= from && minute(e.ts) < to).length;
    const morningPeak = count(10 * 60 + 15, 10 * 60 + 45);
    const night = count(2 * 60 + 45, 3 * 60 + 15);
    expect(night).toBeGreaterThan(0);
    expect(morningPeak).toBeGreaterThan(2 * night);
  });

  it('uses every not-ready reason, and keeps someone away at busy moments', () => {
    const reasons = new Set(events().flatMap((e) => (e.type === 'agent.state' && e.reason ? [e.reason] : [])));
    expect([...reasons].sort()).toEqual(['Break', 'Coaching', 'Lunch', 'Meeting', 'Training']);

    const states = new Map<string, AgentState>();
    const all = events();
    let i = 0;
    let busyMomentsWithSomeoneAway = 0;
    const moments = Array.from({ length: 16 }, (_, k) => START + 9 * HOUR + k * 30 * 60_000);
    for (const at of moments) {
      for (; i < all.length && all[i].ts <= at; i++) {
        const e = all[i];
        if (e.type === 'agent.state') states.set(e.agentId, e.state);
      }
      if ([...states.values()].some((s) => s === 'not-ready')) busyMomentsWithSomeoneAway++;
    }
    expect(busyMomentsWithSomeoneAway).toBeGreaterThanOrEqual(12);
  });

  it('never leaves voice or chat without a logged-in agent, night included', () => {
    const all = events();
    const capacity = new Map<string, Partial<Record<Channel, number>>>();
    const states = new Map<string, AgentState>();
    let i = 0;
    for (let at = START + 5 * 60_000; at < START + DAY; at += 5 * 60_000) {
      for (; i < all.length && all[i].ts <= at; i++) {
        const e = all[i];
        if (e.type !== 'agent.state') continue;
        states.set(e.agentId, e.state);
        if (e.capacity) capacity.set(e.agentId, e.capacity);
      }
      for (const channel of ['voice', 'chat'] as const) {
        const loggedIn = [...states].filter(([id, s]) => s !== 'offline' && (capacity.get(id)?.[channel] ?? 0) > 0);
        expect(loggedIn.length, `${channel} at ${new Date(at).toISOString()}`).toBeGreaterThan(0);
      }
    }
  });

  it('follows local time across a DST change: shifts start at local 08:00', () => {
    // 2025-03-30: London moves from GMT to BST at 01:00 GMT, so local 08:00 is 07:00 UTC.
    const dstStart = Date.parse('2025-03-30T00:00:00Z');
    const logins = (evs: CanonicalEvent[], start: number): number[] => {
      const prev = new Map<string, AgentState>();
      const at: number[] = [];
      for (const e of evs) {
        if (e.type !== 'agent.state') continue;
        if (prev.get(e.agentId) === 'offline' && e.state !== 'offline' && e.ts > start) at.push(e.ts);
        prev.set(e.agentId, e.state);
      }
      return at;
    };
    const between = (times: number[], from: string, to: string) =>
      times.filter((t) => t >= Date.parse(from) && t <= Date.parse(to)).length;
    const dstLogins = logins(simulatedDay({ start: dstStart }), dstStart);
    const normalLogins = logins(simulatedDay(), START);
    const eightShift = between(normalLogins, '2025-03-12T07:50:00Z', '2025-03-12T08:05:00Z');
    expect(eightShift).toBeGreaterThanOrEqual(5);
    expect(between(dstLogins, '2025-03-30T06:50:00Z', '2025-03-30T07:05:00Z')).toBe(eightShift);
  });

  it('keeps going day after day', () => {
    const sim = createSimulator(options());
    const day1 = sim.advanceTo(START + DAY);
    const day2 = sim.advanceTo(START + 2 * DAY);
    const queued = (evs: CanonicalEventInput[]) => evs.filter((e) => e.type === 'contact.queued').length;
    expect(queued(day2)).toBeGreaterThan(queued(day1) * 0.8);
    expect(queued(day2)).toBeLessThan(queued(day1) * 1.25);
    const ids = new Set([...day1, ...day2].map((e) => e.id));
    expect(ids.size).toBe(day1.length + day2.length);
  });
});

describe('simulator: scale and speed', () => {
  it('simulates a day at scale 1 well under a second', () => {
    const t0 = performance.now();
    createSimulator(options({ seed: 99 })).advanceTo(START + DAY);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('runs a large floor (scale 40, about 2,000 agents)', () => {
    const events = createSimulator(options({ scale: 40 })).advanceTo(START + 10 * HOUR);
    const agents = new Set(events.flatMap((e) => (e.type === 'agent.state' ? [e.agentId] : [])));
    expect(agents.size).toBeGreaterThan(1900);
    expect(agents.size).toBeLessThan(2100);
    expect(events.filter((e) => e.type === 'contact.queued').length).toBeGreaterThan(20_000);
    for (let i = 0; i < events.length; i += 997) expect(canonicalEvent.safeParse(events[i]).success).toBe(true);
  });

  it('runs a small floor (scale 0.2) that still answers every channel', () => {
    const { contacts } = replay(simulatedDay({ scale: 0.2 }));
    const answered = new Map<Channel, number>();
    let voice = 0;
    for (const c of contacts.values()) {
      if (c.channel === 'voice' && (c.answeredAt !== undefined || c.abandonedAt !== undefined)) voice++;
      if (c.answeredAt !== undefined) answered.set(c.channel, (answered.get(c.channel) ?? 0) + 1);
    }
    for (const channel of ['voice', 'chat', 'email', 'message'] as const) expect(answered.get(channel) ?? 0).toBeGreaterThan(5);
    expect((answered.get('voice') ?? 0) / voice).toBeGreaterThan(0.7);
  });
});

describe('simulated outcomes', () => {
  it('resolve and satisfy by channel, voice above email, every answered contact resolved once', async () => {
    const { createSimulator } = await import('../../src/core/simulator/simulator');
    const start = Date.parse('2026-03-03T00:00:00Z');
    const events = createSimulator({ seed: 11, start, timeZone: 'UTC', scale: 2 }).advanceTo(start + 86_400_000);
    const channelOf = new Map<string, string>();
    const share = new Map<string, { resolved: number; first: number; csat: number; satisfied: number }>();
    const wrapped = new Set<string>();
    const resolved = new Set<string>();
    for (const e of events) {
      if (e.type === 'contact.queued') channelOf.set(e.contactId, e.channel);
      if (e.type === 'contact.wrapup-ended') wrapped.add(e.contactId);
      if (e.type !== 'contact.resolved' && e.type !== 'contact.surveyed') continue;
      const ch = channelOf.get(e.contactId)!;
      const s = share.get(ch) ?? { resolved: 0, first: 0, csat: 0, satisfied: 0 };
      if (e.type === 'contact.resolved') {
        expect(resolved.has(e.contactId)).toBe(false);
        resolved.add(e.contactId);
        s.resolved++;
        if (e.firstContact) s.first++;
      } else if (e.csat !== undefined) {
        s.csat++;
        if (e.csat >= 4) s.satisfied++;
      }
      share.set(ch, s);
    }
    expect(resolved).toEqual(wrapped);
    const fcr = (ch: string) => share.get(ch)!.first / share.get(ch)!.resolved;
    const csat = (ch: string) => share.get(ch)!.satisfied / share.get(ch)!.csat;
    // configured: voice FCR 76 %, CSAT 84 %; email 55 %, 68 % (a day's sample: within a few points)
    expect(fcr('voice')).toBeGreaterThan(0.7);
    expect(fcr('email')).toBeLessThan(0.62);
    expect(csat('voice')).toBeGreaterThan(csat('email'));
  });

  it('has chat customers follow up, each follow-up answered by the next agent reply 13-96 s later', async () => {
    const { createSimulator } = await import('../../src/core/simulator/simulator');
    const start = Date.parse('2026-03-03T00:00:00Z');
    const events = createSimulator({ seed: 11, start, timeZone: 'UTC', scale: 2 }).advanceTo(start + 86_400_000);
    const channelOf = new Map<string, string>();
    const asked = new Map<string, number>();
    const waits: number[] = [];
    for (const e of events) {
      if (e.type === 'contact.queued') channelOf.set(e.contactId, e.channel);
      if (e.type === 'contact.message') {
        expect(channelOf.get(e.contactId)).toBe('chat');
        expect(asked.has(e.contactId)).toBe(false); // one follow-up per reply
        asked.set(e.contactId, Number(e.ts));
      }
      if (e.type === 'contact.responded' && asked.has(e.contactId)) {
        waits.push((Number(e.ts) - asked.get(e.contactId)!) / 1000);
        asked.delete(e.contactId);
      }
    }
    expect(waits.length).toBeGreaterThan(100);
    // replies come 45-120 s apart and the customer writes 20-70 % of the way: a wait of 30-80 % of the gap
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(13.5 - 0.001);
    expect(Math.max(...waits)).toBeLessThanOrEqual(96 + 0.001);
  });
});
