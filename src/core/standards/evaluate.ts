/**
 * Evaluating the standards on the floor: each standard's figure on its scope (a center-wide standard on the
 * center and on each channel, side by side), its tier, its attainment of the desired tier; per channel the mean
 * attainment; across channels a consistency index; the channel furthest from its targets and its main driver;
 * and per channel the staffing the load requires (Erlang C).
 *
 * Definitions (docs/standards.md):
 *   window               rolling-15m/30m/60m: [now - X, now); interval: the current interval; today: since the
 *                        business-day start; week: the last 7 business days, today included
 *   contact figures      over contacts that entered the queue in the window, outcomes as known now, with the
 *                        standard's T, short-abandon threshold and formula (contact-metrics.ts, service-level.ts)
 *   first response in T  within / (within + breached): within = first human response by the deadline (T after
 *                        queuing, in business time when clock = business), breached = none by the deadline; a
 *                        contact still inside its deadline without a response is pending and not counted
 *   wait p50/p90         nearest-rank percentile of the wait of contacts out of the queue
 *   agent figures        today's state time of agents with capacity on the channel (all agents for the center)
 *   staffing gap         Erlang C agents required for the channel's desired service level (its service-level or
 *                        first-response standard, T included) from the last 30 min of arrivals and the handle
 *                        time of contacts answered and done today, minus agents staffed (available, on contact,
 *                        wrap-up); chat by the agents' mean concurrency
 *   attainment           at-least: min(1, figure / desired); at-most: 1 when figure <= desired, else desired /
 *                        figure (a gap: staffed / (staffed + gap))
 *   consistency index    1 - sum(w |a_c - a|) / sum(w), a = sum(w a_c) / sum(w), w = contacts offered today
 *   driver               staffing when the channel lacks agents; abandons when its abandon rate misses desired;
 *                        handle time when today's AHT runs 15 % over the week's; else the standard furthest off
 *
 * Incremental (the engine's evaluations, every 5 s, with FloorFacts.cache): a contact is settled in a pass when
 * nothing of its figures moves with the clock any more (out of the queue, its first response or breach known, no
 * instant after now); settled contacts' figures are kept per window (rolling windows per minute of entry) and only
 * the contacts the store changed since, or still unsettled, are judged again. test/core/evaluation-cache.test.ts
 * checks it against evaluations from scratch over random floors and changes.
 */
import type { AgentState, Channel } from '../../shared/api';
import type { ChannelAttainment, Driver, StaffingNeed, StandardResult, StandardsEvaluation, StandardsSet } from '../../shared/standards';
import { STANDARD_METRICS } from '../../shared/standards';
import { requiredAgents } from '../metrics/erlang-c';
import { handleTimeMs } from '../metrics/contact-metrics';
import { CHANNELS, DEFAULT_SL_THRESHOLD_SECONDS, DEFAULT_SHORT_ABANDON_SECONDS, type Contact, type QueueConfig } from '../model/types';
import type { StateTimes } from '../metrics/agent-metrics';
import type { BusinessHours } from '../time/business-hours';
import { intervalStart } from '../time/business-day';
import { addJudged, contactRules, groupFigure, judgeContact, secs } from './contact-figures';
import { tierOf, type Standard } from './standard';
import {
  EvaluationCache, FIXED_WINDOWS, emptyCachedPass, forgetPending, type QuietJudgement, MINUTE_MS, group, latestInstant, mergeGroup, nextInstantAfter, plainlyWaiting,
  type Bucket, type CachedPass, type Group, type Judged,
} from './evaluation-cache';

export { EvaluationCache };

const MIN = 60_000;
/** The states in which an agent counts as staffed: on the floor and not away (every figure of staffing uses it). */
export const STAFFED: readonly AgentState[] = ['available', 'on-contact', 'after-contact-work'];
/** A first response due within this long is at risk. */
export const AT_RISK_MS = 15 * MIN;

export interface FloorFacts {
  now: number;
  dayStart: number;
  /** Start of the `week` window: the business day 6 days before today's (businessDayStartBefore: DST-correct). */
  weekStart: number;
  timeZone: string;
  intervalMinutes: number;
  /** Contacts held in memory (the last days): every window lies within them. */
  contacts: Iterable<Contact>;
  queues: QueueConfig[];
  /** Oldest contact waiting now, per queue. */
  waitingNow: { queue: string; channel: Channel; longestWaitNowSeconds: number }[];
  /** Agents' state time today; null for a past period (agent figures are then not evaluated). */
  agents: readonly { capacity: Partial<Record<Channel, number>>; state: AgentState; times: StateTimes; notReadyByReason?: ReadonlyMap<string, number> }[] | null;
  /**
   * Agent-state intervals overlapping [from, now], with each agent's capacity (for coverage of published hours);
   * read only when a coverage standard asks.
   */
  agentIntervals?: (from: number) => { agentId: string; state: AgentState; start: number; end: number | null; capacity: Partial<Record<Channel, number>> }[];
  /** A period every standard is evaluated over instead of its own window (the what-if): [from, now). */
  period?: { from: number };
  /**
   * Evaluations that follow each other (the engine's, every 5 s) keep the settled contacts' figures of windows
   * that start at a fixed instant: `changed` lists every contact the store changed since the last evaluation
   * (null when that is not known: everything is judged again); `rulesKey` names what judges contacts (the
   * standards version and the queues' thresholds), and a new one starts afresh.
   */
  cache?: { passes: EvaluationCache; changed: readonly Contact[] | null; rulesKey: string };
}

