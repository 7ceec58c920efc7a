/**
 * The passes of the engine's evaluations (every 5 s, with FloorFacts.cache), updated from the ones kept instead of
 * judging every contact of the window again. A contact is settled in a pass when nothing of its figures moves
 * with the clock any more (out of the queue, its first response or breach known, no instant after now); settled
 * contacts' figures are kept, and only the contacts the store changed since (its merged rows) or still unsettled
 * are judged again. A window whose start stays put (today, week, interval) keeps them in one bucket; a rolling
 * window in buckets by minute of entry, the minutes it slid past let go and the contacts of the minute its start
 * falls in judged one by one. Each pass gives the figures a pass from scratch gives:
 * test/core/evaluation-cache.test.ts checks it over random floors and changes.
 */
import type { Channel, Contact } from '../model/types';
import {
  emptyCachedPass, FIXED_WINDOWS, forgetPending, group, mergeGroup, MINUTE_MS, nextInstantAfter, plainlyWaiting,
  type Bucket, type CachedPass, type Group, type Judged, type QuietJudgement,
} from './evaluation-cache';
import type { FloorFacts } from './floor-facts';
import { addLive, AT_RISK_MS, contribute, judge, settled, type EvaluationContext, type PassResult, type PassSpec, type Risks } from './pass-context';

type CacheFacts = NonNullable<FloorFacts['cache']>;

/** Per group: how many contacts plainly wait, and the oldest one's entry. */
type WaitingTally = Map<string, { count: number; oldest: number }>;

/** One pass's cached window, this evaluation. */
interface CachedWindow {
  p: PassSpec;
  entryKey: string;
  rolling: boolean;
  /** The minute the window's start falls in (0 for a fixed window: its one bucket). */
  head: number;
  /**
   * A held judgement is summed with the quiet ones when the pass keeps no waits (a wait cannot be taken out of a
   * list cheaply) and its window start stays put (one that slides would let contacts go any minute).
   */
  quietable: boolean;
}

const bucketOf = (w: CachedWindow, c: Contact): number => (w.rolling ? Math.floor(c.queuedAt / MINUTE_MS) : 0);
const inScope = (w: CachedWindow, c: Contact): boolean => c.queuedAt >= w.p.start && (w.p.channel === null || c.channel === w.p.channel);

function bucket(w: CachedWindow, e: CachedPass, b: number): Bucket {
  let x = e.buckets.get(b);
  if (!x) e.buckets.set(b, (x = { groups: new Map(), contacts: w.rolling ? [] : null }));
  return x;
}

/** One evaluation's cached passes: the cache brought up to date with the store's changes, then each pass from it. */
export class CachedPasses {
  private readonly usedEntries = new Set<string>();
  /** Per window start and scope channel: the plainly waiting contacts' count and oldest entry per group. */
  private readonly waitingTallies = new Map<string, WaitingTally>();
  /** The judgement of a contact plainly waiting (see plainlyWaiting), refilled for each one. */
  private readonly waitingNow: Judged = {
    c: null as unknown as Contact,
    k: { outcome: 'waiting', waitMs: 0, shortAbandon: false, withinThreshold: false, resolvedWithinThreshold: false, firstResponseMs: null },
    within: false, breached: false, deadline: 0, nextWaits: null, handleMs: null, resolved: false,
  };

  constructor(private readonly ctx: EvaluationContext, private readonly cache: CacheFacts) {
    // (changes without what they replaced, as a test may give: every pass built again)
    const changed = cache.changed;
    if (cache.passes.rules !== cache.rulesKey || changed === null || (changed.length > 0 && changed.previous === undefined)) {
      cache.passes.entries.clear();
      cache.passes.rules = cache.rulesKey;
    }
    cache.passes.timeline.update(ctx.allContacts, cache.changed, ctx.f.dayStart, ctx.f.now);
  }

