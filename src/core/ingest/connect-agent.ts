/**
 * Amazon Connect agent event stream, one JSON record per line as Kinesis delivers it, mapped to canonical
 * `agent.state` events. docs/feeds/connect.md has the mapping table and the reasons behind each choice.
 *
 * Every record carries the agent's whole current snapshot (status, configuration, contacts), so the adapter
 * derives the agent's state from the snapshot alone and emits an event only when that state differs from the
 * last one known (its own memory, or after a restart the floor's, through the context). STATE_CHANGE records
 * that change nothing canonical (hold, a routing-profile edit, a second chat) and HEART_BEATs (every 120 s)
 * therefore emit nothing; heartbeats are still counted under `ignored` ('heartbeat') for feed liveness.
 *
 * Event ids are `aes:<EventId>`: Kinesis re-delivers records at least once, and a re-delivered record is a
 * duplicate in the store.
 */
import { z } from 'zod';
import type { EventOf } from '../model/events';
import { AGENT_RESAY_MS, type AgentState, type Channel } from '../model/types';
import type { AdapterContext, FeedAdapter } from './adapter';
import { BoundedMap } from './adapter-memory';
import { arnTail, connectChannel, connectInstant, jsonRecordAdapter, MAX_CONNECT_ID, optionalInstant, optionalText, validate, type RecordOutcome } from './connect-common';

/** Kinds counted in `ignored`. */
export const AGENT_IGNORED = {
  heartbeat: 'heartbeat',
  unchanged: 'unchanged state',
  olderEvent: 'older event',
  otherType: 'other event type',
} as const;

/** Agents whose last state is remembered (least recently updated forgotten first; the context answers then). */
const DEFAULT_MAX_TRACKED_AGENTS = 50_000;

const MAX_REASON = 100;
const MAX_NAME = 200;

/** Contact states in which the agent is talking or chatting with the customer (hold included). */
const ON_CONTACT_STATES = new Set(['CONNECTED', 'CONNECTEDONHOLD']);
/** Contact states of a contact over but still listed: the agent is in after-contact work on it (AWS: "ENDED"). */
const AFTER_CONTACT_STATES = new Set(['ENDED', 'AFTERCONTACTWORK']);

/** `CONNECTED_ONHOLD`, `ConnectedOnHold`, `connected-onhold` -> `CONNECTEDONHOLD`. */
const normalize = (s: string) => s.toUpperCase().replace(/[^A-Z]/g, '');

const contactSchema = z.object({
  ContactId: optionalText(MAX_CONNECT_ID),
  Channel: optionalText(32),
  InitiationMethod: optionalText(64),
  State: z.string().min(1).max(64),
  StateStartTimestamp: optionalInstant,
  ConnectedToAgentTimestamp: optionalInstant,
  QueueTimestamp: optionalInstant,
  Queue: z.object({ ARN: optionalText(2048), Name: optionalText(200) }).nullish(),
});

const snapshotSchema = z.object({
  AgentStatus: z
    .object({
      ARN: optionalText(2048),
      Name: z.string().min(1).max(200),
      StartTimestamp: connectInstant,
      Type: optionalText(32),
    })
    .nullish(),
  Configuration: z
    .object({
      Username: optionalText(MAX_CONNECT_ID),
      FirstName: optionalText(100),
      LastName: optionalText(100),
      RoutingProfile: z
        .object({
          Name: optionalText(200),
          Concurrency: z
            .array(z.object({ Channel: z.string().max(32), Concurrency: z.number().int().min(0).max(50) }))
            .max(16)
            .nullish(),
        })
        .nullish(),
    })
    .nullish(),
  Contacts: z.array(contactSchema).max(100).nullish(),
});

const agentEventSchema = z.object({
  EventId: z.string().min(1).max(MAX_CONNECT_ID),
  EventType: z.string().min(1).max(64),
  EventTimestamp: connectInstant,
  AgentARN: optionalText(2048),
  CurrentAgentSnapshot: snapshotSchema.nullish(),
  /** Only whether the agent had contacts is read: it tells a status that outlived a contact (see stateOf). */
  PreviousAgentSnapshot: z.object({ Contacts: z.array(z.unknown()).max(100).nullish() }).nullish(),
});

