/**
 * The contacts of the last days in memory, as the store holds them, so that history metrics over a recent window
 * (a week under review) are computed with classifyContact directly (about 0.1 µs a contact, against about 0.85 µs
 * for one SQLite pass). Every contact change reaches it through the engine's batches (the contacts the store
 * just merged), so it never differs from the store; windows starting before its first day go to the store.
 */
import type { Contact } from '../model/types';

/** Changes logged between two evaluations at most (a history import logs more and is judged afresh). */
const MAX_CHANGES_LOGGED = 200_000;

/**
 * The contacts set since the last evaluation, in order, and at the same index in `previous` the contact each
 * replaced (undefined: new to the held days). The evaluation's kept passes read what a changed contact counted
 * for from `previous` instead of keeping every counted contact by id (standards/cached-pass.ts); a list without
 * it has every pass built again.
 */
export type ContactChanges = readonly Contact[] & { readonly previous?: readonly (Contact | undefined)[] };

export class RecentContacts {
  private readonly byId = new Map<string, Contact>();
  private log: Contact[] | null = null;
  private previous: (Contact | undefined)[] = [];

  /** `from`: contacts queued at or after this instant are held (it moves forward with `prune`). */
  constructor(private fromMs: number) {}

  get from(): number {
    return this.fromMs;
  }

  get size(): number {
    return this.byId.size;
  }

  /** The contact as now stored; ignored when queued before the held days. */
  set(c: Contact): void {
    if (c.queuedAt >= this.fromMs) {
      const was = this.byId.get(c.id);
      this.byId.set(c.id, c);
      this.logChange(was, c);
    }
  }

  private logChange(was: Contact | undefined, c: Contact): void {
    if (this.log === null) return;
    this.log.push(c);
    this.previous.push(was);
    if (this.log.length > MAX_CHANGES_LOGGED) {
      this.log = null;
      this.previous = [];
    }
  }

  /**
   * The contacts set since the last call (each a new object: the store's merged contact) with those they replaced,
   * for the standards evaluation's cached passes; null when more changed than are logged (MAX_CHANGES_LOGGED):
   * judge all again.
   */
  takeChanges(): ContactChanges | null {
    const log = this.log;
    const changes = log === null ? null : Object.assign(log, { previous: this.previous });
    this.log = [];
    this.previous = [];
    return changes;
  }

  /** Whether a window starting at `from` lies within the held days. */
  covers(from: number): boolean {
    return from >= this.fromMs;
  }

  values(): IterableIterator<Contact> {
    return this.byId.values();
  }

  /**
   * Hold the days before `from` too: `contacts` are those the store holds queued in [from, this.from) (read after
   * start-up: metrics/week-fill.ts). They are logged as changes, so the kept evaluation passes take them in.
   */
  extend(from: number, contacts: readonly Contact[]): void {
    if (from >= this.fromMs) return;
    for (const c of contacts) {
      if (c.queuedAt < from || c.queuedAt >= this.fromMs) continue;
      const was = this.byId.get(c.id);
      this.byId.set(c.id, c);
      this.logChange(was, c);
    }
    this.fromMs = from;
  }

  /** Forget contacts queued before `from` (a new day). */
  prune(from: number): void {
    if (from <= this.fromMs) return;
    this.fromMs = from;
    for (const [id, c] of this.byId) if (c.queuedAt < from) this.byId.delete(id);
  }
}
