/**
 * The contacts and queues of the live floor: each contact as its events built it, the waiting set per queue, and
 * today's tallies per queue and per interval. A contact's classification is taken out of its tallies and its new
 * one added as each event arrives (never a SQL rescan); a snapshot's queue figures and interval points are read
 * from the tallies in O(queues + intervals).
 *
 * "Today" holds contacts queued since the business-day start. Contacts waiting from before it still show in
 * "waiting now" and "longest wait now" (for up to a day), but count in the previous day's figures.
 */
import type { IntervalPoint, QueueLive, WaitingContact } from '../../shared/api';
import type { CanonicalEvent } from '../model/events';
import type { Channel, Contact, QueueConfig } from '../model/types';
import { CHANNELS, contactThresholdSeconds, queueSeenIn } from '../model/types';
import { addToTally, classifyContact, emptyTally, metricsFromTally, type Classification, type ContactTally } from '../metrics/contact-metrics';

/** A waiting contact older than this is taken as lost by its feed, not as waiting now. */
const MAX_WAITING_AGE_MS = 24 * 3600_000;

/** The events that change a contact (a customer follow-up changes none of the live figures). */
export type ContactEvent = Exclude<Extract<CanonicalEvent, { contactId: string }>, { type: 'contact.message' }>;

/** A contact as its events built it so far (a late or partial feed may leave any part unknown). */
export type PartialContact = Partial<Contact> & { id: string };

interface LiveContact {
  c: PartialContact;
  /** Its contribution to today's tallies; null when not counted today. */
  k: Classification | null;
  intervalKey: string | null;
  /** The queue whose tally holds `k` (a transfer can move the contact to another queue). */
  countedQueue: string | null;
}

/** Nothing more can change on the floor for this contact: abandoned, wrapped up, or ended unanswered. */
const isOver = (c: Partial<Contact>) => c.abandonedAt != null || c.wrapupEndAt != null || (c.endedAt != null && c.answeredAt == null);

export class LiveContacts {
  private dayStart = 0;
  private readonly queues = new Map<string, QueueConfig>();
  private readonly contacts = new Map<string, LiveContact>();
  private readonly waiting = new Map<string, Map<string, number>>();
  private readonly queueTallies = new Map<string, ContactTally>();
  private readonly intervalTallies = new Map<string, { start: number; channel: Channel; tally: ContactTally }>();
  /**
   * Tallies whose longest resolved wait may be too high: a contact re-classified by a late event (an answer read
   * after its end) took back a wait that may have been their longest, which a tally cannot shrink by itself.
   * Recomputed from today's contacts before tallies are read (settleLongestWaits).
   */
  private readonly staleLongest = new Set<ContactTally>();

  constructor(
    private readonly options: {
      shortAbandonMs: number;
      intervalMs: number;
      storedContact?: (id: string) => Contact | null;
    },
  ) {}

  /** Start a new business day: today's figures restart; waiting and active contacts carry over uncounted. */
  resetDay(dayStart: number): void {
    this.dayStart = dayStart;
    this.queueTallies.clear();
    this.intervalTallies.clear();
    this.staleLongest.clear();
    for (const [id, lc] of this.contacts) {
      if (isOver(lc.c) || (lc.c.queuedAt ?? 0) < dayStart - MAX_WAITING_AGE_MS) this.contacts.delete(id);
      else {
        lc.k = null;
        lc.intervalKey = null;
        lc.countedQueue = null;
        this.recount(lc);
      }
    }
  }

  setQueue(q: QueueConfig): void {
    const before = this.queues.get(q.name);
    this.queues.set(q.name, q);
    // a contact's T depends on its queue's T and channel (contactThresholdSeconds)
    if (before && (before.slThresholdSeconds !== q.slThresholdSeconds || before.channel !== q.channel)) {
      for (const lc of this.contacts.values()) if (lc.c.queue === q.name) this.recount(lc);
    }
  }

  /** Seed a stored contact at start-up. */
  /** A queue known from a contact: its tile, with its channel's default T, unless configured or seen before. */
  seeQueue(name: string, channel: Channel): void {
    if (!this.queues.has(name)) this.queues.set(name, queueSeenIn(name, channel));
  }

  load(c: Contact): void {
    const lc: LiveContact = { c: { ...c }, k: null, intervalKey: null, countedQueue: null };
    this.contacts.set(c.id, lc);
    this.recount(lc);
  }

  /** The contact as its events built it, if held. */
  contact(id: string): Partial<Contact> | undefined {
    return this.contacts.get(id)?.c;
  }