/** A validated agent event; timestamps as epoch ms. */
type AgentEventRecord = z.output<typeof agentEventSchema>;
type Snapshot = z.output<typeof snapshotSchema>;

interface DerivedState {
  state: AgentState;
  /** Not-ready reason code (the status name); null otherwise. */
  reasonCode: string | null;
  /** When the agent entered the state, as far as the record says (see stateOf). */
  ts: number;
}

/** The agent id: Configuration.Username, else the last segment of AgentARN. */
function agentIdOf(r: AgentEventRecord): string | null {
  return r.CurrentAgentSnapshot?.Configuration?.Username || arnTail(r.AgentARN);
}

function latestStart(contacts: NonNullable<Snapshot['Contacts']>, states: Set<string>, fallback: number): number {
  let latest: number | null = null;
  for (const c of contacts) {
    if (!states.has(normalize(c.State))) continue;
    const t = c.StateStartTimestamp ?? null;
    if (t !== null && (latest === null || t > latest)) latest = t;
  }
  return latest ?? fallback;
}

/**
 * The canonical state an agent event describes (pure: no memory).
 *
 * | record | state | ts |
 * |---|---|---|
 * | EventType LOGOUT | offline | EventTimestamp |
 * | a contact CONNECTED or CONNECTED_ONHOLD | on-contact | latest StateStartTimestamp of those contacts |
 * | a contact ENDED (still listed: after-contact work), or status/state AfterContactWork | after-contact-work | latest StateStartTimestamp of those contacts |
 * | AgentStatus Type OFFLINE or Name Offline | offline | AgentStatus.StartTimestamp |
 * | AgentStatus Type ROUTABLE or Name Available | available | AgentStatus.StartTimestamp |
 * | any other AgentStatus Name (Lunch, Break...) | not-ready, reason = the name | AgentStatus.StartTimestamp |
 *
 * Other contact states (CONNECTING, INCOMING, PENDING, PAUSED, MISSED, REJECTED, ERROR) decide nothing: the
 * status does. A status-derived ts is moved to EventTimestamp when the previous snapshot listed contacts: the
 * status (say Available) was set before the contact and outlived it, but the agent is available only now.
 */
function stateOf(r: AgentEventRecord): DerivedState | { reason: string } {
  if (r.EventType === 'LOGOUT') return { state: 'offline', reasonCode: null, ts: r.EventTimestamp };
  const snap = r.CurrentAgentSnapshot;
  if (snap == null) return { reason: 'CurrentAgentSnapshot: missing' };
  const contacts = snap.Contacts ?? [];
  const states = contacts.map((c) => normalize(c.State));
  if (states.some((s) => ON_CONTACT_STATES.has(s))) {
    return { state: 'on-contact', reasonCode: null, ts: latestStart(contacts, ON_CONTACT_STATES, r.EventTimestamp) };
  }
  const status = snap.AgentStatus;
  const statusSaysAcw = status != null && (normalize(status.Name) === 'AFTERCONTACTWORK' || normalize(status.Type ?? '') === 'AFTERCONTACTWORK');
  if (statusSaysAcw || states.some((s) => AFTER_CONTACT_STATES.has(s))) {
    return { state: 'after-contact-work', reasonCode: null, ts: latestStart(contacts, AFTER_CONTACT_STATES, r.EventTimestamp) };
  }
  if (!status) return { reason: 'CurrentAgentSnapshot.AgentStatus: missing' };
  const hadContacts = (r.PreviousAgentSnapshot?.Contacts?.length ?? 0) > 0;
  const ts = hadContacts ? Math.max(status.StartTimestamp, r.EventTimestamp) : status.StartTimestamp;
  const type = normalize(status.Type ?? '');
  const name = normalize(status.Name);
  if (type === 'OFFLINE' || name === 'OFFLINE') return { state: 'offline', reasonCode: null, ts };
  if (type === 'ROUTABLE' || name === 'AVAILABLE') return { state: 'available', reasonCode: null, ts };
  return { state: 'not-ready', reasonCode: status.Name.slice(0, MAX_REASON), ts };
}

