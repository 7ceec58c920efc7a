/**
 * Hand-built floor snapshots for renderer tests. Every figure is explicit, so a test can assert the exact
 * text a tile must show.
 */
import type {
  AgentRow,
  AgentState,
  Channel,
  ChannelLive,
  ContactMetrics,
  FloorSnapshot,
  QueueLive,
} from '../../src/shared/api';

/** 2026-03-10 14:30:00 UTC: 14:30:00 in London (GMT in March), 10:30:00 in New York (EDT). */
export const NOW = Date.UTC(2026, 2, 10, 14, 30, 0);

function metrics(over: Partial<ContactMetrics> = {}): ContactMetrics {
  return {
    offered: 0,
    answered: 0,
    abandoned: 0,
    shortAbandoned: 0,
    leftOtherwise: 0,
    answeredWithinThreshold: 0,
    abandonedWithinThreshold: 0,
    waiting: 0,
    serviceLevel: null,
    asaSeconds: null,
    abandonRate: null,
    longestWaitSeconds: null,
    firstResponses: 0,
    avgFirstResponseSeconds: null,
    ...over,
  };
}

export function queueLive(name: string, channel: Channel, over: Partial<QueueLive> = {}): QueueLive {
  return {
    ...metrics(),
    name,
    channel,
    thresholdSeconds: channel === 'voice' ? 20 : 60,
    longestWaitNowSeconds: 0,
    waitingNow: 0,
    ...over,
  };
}

export const noAgents = (): Record<AgentState, number> => ({
  available: 0,
  'on-contact': 0,
  'after-contact-work': 0,
  'not-ready': 0,
  offline: 0,
});

export function channelLive(channel: Channel, over: Partial<ChannelLive> = {}): ChannelLive {
  return {
    ...metrics(),
    channel,
    queues: 1,
    longestWaitNowSeconds: 0,
    waitingNow: 0,
    agents: noAgents(),
    ...over,
  };
}

export function agent(id: string, over: Partial<AgentRow> = {}): AgentRow {
  return {
    id,
    name: `Agent ${id}`,
    state: 'available',
    reason: null,
    since: NOW - 60_000,
    contacts: [],
    channels: ['voice'],
    ...over,
  };
}

/** A busy voice channel (Billing) on target, the other channels quiet; override anything. */
export function snapshot(over: Partial<FloorSnapshot> = {}): FloorSnapshot {
  const voice = metrics({ offered: 1234, answered: 1100, abandoned: 60, serviceLevel: 0.82, asaSeconds: 12.4, abandonRate: 0.04 });
  const billing = queueLive('Billing', 'voice', { ...voice, waitingNow: 3, longestWaitNowSeconds: 15 });
  return {
    now: NOW,
    center: { name: 'Test Center', timeZone: 'Europe/London', resetHour: 0, dayStart: Date.UTC(2026, 2, 10, 0, 0, 0) },
    lastEventAt: NOW - 2_000,
    staleAfterSeconds: 120,
    simulated: false,
    definitions: { serviceLevel: 'answered within T / (answered + abandoned - short abandons)', shortAbandonSeconds: 5, occupancy: 'handle / (handle + available)' },
    channels: [
      channelLive('voice', { ...voice, waitingNow: 3, longestWaitNowSeconds: 15, queues: 1, agents: { ...noAgents(), available: 5, 'on-contact': 8, 'after-contact-work': 2 } }),
      channelLive('chat', { queues: 0 }),
      channelLive('email', { queues: 0 }),
      channelLive('message', { queues: 0 }),
    ],
    queues: [billing],
    longestWaiting: { total: 3, contacts: [15, 9, 4].map((waitingSeconds) => ({ queue: 'Billing', channel: 'voice' as const, waitingSeconds, thresholdSeconds: billing.thresholdSeconds })) },
    agents: [agent('a1', { name: 'Alice', state: 'on-contact', contacts: [{ id: 'c-1', channel: 'voice', queue: 'Billing' }] })],
    agentsByState: { ...noAgents(), 'on-contact': 1 },
    occupancy: 0.78,
    intervals: { minutes: 15, points: [] },
    ingest: { accepted: 5000, duplicates: 3, quarantined: 0, lastQuarantine: null },
    feeds: [],
    standards: null,
    alerts: { open: [], unacknowledged: 0 },
    ...over,
  };
}
