/**
 * The tallies of an evaluation pass and what the engine keeps of them between evaluations: a pass's groups (one
 * per column: the center, a channel, a queue), the settled contacts' figures per window (EvaluationCache), and the
 * timeline of contacts by minute of entry. How a kept pass is brought up to date is in cached-pass.ts; the
 * definitions are in evaluate.ts.
 */
import { emptyTally, mergeTally, type ContactTally, type classifyContact } from '../metrics/contact-metrics';
import type { OutcomeTally } from '../metrics/outcome-metrics';
import { BinaryHeap } from '../binary-heap';
import type { Channel, Contact } from '../model/types';

/** A group of a pass: its contact tally, waits, first responses, next responses and (OutcomeTally) surveys, resolutions, handle times. */
export interface Group extends OutcomeTally {
  tally: ContactTally;
  waits: number[];
  /** The waits of a cached pass's settled contacts (shared lists, read only): the percentiles read them too. */
  waitParts: (readonly number[])[];
  waitingMaxMs: number;
  frWithin: number;
  frBreached: number;
  /** Next responses: how many, and their waits summed. */
  nextResponses: number;
  nextResponseMs: number;
}

const newGroup = (): Group => ({
  tally: emptyTally(), waits: [], waitParts: [], waitingMaxMs: 0, frWithin: 0, frBreached: 0, nextResponses: 0, nextResponseMs: 0, handled: 0, handleMs: 0,
  csat: 0, satisfied: 0, nps: 0, promoters: 0, detractors: 0, resolved: 0, firstContact: 0, resolutionMs: 0,
});

export const group = (groups: Map<string, Group>, g: string): Group => {
  let grp = groups.get(g);
  if (!grp) groups.set(g, (grp = newGroup()));
  return grp;
};

/** The instants of a contact after its entry that its figures read (with its turns); null: not happened. */
const INSTANT_FIELDS = ['answeredAt', 'abandonedAt', 'endedAt', 'wrapupEndAt', 'firstResponseAt', 'firstAutoResponseAt', 'resolvedAt'] as const;

/** The last instant a contact's figures read (a later one is in the future of an evaluation at an earlier now). */
export function latestInstant(c: Contact): number {
  let t = c.queuedAt;
  for (const k of INSTANT_FIELDS) {
    const v = c[k];
    if (v != null && v > t) t = v;
  }
  const turns = c.turns;
  if (turns && turns.length > 0 && turns[turns.length - 1].at > t) t = turns[turns.length - 1].at;
  return t;
}

/** Windows whose start stays put while the clock runs (until the day or the interval turns). */
export const FIXED_WINDOWS: ReadonlySet<string> = new Set(['today', 'week', 'interval']);

/** Settled contacts' figures: a fixed window's, or one minute of entry of a rolling window's. */
export interface Bucket {
  groups: Map<string, Group>;
  /** Its contacts (rolling windows: to let them go with their minute, and to judge the minute the start falls in). */
  contacts: Contact[] | null;
}

