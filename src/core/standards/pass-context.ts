/**
 * What the passes of one evaluation share: the floor and the rules that judge a contact (EvaluationContext), what
 * sets one pass apart from another (PassSpec), and how a judged contact counts in a pass: in its groups (the
 * center, its channel, its queue when a standard reads queues) and in the first responses at risk. A cached pass
 * and a pass from scratch both count through here, so they cannot count a contact differently.
 */
import type { Channel, Contact } from '../model/types';
import { addJudged, judgeContact, type ContactRules } from './contact-figures';
import { group, latestInstant, MINUTE_MS, type Group, type Judged } from './evaluation-cache';
import type { FloorFacts } from './floor-facts';
import type { Standard } from './standard';

/** A first response due within this long is at risk. */
export const AT_RISK_MS = 15 * MINUTE_MS;

/** Per channel: first responses at risk, and the next deadline among them. */
export type Risks = Map<Channel, { count: number; next: number | null }>;

/** A pass's figures: per group key ('center', a channel, 'queue:<name>'), and its first responses at risk. */
export interface PassResult {
  start: number;
  groups: Map<string, Group>;
  risks: Risks;
}

/** The pass of a standard: worked out once for every standard sharing its key. */
export type Pass = (s: Standard) => PassResult;

/** What judges the contacts of one pass: the options of the first standard that asked for it (its key's). */
export interface PassSpec {
  s: Standard;
  key: string;
  start: number;
  /** The channel a channel (or queue) standard reads; null: every channel (the center's). */
  channel: Channel | null;
  shortAbandonMs: number;
  /** The waits are listed (a wait percentile reads this pass). */
  keepWaits: boolean;
  /** Next-response waits are judged (a next-response standard reads this pass). */
  keepNext: boolean;
  /** First-response deadlines are judged (a first-response standard reads this pass: they keep an email contact
   * unsettled for a day). */
  deadlines: boolean;
}

export interface EvaluationContext {
  f: FloorFacts;
  rules: ContactRules;
  /** Some standard reads a queue: contacts count in their queue's group too. */
  needsQueues: boolean;
  /** A queue's group key, made once an evaluation. */
  queueKey: (queue: string) => string;
  /** Every held contact, copied once an evaluation and only when asked (a cached evaluation mostly does without). */
  allContacts: () => readonly Contact[];
}

export function judge(ctx: EvaluationContext, p: PassSpec, stored: Contact): Judged {
  return judgeContact(ctx.rules, p.s, stored, ctx.f.now, p.shortAbandonMs, p.keepNext, p.deadlines);
}

/** Whether a contact's figures no longer move with the clock: out of the queue, its first response judged, nothing after now. */
export function settled(j: Judged, now: number): boolean {
  return j.k.outcome !== 'waiting' && (j.deadline === 0 || j.within || j.breached) && latestInstant(j.c) <= now;
}

/**
 * Add (sign 1) or take away (sign -1) a judged contact's figures in its groups. `waits`: its wait in the waits
 * and the longest waits too (only ever added: a contact whose wait changes rebuilds its cached pass).
 */
export function contribute(ctx: EvaluationContext, groups: Map<string, Group>, j: Judged, sign: 1 | -1, waits: boolean, keepWaits: boolean): void {
  addJudged(group(groups, 'center'), j, sign, waits, keepWaits);
  addJudged(group(groups, j.c.channel), j, sign, waits, keepWaits);
  if (ctx.needsQueues) addJudged(group(groups, ctx.queueKey(j.c.queue)), j, sign, waits, keepWaits);
}

/** First responses due within the next AT_RISK_MS: contacts that will breach unless an agent answers them now. */
function noteAtRisk(risks: Risks, j: Judged, now: number): void {
  const c = j.c;
  if (j.deadline === 0 || c.firstResponseAt !== null || c.abandonedAt !== null || c.endedAt !== null) return;
  if (j.deadline <= now || j.deadline > now + AT_RISK_MS) return;
  const r = risks.get(c.channel) ?? { count: 0, next: null };
  r.count++;
  r.next = r.next === null ? j.deadline : Math.min(r.next, j.deadline);
  risks.set(c.channel, r);
}

/** A contact judged now that still moves with the clock: added straight into the pass's figures and its risks. */
export function addLive(ctx: EvaluationContext, groups: Map<string, Group>, risks: Risks, j: Judged, keepWaits: boolean): void {
  contribute(ctx, groups, j, 1, true, keepWaits);
  noteAtRisk(risks, j, ctx.f.now);
}
