/**
 * The queue_log verbs the adapter reads: for each, what its line maps to (Kind), which fixed fields it needs, and
 * the checks of its data fields, which run before anything is remembered so that a refused line never moves an
 * agent's state. A verb is looked up by its length and first character without cutting it out of the line.
 */
import { dataStart, fieldEnd, isWhole, quote } from './queue-log-fields';
import { MAX_REPORTED_WAIT_SECONDS } from '../model/events';

/**
 * Verbs read and understood that carry nothing for the floor: kept raw, counted in `ignored` under their name.
 * A ring that was not answered (RINGNOANSWER, RINGCANCELED) changes no contact and no agent state: an agent that
 * Asterisk auto-pauses after it gets its own PAUSE line.
 */
const IGNORED_VERBS: ReadonlySet<string> = new Set([
  'QUEUESTART',
  'CONFIGRELOAD',
  'SYSCOMPAT',
  'DID',
  'INFO',
  'PENALTY',
  'RINGINUSE',
  'OUTCALL',
  'AGENTDUMP',
  'RINGNOANSWER',
  'RINGCANCELED',
]);

/** What a line of a verb maps to (see the switch in the adapter). */
export const enum Kind {
  EnterQueue,
  Connect,
  /** COMPLETE*, TRANSFER, BLINDTRANSFER, ATTENDEDTRANSFER: the call ended with its agent. */
  EndCall,
  /** ABANDON, EXITWITHTIMEOUT, EXITEMPTY, WITHDRAW. */
  Abandon,
  ExitWithKey,
  /** RINGNOANSWER, RINGCANCELED: checked, then ignored. */
  Ring,
  Login,
  Logoff,
  AddMember,
  RemoveMember,
  Pause,
  Unpause,
  /** IGNORED_VERBS without checks: counted under their name. */
  Ignored,
}

/** The checks of a verb's data fields, before anything is remembered: a refused line must not move an agent's state. */
const enum Check {
  None,
  /** holdtime (data1), ringtime (data3) when present. */
  Connect,
  /** holdtime, calltime from data1. */
  HoldCall1,
  /** holdtime, calltime from data3. */
  HoldCall3,
  /** `BRIDGE|id` or `APP|app` then holdtime|calltime|origpos; `LINK|chan1|chan2` then the same; another form unchecked. */
  AttendedTransfer,
  /** waittime (data3). */
  Wait3,
  /** waittime (data4) when present: older Asterisk writes only key|position. */
  ExitWithKey,
  /** ring time (data1) in milliseconds. */
  Ring,
  /** logintime (data2) when present. */
  Logoff,
}

/** What a verb needs of the fixed fields, and the checks of its data fields (docs/feeds/queue-log.md). */
export interface VerbSpec {
  readonly name: string;
  /** Its first char code, tried before the whole name. */
  readonly first: number;
  readonly kind: Kind;
  readonly call: boolean;
  readonly queue: boolean;
  readonly agent: boolean;
  readonly check: Check;
}

const CALL = 1;
const QUEUE = 2;
const AGENT = 4;

function verbSpecs(kind: Kind, needs: number, check: Check, ...names: string[]): VerbSpec[] {
  return names.map((name) => ({ name, first: name.charCodeAt(0), kind, call: (needs & CALL) !== 0, queue: (needs & QUEUE) !== 0, agent: (needs & AGENT) !== 0, check }));
}

/**
 * The verbs the adapter maps, grouped by what they map to, what they need and how their data is checked
 * (docs/feeds/queue-log.md has the table with Asterisk's field names).
 */
const MAPPED_VERBS: readonly VerbSpec[] = [
  ...verbSpecs(Kind.EnterQueue, CALL | QUEUE, Check.None, 'ENTERQUEUE'),
  ...verbSpecs(Kind.Connect, CALL | QUEUE | AGENT, Check.Connect, 'CONNECT'),
  ...verbSpecs(Kind.EndCall, CALL | QUEUE, Check.HoldCall1, 'COMPLETECALLER', 'COMPLETEAGENT'),
  ...verbSpecs(Kind.EndCall, CALL | QUEUE, Check.HoldCall3, 'TRANSFER', 'BLINDTRANSFER'),
  ...verbSpecs(Kind.EndCall, CALL | QUEUE, Check.AttendedTransfer, 'ATTENDEDTRANSFER'),
  ...verbSpecs(Kind.Abandon, CALL | QUEUE, Check.Wait3, 'ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY', 'WITHDRAW'),
  ...verbSpecs(Kind.ExitWithKey, CALL | QUEUE, Check.ExitWithKey, 'EXITWITHKEY'),
  ...verbSpecs(Kind.Ring, CALL | QUEUE, Check.Ring, 'RINGNOANSWER', 'RINGCANCELED'),
  ...verbSpecs(Kind.Login, AGENT, Check.None, 'AGENTLOGIN', 'AGENTCALLBACKLOGIN'),
  ...verbSpecs(Kind.Logoff, AGENT, Check.Logoff, 'AGENTLOGOFF', 'AGENTCALLBACKLOGOFF'),
  ...verbSpecs(Kind.AddMember, AGENT | QUEUE, Check.None, 'ADDMEMBER'),
  ...verbSpecs(Kind.RemoveMember, AGENT | QUEUE, Check.None, 'REMOVEMEMBER'),
  ...verbSpecs(Kind.Pause, AGENT, Check.None, 'PAUSE', 'PAUSEALL'),
  ...verbSpecs(Kind.Unpause, AGENT, Check.None, 'UNPAUSE', 'UNPAUSEALL'),
];

