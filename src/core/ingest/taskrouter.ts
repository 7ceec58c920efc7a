/**
 * Twilio TaskRouter events (webhook form posts, or Event Streams CloudEvents) mapped to canonical events.
 * taskrouter-read.ts reads a line into records; this file decides what each record means for the floor.
 * docs/feeds/taskrouter.md has the mapping table and the reasons behind each choice.
 *
 * One task is one contact (contactId = TaskSid). Its canonical events carry ids derived from the task and the
 * canonical type only (`tr:<TaskSid>:contact.queued`), as the Connect adapter does: a retried webhook (same
 * EventSid, any position) and the second of two TaskRouter events that mean the same thing (task.created then
 * task-queue.entered, reservation.completed then task.completed) can never count twice, even after a restart
 * wiped this adapter's memory. Within one run the adapter also remembers which TaskRouter event (its EventSid,
 * else type + resource sid + time) produced each canonical event: a retry of that event gives the same events
 * again (the store counts them as duplicates), any other event that would repeat them gives none (`ignored`).
 */
import { DEFAULT_TASKROUTER_ABANDON_ON, TASKROUTER_ABANDON_TRIGGERS, type TaskRouterAbandonTrigger } from '../../shared/api';
import type { CanonicalEvent } from '../model/events';
import type { AgentState, Channel } from '../model/types';
import type { ParsedLine } from '../store/store';
import type { AdapterContext, FeedAdapter } from './adapter';
import { BoundedMap, ignoredCounter } from './adapter-memory';
import { lineText, type SourceLine } from './source-lines';
import { clip, fieldObject, MAX_BATCH_LINE_LENGTH, MAX_EVENT_LINE_LENGTH, fieldText, firstFieldText, readTaskRouterLine, type RecordRead, type TaskRouterRecord } from './taskrouter-read';

/** TaskRouter events that can end a waiting task as an abandon (the `abandonOn` option): see src/shared/api.ts. */
export const ABANDON_TRIGGERS = TASKROUTER_ABANDON_TRIGGERS;
type AbandonTrigger = TaskRouterAbandonTrigger;
/** Flex Insights counts a canceled task and a failed transfer as abandoned (DOMAIN.md). */
export const FLEX_INSIGHTS_ABANDON_ON = DEFAULT_TASKROUTER_ABANDON_ON;

/** Task channel (TaskChannelUniqueName, or Flex's TaskAttributes.channelType) -> Floorboard channel. */
const TASKROUTER_CHANNELS: Readonly<Record<string, Channel>> = {
  voice: 'voice',
  chat: 'chat',
  web: 'chat',
  webchat: 'chat',
  sms: 'message',
  mms: 'message',
  whatsapp: 'message',
  messenger: 'message',
  facebook: 'message',
  gbm: 'message',
  line: 'message',
  instagram: 'message',
  email: 'email',
};

/** WorkerActivityName -> agent state; any other activity is not-ready with the activity name as reason. */
const TASKROUTER_ACTIVITIES: Readonly<Record<string, AgentState>> = {
  available: 'available',
  idle: 'available',
  offline: 'offline',
};

/** Kinds counted in `ignored` (besides the TaskRouter event types that carry nothing for the floor). */
const TR_IGNORED = {
  foreign: 'foreign CloudEvent (not com.twilio.taskrouter.*)',
  otherType: 'other event type',
  noQueue: 'task.created without a queue',
  repeated: 'nothing new for the task',
  /** `<event type> not an abandon (abandonOn)`: a waiting task ended by an event the abandonOn option leaves out. */
  notAbandon: (type: string) => `${type} not an abandon (abandonOn)`,
} as const;

/** Event types read and deliberately not mapped (counted under their own name). */
const NO_CONTACT_CHANGE = new Set([
  'task.updated',
  'task-queue.moved',
  'task-queue.timeout',
  'task-queue.created',
  'task-queue.deleted',
  'task-queue.expression.updated',
  'reservation.created',
  'reservation.rejected',
  'reservation.timeout',
  'reservation.canceled',
  'reservation.rescinded',
  'worker.created',
  'worker.deleted',
  'worker.attributes.update',
  'worker.channel.availability.update',
  'workflow.target-matched',
  'workflow.entered',
  'workflow.skipped',
]);

/** Longest TaskSid, WorkerSid or queue name used in ids (Twilio sids are 34 characters). */
const MAX_SID = 150;
const MAX_NAME = 200;
const MAX_REASON = 100;

