/**
 * The last days' contacts read into memory after start-up, a slice at a time, newest first: the engine serves the
 * live floor (today, read at once) before the week is in memory, and the week's windows fill in behind it. While it
 * runs, RecentContacts.from is the oldest instant held; the standards give windows starting earlier no figure
 * ("loading the last 7 days", standards/cell-figures.ts) rather than one from part of their contacts, and history
 * windows read the store (metrics/window-metrics.ts).
 */
import type { Clock, Timer } from '../clock';
import type { Contact } from '../model/types';
import type { StoreReader } from '../store/store';
import type { CenterDay } from '../time/center-day';
import { RecentContacts } from './recent-contacts';

/**
 * Contacts queued in one slice: two hours of a 1,800-agent center are about 15,000 contacts, a read of about
 * 70 ms, so a feed's batch or a push waits at most that long behind the fill.
 */
const SLICE_MS = 2 * 3600_000;

/**
 * How long start() waits for the first snapshot before reading the first slice anyway (a host nobody looks at).
 * A slice being read when the first snapshot is asked for held it up to 0.25 s on the 905k-contact week.
 */
const FIRST_SNAPSHOT_WAIT_MS = 1000;

interface WeekFill {
  /**
   * Read the next slices, one a turn, until RecentContacts holds from `target()`: from the first snapshot served
   * after this (begin()), or FIRST_SNAPSHOT_WAIT_MS from now.
   */
  start(): void;
  /** The first snapshot is served: read the first slice next turn (nothing once the fill has begun). */
  begin(): void;
  stop(): void;
}

function weekFill(o: {
  recent: RecentContacts;
  /** The store's contacts queued in [from, to). */
  read(from: number, to: number): Contact[];
  /** The instant the engine holds contacts from (it moves forward with the day). */
  target(): number;
  wall: Clock;
  /** Each slice read, its contacts (a push shows the views what changed); `done` once the week is in. */
  onSlice(contacts: readonly Contact[], done: boolean): void;
}): WeekFill {
  let timer: Timer | null = null;
  let waiting = false;
  const step = () => {
    timer = null;
    waiting = false;
    const target = o.target();
    const to = o.recent.from;
    if (to <= target) return;
    const from = Math.max(target, to - SLICE_MS);
    const contacts = o.read(from, to);
    o.recent.extend(from, contacts);
    const done = from <= target;
    o.onSlice(contacts, done);
    if (!done) timer = o.wall.setTimeout(step, 0);
  };
  return {
    start() {
      if (timer !== null) return;
      waiting = true;
      timer = o.wall.setTimeout(step, FIRST_SNAPSHOT_WAIT_MS);
    },
    begin() {
      if (!waiting) return;
      waiting = false;
      timer?.clear();
      timer = o.wall.setTimeout(step, 0);
    },
    stop() {
      timer?.clear();
      timer = null;
      waiting = false;
    },
  };
}

export interface HeldContacts {
  recent: RecentContacts;
  /** Today's contacts as stored at start-up (the live floor is rebuilt from them). */
  today: Contact[];
  fill: WeekFill;
  /** Forget the days before the held ones (a new day). */
  prune(): void;
}

/**
 * The contacts the engine holds: the `days` business days before today, and today. Read while starting, or only
 * today while starting and the days before it after start() (`fillAfterStart`). Windows before the held days
 * read the store.
 */
export function holdContacts(o: {
  store: Pick<StoreReader, 'contactsQueuedBetween'>;
  day: CenterDay;
  wall: Clock;
  days: number;
  fillAfterStart: boolean;
  /** Each slice's contacts as read after start-up (the queues seen only in them). */
  onSlice(contacts: readonly Contact[]): void;
  filled(): void;
}): HeldContacts {
  const heldFrom = (dayStart: number) => dayStart - o.days * 86_400_000;
  const recent = new RecentContacts(o.fillAfterStart ? o.day.dayStart : heldFrom(o.day.dayStart));
  const read = (from: number, to: number) => o.store.contactsQueuedBetween(from, to);
  for (const c of read(recent.from, Number.MAX_SAFE_INTEGER)) recent.set(c);
  const today = [...recent.values()].filter((c) => c.queuedAt >= o.day.dayStart);
  const fill = weekFill({ recent, read, target: () => heldFrom(o.day.dayStart), wall: o.wall, onSlice: (cs, done) => (o.onSlice(cs), done && o.filled()) });
  return { recent, today, fill, prune: () => recent.prune(heldFrom(o.day.dayStart)) };
}