/** Every verb read (mapped, then the other IGNORED_VERBS), by the length of its name. */
const VERBS_BY_LENGTH: readonly (readonly VerbSpec[])[] = (() => {
  const all = [...MAPPED_VERBS];
  for (const name of IGNORED_VERBS) if (!all.some((s) => s.name === name)) all.push(...verbSpecs(Kind.Ignored, 0, Check.None, name));
  const byLength: VerbSpec[][] = [];
  for (let n = 0; n <= Math.max(...all.map((s) => s.name.length)); n++) byLength.push([]);
  for (const s of all) byLength[s.name.length].push(s);
  return byLength;
})();

/** The verb `text[s, e)` if it is one the adapter reads, else undefined. */
export function knownVerb(text: string, s: number, e: number): VerbSpec | undefined {
  const n = e - s;
  if (n >= VERBS_BY_LENGTH.length) return undefined;
  const candidates = VERBS_BY_LENGTH[n];
  const c = text.charCodeAt(s);
  for (let k = 0; k < candidates.length; k++) {
    const spec = candidates[k];
    if (spec.first === c && text.startsWith(spec.name, s)) return spec;
  }
  return undefined;
}

/** A data field Asterisk always writes: missing or not whole is a reason. */
function requireWhole(text: string, verb: string, p5: number, index: number, what: string, unit = 'whole seconds'): string | null {
  const s = dataStart(text, p5, index);
  const e = s < 0 ? s : fieldEnd(text, s);
  if (e === s) return `${verb}: missing ${what} (data${index + 1})`;
  if (!isWhole(text, s, e)) return `${verb}: ${what} (data${index + 1}) must be ${unit}, got ${quote(text.slice(s, e))}`;
  return null;
}

function optionalWhole(text: string, verb: string, p5: number, index: number, what: string): string | null {
  const s = dataStart(text, p5, index);
  const e = s < 0 ? s : fieldEnd(text, s);
  if (e === s || isWhole(text, s, e)) return null;
  return `${verb}: ${what} (data${index + 1}) must be whole seconds, got ${quote(text.slice(s, e))}`;
}

function holdAndCall(text: string, verb: string, p5: number, hold: number): string | null {
  return requireWhole(text, verb, p5, hold, 'holdtime') ?? requireWhole(text, verb, p5, hold + 1, 'calltime');
}

/**
 * The wait Asterisk wrote in the line's own field, seconds, as its reporting tools read it (docs/feeds.md "Waits from
 * the fields"): CONNECT's holdtime (data1), ABANDON's, EXITWITHTIMEOUT's, EXITEMPTY's and WITHDRAW's waittime (data3),
 * EXITWITHKEY's waittime (data4, absent in older Asterisk); undefined where the field is missing, not whole seconds
 * or over a week (the line's timestamps then give the wait). Checked lines only (dataReason passed).
 */
export function reportedWaitSeconds(text: string, spec: VerbSpec, p5: number): number | undefined {
  const index = spec.check === Check.Connect ? 0 : spec.check === Check.Wait3 ? 2 : spec.check === Check.ExitWithKey ? 3 : -1;
  if (index < 0) return undefined;
  const s = dataStart(text, p5, index);
  const e = s < 0 ? s : fieldEnd(text, s);
  const seconds = e > s && isWhole(text, s, e) ? Number(text.slice(s, e)) : NaN;
  return seconds <= MAX_REPORTED_WAIT_SECONDS ? seconds : undefined;
}

/** The data fields' checks of a verb: the first reason, or null. */
export function dataReason(text: string, spec: VerbSpec, p5: number): string | null {
  return spec.check === Check.None ? null : checkData(text, spec, p5);
}

function checkData(text: string, spec: VerbSpec, p5: number): string | null {
  const verb = spec.name;
  switch (spec.check) {
    case Check.None:
      return null;
    case Check.Connect:
      return requireWhole(text, verb, p5, 0, 'holdtime') ?? optionalWhole(text, verb, p5, 2, 'ringtime');
    case Check.HoldCall1:
      return holdAndCall(text, verb, p5, 0);
    case Check.HoldCall3:
      return holdAndCall(text, verb, p5, 2);
    case Check.AttendedTransfer: {
      const s = dataStart(text, p5, 0);
      if (s < 0) return null;
      const n = fieldEnd(text, s) - s;
      if ((n === 6 && text.startsWith('BRIDGE', s)) || (n === 3 && text.startsWith('APP', s))) return holdAndCall(text, verb, p5, 2);
      if (n === 4 && text.startsWith('LINK', s)) return holdAndCall(text, verb, p5, 3);
      // An older or unknown form: the transfer still ended the call in the queue; its numbers are not read.
      return null;
    }
    case Check.Wait3:
      return requireWhole(text, verb, p5, 2, 'waittime');
    case Check.ExitWithKey:
      return optionalWhole(text, verb, p5, 3, 'waittime');
    case Check.Ring:
      return requireWhole(text, verb, p5, 0, 'ring time', 'whole milliseconds');
    case Check.Logoff:
      return optionalWhole(text, verb, p5, 1, 'logintime');
  }
}