  /**
   * Apply a contact's event; the contact as it is after it. One the floor does not hold yet starts from its row in
   * `known` (the batch's contacts as the store merged them), else as stored before.
   */
  apply(e: ContactEvent, known: ReadonlyMap<string, Contact> | undefined): PartialContact {
    const lc = this.contactFor(e.contactId, known);
    const c = lc.c;
    switch (e.type) {
      case 'contact.queued':
        // its first queue, whatever order the events came in (as the store merges it)
        if (c.queuedAt == null || e.ts < c.queuedAt) {
          c.channel = e.channel;
          c.queue = e.queue;
        }
        c.queuedAt = c.queuedAt == null ? e.ts : Math.min(c.queuedAt, e.ts);
        this.seeQueue(e.queue, e.channel);
        break;
      case 'contact.answered':
        if (c.answeredAt == null || e.ts < c.answeredAt) c.agentId = e.agentId;
        c.answeredAt = c.answeredAt == null ? e.ts : Math.min(c.answeredAt, e.ts);
        break;
      case 'contact.responded':
        if (!e.automated) c.firstResponseAt = c.firstResponseAt == null ? e.ts : Math.min(c.firstResponseAt, e.ts);
        break;
      case 'contact.abandoned':
        c.abandonedAt = c.abandonedAt == null ? e.ts : Math.min(c.abandonedAt, e.ts);
        break;
      case 'contact.ended':
        c.endedAt = Math.max(c.endedAt ?? e.ts, e.ts);
        break;
      case 'contact.wrapup-ended':
        c.wrapupEndAt = Math.max(c.wrapupEndAt ?? e.ts, e.ts);
        break;
    }
    this.recount(lc);
    // a contact of an earlier day that is over counts nowhere now: not held (a history import stays small)
    if (lc.k === null && isOver(c)) this.contacts.delete(c.id);
    return c;
  }

  private contactFor(id: string, known: ReadonlyMap<string, Contact> | undefined): LiveContact {
    let lc = this.contacts.get(id);
    if (!lc) {
      const stored = known?.get(id) ?? this.options.storedContact?.(id);
      lc = { c: stored ? { ...stored } : { id }, k: null, intervalKey: null, countedQueue: null };
      this.contacts.set(id, lc);
    }
    return lc;
  }

  /** The tallies a contact counts in today: its queue's and its interval's (none when not counted). */
  private talliesOf(lc: LiveContact): ContactTally[] {
    if (!lc.k || lc.countedQueue === null) return [];
    const it = lc.intervalKey ? this.intervalTallies.get(lc.intervalKey)?.tally : undefined;
    return it ? [this.tallyFor(lc.countedQueue), it] : [this.tallyFor(lc.countedQueue)];
  }

  /** Re-derive a contact's place in the waiting set and today's tallies after it changed. */
  private recount(lc: LiveContact): void {
    const was = lc.k;
    const left = this.talliesOf(lc);
    for (const t of left) addToTally(t, was!, -1);
    this.count(lc);
    // A tally cannot lower its longest resolved wait by itself: when the wait taken out was its longest and the
    // contact did not come back to it as long (the usual end after an answer does), it is recomputed before reading.
    if (was && was.outcome !== 'waiting') {
      const now = lc.k && lc.k.outcome !== 'waiting' && lc.k.waitMs >= was.waitMs ? this.talliesOf(lc) : [];
      for (const t of left) if (was.waitMs >= t.maxResolvedWaitMs && !now.includes(t)) this.staleLongest.add(t);
    }
  }

  /** Place a contact in the waiting set and, when it entered today, in today's tallies. */
  private count(lc: LiveContact): void {
    const c = lc.c;
    lc.k = null;
    lc.intervalKey = null;
    lc.countedQueue = null;
    if (c.queuedAt == null || c.queue == null || c.channel == null) return;

    const open = c.answeredAt == null && c.abandonedAt == null && c.endedAt == null;
    let w = this.waiting.get(c.queue);
    if (open && c.queuedAt >= this.dayStart - MAX_WAITING_AGE_MS) {
      if (!w) this.waiting.set(c.queue, (w = new Map()));
      w.set(c.id, c.queuedAt);
    } else w?.delete(c.id);

    if (c.queuedAt < this.dayStart) return;
    const q = this.queues.get(c.queue);
    const k = classifyContact(c as Contact, {
      thresholdMs: contactThresholdSeconds(q, c.channel) * 1000,
      shortAbandonMs: this.options.shortAbandonMs,
      at: Number.MAX_SAFE_INTEGER,
    });
    addToTally(this.tallyFor(c.queue), k);
    const start = this.dayStart + Math.floor((c.queuedAt - this.dayStart) / this.options.intervalMs) * this.options.intervalMs;
    const key = `${c.channel}|${start}`;
    let it = this.intervalTallies.get(key);
    if (!it) this.intervalTallies.set(key, (it = { start, channel: c.channel, tally: emptyTally() }));
    addToTally(it.tally, k);
    lc.k = k;
    lc.intervalKey = key;
    lc.countedQueue = c.queue;
  }

