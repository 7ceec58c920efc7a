/**
 * The passes of one evaluation: one pass over the contacts per distinct (window start, scope channel, T, short
 * abandons, clock, bot replies), shared by the standards that have them in common and worked out at most once.
 * With the engine's cache a pass is brought up to date from the one kept (cached-pass.ts); else the window's
 * contacts are judged one by one. Either way a contact counts through pass-context.ts.
 */
import type { StandardsSet } from '../../shared/standards';
import { DEFAULT_SHORT_ABANDON_SECONDS, type Channel, type Contact } from '../model/types';
import { CachedPasses } from './cached-pass';
import type { ContactRules } from './contact-figures';
import type { Group, Timeline } from './evaluation-cache';
import { windowStart, type FloorFacts } from './floor-facts';
import { addLive, judge, type EvaluationContext, type Pass, type PassResult, type PassSpec, type Risks } from './pass-context';
import type { Standard } from './standard';

export interface Passes {
  pass: Pass;
  /** The held contacts by minute of entry, when the engine keeps them (FloorFacts.cache). */
  timeline: Timeline | null;
  allContacts: () => readonly Contact[];
  /** Let go of the kept passes no standard asked for this time (after the last standard's pass). */
  finish(): void;
}

export function createPasses(set: StandardsSet, f: FloorFacts, rules: ContactRules): Passes {
  const { queueOf } = rules;
  // a channel (or queue) standard reads only its channel's contacts; the center's read them all
  const scopeChannel = (s: Standard): Channel | null =>
    s.scope.kind === 'channel' ? s.scope.channel : s.scope.kind === 'queue' ? (queueOf.get(s.scope.queue)?.channel ?? null) : null;
  // each standard's pass key, worked out once an evaluation (a set may hold 2,000 standards)
  const passKeys = new Map<Standard, string>();
  const passKey = (s: Standard) => {
    let k = passKeys.get(s);
    if (k === undefined) {
      k = `${windowStart(s, f)}|${scopeChannel(s) ?? '*'}|${s.options.thresholdSeconds ?? ''}|${s.options.shortAbandonSeconds ?? ''}|${s.options.clock ?? 'calendar'}|${s.options.botRepliesCount === true}`;
      passKeys.set(s, k);
    }
    return k;
  };
  const needsWaits = new Set<string>();
  const needsNextResponses = new Set<string>();
  const needsDeadlines = new Set<string>();
  for (const s of set.standards) {
    if (s.metric === 'wait-p50' || s.metric === 'wait-p90') needsWaits.add(passKey(s));
    if (s.metric === 'next-response-time') needsNextResponses.add(passKey(s));
    if (s.metric === 'first-response-within') needsDeadlines.add(passKey(s));
  }
  let everyContact: Contact[] | null = null;
  const queueKeys = new Map<string, string>();
  const ctx: EvaluationContext = {
    f,
    rules,
    needsQueues: set.standards.some((s) => s.scope.kind === 'queue'),
    queueKey: (q) => {
      let k = queueKeys.get(q);
      if (k === undefined) queueKeys.set(q, (k = `queue:${q}`));
      return k;
    },
    allContacts: () => (everyContact ??= [...f.contacts]),
  };
  const cached = f.cache && !f.period ? new CachedPasses(ctx, f.cache) : null;
  // the contacts of each window start and scope, found once (passes sharing them share the list)
  const windows = new Map<string, Contact[]>();
  const windowContacts = (start: number, channel: Channel | null) => {
    const key = `${start}|${channel ?? '*'}`;
    let list = windows.get(key);
    if (!list) windows.set(key, (list = ctx.allContacts().filter((c) => c.queuedAt >= start && c.queuedAt < f.now && (channel === null || c.channel === channel))));
    return list;
  };
  const passes = new Map<string, PassResult>();
  const pass = (s: Standard): PassResult => {
    const key = passKey(s);
    let result = passes.get(key);
    if (result) return result;
    const p: PassSpec = {
      s,
      key,
      start: windowStart(s, f),
      channel: scopeChannel(s),
      shortAbandonMs: (s.options.shortAbandonSeconds ?? DEFAULT_SHORT_ABANDON_SECONDS) * 1000,
      keepWaits: needsWaits.has(key),
      keepNext: needsNextResponses.has(key),
      deadlines: needsDeadlines.has(key),
    };
    result = cached ? cached.pass(p) : passFromScratch(ctx, p, windowContacts(p.start, p.channel));
    passes.set(key, result);
    return result;
  };
  return { pass, timeline: cached ? f.cache!.passes.timeline : null, allContacts: ctx.allContacts, finish: () => cached?.letUnusedGo() };
}

function passFromScratch(ctx: EvaluationContext, p: PassSpec, contacts: readonly Contact[]): PassResult {
  const groups = new Map<string, Group>();
  const risks: Risks = new Map();
  for (const stored of contacts) addLive(ctx, groups, risks, judge(ctx, p, stored), p.keepWaits);
  return { start: p.start, groups, risks };
}
