/**
 * A feed adapter maps one source's lines (or records) to canonical events. One adapter instance serves one
 * source and may keep memory across batches (an agent's pause state, the newest version of a record); what
 * it needs after a restart it asks of the context, which reads the store.
 *
 * Contract, for every adapter:
 * - never throws on input: a line it cannot read or map becomes { reason } (quarantined with its position);
 * - a line it reads but that carries nothing canonical (a verb with no meaning for the floor) becomes
 *   { events: [] } and is kept as raw, not quarantined; count such lines in `ignored` by kind if useful;
 * - the same input always gives the same events, with `id`s stable across re-reads where the source has ids.
 */
import type { AgentState, Channel } from '../model/types';
import type { Dedupe, ParsedLine } from '../store/store';
import type { SourceLine } from './source-lines';

import type { FeedFormat } from '../../shared/api';

export type { FeedFormat };
export const FEED_FORMATS = ['ndjson', 'queue_log', 'taskrouter', 'connect-ctr', 'connect-agent', 'csv'] as const satisfies readonly FeedFormat[];

export interface AdapterContext {
  /** The channel configured for a queue (queue_log queues default to voice). */
  queueChannel(queue: string): Channel;
  /**
   * An agent's last known state and since when (for adapters whose source only says what changed); `since`
   * tells an adapter when an unchanged state is worth saying again (AGENT_SILENT_MS); `capacity`, what it can take
   * per channel (an event's capacity replaces the whole of it).
   */
  agentState(agentId: string): { state: AgentState; reason: string | null; since?: number; capacity?: Partial<Record<Channel, number>> } | null;
}

export interface FeedAdapter {
  readonly format: FeedFormat;
  parse(lines: SourceLine[]): ParsedLine[];
  /** Counts of lines read but not mapped, by kind (e.g. unknown queue_log verbs): shown in feed health. */
  readonly ignored?: ReadonlyMap<string, number>;
  /**
   * How the store tells an event read before (default 'by-id'): 'by-effect' for an adapter whose every event
   * is a contact or agent-state change, so that no idempotency key need be written per event (see Dedupe).
   */
  readonly dedupe?: Dedupe;
}