function windowStart(s: Standard, f: FloorFacts): number {
  if (f.period) return f.period.from;
  switch (s.window) {
    case 'rolling-15m':
      return f.now - 15 * MIN;
    case 'rolling-30m':
      return f.now - 30 * MIN;
    case 'rolling-60m':
      return f.now - 60 * MIN;
    case 'interval':
      return intervalStart(f.now, f.intervalMinutes, f.timeZone);
    case 'today':
      return f.dayStart;
    case 'week':
      return f.weekStart;
  }
}


const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

export function evaluateStandards(set: StandardsSet, version: number, f: FloorFacts): StandardsEvaluation {
  const rules = contactRules(set, f.queues);
  const { queueOf, calendars } = rules;

  // One pass over the contacts per distinct (window, T, short abandons, clock): standards sharing them share it.
  const passes = new Map<string, { start: number; groups: Map<string, Group>; risks: Risks }>();
  // a channel (or queue) standard reads only its channel's contacts; the center's read them all
  const scopeChannel = (s: Standard): Channel | null =>
    s.scope.kind === 'channel' ? s.scope.channel : s.scope.kind === 'queue' ? (queueOf.get(s.scope.queue)?.channel ?? null) : null;
  const needsWaits = new Set<string>();
  const needsQueues = set.standards.some((s) => s.scope.kind === 'queue');
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
  const needsNextResponses = new Set<string>();
  // first-response deadlines are judged only in passes with a first-response standard (they keep an email
  // contact unsettled for a day)
  const needsDeadlines = new Set<string>();
  for (const s of set.standards) {
    if (s.metric === 'wait-p50' || s.metric === 'wait-p90') needsWaits.add(passKey(s));
    if (s.metric === 'next-response-time') needsNextResponses.add(passKey(s));
    if (s.metric === 'first-response-within') needsDeadlines.add(passKey(s));
  }
  // all the held contacts, copied only when needed (an evaluation with the engine's cache mostly does without)
  let everyContact: Contact[] | null = null;
  const allContacts = () => (everyContact ??= [...f.contacts]);
  const cache = f.cache && !f.period ? f.cache : null;
  if (cache) {
    if (cache.passes.rules !== cache.rulesKey || cache.changed === null) {
      cache.passes.entries.clear();
      cache.passes.rules = cache.rulesKey;
    }
    cache.passes.timeline.update(allContacts, cache.changed, f.dayStart);
  }
  // the contacts of each window start, found once (standards sharing a window share the list): from the
  // timeline of contacts by minute of entry when the engine keeps one, else by a scan
  const windows = new Map<string, Contact[]>();
  const windowContacts = (start: number, channel: Channel | null) => {
    const key = `${start}|${channel ?? '*'}`;
    let list = windows.get(key);
    if (!list) {
      list = cache ? cache.passes.timeline.between(start, f.now, channel) : allContacts().filter((c) => c.queuedAt >= start && c.queuedAt < f.now && (channel === null || c.channel === channel));
      windows.set(key, list);
    }
    return list;
  };
  const queueKeys = new Map<string, string>();
  const queueKey = (q: string) => {
    let k = queueKeys.get(q);
    if (k === undefined) queueKeys.set(q, (k = `queue:${q}`));
    return k;
  };
  const judge = (s: Standard, stored: Contact, shortAbandonMs: number, keepNext: boolean, deadlines: boolean): Judged =>
    judgeContact(rules, s, stored, f.now, shortAbandonMs, keepNext, deadlines);
  /** First responses due within the next AT_RISK_MS: contacts that will breach unless an agent answers them now. */
  function noteAtRisk(risks: Map<Channel, { count: number; next: number | null }>, j: Judged): void {
    const c = j.c;
    if (j.deadline === 0 || c.firstResponseAt !== null || c.abandonedAt !== null || c.endedAt !== null) return;
    if (j.deadline <= f.now || j.deadline > f.now + AT_RISK_MS) return;
    const r = risks.get(c.channel) ?? { count: 0, next: null };
    r.count++;
    r.next = r.next === null ? j.deadline : Math.min(r.next, j.deadline);
    risks.set(c.channel, r);
  }
  /** Whether a contact's figures no longer move with the clock: out of the queue, its first response judged, nothing after now. */
  const settled = (j: Judged) =>
    j.k.outcome !== 'waiting' && (j.deadline === 0 || j.within || j.breached) && latestInstant(j.c) <= f.now;
  /**
   * Add (sign 1) or take away (sign -1) a judged contact's figures in its groups. `waits`: its wait in the waits
   * and the longest waits too (only ever added: a contact whose wait changes rebuilds its cached pass).
   */
  function contribute(groups: Map<string, Group>, j: Judged, sign: 1 | -1, waits: boolean, keepWaits: boolean): void {
    addJudged(group(groups, 'center'), j, sign, waits, keepWaits);
    addJudged(group(groups, j.c.channel), j, sign, waits, keepWaits);
    if (needsQueues) addJudged(group(groups, queueKey(j.c.queue)), j, sign, waits, keepWaits);
  }
  /** The judgement of a contact plainly waiting (see plainlyWaiting), refilled for each one. */
  const waitingNow: Judged = {
    c: null as unknown as Contact,
    k: { outcome: 'waiting', waitMs: 0, shortAbandon: false, withinThreshold: false, resolvedWithinThreshold: false, firstResponseMs: null },
    within: false, breached: false, deadline: 0, nextWaits: null, handleMs: null, resolved: false,
  };
  const usedEntries = new Set<string>();
  /** Per window start and scope channel: the plainly waiting contacts' count and oldest entry per group. */
  const waitingTallies = new Map<string, Map<string, { count: number; oldest: number }>>();
  function waitingTally(e: CachedPass, start: number, channel: Channel | null): Map<string, { count: number; oldest: number }> {
    const key = `${start}|${channel ?? '*'}`;
    let tally = waitingTallies.get(key);
    if (tally) return tally;
    tally = new Map();
    const add = (g: string, c: Contact) => {
      const w = tally!.get(g);
      if (w === undefined) tally!.set(g, { count: 1, oldest: c.queuedAt });
      else {
        w.count++;
        if (c.queuedAt < w.oldest) w.oldest = c.queuedAt;
      }
    };
    e.waiting.forEach((c, id) => {
      if (c.queuedAt < start) {
        forgetPending(e, id); // slid out of a rolling window
        return;
      }
      if (c.queuedAt >= f.now) return;
      add('center', c);
      add(c.channel, c);
      if (needsQueues) add(queueKey(c.queue), c);
    });
    waitingTallies.set(key, tally);
    return tally;
  }

  function pass(s: Standard) {
    const key = passKey(s);
    let p = passes.get(key);
    if (p) return p;
    const start = windowStart(s, f);
    const shortAbandonMs = (s.options.shortAbandonSeconds ?? DEFAULT_SHORT_ABANDON_SECONDS) * 1000;
    const keepWaits = needsWaits.has(key);
    const keepNext = needsNextResponses.has(key);
    const deadlines = needsDeadlines.has(key);
    const channel = scopeChannel(s);
    if (cache) {
      // The settled contacts' figures are kept between evaluations, and only the contacts that changed since (the
      // store's merged rows) or still move with the clock are judged again. A window whose start stays put
      // (today, week, interval) keeps them in one bucket; a rolling window in buckets by minute of entry, the
      // minutes it slid past let go and the contacts of the minute its start falls in judged one by one.
      const rolling = !FIXED_WINDOWS.has(s.window);
      const entryKey = `${s.window}|${rolling ? '' : start}|${key.slice(key.indexOf('|') + 1)}|${keepWaits}|${keepNext}|${deadlines}`;
      usedEntries.add(entryKey);
      const bucketOf = (c: Contact) => (rolling ? Math.floor(c.queuedAt / MINUTE_MS) : 0);
      const head = rolling ? Math.floor(start / MINUTE_MS) : 0;
      const inScope = (c: Contact) => c.queuedAt >= start && (channel === null || c.channel === channel);
      const build = (): CachedPass => {
        const e = emptyCachedPass();
        for (const c of allContacts()) if (inScope(c)) (plainlyWaiting(c) ? e.waiting : e.pending).set(c.id, c);
        return e;
      };
      const bucket = (e: CachedPass, b: number): Bucket => {
        let x = e.buckets.get(b);
        if (!x) e.buckets.set(b, (x = { groups: new Map(), contacts: rolling ? [] : null }));
        return x;
      };
      // a held judgement is summed with the quiet ones when the pass keeps no waits (a wait cannot be taken out of
      // a list cheaply) and its window start stays put (one that slides would let contacts go any minute)
      const quietable = !rolling && !keepWaits;
      const takeQuiet = (e: CachedPass, id: string): QuietJudgement | undefined => {
        const q = e.quiet.get(id);
        if (q === undefined) return undefined;
        e.quiet.delete(id);
        contribute(e.quietGroups, q.j, -1, true, false);
        const w = q.j.k.waitMs;
        const maxOf = (g: string) => e.quietGroups.get(g)?.tally.maxResolvedWaitMs ?? 0;
        if (w >= maxOf('center') || w >= maxOf(q.j.c.channel) || (needsQueues && w >= maxOf(queueKey(q.j.c.queue)))) e.quietStale = true;
        return q;
      };
      let e = cache.passes.entries.get(entryKey);
      if (!e) cache.passes.entries.set(entryKey, (e = build()));
      else {
        if (rolling) {
          for (const [b, x] of e.buckets) {
            if (b >= head) continue;
            for (const c of x.contacts!) e.counted.delete(c.id);
            e.buckets.delete(b);
          }
          if (e.totalHead !== head) {
            e.total = null;
            // once a minute: the waiting contacts the window slid past (only one pass per window start and scope
            // lets them go as it tallies them; see waitingTally)
            const slid = e;
            slid.waiting.forEach((c, id) => {
              if (c.queuedAt < start) forgetPending(slid, id);
            });
          }
        }
        for (const n of cache.changed ?? []) {
          const old = e.counted.get(n.id);
          if (old === n) continue;
          if (old === undefined) {
            takeQuiet(e, n.id);
            forgetPending(e, n.id);
            if (inScope(n)) (plainlyWaiting(n) ? e.waiting : e.pending).set(n.id, n);
            continue;
          }
          if (rolling && old.queuedAt < start && n.queuedAt < start && bucketOf(old) === head && bucketOf(n) === head) {
            // before the window's start, in the minute the start falls in: in no figure, kept as the newer row
            const x = e.buckets.get(head)!;
            x.contacts![x.contacts!.indexOf(old)] = n;
            e.counted.set(n.id, n);
            continue;
          }
          // a counted contact changed: its survey, resolution or replies in place; anything that moves its wait,
          // outcome, groups or bucket rebuilds the pass
          const was = judge(s, old, shortAbandonMs, keepNext, deadlines);
          const now = inScope(n) && n.queuedAt < f.now ? judge(s, n, shortAbandonMs, keepNext, deadlines) : null;
          if (!now || !settled(now) || now.k.outcome !== was.k.outcome || now.k.waitMs !== was.k.waitMs || n.channel !== old.channel || n.queue !== old.queue || bucketOf(n) !== bucketOf(old)) {
            cache.passes.entries.set(entryKey, (e = build()));
            break;
          }
          const x = bucket(e, bucketOf(n));
          contribute(x.groups, was, -1, false, keepWaits);
          contribute(x.groups, now, 1, false, keepWaits);
          if (e.total && bucketOf(n) > head) {
            contribute(e.total, was, -1, false, keepWaits);
            contribute(e.total, now, 1, false, keepWaits);
          }
          if (x.contacts) x.contacts[x.contacts.indexOf(old)] = n;
          e.counted.set(n.id, n);
        }
      }
      // quiet judgements that ran out are judged again with the pending contacts
      for (let q = e.quietUntil.peek(); q !== undefined && q.until <= f.now; q = e.quietUntil.peek()) {
        e.quietUntil.pop();
        if (e.quiet.get(q.c.id) !== q) continue; // taken out before (its contact changed)
        takeQuiet(e, q.c.id);
        e.pending.set(q.c.id, q.c);
      }
      if (e.quietStale) {
        e.quietGroups = new Map();
        for (const q of e.quiet.values()) contribute(e.quietGroups, q.j, 1, true, false);
        e.quietStale = false;
      }
      // the contacts still moving with the clock, added as they are judged (nothing of them is held meanwhile)
      // (straight into the pass's figures: the settled ones are merged in after)
      const groups = new Map<string, Group>();
      const risks = new Map<Channel, { count: number; next: number | null }>();
      const addLive = (j: Judged) => {
        contribute(groups, j, 1, true, keepWaits);
        // a settled contact has its first response or its breach: the contacts at risk are among these
        noteAtRisk(risks, j);
      };
      const pendingOf = e;
      // forEach, not for...of: no iterator result per contact (deleting the current entry is safe)
      pendingOf.pending.forEach((c, id) => {
        if (c.queuedAt < start) {
          forgetPending(pendingOf, id); // slid out of a rolling window
          return;
        }
        if (c.queuedAt >= f.now) return;
        const kept = pendingOf.stable.get(id);
        if (kept && f.now < kept.until) {
          addLive(kept.j);
          return;
        }
        const j = judge(s, c, shortAbandonMs, keepNext, deadlines);
        if (settled(j)) {
          const x = bucket(pendingOf, bucketOf(c));
          contribute(x.groups, j, 1, true, keepWaits);
          if (pendingOf.total && bucketOf(c) > head) contribute(pendingOf.total, j, 1, true, keepWaits);
          x.contacts?.push(c);
          pendingOf.counted.set(id, c);
          forgetPending(pendingOf, id);
          return;
        }
        // out of the queue, the judgement holds until its deadline passes or its next instant comes
        if (j.k.outcome !== 'waiting') {
          const until = Math.min(j.deadline > 0 && !j.within && !j.breached ? j.deadline + 1 : Infinity, nextInstantAfter(c, f.now));
          // at risk (see noteAtRisk) from AT_RISK_MS before its deadline: from then on added every evaluation
          const riskFrom = j.deadline > 0 && j.c.firstResponseAt === null && j.c.abandonedAt === null && j.c.endedAt === null ? j.deadline - AT_RISK_MS : Infinity;
          if (quietable && until > f.now && riskFrom > f.now) {
            const q: QuietJudgement = { c, j, until: Math.min(until, riskFrom) };
            forgetPending(pendingOf, id);
            pendingOf.quiet.set(id, q);
            pendingOf.quietUntil.push(q);
            contribute(pendingOf.quietGroups, j, 1, true, false);
            return;
          }
          if (until > f.now) pendingOf.stable.set(id, { j, until });
        }
        addLive(j);
      });
      if (deadlines) {
        // waiting, nothing else known: judged without allocating (one judgement object reused), each with the
        // first-response deadline it had when first seen (see judge)
        pendingOf.waiting.forEach((c, id) => {
          if (c.queuedAt < start) {
            forgetPending(pendingOf, id);
            return;
          }
          if (c.queuedAt >= f.now) return;
          let deadline = 0;
          if (c.channel !== 'voice') {
            const held = pendingOf.waitDeadlines.get(id);
            if (held === undefined) pendingOf.waitDeadlines.set(id, (deadline = rules.deadline(s, c)));
            else deadline = held;
          }
          waitingNow.c = c;
          waitingNow.k.waitMs = Math.max(0, f.now - c.queuedAt);
          waitingNow.deadline = deadline;
          waitingNow.breached = deadline > 0 && f.now > deadline;
          addLive(waitingNow);
        });
      } else {
        // without deadlines, the waiting contacts count the same in every pass of this window and scope: their
        // count and oldest entry per group, tallied once per evaluation
        for (const [g, w] of waitingTally(pendingOf, start, channel)) {
          const grp = group(groups, g);
          grp.tally.offered += w.count;
          grp.tally.waiting += w.count;
          grp.waitingMaxMs = Math.max(grp.waitingMaxMs, f.now - w.oldest);
        }
      }
      if (rolling) {
        // the minute the window's start falls in: its settled contacts from the start on, one by one
        const x = e.buckets.get(head);
        if (x) for (const c of x.contacts!) if (c.queuedAt >= start) contribute(groups, judge(s, c, shortAbandonMs, keepNext, deadlines), 1, true, keepWaits);
        if (e.total === null) {
          // the later minutes merged again, their waits copied (the merged groups' own, appended to from now on)
          const total = new Map<string, Group>();
          for (const [b, y] of e.buckets) {
            if (b <= head) continue;
            for (const [g, grp] of y.groups) {
              const into = group(total, g);
              mergeGroup(into, grp);
              into.waitParts.length = 0;
              for (const w of grp.waits) into.waits.push(w);
            }
          }
          e.total = total;
          e.totalHead = head;
        }
        for (const [g, grp] of e.total) mergeGroup(group(groups, g), grp);
      } else for (const x of e.buckets.values()) for (const [g, grp] of x.groups) mergeGroup(group(groups, g), grp);
      for (const [g, grp] of e.quietGroups) mergeGroup(group(groups, g), grp);
      p = { start, groups, risks };
    } else {
      const groups = new Map<string, Group>();
      const risks = new Map<Channel, { count: number; next: number | null }>();
      for (const stored of windowContacts(start, channel)) {
        const j = judge(s, stored, shortAbandonMs, keepNext, deadlines);
        contribute(groups, j, 1, true, keepWaits);
        noteAtRisk(risks, j);
      }
      p = { start, groups, risks };
    }
    passes.set(key, p);
    return p;
  }

  /**
   * channelLoads from the cached passes of today and of the week over every contact (shared with any standard of
   * the same window and options), and the last 30 minutes' arrivals from the timeline: the same figures without
   * reading the week's contacts on every evaluation.
   */
  function loadsFromPasses(): Record<Channel, ChannelLoad> {
    const over = (window: 'today' | 'week') => pass({ ...LOADS_STANDARD, window }).groups;
    const today = over('today');
    const week = over('week');
    const loads = emptyLoads();
    for (const ch of CHANNELS) {
      const t = today.get(ch);
      const w = week.get(ch);
      loads[ch].offeredToday = t?.tally.offered ?? 0;
      loads[ch].handleToday = { ms: t?.handleMs ?? 0, n: t?.handled ?? 0 };
      loads[ch].handleWeek = { ms: w?.handleMs ?? 0, n: w?.handled ?? 0 };
    }
    for (const c of cache!.passes.timeline.between(Math.max(f.now - 30 * MIN, f.weekStart), f.now, null)) loads[c.channel].arrivals30m++;
    return loads;
  }
  const loads = cache ? loadsFromPasses() : channelLoads(allContacts(), f);
  const staffing = staffingNeeds(set, f, loads, queueOf);
  const results: StandardResult[] = [];
  const coverage = (s: Standard, col: Column, start: number) => coverageOf(s, col, start, f, calendars);
  for (const s of set.standards) {
    for (const col of columnsOf(s, queueOf)) results.push(s.metric === 'coverage' ? coverage(s, col, windowStart(s, f)) : measure(s, col, f, pass, staffing));
  }
  // passes no standard asked for this time (a new day, interval or set) are let go
  if (cache) for (const k of cache.passes.entries.keys()) if (!usedEntries.has(k)) cache.passes.entries.delete(k);

  const channels: ChannelAttainment[] = CHANNELS.map((channel) => {
    const measured = results.filter((r) => r.channel === channel && r.queue === null && r.attainment !== null);
    return {
      channel,
      attainment: measured.length ? measured.reduce((n, r) => n + r.attainment!, 0) / measured.length : null,
      volume: loads[channel].offeredToday,
      measured: measured.length,
    };
  });
  const weighted = channels.filter((c) => c.attainment !== null && c.volume > 0);
  let consistencyIndex: number | null = null;
  if (weighted.length >= 2) {
    const w = weighted.reduce((n, c) => n + c.volume, 0);
    const mean = weighted.reduce((n, c) => n + c.volume * c.attainment!, 0) / w;
    consistencyIndex = 1 - weighted.reduce((n, c) => n + c.volume * Math.abs(c.attainment! - mean), 0) / w;
  }
  const worstChannel = [...weighted].sort((a, b) => a.attainment! - b.attainment!)[0];
  const worst = worstChannel && worstChannel.attainment! < 1 ? { channel: worstChannel.channel, attainment: worstChannel.attainment!, ...driverOf(worstChannel.channel, set, results, staffing, loads) } : null;
  // first responses due within the next AT_RISK_MS, per first-response standard (found by its pass)
  const atRisk: StandardsEvaluation['atRisk'] = [];
  for (const s of set.standards) {
    if (s.metric !== 'first-response-within') continue;
    const risks = pass(s).risks;
    for (const ch of CHANNELS) {
      const r = risks.get(ch);
      if (r) atRisk.push({ standardId: s.id, channel: ch, count: r.count, nextDeadline: r.next });
    }
  }

  const hours = CHANNELS.map((channel) => {
    const cal = calendars.get(channel);
    const named = set.calendars.find((c) => c.channels.includes(channel));
    return cal ? { channel, calendar: named?.name ?? null, open: cal.isOpen(f.now), nextChange: cal.nextChange(f.now) } : { channel, calendar: null, open: true, nextChange: null };
  });
  // not-ready time by reason, over every agent's staffed time today
  const reasonMs = new Map<string, number>();
  let staffedMs = 0;
  for (const a of f.agents ?? []) {
    staffedMs += a.times.available + a.times['on-contact'] + a.times['after-contact-work'] + a.times['not-ready'];
    for (const [r, ms] of a.notReadyByReason ?? []) reasonMs.set(r, (reasonMs.get(r) ?? 0) + ms);
  }
  const notReadyByReason = [...reasonMs.entries()]
    .map(([reason, ms]) => ({ reason: reason || 'no reason given', seconds: ms / 1000, share: staffedMs > 0 ? ms / staffedMs : 0 }))
    .sort((a, b) => b.seconds - a.seconds);
  // the tiers queue tiles judge today's service level by: the channel's service-level standard, else the center's
  const serviceTargets: NonNullable<StandardsEvaluation['serviceTargets']> = [];
  for (const channel of CHANNELS) {
    const sl = (s: Standard) => s.metric === 'service-level';
    const own = set.standards.find((s) => sl(s) && s.scope.kind === 'channel' && s.scope.channel === channel) ?? set.standards.find((s) => sl(s) && s.scope.kind === 'center');
    if (own) serviceTargets.push({ channel, standardId: own.id, expected: own.tiers.expected, desired: own.tiers.desired });
  }
  const definitions = Object.fromEntries(set.standards.map((s) => [s.id, { name: s.name, metric: s.metric }]));
  return { at: f.now, version, results, definitions, channels, consistencyIndex, worst, staffing, hours, atRisk, notReadyByReason, serviceTargets };
}