  pass(p: PassSpec): PassResult {
    const rolling = !FIXED_WINDOWS.has(p.s.window);
    const w: CachedWindow = {
      p,
      entryKey: `${p.s.window}|${rolling ? '' : p.start}|${p.key.slice(p.key.indexOf('|') + 1)}|${p.keepWaits}|${p.keepNext}|${p.deadlines}`,
      rolling,
      head: rolling ? Math.floor(p.start / MINUTE_MS) : 0,
      quietable: !rolling && !p.keepWaits,
    };
    this.usedEntries.add(w.entryKey);
    let e = this.cache.passes.entries.get(w.entryKey);
    if (!e) this.cache.passes.entries.set(w.entryKey, (e = this.build(w)));
    else {
      if (rolling) this.slide(w, e);
      e = this.takeChanges(w, e);
    }
    this.releaseRunOut(e);
    // the contacts still moving with the clock, added as they are judged (nothing of them is held meanwhile)
    // (straight into the pass's figures: the settled ones are merged in after)
    const groups = new Map<string, Group>();
    const risks: Risks = new Map();
    this.judgeUnsettled(w, e, groups, risks);
    if (p.deadlines) this.judgeWaiting(w, e, groups, risks);
    else {
      // without deadlines, the waiting contacts count the same in every pass of this window and scope: their
      // count and oldest entry per group, tallied once per evaluation
      for (const [g, t] of this.waitingTally(e, p.start, p.channel)) {
        const grp = group(groups, g);
        grp.tally.offered += t.count;
        grp.tally.waiting += t.count;
        grp.waitingMaxMs = Math.max(grp.waitingMaxMs, this.ctx.f.now - t.oldest);
      }
    }
    this.mergeSettled(w, e, groups);
    return { start: p.start, groups, risks };
  }

  /** Let go of the passes no standard asked for this time (a new day, interval or set). */
  letUnusedGo(): void {
    for (const k of this.cache.passes.entries.keys()) if (!this.usedEntries.has(k)) this.cache.passes.entries.delete(k);
  }

  /**
   * A pass from all the held contacts of its window: those settled now counted at once, the others pending (judged
   * as the evaluation goes) or plainly waiting.
   */
  private build(w: CachedWindow): CachedPass {
    const { ctx } = this;
    const now = ctx.f.now;
    const e = emptyCachedPass(w.rolling);
    for (const c of ctx.allContacts()) {
      if (!inScope(w, c)) continue;
      if (plainlyWaiting(c)) e.waiting.set(c.id, c);
      else if (c.queuedAt >= now) e.pending.set(c.id, c);
      else {
        const j = judge(ctx, w.p, c);
        if (settled(j, now)) this.count(w, e, c, j);
        else e.pending.set(c.id, c);
      }
    }
    return e;
  }

  /** A settled contact's figures into its bucket (and the merged later minutes of a rolling window). */
  private count(w: CachedWindow, e: CachedPass, c: Contact, j: Judged): void {
    const b = bucketOf(w, c);
    const x = bucket(w, e, b);
    contribute(this.ctx, x.groups, j, 1, true, w.p.keepWaits);
    if (e.total && b > w.head) contribute(this.ctx, e.total, j, 1, true, w.p.keepWaits);
    x.contacts?.push(c);
    e.counted?.set(c.id, c);
  }

  /** The contact as a pass counted it: a rolling window's held one, or in a fixed window the one `n` replaced when
   * it was counted (in the window's scope and in none of the unsettled maps). */
  private countedBefore(w: CachedWindow, e: CachedPass, n: Contact, previous: Contact | undefined): Contact | undefined {
    if (e.counted !== null) return e.counted.get(n.id);
    if (previous === undefined || !inScope(w, previous)) return undefined;
    return e.pending.has(n.id) || e.waiting.has(n.id) || e.quiet.has(n.id) ? undefined : previous;
  }

  /** A rolling window moved on: the minutes it slid past let go (and, once a minute, their waiting contacts). */
  private slide(w: CachedWindow, e: CachedPass): void {
    for (const [b, x] of e.buckets) {
      if (b >= w.head) continue;
      for (const c of x.contacts!) e.counted!.delete(c.id);
      e.buckets.delete(b);
    }
    if (e.totalHead !== w.head) {
      e.total = null;
      // once a minute: the waiting contacts the window slid past (only one pass per window start and scope lets
      // them go as it tallies them; see waitingTally)
      e.waiting.forEach((c, id) => {
        if (c.queuedAt < w.p.start) forgetPending(e, id);
      });
    }
  }