  /** Recompute the longest resolved wait of the tallies a re-classification may have left too high. */
  settleLongestWaits(): void {
    if (this.staleLongest.size === 0) return;
    for (const t of this.staleLongest) t.maxResolvedWaitMs = 0;
    for (const lc of this.contacts.values()) {
      if (!lc.k || lc.k.outcome === 'waiting') continue;
      for (const t of this.talliesOf(lc)) if (this.staleLongest.has(t) && lc.k.waitMs > t.maxResolvedWaitMs) t.maxResolvedWaitMs = lc.k.waitMs;
    }
    this.staleLongest.clear();
  }

  private tallyFor(queue: string): ContactTally {
    let t = this.queueTallies.get(queue);
    if (!t) this.queueTallies.set(queue, (t = emptyTally()));
    return t;
  }

  /** Today's tally of a queue, if it has one (read after settleLongestWaits). */
  queueTally(queue: string): ContactTally | undefined {
    return this.queueTallies.get(queue);
  }

  /**
   * The queue's waiting contacts now: how many, the oldest one's entry, and the oldest one's among those that
   * entered today (the day's figures: one carried over from yesterday waits in "longest wait now", not today's).
   */
  private oldestWaiting(queue: string): { count: number; oldest: number | null; oldestToday: number | null } {
    const w = this.waiting.get(queue);
    if (!w || w.size === 0) return { count: 0, oldest: null, oldestToday: null };
    let oldest = Infinity;
    let oldestToday = Infinity;
    for (const t of w.values()) {
      if (t < oldest) oldest = t;
      if (t >= this.dayStart && t < oldestToday) oldestToday = t;
    }
    return { count: w.size, oldest, oldestToday: oldestToday === Infinity ? null : oldestToday };
  }

  queuesLive(now: number): QueueLive[] {
    this.settleLongestWaits();
    const out: QueueLive[] = [];
    for (const q of this.queues.values()) {
      const { count, oldest, oldestToday } = this.oldestWaiting(q.name);
      const longestNowMs = oldest === null ? 0 : Math.max(0, now - oldest);
      const tally = this.queueTallies.get(q.name) ?? emptyTally();
      out.push({
        ...metricsFromTally(tally, oldestToday === null ? 0 : Math.max(0, now - oldestToday)),
        name: q.name,
        channel: q.channel,
        thresholdSeconds: q.slThresholdSeconds,
        longestWaitNowSeconds: longestNowMs / 1000,
        waitingNow: count,
      });
    }
    return out.sort((a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel) || a.name.localeCompare(b.name));
  }

  queueConfig(name: string): QueueConfig | undefined {
    return this.queues.get(name);
  }

  /** The queues the floor knows: configured ones, and those seen only in contacts (with their channel's default T). */
  queueConfigs(): QueueConfig[] {
    return [...this.queues.values()];
  }

  /** Per queue, the wait of its oldest waiting contact now (what the standards read of the queues). */
  waitingNow(now: number): { queue: string; channel: Channel; longestWaitNowSeconds: number }[] {
    const out: { queue: string; channel: Channel; longestWaitNowSeconds: number }[] = [];
    for (const q of this.queues.values()) {
      const { oldest } = this.oldestWaiting(q.name);
      out.push({ queue: q.name, channel: q.channel, longestWaitNowSeconds: oldest === null ? 0 : Math.max(0, now - oldest) / 1000 });
    }
    return out;
  }

  /**
   * The `limit` contacts waiting longest now, oldest first, across queues: the same waiting sets as each queue's
   * "waiting now" and "longest wait now". One pass over the waiting sets keeping a sorted top list: O(waiting x limit) at worst.
   */
  longestWaiting(now: number, limit: number): { total: number; contacts: WaitingContact[] } {
    const top: { since: number; queue: QueueConfig }[] = [];
    let total = 0;
    for (const q of this.queues.values()) {
      const w = this.waiting.get(q.name);
      if (!w) continue;
      total += w.size;
      for (const since of w.values()) {
        if (top.length === limit && since >= top[limit - 1].since) continue;
        let at = top.length;
        while (at > 0 && top[at - 1].since > since) at--;
        top.splice(at, 0, { since, queue: q });
        if (top.length > limit) top.pop();
      }
    }
    const contacts = top.map(({ since, queue }) => ({ queue: queue.name, channel: queue.channel, waitingSeconds: Math.max(0, now - since) / 1000, thresholdSeconds: queue.slThresholdSeconds }));
    return { total, contacts };
  }

  intervalPoints(): IntervalPoint[] {
    this.settleLongestWaits();
    const points: IntervalPoint[] = [];
    for (const it of this.intervalTallies.values()) {
      const m = metricsFromTally(it.tally);
      points.push({
        start: it.start,
        channel: it.channel,
        offered: m.offered,
        answered: m.answered,
        abandoned: m.abandoned,
        shortAbandoned: m.shortAbandoned,
        answeredWithinThreshold: m.answeredWithinThreshold,
        serviceLevel: m.serviceLevel,
      });
    }
    return points.sort((a, b) => a.start - b.start || CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel));
  }
}
