/**
 * Amazon Connect contact records (CTRs), one JSON record per line as Kinesis or Firehose deliver them, mapped to
 * canonical contact events. docs/feeds/connect.md has the mapping table and the reasons behind each choice.
 *
 * Connect delivers a record at least once, and again whenever the contact changes (disconnect, end of after-contact
 * work, updated attributes). Each contact's events therefore carry ids derived from the contact and the event type
 * only (`ctr:<ContactId>:<type>`): a re-delivery is a duplicate in the store, and a newer version that adds a
 * timestamp (the disconnect, the end of wrap-up) adds just that event. A newer version that *changes* a timestamp
 * already stored does not move it: the first stored value of each event type wins (the store ignores a known id).
 * A version older than the newest seen for its contact is skipped (`older version`).
 */
import { z } from 'zod';
import type { CanonicalEvent, EventOf } from '../model/events';
import type { AdapterContext, FeedAdapter } from './adapter';
import { BoundedMap } from './adapter-memory';
import { arnTail, connectChannel, connectInstant, connectSeconds, jsonRecordAdapter, MAX_CONNECT_ID, optionalInstant, optionalText, validate, type RecordOutcome } from './connect-common';

/** Kinds counted in `ignored`. */
export const CTR_IGNORED = {
  notQueued: 'not queued',
  olderVersion: 'older version',
  agentQueue: 'agent queue',
} as const;

/** Contacts whose newest LastUpdateTimestamp is remembered (least recently updated forgotten first). */
const DEFAULT_MAX_TRACKED_CONTACTS = 200_000;

/**
 * Initiation methods whose queue time is not a customer waiting on the line: a queued callback leg (the customer
 * hung up and waits to be called). Amazon: "contacts queued for callback are not counted as abandoned".
 */
const NOT_ABANDONABLE_INITIATIONS = new Set(['CALLBACK']);

const queueSchema = z.object({
  ARN: optionalText(2048),
  Name: optionalText(200),
  EnqueueTimestamp: optionalInstant,
  DequeueTimestamp: optionalInstant,
  Duration: connectSeconds,
});

const agentSchema = z.object({
  ARN: optionalText(2048),
  Username: optionalText(200),
  ConnectedToAgentTimestamp: optionalInstant,
  AgentInteractionDuration: connectSeconds,
  CustomerHoldDuration: connectSeconds,
  AfterContactWorkDuration: connectSeconds,
  AfterContactWorkStartTimestamp: optionalInstant,
  AfterContactWorkEndTimestamp: optionalInstant,
});

const chatMetricsSchema = z.object({
  ChatContactMetrics: z.object({ AgentFirstResponseTimestamp: optionalInstant }).nullish(),
});

export const contactRecordSchema = z.object({
  ContactId: z.string().min(1).max(MAX_CONNECT_ID),
  Channel: optionalText(32),
  InitiationMethod: optionalText(64),
  InitiationTimestamp: optionalInstant,
  DisconnectTimestamp: optionalInstant,
  LastUpdateTimestamp: connectInstant,
  NextContactId: optionalText(256),
  TransferCompletedTimestamp: optionalInstant,
  TransferredToEndpoint: z.object({}).nullish(),
  Queue: queueSchema.nullish(),
  Agent: agentSchema.nullish(),
  ChatMetrics: chatMetricsSchema.nullish(),
});

/** A validated contact record; timestamps as epoch ms, null or undefined when they did not happen. */
export type ContactRecord = z.output<typeof contactRecordSchema>;

/**
 * Whether a contact that was queued and never connected to an agent left by abandoning. Not when it was a
 * callback leg, or when it went on as another contact (a queued callback was created for it, or it was
 * transferred out of the queue: NextContactId, TransferCompletedTimestamp or TransferredToEndpoint set).
 * Only once it is over (DisconnectTimestamp): until then it is still waiting, or being offered to an agent.
 */
function isAbandoned(r: ContactRecord): boolean {
  if (r.Agent?.ConnectedToAgentTimestamp != null || r.DisconnectTimestamp == null) return false;
  if (r.InitiationMethod != null && NOT_ABANDONABLE_INITIATIONS.has(r.InitiationMethod)) return false;
  return !r.NextContactId && r.TransferCompletedTimestamp == null && r.TransferredToEndpoint == null;
}

/**
 * The canonical events of one contact record (pure: no memory; the adapter adds version tracking).
 *
 * | record | event |
 * |---|---|
 * | Queue.EnqueueTimestamp | contact.queued (queue = Queue.Name, channel from Channel) |
 * | Agent.ConnectedToAgentTimestamp | contact.answered (agentId = Agent.Username) |
 * | ChatMetrics.ChatContactMetrics.AgentFirstResponseTimestamp | contact.responded (answered contacts) |
 * | queued, never connected, disconnected, not a callback or transfer | contact.abandoned at Queue.DequeueTimestamp, else DisconnectTimestamp |
 * | DisconnectTimestamp | contact.ended |
 * | Agent.AfterContactWorkEndTimestamp, else ACW start (or disconnect) + AfterContactWorkDuration | contact.wrapup-ended |
 */
