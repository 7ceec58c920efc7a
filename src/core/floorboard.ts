/**
 * Assembles a running Floorboard from options: database, clock, engine, dispatcher and (optionally) the
 * simulated floor. Both runtimes call this; they differ only in how they expose `dispatch` and pushes.
 */
import { createDispatcher, type Dispatch } from './api/dispatch';
import { scaledClock, systemClock, type Clock } from './clock';
import { createEngine, type Engine } from './engine';
import type { CenterConfig } from './time/center-day';
import type { QueueSetting } from './feeds/queue-settings';
import { simulatedStreamEnd, startSimulatedFeed, type SurgeSpec } from './ingest/simulated-feed';
import { openDatabase } from './store/database';
import { createRetentionPurge } from './store/retention-purge';
import { describeStoreFault } from './store/store-faults';
import type { StoreReader } from './store/store';
import { createStoreReader } from './store/store-reader';
import { businessDayStart, isValidTimeZone } from './time/business-day';

export interface FloorboardOptions {
  dbPath: string;
  nativeBinding?: string;
  runtime: 'electron' | 'node';
  version: string;
  center?: Partial<CenterConfig>;
  simulate?: { seed: number; speed: number; scale?: number; surges?: SurgeSpec[] } | null;
  /** The wall clock (default: the system's): timers, and the center's clock unless simulated or started elsewhere. */
  wall?: Clock;
  /**
   * Tests only (`serve --test-start-at`): the center's clock starts at this instant instead of the wall's, and runs
   * at the simulated speed (1 without a simulated floor), so an end-to-end test sees the same hour of the day
   * whenever it runs.
   */
  startAt?: number;
  tickMs?: number;
  /** Queues' channel and time zone where feeds do not declare them (queue_log queues default to voice). */
  queues?: Record<string, QueueSetting>;
  /** The folders file feeds may point into (`serve --feed-dir`); none: any regular file. */
  feedDirs?: readonly string[];
  log?: (message: string) => void;
}

export interface Floorboard {
  engine: Engine;
  dispatch: Dispatch;
  close(): void;
}

export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The simulated floor's clock: `speed` times the wall clock, from now, or from just after the latest event the
 * database holds of this seed's simulated day when that is later; at speed 1 it then stays that far ahead of the
 * wall clock. A faster run that is stopped and started again
 * (the same day, the same seed) carries on where it was instead of going back to the wall clock's time, behind
 * the contacts it stored: those would be read again as duplicates, nothing new would come for as long, and a
 * scripted surge would start inside the stored day and take the ids of events already stored.
 */
function simulatedClock(store: StoreReader, base: Clock, simulate: { seed: number; speed: number }, center: CenterConfig, startAt: number | undefined): { clock: Clock; dayStart: number } {
  const now = startAt ?? base.now();
  // the stream is the one of the wall clock's day, even when its stored part already runs past midnight
  const dayStart = businessDayStart(now, center.timeZone, center.resetHour);
  const stored = simulatedStreamEnd(store, simulate.seed, dayStart, center.timeZone);
  const origin = stored !== null && stored >= now ? stored + 1 : now;
  return { clock: simulate.speed === 1 && origin === base.now() ? base : scaledClock({ origin, speed: simulate.speed, base }), dayStart };
}

export function openFloorboard(o: FloorboardOptions): Floorboard {
  const center: CenterConfig = {
    name: o.center?.name ?? (o.simulate ? 'Simulated center' : 'Contact center'),
    timeZone: o.center?.timeZone ?? defaultTimeZone(),
    resetHour: o.center?.resetHour ?? 0,
  };
  if (!isValidTimeZone(center.timeZone)) throw new Error(`Unknown time zone "${center.timeZone}" (use an IANA name such as Europe/London).`);
  if (!Number.isInteger(center.resetHour) || center.resetHour < 0 || center.resetHour > 23) {
    throw new Error(`The day reset hour must be a whole hour from 0 to 23 (got ${center.resetHour}).`);
  }
  const wall = o.wall ?? systemClock();
  const db = openDatabase({ path: o.dbPath, nativeBinding: o.nativeBinding });
  const simulated = o.simulate ? simulatedClock(createStoreReader(db), wall, o.simulate, center, o.startAt) : null;
  const clock = simulated?.clock ?? (o.startAt === undefined ? wall : scaledClock({ origin: o.startAt, speed: 1, base: wall }));
  const engine = createEngine({
    db,
    clock,
    wall,
    center,
    dbPath: o.dbPath,
    version: o.version,
    runtime: o.runtime,
    simulated: Boolean(o.simulate),
    tickMs: o.tickMs,
    queues: o.queues,
    feedDirs: o.feedDirs,
    log: o.log,
  });
  // a busy, read-only or full database is one line naming the path and the cause; anything else keeps its stack
  const fault = (e: unknown) => describeStoreFault(e, o.dbPath);
  const dispatch = createDispatcher(engine.handlers, (name, e, id) => o.log?.(`api ${name} failed (error ${id}): ${fault(e) ?? (e as Error).stack ?? e}`), fault);
  const feed = o.simulate
    ? startSimulatedFeed(engine, { seed: o.simulate.seed, timeZone: center.timeZone, resetHour: center.resetHour, scale: o.simulate.scale, surges: o.simulate.surges, dayStart: simulated?.dayStart, onError: (e) => o.log?.(`simulated feed: ${fault(e) ?? (e as Error).message}; retrying`) })
    : null;
  engine.start();
  // the daily purge of data older than its retention setting (store/retention.ts), in chunks between live work
  const retention = createRetentionPurge({ db, clock, wall, calendar: center, log: o.log });
  retention.start();
  let closed = false;
  return {
    engine,
    dispatch,
    close() {
      if (closed) return;
      closed = true;
      feed?.stop();
      retention.stop();
      engine.stop();
      db.close();
    },
  };
}
