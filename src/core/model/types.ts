/** The canonical vocabulary shared by every feed, the store and the engine. */
import type { AgentState, Channel } from '../../shared/api';

export type { AgentState, Channel };
export { AGENT_STATES, CHANNELS } from '../../shared/api';

/** One turn of a conversation: a customer message, an agent reply or a bot reply, at an instant. */
export interface Turn {
  at: number;
  by: 'customer' | 'agent' | 'bot';
}

/** A contact as derived from its events. Instants are epoch milliseconds; null = not (yet) happened. */
export interface Contact {
  id: string;
  channel: Channel;
  queue: string;
  agentId: string | null;
  queuedAt: number;
  answeredAt: number | null;
  firstResponseAt: number | null;
  /** The first automated (bot) reply, for standards that count bot replies. */
  firstAutoResponseAt?: number | null;
  /** An async contact's conversation in time order: customer follow-ups and replies (next response time). */
  turns?: readonly Turn[] | null;
  abandonedAt: number | null;
  endedAt: number | null;
  wrapupEndAt: number | null;
  /** The latest survey: CSAT 1-5, NPS 0-10 (absent: no survey). */
  csat?: number | null;
  nps?: number | null;
  /** When the issue was resolved, and whether on this first contact (FCR). */
  resolvedAt?: number | null;
  firstContactResolution?: boolean | null;
  /**
   * The wait the source reported with the answer (Asterisk's CONNECT holdtime) and with the abandon or exit
   * (ABANDON's waittime...): where present, the contact's wait for that outcome instead of instant - queuedAt.
   */
  answeredWaitMs?: number | null;
  exitWaitMs?: number | null;
}

export interface QueueConfig {
  name: string;
  channel: Channel;
  timeZone: string | null;
  /** Service-level threshold T, seconds. */
  slThresholdSeconds: number;
}

/**
 * A contact's service-level threshold T, seconds: its queue's T when the contact is on the queue's channel, else
 * its own channel's default. A queue can carry several channels (a Twilio TaskQueue does: its threshold is per
 * queue and channel, DOMAIN.md), and the T configured for a queue is that of its channel. The store's SQL tallies
 * (contactTalliesSql) say the same.
 */
export function contactThresholdSeconds(queue: QueueConfig | undefined, channel: Channel): number {
  return queue !== undefined && queue.channel === channel ? queue.slThresholdSeconds : DEFAULT_SL_THRESHOLD_SECONDS[channel];
}

/** Default service-level threshold T per channel, seconds (DOMAIN.md common practice). */
export const DEFAULT_SL_THRESHOLD_SECONDS: Record<Channel, number> = {
  voice: 20,
  chat: 60,
  message: 3600,
  email: 86400,
};

/** A queue known only from its contacts (no feed configures it): its channel, that channel's default T, no zone. */
export const queueSeenIn = (name: string, channel: Channel): QueueConfig => ({ name, channel, timeZone: null, slThresholdSeconds: DEFAULT_SL_THRESHOLD_SECONDS[channel] });

/** A contact abandoned in less than this many seconds is a short abandon (excluded from SL and abandon rate). */
export const DEFAULT_SHORT_ABANDON_SECONDS = 5;

/**
 * An agent whose state has not changed, nor been said again, for this long is taken as off the floor: its last
 * state is history (a log-off the feed lost, or the end of an imported history file), not the present. A staffed
 * agent changes state with every contact and break; feeds that repeat an unchanged state (Amazon Connect's
 * heartbeats, a queue_log ADDMEMBER) say it again at least this often (docs/metrics.md).
 */
const AGENT_SILENT_MS = 12 * 3600_000;

/**
 * Adapters say an agent's unchanged state again once it was last said this long ago: half the silence, so that an
 * agent its feed still reports (a heartbeat every few minutes) never reaches AGENT_SILENT_MS between two beats.
 */
export const AGENT_RESAY_MS = AGENT_SILENT_MS / 2;

/** When an agent in `state` since `since` falls silent (AGENT_SILENT_MS later); offline never does. */
export function silentAt(state: AgentState, since: number): number {
  return state === 'offline' ? Infinity : since + AGENT_SILENT_MS;
}

/** An agent as stored and as the live floor holds it: who, what it can take at once, and its state since when. */
export interface AgentRecord {
  id: string;
  name: string;
  capacity: Partial<Record<Channel, number>>;
  state: AgentState;
  reason: string | null;
  since: number;
}

/** A stored agent-state interval: the agent in `state` from `start` until `end` (null: still open). */
export interface AgentStateInterval {
  agentId: string;
  state: AgentState;
  reason: string | null;
  start: number;
  end: number | null;
}