interface Column {
  key: string;
  channel: Channel | null;
  queue: string | null;
}

function columnsOf(s: Standard, queueOf: ReadonlyMap<string, QueueConfig>): Column[] {
  if (s.scope.kind === 'queue') return [{ key: `queue:${s.scope.queue}`, channel: queueOf.get(s.scope.queue)?.channel ?? null, queue: s.scope.queue }];
  if (s.scope.kind === 'channel') return [{ key: s.scope.channel, channel: s.scope.channel, queue: null }];
  return [{ key: 'center', channel: null, queue: null }, ...CHANNELS.map((ch) => ({ key: ch, channel: ch, queue: null }))];
}

type Pass = (s: Standard) => { start: number; groups: Map<string, Group> };
type Risks = Map<Channel, { count: number; next: number | null }>;

function measure(s: Standard, col: Column, f: FloorFacts, pass: Pass, staffing: StaffingNeed[]): StandardResult {
  // every property written out: a spread of a shared base object here took 6 µs a result (2,000 cells: 12 ms)
  const result = (figure: number | null, basis: string, volume: number, start: number, attainmentOverride?: number): StandardResult => {
    const status = figure === null ? 'no-data' : (tierOf(s, figure) ?? 'breach');
    const attained = figure === null ? null : (attainmentOverride ?? attainment(s, figure));
    return { standardId: s.id, key: col.key, channel: col.channel, queue: col.queue, windowEnd: f.now, figure, status, attainment: attained, basis, volume, windowStart: start };
  };
  const start = windowStart(s, f);
  if (f.agents === null && (s.metric === 'staffing-gap' || s.metric === 'longest-wait-now')) return result(null, 'a past period has no floor now to measure', 0, start);
  switch (s.metric) {
    case 'service-level':
    case 'asa':
    case 'abandon-rate':
    case 'wait-p50':
    case 'wait-p90':
    case 'max-wait':
    case 'first-response-within':
    case 'first-response-time':
    case 'csat':
    case 'nps':
    case 'fcr':
    case 'resolution-time':
    case 'next-response-time': {
      const g = pass(s).groups.get(col.key);
      if (!g) return result(null, 'no contacts in the window', 0, start);
      const m = groupFigure(s, g);
      return result(m.figure, m.basis, m.volume, start);
    }
    case 'longest-wait-now': {
      const qs = f.waitingNow.filter((q) => (col.queue ? q.queue === col.queue : col.channel ? q.channel === col.channel : true));
      const v = qs.reduce((m, q) => Math.max(m, q.longestWaitNowSeconds), 0);
      return result(qs.length ? v : null, `oldest waiting contact over ${qs.length} queues`, qs.length, f.now);
    }
    case 'not-ready-share':
    case 'occupancy': {
      if (f.agents === null) return result(null, 'agent time of past periods is not evaluated yet', 0, start);
      const agents = f.agents.filter((a) => (col.channel ? (a.capacity[col.channel] ?? 0) > 0 : true));
      const sum = (k: AgentState) => agents.reduce((n, a) => n + a.times[k], 0);
      if (s.metric === 'not-ready-share') {
        const staffedMs = sum('available') + sum('on-contact') + sum('after-contact-work') + sum('not-ready');
        return result(staffedMs ? sum('not-ready') / staffedMs : null, `${secs(sum('not-ready') / 1000)} not ready of ${secs(staffedMs / 1000)} staffed, ${agents.length} agents, today`, agents.length, f.dayStart);
      }
      const handle = sum('on-contact') + sum('after-contact-work');
      const den = handle + sum('available');
      return result(den ? handle / den : null, `${secs(handle / 1000)} handling of ${secs(den / 1000)} available or handling, today`, agents.length, f.dayStart);
    }
    case 'staffing-gap': {
      const needs = staffing.filter((n) => (col.channel ? n.channel === col.channel : true) && n.gap !== null);
      if (col.queue || needs.length === 0) return result(null, col.queue ? 'staffing is computed per channel' : 'no arrivals in the last 30 minutes', 0, f.now - 30 * MIN);
      const gap = needs.reduce((n, x) => n + x.gap!, 0);
      const staffed = needs.reduce((n, x) => n + x.staffed, 0);
      const required = needs.reduce((n, x) => n + (x.required ?? 0), 0);
      const over = gap - s.tiers.desired;
      return result(gap, `${required} required (Erlang C), ${staffed} staffed`, staffed, f.now - 30 * MIN, over <= 0 ? 1 : staffed / (staffed + over));
    }
  }
  return result(null, 'not measured', 0, start);
}