/** Agent name (FirstName LastName) and capacity per channel (RoutingProfile.Concurrency), when given. */
function profileOf(snap: Snapshot | null | undefined): { name?: string; capacity?: Partial<Record<Channel, number>> } {
  const conf = snap?.Configuration;
  const out: { name?: string; capacity?: Partial<Record<Channel, number>> } = {};
  const name = [conf?.FirstName, conf?.LastName].filter((s) => s).join(' ').trim();
  if (name) out.name = name.slice(0, MAX_NAME);
  const concurrency = conf?.RoutingProfile?.Concurrency;
  if (concurrency && concurrency.length > 0) {
    const capacity: Partial<Record<Channel, number>> = {};
    for (const c of concurrency) {
      const channel = connectChannel(c.Channel);
      if (channel !== undefined) capacity[channel] = c.Concurrency;
    }
    if (Object.keys(capacity).length > 0) out.capacity = capacity;
  }
  return out;
}

export interface ConnectAgentOptions {
  /** Agents whose last state is remembered; default 50,000. */
  maxTrackedAgents?: number;
}

export interface ConnectAgentAdapter extends FeedAdapter {
  readonly format: 'connect-agent';
  readonly ignored: ReadonlyMap<string, number>;
}

interface Known {
  state: AgentState;
  reason: string | null;
  /** ts of the state emitted (or seen) last. */
  since: number;
  /** EventTimestamp of the newest record read for the agent. */
  eventTs: number;
}

const KNOWN_TYPES = new Set(['STATE_CHANGE', 'HEART_BEAT', 'LOGIN', 'LOGOUT']);

export function createConnectAgentAdapter(ctx: AdapterContext, options: ConnectAgentOptions = {}): ConnectAgentAdapter {
  const known = new BoundedMap<string, Known>(options.maxTrackedAgents ?? DEFAULT_MAX_TRACKED_AGENTS);

  function mapRecord(json: Record<string, unknown>): RecordOutcome {
    const v = validate(agentEventSchema, json);
    if (!v.ok) return { reason: v.reason };
    const r = v.value;
    if (!KNOWN_TYPES.has(r.EventType)) return { events: [], ignored: AGENT_IGNORED.otherType };
    const heartbeat = r.EventType === 'HEART_BEAT';
    const agentId = agentIdOf(r);
    if (!agentId) return { reason: 'CurrentAgentSnapshot.Configuration.Username: missing, and no AgentARN' };
    const derived = stateOf(r);
    if ('reason' in derived) return derived;

    const mem = known.get(agentId);
    if (mem !== undefined && r.EventTimestamp < mem.eventTs) {
      // Kinesis does not promise order: an older snapshot is history, not the agent's present.
      return { events: [], ignored: heartbeat ? AGENT_IGNORED.heartbeat : AGENT_IGNORED.olderEvent };
    }
    const last = mem ?? ctx.agentState(agentId);
    const unchanged = last != null && last.state === derived.state && (derived.state !== 'not-ready' || last.reason === derived.reasonCode);
    // an unchanged state (a heartbeat) is said again once AGENT_RESAY_MS old, at the record's instant, so the
    // floor does not take an agent available all day as gone
    const refresh = unchanged && last.since !== undefined && r.EventTimestamp - last.since >= AGENT_RESAY_MS;
    if (unchanged && !refresh) {
      known.set(agentId, { state: derived.state, reason: derived.reasonCode, since: mem?.since ?? last.since ?? derived.ts, eventTs: r.EventTimestamp });
      return { events: [], ignored: heartbeat ? AGENT_IGNORED.heartbeat : AGENT_IGNORED.unchanged };
    }
    // Never before the state being left: a status set before a contact is entered only when the contact work ends.
    const ts = refresh || (mem !== undefined && derived.ts < mem.since) ? r.EventTimestamp : derived.ts;
    known.set(agentId, { state: derived.state, reason: derived.reasonCode, since: ts, eventTs: r.EventTimestamp });
    const event: EventOf<'agent.state'> = { v: 1, id: `aes:${r.EventId}`, type: 'agent.state', ts, agentId, state: derived.state, ...profileOf(r.CurrentAgentSnapshot) };
    if (derived.reasonCode !== null) event.reason = derived.reasonCode;
    // A heartbeat that shows a change (a STATE_CHANGE lost upstream) still emits it, and still counts as a beat.
    return heartbeat ? { events: [event], ignored: AGENT_IGNORED.heartbeat } : { events: [event] };
  }

  return jsonRecordAdapter('connect-agent', mapRecord);
}