export function mapContactRecord(r: ContactRecord, ctx: AdapterContext): RecordOutcome {
  const q = r.Queue;
  if (q == null || q.EnqueueTimestamp == null) return { events: [], ignored: CTR_IGNORED.notQueued };
  // A transfer to an agent goes through that agent's own queue: not a queue the floor staffs or measures.
  if (q.ARN != null && q.ARN.includes('/queue/agent/')) return { events: [], ignored: CTR_IGNORED.agentQueue };
  if (!q.Name) return { reason: 'Queue.Name: missing on a queued contact' };
  const channel = r.Channel == null ? ctx.queueChannel(q.Name) : connectChannel(r.Channel);
  if (channel === undefined) return { reason: `Channel: unknown channel ${JSON.stringify(r.Channel)}` };

  const contactId = r.ContactId;
  const id = (type: CanonicalEvent['type']) => `ctr:${contactId}:${type}`;
  const events: CanonicalEvent[] = [];
  const queued: EventOf<'contact.queued'> = { v: 1, id: id('contact.queued'), type: 'contact.queued', ts: q.EnqueueTimestamp, contactId, channel, queue: q.Name };
  events.push(queued);

  const a = r.Agent;
  const connectedAt = a?.ConnectedToAgentTimestamp ?? null;
  if (a && connectedAt !== null) {
    const agentId = a.Username || arnTail(a.ARN);
    if (!agentId) return { reason: 'Agent.Username: missing on a contact connected to an agent' };
    events.push({ v: 1, id: id('contact.answered'), type: 'contact.answered', ts: connectedAt, contactId, agentId });
    const firstResponse = r.ChatMetrics?.ChatContactMetrics?.AgentFirstResponseTimestamp ?? null;
    if (firstResponse !== null) {
      events.push({ v: 1, id: id('contact.responded'), type: 'contact.responded', ts: firstResponse, contactId, agentId });
    }
  } else if (isAbandoned(r)) {
    events.push({ v: 1, id: id('contact.abandoned'), type: 'contact.abandoned', ts: q.DequeueTimestamp ?? r.DisconnectTimestamp!, contactId });
  }

  if (r.DisconnectTimestamp != null) {
    events.push({ v: 1, id: id('contact.ended'), type: 'contact.ended', ts: r.DisconnectTimestamp, contactId });
  }

  if (a && connectedAt !== null) {
    let wrapupEnd = a.AfterContactWorkEndTimestamp ?? null;
    if (wrapupEnd === null && a.AfterContactWorkDuration != null) {
      const from = a.AfterContactWorkStartTimestamp ?? r.DisconnectTimestamp ?? null;
      if (from !== null) wrapupEnd = from + Math.round(a.AfterContactWorkDuration * 1000);
    }
    if (wrapupEnd !== null) {
      events.push({ v: 1, id: id('contact.wrapup-ended'), type: 'contact.wrapup-ended', ts: wrapupEnd, contactId });
    }
  }
  return { events };
}

export interface ConnectCtrOptions {
  /** Contacts whose newest version is remembered; default 200,000. */
  maxTrackedContacts?: number;
}

export interface ConnectCtrAdapter extends FeedAdapter {
  readonly format: 'connect-ctr';
  readonly ignored: ReadonlyMap<string, number>;
  /** Contacts whose newest LastUpdateTimestamp is remembered now (bounded by `maxTrackedContacts`). */
  readonly trackedContacts: number;
}

export function createConnectCtrAdapter(ctx: AdapterContext, options: ConnectCtrOptions = {}): ConnectCtrAdapter {
  const newestVersion = new BoundedMap<string, number>(options.maxTrackedContacts ?? DEFAULT_MAX_TRACKED_CONTACTS);

  function mapRecord(json: Record<string, unknown>): RecordOutcome {
    if (json.ContactId === undefined || json.ContactId === null || json.ContactId === '') return { reason: 'missing ContactId' };
    const v = validate(contactRecordSchema, json);
    if (!v.ok) return { reason: v.reason };
    const r = v.value;
    const newest = newestVersion.get(r.ContactId);
    if (newest !== undefined && r.LastUpdateTimestamp < newest) return { events: [], ignored: CTR_IGNORED.olderVersion };
    const out = mapContactRecord(r, ctx);
    // Only a record that was read moves the contact's newest version: a refused one says nothing reliable.
    if (!('reason' in out)) newestVersion.set(r.ContactId, r.LastUpdateTimestamp);
    return out;
  }

  return {
    ...jsonRecordAdapter('connect-ctr', mapRecord),
    get trackedContacts() {
      return newestVersion.size;
    },
  };
}