/**
 * Coverage of published hours: the share of the channel's open time in the window during which at least
 * `minimumStaff` agents with capacity on the channel were staffed (available, on a contact or in wrap-up).
 */
function coverageOf(s: Standard, col: Column, start: number, f: FloorFacts, calendars: Map<string, BusinessHours>): StandardResult {
  const base = { standardId: s.id, key: col.key, channel: col.channel, queue: col.queue, windowStart: start, windowEnd: f.now };
  const none = (basis: string): StandardResult => ({ ...base, figure: null, status: 'no-data', attainment: null, basis, volume: 0 });
  if (col.channel === null || col.queue !== null) return none('coverage is measured per channel');
  const hours = calendars.get(col.channel);
  if (!hours) return none('the channel publishes no hours: it is always open');
  if (!f.agentIntervals) return none('agent time of past periods is not evaluated yet');
  const open = hours.openSpans(start, f.now);
  const openMs = open.reduce((n, sp) => n + sp.end - sp.start, 0);
  if (openMs === 0) return none('the channel was closed all through the window');
  const minimum = s.options.minimumStaff ?? 1;
  // staffed agents over time: +1 where a staffed interval starts, -1 where it ends
  const steps: [number, number][] = [];
  for (const i of f.agentIntervals(start)) {
    if (!STAFFED.includes(i.state) || (i.capacity[col.channel] ?? 0) <= 0) continue;
    const a = Math.max(start, i.start);
    const b = Math.min(f.now, i.end ?? f.now);
    if (b > a) steps.push([a, 1], [b, -1]);
  }
  steps.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let count = 0;
  let coveredMs = 0;
  let k = 0;
  for (let i = 0; i < steps.length; i++) {
    count += steps[i][1];
    const from = steps[i][0];
    const to = i + 1 < steps.length ? steps[i + 1][0] : f.now;
    if (count < minimum || to <= from) continue;
    while (k < open.length && open[k].end <= from) k++;
    for (let j = k; j < open.length && open[j].start < to; j++) coveredMs += Math.max(0, Math.min(to, open[j].end) - Math.max(from, open[j].start));
  }
  const figure = coveredMs / openMs;
  const tier = tierOf(s, figure);
  const h = (ms: number) => `${(ms / 3600_000).toFixed(1)} h`;
  return { ...base, figure, status: tier ?? 'breach', attainment: attainment(s, figure), basis: `${h(coveredMs)} of ${h(openMs)} open with at least ${minimum} agent${minimum === 1 ? '' : 's'} staffed`, volume: Math.round(openMs / 60_000) };
}