/** Tasks whose state is remembered (least recently touched forgotten first). */
const DEFAULT_MAX_TRACKED_TASKS = 200_000;

export interface TaskRouterOptions {
  /** TaskRouter events that count as an abandon when the task was never accepted. Default: Flex Insights'. */
  abandonOn?: readonly AbandonTrigger[];
  /** Extra or overriding channel names (lower case) -> channel, merged over TASKROUTER_CHANNELS. */
  channels?: Readonly<Record<string, Channel>>;
  /** Extra or overriding activity names (lower case) -> agent state, merged over TASKROUTER_ACTIVITIES. */
  activities?: Readonly<Record<string, AgentState>>;
  /** Tasks whose state is remembered; default 200,000. */
  maxTrackedTasks?: number;
}

export interface TaskRouterAdapter extends FeedAdapter {
  readonly format: 'taskrouter';
  readonly ignored: ReadonlyMap<string, number>;
  readonly abandonOn: readonly AbandonTrigger[];
  readonly trackedTasks: number;
}

type ContactType = Exclude<CanonicalEvent['type'], 'queue.config' | 'agent.state' | 'contact.responded'>;

interface TaskState {
  /** Canonical type -> the key of the TaskRouter event that produced it (contact.answered set = accepted). */
  emittedBy: Partial<Record<ContactType, string>>;
  /** Per worker that accepted it (a transfer makes two), how far it got with the task: phases only move forward. */
  phases?: Record<string, Phase>;
}

/** A task's phase for the worker that accepted it. */
const enum Phase {
  Talking = 1,
  WrappingUp = 2,
  Done = 3,
}

/**
 * What the adapter knows of a worker: its activity (its state when on no task), the tasks it is on or wrapping up,
 * its capacity per channel, and what it last said of it.
 */
interface WorkerState {
  activity: { state: AgentState; reason: string | null } | null;
  talking: Set<string>;
  wrapping: Set<string>;
  capacity: Partial<Record<Channel, number>>;
  said: string | null;
}

/** Workers whose state is remembered (least recently touched forgotten first). */
const MAX_TRACKED_WORKERS = 20_000;

type Outcome = { events: CanonicalEvent[]; ignored?: string } | { reason: string };

/** Task events: those that must name their task. */
function isTaskEvent(type: string): boolean {
  return type.startsWith('task.') || type.startsWith('reservation.') || type === 'task-queue.entered' || type === 'task-queue.moved' || type === 'task-queue.timeout' || type === 'workflow.timeout';
}

function queueOf(r: TaskRouterRecord): string | undefined {
  return firstFieldText(r.fields, ['TaskQueueName', 'TaskQueueFriendlyName', 'TaskQueueSid']);
}

/** The key of a TaskRouter event: its EventSid, else type + resource sid + time (stable across re-reads). */
function sourceKey(r: TaskRouterRecord): string {
  if (r.eventId !== null) return r.eventId;
  const resource = firstFieldText(r.fields, ['ResourceSid', 'ReservationSid', 'TaskSid', 'WorkerSid']) ?? '';
  return `${r.eventType}:${clip(resource, MAX_SID)}:${r.ts}`;
}