  /**
   * The contacts the store changed since the last evaluation: a new or unsettled one is judged with the pending;
   * a counted one changed in place (its survey, resolution or replies) swaps its figures; anything that moves a
   * counted contact's wait, outcome, groups or bucket rebuilds the pass (the one returned).
   */
  private takeChanges(w: CachedWindow, e: CachedPass): CachedPass {
    const { p } = w;
    const changed = this.cache.changed ?? [];
    const previous = changed.previous ?? [];
    for (let i = 0; i < changed.length; i++) {
      const n = changed[i];
      const old = this.countedBefore(w, e, n, previous[i]);
      if (old === n) continue;
      if (old === undefined) {
        this.takeQuiet(e, n.id);
        forgetPending(e, n.id);
        if (inScope(w, n)) (plainlyWaiting(n) ? e.waiting : e.pending).set(n.id, n);
        continue;
      }
      if (w.rolling && old.queuedAt < p.start && n.queuedAt < p.start && bucketOf(w, old) === w.head && bucketOf(w, n) === w.head) {
        // before the window's start, in the minute the start falls in: in no figure, kept as the newer row
        const x = e.buckets.get(w.head)!;
        x.contacts![x.contacts!.indexOf(old)] = n;
        e.counted!.set(n.id, n);
        continue;
      }
      const was = judge(this.ctx, p, old);
      const now = inScope(w, n) && n.queuedAt < this.ctx.f.now ? judge(this.ctx, p, n) : null;
      if (!now || !settled(now, this.ctx.f.now) || now.k.outcome !== was.k.outcome || now.k.waitMs !== was.k.waitMs || n.channel !== old.channel || n.queue !== old.queue || bucketOf(w, n) !== bucketOf(w, old)) {
        const rebuilt = this.build(w);
        this.cache.passes.entries.set(w.entryKey, rebuilt);
        return rebuilt;
      }
      const x = bucket(w, e, bucketOf(w, n));
      contribute(this.ctx, x.groups, was, -1, false, p.keepWaits);
      contribute(this.ctx, x.groups, now, 1, false, p.keepWaits);
      if (e.total && bucketOf(w, n) > w.head) {
        contribute(this.ctx, e.total, was, -1, false, p.keepWaits);
        contribute(this.ctx, e.total, now, 1, false, p.keepWaits);
      }
      if (x.contacts) x.contacts[x.contacts.indexOf(old)] = n;
      e.counted?.set(n.id, n);
    }
    return e;
  }

  /** Take a quiet judgement out of its sums; one that may have held a group's longest wait marks them stale. */
  private takeQuiet(e: CachedPass, id: string): QuietJudgement | undefined {
    const q = e.quiet.get(id);
    if (q === undefined) return undefined;
    e.quiet.delete(id);
    contribute(this.ctx, e.quietGroups, q.j, -1, true, false);
    const w = q.j.k.waitMs;
    const maxOf = (g: string) => e.quietGroups.get(g)?.tally.maxResolvedWaitMs ?? 0;
    if (w >= maxOf('center') || w >= maxOf(q.j.c.channel) || (this.ctx.needsQueues && w >= maxOf(this.ctx.queueKey(q.j.c.queue)))) e.quietStale = true;
    return q;
  }

  /** Quiet judgements that ran out are judged again with the pending contacts; stale sums are summed again. */
  private releaseRunOut(e: CachedPass): void {
    const now = this.ctx.f.now;
    for (let q = e.quietUntil.peek(); q !== undefined && q.until <= now; q = e.quietUntil.peek()) {
      e.quietUntil.pop();
      if (e.quiet.get(q.c.id) !== q) continue; // taken out before (its contact changed)
      this.takeQuiet(e, q.c.id);
      e.pending.set(q.c.id, q.c);
    }
    if (e.quietStale) {
      e.quietGroups = new Map();
      for (const q of e.quiet.values()) contribute(this.ctx, e.quietGroups, q.j, 1, true, false);
      e.quietStale = false;
    }
  }

  /**
   * The pending contacts, judged now: a settled one goes to its bucket; one out of the queue whose judgement holds
   * until an instant is held (quiet when it can be summed once) and the others are added to the pass's figures.
   */
  private judgeUnsettled(w: CachedWindow, e: CachedPass, groups: Map<string, Group>, risks: Risks): void {
    const { ctx } = this;
    const { p } = w;
    const now = ctx.f.now;
    // forEach, not for...of: no iterator result per contact (deleting the current entry is safe)
    e.pending.forEach((c, id) => {
      if (c.queuedAt < p.start) {
        forgetPending(e, id); // slid out of a rolling window
        return;
      }
      if (c.queuedAt >= now) return;
      const kept = e.stable.get(id);
      if (kept && now < kept.until) {
        addLive(ctx, groups, risks, kept.j, p.keepWaits);
        return;
      }
      const j = judge(ctx, p, c);
      if (settled(j, now)) {
        this.count(w, e, c, j);
        forgetPending(e, id);
        return;
      }
      // out of the queue, the judgement holds until its deadline passes or its next instant comes
      if (j.k.outcome !== 'waiting') {
        const until = Math.min(j.deadline > 0 && !j.within && !j.breached ? j.deadline + 1 : Infinity, nextInstantAfter(c, now));
        // at risk (see noteAtRisk) from AT_RISK_MS before its deadline: from then on added every evaluation
        const riskFrom = j.deadline > 0 && j.c.firstResponseAt === null && j.c.abandonedAt === null && j.c.endedAt === null ? j.deadline - AT_RISK_MS : Infinity;
        if (w.quietable && until > now && riskFrom > now) {
          const q: QuietJudgement = { c, j, until: Math.min(until, riskFrom) };
          forgetPending(e, id);
          e.quiet.set(id, q);
          e.quietUntil.push(q);
          contribute(ctx, e.quietGroups, j, 1, true, false);
          return;
        }
        if (until > now) e.stable.set(id, { j, until });
      }
      addLive(ctx, groups, risks, j, p.keepWaits);
    });
  }