function attainment(s: Standard, figure: number): number {
  const d = s.tiers.desired;
  if (s.comparator === 'at-least') return d <= 0 ? 1 : Math.max(0, Math.min(1, figure / d));
  if (figure <= d) return 1;
  return figure <= 0 ? 1 : Math.max(0, Math.min(1, d / figure));
}

/** Per channel, in one pass: arrivals of the last 30 minutes, contacts offered today, and handle time (answer to
 * the end of wrap-up, or to the end without one) of contacts done by now, queued today and over the week. */
interface ChannelLoad {
  arrivals30m: number;
  offeredToday: number;
  handleToday: { ms: number; n: number };
  handleWeek: { ms: number; n: number };
}

const emptyLoads = () =>
  Object.fromEntries(CHANNELS.map((ch) => [ch, { arrivals30m: 0, offeredToday: 0, handleToday: { ms: 0, n: 0 }, handleWeek: { ms: 0, n: 0 } }])) as Record<Channel, ChannelLoad>;

/** The standard whose passes give channelLoads with the engine's cache: every contact, the default T and short abandons. */
const LOADS_STANDARD: Standard = {
  id: '(channel loads)', name: 'channel loads', metric: 'asa', scope: { kind: 'center' }, window: 'today', comparator: 'at-most',
  tiers: { expected: 0, desired: 0, delight: 0 }, options: {}, alert: { afterSeconds: 0, clearAfterSeconds: 0, enabled: false },
};