/** A pass kept between evaluations: the settled contacts' figures, and the contacts still moving with the clock. */
export interface CachedPass {
  buckets: Map<number, Bucket>;
  /**
   * Rolling windows: contacts counted in a bucket, as counted (the store's row objects: a changed contact is a new
   * object). A fixed window keeps none (null): a contact of its scope is counted when in none of the maps below,
   * and a changed one counted as the contact it replaced (ContactChanges.previous). A week's would hold a million.
   */
  counted: Map<string, Contact> | null;
  /** Contacts of the window not settled yet and not plainly waiting: a first-response deadline to come, instants
   * after now. */
  pending: Map<string, Contact>;
  /** Contacts of the window plainly waiting (see plainlyWaiting): their figures are their count and oldest entry. */
  waiting: Map<string, Contact>;
  /**
   * Pending contacts whose judgement holds until an instant (out of the queue, awaiting a first response whose
   * deadline is to come): judged again only then or when they change. Waiting contacts are judged every time.
   */
  stable: Map<string, { j: Judged; until: number }>;
  /** First-response deadlines of contacts plainly waiting (async channels, deadline passes), worked out
   * once: a waiting contact is judged every evaluation, its deadline does not move until the contact changes. */
  waitDeadlines: Map<string, number>;
  /**
   * Held judgements summed once instead of added up every evaluation (fixed windows whose pass keeps no waits):
   * a day of email contacts awaiting their first response within 24 business hours. Each is taken out of the
   * sums when it runs out (its deadline, its next instant, or the moment it comes at risk) or its contact changes.
   */
  quiet: Map<string, QuietJudgement>;
  quietGroups: Map<string, Group>;
  /** Quiet judgements by the instant they run out (those let go before are skipped when they come out). */
  quietUntil: BinaryHeap<QuietJudgement>;
  /** A judgement taken out may have held a group's longest wait (a maximum cannot be taken back): sum again. */
  quietStale: boolean;
  /**
   * Rolling windows: the buckets after the one the window's start falls in, merged (their waits copied), and kept
   * up to date as contacts settle or change in them; merged again when the start reaches another minute. An
   * evaluation then merges one set of groups instead of every minute's (a 60-minute window by queue: 6,000).
   */
  total: Map<string, Group> | null;
  /** The minute the window's start fell in when `total` was merged. */
  totalHead: number;
}

export interface QuietJudgement {
  /** The contact as stored. */
  c: Contact;
  j: Judged;
  until: number;
}

/** Let go of a contact in a pass's unsettled maps, all of them (its quiet judgement is taken out with its sums). */
export function forgetPending(e: CachedPass, id: string): void {
  e.pending.delete(id);
  e.waiting.delete(id);
  e.stable.delete(id);
  e.waitDeadlines.delete(id);
}

export function emptyCachedPass(rolling: boolean): CachedPass {
  return {
    buckets: new Map(), counted: rolling ? new Map() : null, pending: new Map(), waiting: new Map(), stable: new Map(), waitDeadlines: new Map(),
    quiet: new Map(), quietGroups: new Map(), quietUntil: new BinaryHeap((a, b) => a.until < b.until), quietStale: false,
    total: null, totalHead: -1,
  };
}

/** How one contact counts in a pass: its classification, first-response verdict and next-response waits. */
export interface Judged {
  /** The contact as the standard counts it (bot replies or not). */
  c: Contact;
  k: ReturnType<typeof classifyContact>;
  within: boolean;
  breached: boolean;
  /** Its first-response deadline (async channels, in passes with a first-response standard; else 0). */
  deadline: number;
  nextWaits: number[] | null;
  /** Its handle time and whether it is resolved, as of the instant it was judged (see handleTimeMs). */
  handleMs: number | null;
  resolved: boolean;
}

/** In the queue with nothing else known of it: classifyContact would say waiting, and nothing more counts. */
export function plainlyWaiting(c: Contact): boolean {
  // a loop, not every(): no closure per call (it runs for every waiting contact in every pass, every evaluation)
  for (let i = 0; i < INSTANT_FIELDS.length; i++) if (c[INSTANT_FIELDS[i]] != null) return false;
  return !c.turns?.length && c.csat == null && c.nps == null;
}

/** The first instant of a contact's after `t` (the next one its figures read), or Infinity. */
export function nextInstantAfter(c: Contact, t: number): number {
  let next = Infinity;
  for (const k of INSTANT_FIELDS) {
    const v = c[k];
    if (v != null && v > t && v < next) next = v;
  }
  for (const turn of c.turns ?? []) if (turn.at > t && turn.at < next) next = turn.at;
  return next;
}

/**
 * What the engine keeps between evaluations (see FloorFacts.cache): passes of today's, the week's and the
 * interval's windows, valid for one standards version and queue set (`rules`).
 */
