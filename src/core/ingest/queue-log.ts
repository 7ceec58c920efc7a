/**
 * Asterisk queue_log (app_queue's log file, one event a line: `epoch|callid|queuename|agent|EVENT|data1|...`)
 * mapped to canonical contact and agent-state events. docs/feeds/queue-log.md has the mapping table and the
 * reasons behind each choice; the doc comments below repeat the ones that shape the code.
 *
 * - A contact is one call in one queue: contactId = `<callid>@<queue>`. The same call transferred to another
 *   queue is a new contact there, as Asterisk counts it (a new ENTERQUEUE).
 * - Every event's time is the line's epoch (UTC seconds, maybe fractional); the durations in the data fields are
 *   checked (they must be whole numbers where Asterisk always writes them) but not used: waits come from the
 *   ENTERQUEUE and CONNECT/ABANDON epochs, so they keep the log's sub-second precision.
 * - Events carry no id: the store tells a duplicate by its effect (dedupe 'by-effect': an event that changes no
 *   stored contact or agent interval), so the same line read again, from any offset of any copy of the file, adds
 *   nothing.
 * - queue_log only says what changed for an agent (PAUSE, CONNECT, COMPLETE...); the adapter keeps each agent's
 *   pause, memberships and calls in memory across batches (queue-log-agents.ts), and after a restart starts from
 *   the agent's last state as the store knows it (`ctx.agentState`).
 * - A line is refused before anything is remembered (fields, verb, its data checks), so a refused line never
 *   moves an agent's state.
 *
 * The hot path reads a line in place (queue-log-fields.ts): it finds the `|` separators with indexOf and checks
 * the epoch, verb and whole-number fields char by char, cutting out only the substrings an event keeps (callid,
 * queue, agent, a pause reason); a line makes no intermediate arrays, closures or result objects.
 */
import type { CanonicalEvent, EventOf } from '../model/events';
import type { ParsedLine } from '../store/store';
import type { AdapterContext, FeedAdapter } from './adapter';
import { BoundedMap, ignoredCounter } from './adapter-memory';
import {
  agentStateEvent,
  agentStateEvents,
  callConnected,
  callEnded,
  DEFAULT_MAX_TRACKED_AGENTS,
  joinQueue,
  memberAdded,
  memberRemoved,
  newAgentMemory,
  pausedFor,
  unpaused,
  type AgentMemory,
} from './queue-log-agents';
import { badEpoch, badVerb, dataText, EMPTY_VERB, epochMs, fieldCountReason, fieldLengthReason, fieldText, isNoCallIdAt, isNoneAt, isVerbWord, PIPE } from './queue-log-fields';
import { dataReason, Kind, knownVerb, reportedWaitSeconds } from './queue-log-verbs';
import { lineText, type SourceLine } from './source-lines';

/** Distinct `unknown verb X` kinds counted in `ignored`; further ones go under UNKNOWN_VERB_OVERFLOW. */
export const MAX_UNKNOWN_VERB_KINDS = 50;
export const UNKNOWN_VERB_OVERFLOW = 'unknown verb (more kinds)';

export interface QueueLogOptions {
  /**
   * How EXITWITHKEY (the caller pressed a key to leave the queue, usually to voicemail or a callback) counts.
   * 'left' (default, as Asterisk): the contact ends, not answered and not abandoned. 'abandoned': as an abandon.
   */
  exitWithKey?: 'left' | 'abandoned';
  /** Only these queues are read; lines of other queues are kept raw and counted as `other queue`. */
  queues?: readonly string[];
  /** Agents remembered across batches (the least recently seen forgotten first); default 20,000. */
  maxTrackedAgents?: number;
}

export interface QueueLogAdapter extends FeedAdapter {
  readonly format: 'queue_log';
  readonly dedupe: 'by-effect';
  readonly ignored: ReadonlyMap<string, number>;
}

type ContactEndType = 'contact.abandoned' | 'contact.ended' | 'contact.wrapup-ended';

function contactEvent<T extends ContactEndType>(type: T, ts: number, contactId: string): EventOf<T> {
  return { v: 1, type, ts, contactId } as EventOf<T>;
}

function kept(position: number, text: string, events: CanonicalEvent[]): ParsedLine {
  return { position, text, events };
}

function refused(position: number, text: string, reason: string): ParsedLine {
  return { position, text, reason };
}