function channelLoads(contacts: readonly Contact[], f: FloorFacts): Record<Channel, ChannelLoad> {
  const loads = emptyLoads();
  const weekStart = f.weekStart;
  for (const c of contacts) {
    if (c.queuedAt >= f.now || c.queuedAt < weekStart) continue;
    const l = loads[c.channel];
    if (c.queuedAt >= f.now - 30 * MIN) l.arrivals30m++;
    if (c.queuedAt >= f.dayStart) l.offeredToday++;
    const handle = handleTimeMs(c, f.now);
    if (handle === null) continue;
    l.handleWeek.ms += handle;
    l.handleWeek.n++;
    if (c.queuedAt >= f.dayStart) {
      l.handleToday.ms += handle;
      l.handleToday.n++;
    }
  }
  return loads;
}

const ahtSeconds = (h: { ms: number; n: number }) => (h.n ? h.ms / h.n / 1000 : null);

/**
 * The service a channel is staffed for: the desired tier and T of its service-level or first-response standard
 * (else 80 % within the channel's default T).
 */
export function staffingGoal(set: StandardsSet, channel: Channel): { goal: number; thresholdSeconds: number } {
  const target = set.standards.find(
    (s) => s.scope.kind === 'channel' && s.scope.channel === channel && (s.metric === 'service-level' || s.metric === 'first-response-within'),
  );
  return {
    goal: Math.min(0.999, Math.max(0.01, target?.tiers.desired ?? 0.8)),
    thresholdSeconds: target?.options.thresholdSeconds ?? DEFAULT_SL_THRESHOLD_SECONDS[channel],
  };
}