  /**
   * The waiting contacts of a pass with deadlines: judged without allocating (one judgement object reused), each
   * with the first-response deadline it had when first seen (see judgeContact).
   */
  private judgeWaiting(w: CachedWindow, e: CachedPass, groups: Map<string, Group>, risks: Risks): void {
    const { ctx, waitingNow } = this;
    const { p } = w;
    const now = ctx.f.now;
    e.waiting.forEach((c, id) => {
      if (c.queuedAt < p.start) {
        forgetPending(e, id);
        return;
      }
      if (c.queuedAt >= now) return;
      let deadline = 0;
      if (c.channel !== 'voice') {
        const held = e.waitDeadlines.get(id);
        if (held === undefined) e.waitDeadlines.set(id, (deadline = ctx.rules.deadline(p.s, c)));
        else deadline = held;
      }
      waitingNow.c = c;
      waitingNow.k.waitMs = Math.max(0, now - c.queuedAt);
      waitingNow.deadline = deadline;
      waitingNow.breached = deadline > 0 && now > deadline;
      addLive(ctx, groups, risks, waitingNow, p.keepWaits);
    });
  }

  /** The plainly waiting contacts' count and oldest entry per group, once per window start and scope channel. */
  private waitingTally(e: CachedPass, start: number, channel: Channel | null): WaitingTally {
    const key = `${start}|${channel ?? '*'}`;
    let tally = this.waitingTallies.get(key);
    if (tally) return tally;
    const t: WaitingTally = (tally = new Map());
    const add = (g: string, c: Contact) => {
      const w = t.get(g);
      if (w === undefined) t.set(g, { count: 1, oldest: c.queuedAt });
      else {
        w.count++;
        if (c.queuedAt < w.oldest) w.oldest = c.queuedAt;
      }
    };
    const { ctx } = this;
    e.waiting.forEach((c, id) => {
      if (c.queuedAt < start) {
        forgetPending(e, id); // slid out of a rolling window
        return;
      }
      if (c.queuedAt >= ctx.f.now) return;
      add('center', c);
      add(c.channel, c);
      if (ctx.needsQueues) add(ctx.queueKey(c.queue), c);
    });
    this.waitingTallies.set(key, tally);
    return tally;
  }

  /** The settled contacts' figures merged into the pass's: its buckets (for a rolling window, the minute its start
   * falls in judged one by one and the later minutes merged once a minute) and the quiet judgements' sums. */
  private mergeSettled(w: CachedWindow, e: CachedPass, groups: Map<string, Group>): void {
    const { p } = w;
    if (w.rolling) {
      const x = e.buckets.get(w.head);
      if (x) for (const c of x.contacts!) if (c.queuedAt >= p.start) contribute(this.ctx, groups, judge(this.ctx, p, c), 1, true, p.keepWaits);
      if (e.total === null) {
        // the later minutes merged again, their waits copied (the merged groups' own, appended to from now on)
        const total = new Map<string, Group>();
        for (const [b, y] of e.buckets) {
          if (b <= w.head) continue;
          for (const [g, grp] of y.groups) {
            const into = group(total, g);
            mergeGroup(into, grp);
            into.waitParts.length = 0;
            for (const wait of grp.waits) into.waits.push(wait);
          }
        }
        e.total = total;
        e.totalHead = w.head;
      }
      for (const [g, grp] of e.total) mergeGroup(group(groups, g), grp);
    } else for (const x of e.buckets.values()) for (const [g, grp] of x.groups) mergeGroup(group(groups, g), grp);
    for (const [g, grp] of e.quietGroups) mergeGroup(group(groups, g), grp);
  }
}