export function createTaskRouterAdapter(ctx: AdapterContext, options: TaskRouterOptions = {}): TaskRouterAdapter {
  const abandonOn = [...new Set(options.abandonOn ?? FLEX_INSIGHTS_ABANDON_ON)];
  const channels: Record<string, Channel> = { ...TASKROUTER_CHANNELS, ...options.channels };
  const activities: Record<string, AgentState> = { ...TASKROUTER_ACTIVITIES, ...options.activities };
  const tasks = new BoundedMap<string, TaskState>(options.maxTrackedTasks ?? DEFAULT_MAX_TRACKED_TASKS);
  const { ignored, count } = ignoredCounter();
  const workers = new BoundedMap<string, WorkerState>(MAX_TRACKED_WORKERS);

  function workerOf(agentId: string): WorkerState {
    let w = workers.get(agentId);
    if (w === undefined) {
      // after a restart: the activity the store last knew (a state on a task says nothing of the activity)
      const known = ctx.agentState(agentId);
      const activity = known && known.state !== 'on-contact' && known.state !== 'after-contact-work' ? { state: known.state, reason: known.reason } : null;
      w = { activity, talking: new Set(), wrapping: new Set(), capacity: { ...known?.capacity }, said: null };
    }
    workers.set(agentId, w);
    return w;
  }

  /**
   * The worker's state: on-contact while it is on a task, else after-contact work while it wraps one up, else its
   * activity (available when none was said). An event only when that state, its reason or the capacity changed, or
   * (`always`) for an activity update, which TaskRouter sends as a statement of the worker's state.
   */
  function workerEvent(agentId: string, w: WorkerState, r: TaskRouterRecord, always: boolean): CanonicalEvent[] {
    const state: AgentState = w.talking.size > 0 ? 'on-contact' : w.wrapping.size > 0 ? 'after-contact-work' : (w.activity?.state ?? 'available');
    const reason = state === 'not-ready' ? w.activity?.reason ?? null : null;
    const capacity = Object.keys(w.capacity).length > 0 ? { ...w.capacity } : undefined;
    const said = `${state}|${reason ?? ''}|${capacity ? JSON.stringify(capacity) : ''}`;
    if (said === w.said && !always) return [];
    w.said = said;
    const name = fieldText(r.fields, 'WorkerName');
    const id = r.eventId !== null ? `tr:${r.eventId}` : `tr:${r.eventType}:${agentId}:${r.ts}`;
    return [{
      v: 1,
      // one TaskRouter event can move several workers (a task event on a transferred task): one id each
      id: r.eventType === 'worker.activity.update' ? id : `${id}:agent:${agentId}`,
      type: 'agent.state',
      ts: r.ts,
      agentId,
      ...(name !== undefined ? { name: name.slice(0, MAX_NAME) } : {}),
      state,
      ...(reason !== null ? { reason } : {}),
      ...(capacity ? { capacity } : {}),
    }];
  }

  /** Move a task forward for the worker that accepted it (a retried or late event that would move it back does nothing). */
  function taskPhase(r: TaskRouterRecord, taskSid: string, phase: Phase, channel: Channel | null): CanonicalEvent[] {
    const task = tasks.get(taskSid);
    if (task === undefined) return [];
    const phases = (task.phases ??= {});
    // a reservation event names its worker; a task event concerns every worker on the task
    const named = firstFieldText(r.fields, phase === Phase.Talking ? ['WorkerSid', 'WorkerName'] : ['WorkerSid']);
    const agentIds = named !== undefined ? [named] : Object.keys(phases);
    const out: CanonicalEvent[] = [];
    for (const agentId of agentIds) {
      // a phase reached is kept even for a worker not seen accepting (its acceptance late, or before a restart):
      // a late acceptance then changes nothing, and the worker leaves the task it is said to be done with
      if ((phases[agentId] ?? 0) >= phase) continue;
      phases[agentId] = phase;
      const w = workerOf(agentId);
      w.talking.delete(taskSid);
      w.wrapping.delete(taskSid);
      if (phase === Phase.Talking) w.talking.add(taskSid);
      else if (phase === Phase.WrappingUp) w.wrapping.add(taskSid);
      // a worker that takes a task on a channel can take one there: capacity 1 until the feed says its capacity
      if (channel !== null && w.capacity[channel] === undefined) w.capacity[channel] = 1;
      out.push(...workerEvent(agentId, w, r, false));
    }
    return out;
  }

  /**
   * The channel a record names: Flex's TaskAttributes.channelType when known (Flex routes SMS and WhatsApp on the
   * chat task channel), else TaskChannelUniqueName; null when neither maps.
   */
  function namedChannel(r: TaskRouterRecord): Channel | null {
    const attrs = fieldObject(r.fields, 'TaskAttributes');
    if (typeof attrs === 'object' && typeof attrs.channelType === 'string') {
      const c = channels[attrs.channelType.toLowerCase()];
      if (c !== undefined) return c;
    }
    const name = fieldText(r.fields, 'TaskChannelUniqueName');
    return (name === undefined ? undefined : channels[name.toLowerCase()]) ?? null;
  }

  /** A task's channel: the one its record names, else its queue's configured channel. */
  function channelOf(r: TaskRouterRecord, queue: string): Channel {
    return namedChannel(r) ?? ctx.queueChannel(queue);
  }

  /** A reason when a record lacks what its mapping needs; pure, so a refused batch changes no memory. */
  function check(r: TaskRouterRecord): string | null {
    const t = r.eventType;
    if (isTaskEvent(t)) {
      const sid = fieldText(r.fields, 'TaskSid');
      if (sid === undefined) return `missing TaskSid on ${t}`;
      if (sid.length > MAX_SID) return `TaskSid longer than ${MAX_SID} characters`;
    }
    if (t === 'task.created' || t === 'task-queue.entered') {
      const q = queueOf(r);
      if (q === undefined && t === 'task-queue.entered') return 'missing TaskQueueName and TaskQueueSid on task-queue.entered';
      if (q !== undefined && q.length > MAX_NAME) return `TaskQueueName longer than ${MAX_NAME} characters`;
    }
    if (t === 'reservation.accepted') {
      const agent = firstFieldText(r.fields, ['WorkerSid', 'WorkerName']);
      if (agent === undefined) return 'missing WorkerSid and WorkerName on reservation.accepted';
      if (agent.length > MAX_SID) return `WorkerSid longer than ${MAX_SID} characters`;
    }
    if (t === 'worker.activity.update') {
      const sid = fieldText(r.fields, 'WorkerSid');
      if (sid === undefined) return 'missing WorkerSid on worker.activity.update';
      if (sid.length > MAX_SID) return `WorkerSid longer than ${MAX_SID} characters`;
      if (firstFieldText(r.fields, ['WorkerActivityName', 'WorkerActivitySid']) === undefined) return 'missing WorkerActivityName on worker.activity.update';
    }
    return null;
  }

  /** Emit the task's canonical events of these types, unless another TaskRouter event already did. */
  function taskEvents(r: TaskRouterRecord, wanted: { type: ContactType; make: (id: string) => CanonicalEvent }[]): Outcome {
    const taskSid = fieldText(r.fields, 'TaskSid')!;
    const key = sourceKey(r);
    const state = tasks.get(taskSid) ?? { emittedBy: {} };
    const events: CanonicalEvent[] = [];
    for (const w of wanted) {
      const by = state.emittedBy[w.type];
      if (by !== undefined && by !== key) continue;
      state.emittedBy[w.type] = key;
      events.push(w.make(`tr:${taskSid}:${w.type}`));
    }
    tasks.set(taskSid, state);
    return events.length > 0 ? { events } : { events, ignored: TR_IGNORED.repeated };
  }

  function mapRecord(r: TaskRouterRecord): Outcome {
    const t = r.eventType;
    const ts = r.ts;
    const contactId = fieldText(r.fields, 'TaskSid') ?? '';
    const ended = { type: 'contact.ended' as const, make: (id: string): CanonicalEvent => ({ v: 1, id, type: 'contact.ended', ts, contactId }) };
    switch (t) {
      case 'task.created':
      case 'task-queue.entered': {
        const queue = queueOf(r);
        if (queue === undefined) return { events: [], ignored: TR_IGNORED.noQueue };
        const channel = channelOf(r, queue);
        // No queue.config: a queue is known from its contacts (with its first contact's channel) unless configured
        // elsewhere, and a TaskQueue's tasks name no threshold that could replace a configured one.
        return taskEvents(r, [{ type: 'contact.queued', make: (id) => ({ v: 1, id, type: 'contact.queued', ts, contactId, channel, queue }) }]);
      }
      case 'reservation.accepted': {
        const agentId = firstFieldText(r.fields, ['WorkerSid', 'WorkerName'])!;
        return withWorker(taskEvents(r, [{ type: 'contact.answered', make: (id) => ({ v: 1, id, type: 'contact.answered', ts, contactId, agentId }) }]), taskPhase(r, contactId, Phase.Talking, namedChannel(r)));
      }
      case 'reservation.wrapup':
      case 'task.wrapup':
        return withWorker(taskEvents(r, [ended]), taskPhase(r, contactId, Phase.WrappingUp, null));
      case 'reservation.completed':
      case 'task.completed':
        return withWorker(
          taskEvents(r, [ended, { type: 'contact.wrapup-ended', make: (id) => ({ v: 1, id, type: 'contact.wrapup-ended', ts, contactId }) }]),
          taskPhase(r, contactId, Phase.Done, null),
        );
      case 'task.canceled':
      case 'task.transfer-failed':
      case 'workflow.timeout': {
        const answered = tasks.get(contactId)?.emittedBy['contact.answered'] !== undefined;
        // accepted, then canceled: the task is over, and so is the worker's part in it (no wrap-up follows)
        if (answered) return withWorker(taskEvents(r, [ended]), taskPhase(r, contactId, Phase.Done, null));
        if (!abandonOn.includes(t)) {
          // Not an abandon by this mapping; it still left the queue. workflow.timeout is followed by task.canceled.
          if (t === 'workflow.timeout') return { events: [], ignored: TR_IGNORED.notAbandon(t) };
          const out = taskEvents(r, [ended]);
          return 'events' in out ? { events: out.events, ignored: TR_IGNORED.notAbandon(t) } : out;
        }
        return taskEvents(r, [{ type: 'contact.abandoned', make: (id) => ({ v: 1, id, type: 'contact.abandoned', ts, contactId }) }, ended]);
      }
      case 'task.deleted':
      case 'task.system-deleted':
        // nothing for the contact; a worker still on the task is not any more
        return withWorker({ events: [], ignored: t }, taskPhase(r, contactId, Phase.Done, null));
      case 'worker.activity.update': {
        const agentId = fieldText(r.fields, 'WorkerSid')!;
        const activity = firstFieldText(r.fields, ['WorkerActivityName', 'WorkerActivitySid'])!;
        const state = activities[activity.toLowerCase()] ?? 'not-ready';
        const w = workerOf(agentId);
        w.activity = { state, reason: state === 'not-ready' ? activity.slice(0, MAX_REASON) : null };
        return { events: workerEvent(agentId, w, r, true) };
      }
      case 'worker.capacity.update': {
        const agentId = fieldText(r.fields, 'WorkerSid');
        const channel = namedChannel(r);
        const capacity = Number(fieldText(r.fields, 'WorkerChannelCapacity'));
        if (agentId === undefined || agentId.length > MAX_SID || channel === null || !Number.isInteger(capacity) || capacity < 0 || capacity > 50) return { events: [], ignored: t };
        const w = workerOf(agentId);
        w.capacity[channel] = capacity;
        return { events: workerEvent(agentId, w, r, false) };
      }
      default:
        return { events: [], ignored: NO_CONTACT_CHANGE.has(t) ? t : TR_IGNORED.otherType };
    }
  }

  /**
   * The worker's state the task's events change, then those events: a worker first seen on an acceptance is on
   * the floor before the answer that names it, so the floor knows which contact it holds.
   */
  function withWorker(out: Outcome, agent: CanonicalEvent[]): Outcome {
    if ('reason' in out || agent.length === 0) return out;
    return { events: [...agent, ...out.events], ...(out.ignored !== undefined && out.events.length > 0 ? { ignored: out.ignored } : {}) };
  }

  /** Map the records of one line: all of them, or (one unreadable or incomplete) none. */
  function mapReads(reads: RecordRead[]): Outcome {
    const records: TaskRouterRecord[] = [];
    let foreign = 0;
    for (let i = 0; i < reads.length; i++) {
      const rd = reads[i];
      const where = reads.length > 1 ? `event ${i + 1} of ${reads.length}: ` : '';
      if (rd.status === 'refused') return { reason: where + rd.reason };
      if (rd.status === 'foreign') {
        foreign++;
        continue;
      }
      const why = check(rd.record);
      if (why !== null) return { reason: where + why };
      records.push(rd.record);
    }
    for (let i = 0; i < foreign; i++) count(TR_IGNORED.foreign);
    const events: CanonicalEvent[] = [];
    for (const r of records) {
      const out = mapRecord(r);
      if ('reason' in out) return out; // mapRecord does not refuse after check(); kept for safety
      if (out.ignored !== undefined) count(out.ignored);
      events.push(...out.events);
    }
    return { events };
  }

  function parse(lines: SourceLine[]): ParsedLine[] {
    const out: ParsedLine[] = [];
    for (const line of lines) {
      const text = lineText(line, out, MAX_EVENT_LINE_LENGTH, MAX_BATCH_LINE_LENGTH);
      if (text === null) continue;
      const position = line.position;
      let r: Outcome;
      try {
        const read = readTaskRouterLine(text);
        r = read.kind === 'refused' ? { reason: read.reason } : mapReads(read.kind === 'single' ? [read.read] : read.reads);
      } catch (e) {
        r = { reason: `adapter error: ${(e as Error).message}` };
      }
      // A refused line is kept in quarantine up to the length of one event (a batch may be longer).
      out.push('reason' in r ? { position, text: text.slice(0, MAX_EVENT_LINE_LENGTH), reason: r.reason } : { position, text, events: r.events });
    }
    return out;
  }

  return {
    format: 'taskrouter',
    ignored,
    abandonOn,
    get trackedTasks() {
      return tasks.size;
    },
    parse,
  };
}