/** Mean concurrent contacts of the agents with capacity on the channel (1 without any), for Erlang C. */
export function meanConcurrency(capacities: readonly Partial<Record<Channel, number>>[], channel: Channel): number {
  const on = capacities.filter((c) => (c[channel] ?? 0) > 0);
  return on.length ? Math.max(1, Math.min(20, Math.round(on.reduce((n, c) => n + (c[channel] ?? 1), 0) / on.length))) : 1;
}

/** Erlang C agents for a load, or null without one (or beyond what Erlang C staffs: no figure rather than a wrong one). */
export function agentsRequired(arrivals: number, intervalSeconds: number, aht: number | null, goal: number, thresholdSeconds: number, concurrency: number): number | null {
  if (!(arrivals > 0) || aht === null || !(aht > 0) || !(intervalSeconds > 0)) return null;
  try {
    return requiredAgents({ arrivals, intervalSeconds, ahtSeconds: aht, target: goal, thresholdSeconds, concurrency }).agents;
  } catch {
    return null;
  }
}

function staffingNeeds(set: StandardsSet, f: FloorFacts, loads: Record<Channel, ChannelLoad>, queueOf: Map<string, QueueConfig>): StaffingNeed[] {
  const out: StaffingNeed[] = [];
  for (const channel of CHANNELS) {
    const arrivals = loads[channel].arrivals30m;
    const aht = ahtSeconds(loads[channel].handleToday);
    const agents = (f.agents ?? []).filter((a) => (a.capacity[channel] ?? 0) > 0);
    const staffed = agents.filter((a) => STAFFED.includes(a.state)).length;
    const concurrency = meanConcurrency(agents.map((a) => a.capacity), channel);
    const { goal, thresholdSeconds } = staffingGoal(set, channel);
    const required = agentsRequired(arrivals, 1800, aht, goal, thresholdSeconds, concurrency);
    if (queueOf.size === 0 && arrivals === 0) continue;
    out.push({ channel, arrivals, ahtSeconds: aht, target: goal, thresholdSeconds, concurrency, required, staffed, gap: required === null ? null : required - staffed });
  }
  return out;
}