export class EvaluationCache {
  readonly entries = new Map<string, CachedPass>();
  readonly timeline = new Timeline();
  rules: string | null = null;
}

export const MINUTE_MS = 60_000;

/** How far back the timeline holds contacts: the longest window read from it (the last 30 minutes' arrivals). */
const TIMELINE_MS = 60 * MINUTE_MS;

/**
 * The contacts queued in the last hour by minute of entry, kept from the changes: recent arrivals without a scan.
 * It holds the last hour only (TIMELINE_MS), not the week: two map entries for each of a million contacts would
 * cost the host some 70 MB for a figure that reads 30 minutes.
 */
export class Timeline {
  private readonly byMinute = new Map<number, Map<string, Contact>>();
  private readonly minuteOf = new Map<string, number>();
  private dayStart = Number.NaN;
  private fromMinute = -Infinity;

  /** Apply the changes since the last evaluation; start again from all contacts on a new day or without them. */
  update(all: () => readonly Contact[], changed: readonly Contact[] | null, dayStart: number, now: number): void {
    const fromMinute = Math.floor((now - TIMELINE_MS) / MINUTE_MS);
    // (a clock set back, as tests do, reads the hour again: the minutes before were let go)
    if (changed === null || dayStart !== this.dayStart || fromMinute < this.fromMinute) {
      this.byMinute.clear();
      this.minuteOf.clear();
      this.dayStart = dayStart;
      this.fromMinute = fromMinute;
      for (const c of all()) this.set(c);
      return;
    }
    if (fromMinute > this.fromMinute) {
      this.fromMinute = fromMinute;
      for (const [m, bucket] of this.byMinute) {
        if (m >= fromMinute) continue;
        for (const id of bucket.keys()) this.minuteOf.delete(id);
        this.byMinute.delete(m);
      }
    }
    for (const c of changed) this.set(c);
  }

  private set(c: Contact): void {
    const m = Math.floor(c.queuedAt / MINUTE_MS);
    const was = this.minuteOf.get(c.id);
    if (was !== undefined && was !== m) {
      this.byMinute.get(was)?.delete(c.id);
      this.minuteOf.delete(c.id);
    }
    if (m < this.fromMinute) return;
    let bucket = this.byMinute.get(m);
    if (!bucket) this.byMinute.set(m, (bucket = new Map()));
    bucket.set(c.id, c);
    this.minuteOf.set(c.id, m);
  }

  /** Contacts queued in [from, to), of one channel or all; `from` no earlier than TIMELINE_MS before now. */
  between(from: number, to: number, channel: Channel | null): Contact[] {
    const out: Contact[] = [];
    const last = Math.floor((to - 1) / MINUTE_MS);
    for (let m = Math.max(this.fromMinute, Math.floor(from / MINUTE_MS)); m <= last; m++) {
      const bucket = this.byMinute.get(m);
      if (bucket) for (const c of bucket.values()) if (c.queuedAt >= from && c.queuedAt < to && (channel === null || c.channel === channel)) out.push(c);
    }
    return out;
  }
}

/** Add a bucket's group to a result's group (waits by reference: the bucket's list is not copied). */
export function mergeGroup(into: Group, from: Group): void {
  mergeTally(into.tally, from.tally);
  if (from.waits.length > 0) into.waitParts.push(from.waits);
  into.waitingMaxMs = Math.max(into.waitingMaxMs, from.waitingMaxMs);
  into.frWithin += from.frWithin;
  into.frBreached += from.frBreached;
  into.csat += from.csat;
  into.satisfied += from.satisfied;
  into.nps += from.nps;
  into.promoters += from.promoters;
  into.detractors += from.detractors;
  into.resolved += from.resolved;
  into.firstContact += from.firstContact;
  into.resolutionMs += from.resolutionMs;
  into.nextResponses += from.nextResponses;
  into.nextResponseMs += from.nextResponseMs;
  into.handled += from.handled;
  into.handleMs += from.handleMs;
}