export function createQueueLogAdapter(ctx: AdapterContext, options: QueueLogOptions = {}): QueueLogAdapter {
  const { ignored, count } = ignoredCounter();
  const agents = new BoundedMap<string, AgentMemory>(Math.max(1, options.maxTrackedAgents ?? DEFAULT_MAX_TRACKED_AGENTS));
  const onlyQueues = options.queues ? new Set(options.queues) : null;
  const exitWithKeyAbandons = options.exitWithKey === 'abandoned';
  let unknownKinds = 0;

  function unknownVerbKind(verb: string): string {
    const kind = `unknown verb ${verb}`;
    if (ignored.has(kind)) return kind;
    if (unknownKinds >= MAX_UNKNOWN_VERB_KINDS) return UNKNOWN_VERB_OVERFLOW;
    unknownKinds++;
    return kind;
  }

  /** The agent's memory, written back as just seen: beyond maxTrackedAgents the least recently seen is forgotten. */
  function agentSeen(agentId: string): AgentMemory {
    const m = agents.get(agentId) ?? newAgentMemory(agentId, ctx.agentState(agentId));
    agents.set(agentId, m);
    return m;
  }

  /** One line through the preamble (trimmed, not blank, not over-long): its events, or the reason it is refused. */
  function readLine(position: number, text: string): ParsedLine {
    const p1 = text.indexOf(PIPE);
    const p2 = p1 < 0 ? -1 : text.indexOf(PIPE, p1 + 1);
    const p3 = p2 < 0 ? -1 : text.indexOf(PIPE, p2 + 1);
    const p4 = p3 < 0 ? -1 : text.indexOf(PIPE, p3 + 1);
    if (p4 < 0) return refused(position, text, fieldCountReason(p1 < 0 ? 1 : p2 < 0 ? 2 : p3 < 0 ? 3 : 4));
    const ts = epochMs(text, p1);
    if (Number.isNaN(ts)) return refused(position, text, badEpoch(text, p1));
    const p5 = text.indexOf(PIPE, p4 + 1);
    const verbEnd = p5 < 0 ? text.length : p5;
    if (verbEnd === p4 + 1) return refused(position, text, EMPTY_VERB);
    const spec = knownVerb(text, p4 + 1, verbEnd);
    if (spec === undefined && !isVerbWord(text, p4 + 1, verbEnd)) return refused(position, text, badVerb(text, p4 + 1, verbEnd));
    const tooLong = fieldLengthReason(p1, p2, p3, p4);
    if (tooLong !== null) return refused(position, text, tooLong);
    if (spec === undefined) return otherVerb(position, text, text.slice(p4 + 1, verbEnd));
    const verb = spec.name;
    if (spec.kind === Kind.Ignored) {
      count(verb);
      return kept(position, text, []);
    }
    if (spec.call && isNoCallIdAt(text, p1 + 1, p2)) return refused(position, text, `${verb}: needs a call id, got ${fieldText(text, p1 + 1, p2)}`);
    const queueNone = isNoneAt(text, p2 + 1, p3);
    if (spec.queue && queueNone) return refused(position, text, `${verb}: needs a queue name, got NONE`);
    const agentNone = isNoneAt(text, p3 + 1, p4);
    if (spec.agent && agentNone) return refused(position, text, `${verb}: needs an agent, got NONE`);
    const bad = dataReason(text, spec, p5);
    if (bad !== null) return refused(position, text, bad);
    const queue = queueNone ? 'NONE' : text.slice(p2 + 1, p3);
    if (onlyQueues !== null && !queueNone && !onlyQueues.has(queue)) {
      count('other queue');
      return kept(position, text, []);
    }

    // Only from here on is memory changed.
    switch (spec.kind) {
      case Kind.Ring:
        // RINGNOANSWER and RINGCANCELED are checked (their ring time must read) but map to nothing.
        count(verb);
        return kept(position, text, []);
      case Kind.EnterQueue: {
        const contactId = `${fieldText(text, p1 + 1, p2)}@${queue}`;
        return kept(position, text, [{ v: 1, type: 'contact.queued', ts, contactId, channel: ctx.queueChannel(queue), queue }]);
      }
      case Kind.Connect: {
        const contactId = `${fieldText(text, p1 + 1, p2)}@${queue}`;
        const agentId = text.slice(p3 + 1, p4);
        const m = agentSeen(agentId);
        callConnected(m, contactId, ts, queue, ctx.queueChannel(queue));
        const answered: CanonicalEvent = { v: 1, type: 'contact.answered', ts, contactId, agentId, waitSeconds: reportedWaitSeconds(text, spec, p5) };
        const state = agentStateEvent(m, ts);
        return kept(position, text, state === null ? [answered] : [answered, state]);
      }
      case Kind.EndCall: {
        // The end of a call in the queue: ended and, as queue_log records no after-call work, wrapped up.
        const contactId = `${fieldText(text, p1 + 1, p2)}@${queue}`;
        const ended = contactEvent('contact.ended', ts, contactId);
        const wrapped = contactEvent('contact.wrapup-ended', ts, contactId);
        if (agentNone) return kept(position, text, [ended, wrapped]);
        const m = agentSeen(text.slice(p3 + 1, p4));
        callEnded(m, contactId);
        const state = agentStateEvent(m, ts);
        return kept(position, text, state === null ? [ended, wrapped] : [ended, wrapped, state]);
      }
      case Kind.Abandon:
      case Kind.ExitWithKey: {
        // EXITWITHKEY: the caller chose to leave, not an abandon unless asked (exitWithKey: 'abandoned').
        const contactId = `${fieldText(text, p1 + 1, p2)}@${queue}`;
        const waitSeconds = reportedWaitSeconds(text, spec, p5);
        if (spec.kind === Kind.ExitWithKey && !exitWithKeyAbandons) {
          return kept(position, text, [{ v: 1, type: 'contact.ended', ts, contactId, waitSeconds }]);
        }
        const abandoned: CanonicalEvent = { v: 1, type: 'contact.abandoned', ts, contactId, waitSeconds };
        return kept(position, text, [abandoned, contactEvent('contact.ended', ts, contactId)]);
      }
      case Kind.Login: {
        const m = agentSeen(text.slice(p3 + 1, p4));
        m.loggedOut = false;
        if (!queueNone) joinQueue(m, queue, ctx.queueChannel(queue));
        return kept(position, text, agentStateEvents(m, ts));
      }
      case Kind.Logoff: {
        const m = agentSeen(text.slice(p3 + 1, p4));
        m.loggedOut = true;
        return kept(position, text, agentStateEvents(m, ts));
      }
      case Kind.AddMember: {
        const m = agentSeen(text.slice(p3 + 1, p4));
        memberAdded(m, queue, ctx.queueChannel(queue), dataText(text, p5, 0).trim().toUpperCase() === 'PAUSED');
        return kept(position, text, agentStateEvents(m, ts));
      }
      case Kind.RemoveMember: {
        const m = agentSeen(text.slice(p3 + 1, p4));
        memberRemoved(m, queue);
        return kept(position, text, agentStateEvents(m, ts));
      }
      case Kind.Pause: {
        const m = agentSeen(text.slice(p3 + 1, p4));
        pausedFor(m, dataText(text, p5, 0));
        if (!queueNone) joinQueue(m, queue, ctx.queueChannel(queue)); // a pause is of a membership
        return kept(position, text, agentStateEvents(m, ts));
      }
      case Kind.Unpause: {
        const m = agentSeen(text.slice(p3 + 1, p4));
        unpaused(m);
        return kept(position, text, agentStateEvents(m, ts));
      }
      default:
        return refused(position, text, `adapter error: no mapping for ${verb}`);
    }
  }

  /**
   * A verb word the adapter does not read (a custom `QueueLog()` event): kept raw and counted, whatever the word
   * (`constructor` and `__proto__` included).
   */
  function otherVerb(position: number, text: string, verb: string): ParsedLine {
    count(unknownVerbKind(verb));
    return kept(position, text, []);
  }

  function parse(lines: SourceLine[]): ParsedLine[] {
    const out: ParsedLine[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const text = lineText(line, out);
      if (text === null) continue;
      const position = line.position;
      try {
        out.push(readLine(position, text));
      } catch (e) {
        // A throw would be a bug (or the context's); it still costs one line, not the batch.
        out.push(refused(position, text, `adapter error: ${(e as Error).message}`));
      }
    }
    return out;
  }

  return { format: 'queue_log', dedupe: 'by-effect', ignored, parse };
}