function driverOf(channel: Channel, set: StandardsSet, results: StandardResult[], staffing: StaffingNeed[], loads: Record<Channel, ChannelLoad>): { driver: Driver; detail: string } {
  const need = staffing.find((n) => n.channel === channel);
  if (need && need.gap !== null && need.gap > 0) return { driver: 'staffing', detail: `${need.gap} more agent${need.gap === 1 ? '' : 's'} on ${channel} to reach ${pct(need.target)} within ${secs(need.thresholdSeconds)}` };
  const abandons = results.find((r) => r.channel === channel && r.queue === null && set.standards.find((s) => s.id === r.standardId)?.metric === 'abandon-rate');
  if (abandons && abandons.attainment !== null && abandons.attainment < 1) return { driver: 'abandons', detail: `abandon rate ${pct(abandons.figure!)} on ${channel}` };
  const today = ahtSeconds(loads[channel].handleToday);
  const week = ahtSeconds(loads[channel].handleWeek);
  if (today !== null && week !== null && today > week * 1.15) return { driver: 'handle time', detail: `handle time ${secs(today)} today against ${secs(week)} over the week on ${channel}` };
  const furthest = results.filter((r) => r.channel === channel && r.queue === null && r.attainment !== null).sort((a, b) => a.attainment! - b.attainment!)[0];
  const s = set.standards.find((x) => x.id === furthest?.standardId);
  const family = s ? STANDARD_METRICS[s.metric].family : 'responsiveness';
  return { driver: family === 'availability' ? 'availability' : 'responsiveness', detail: s ? `${s.name}: ${furthest.basis}` : `${channel} is below its targets` };
}
