/**
 * Assembles a running Floorboard from options: database, clock, engine, dispatcher and (optionally) the
 * simulated floor. Both runtimes call this; they differ only in how they expose `dispatch` and pushes.
 */
import { createDispatcher, type Dispatch } from './api/dispatch';
import { scaledClock, systemClock, type Clock } from './clock';
import { createEngine, type CenterConfig, type Engine, type QueueSetting } from './engine';
import { startSimulatedFeed, type SurgeSpec } from './ingest/simulated-feed';
import { openDatabase } from './store/database';
import { isValidTimeZone } from './time/business-day';

export interface FloorboardOptions {
  dbPath: string;
  nativeBinding?: string;
  runtime: 'electron' | 'node';
  version: string;
  center?: Partial<CenterConfig>;
  simulate?: { seed: number; speed: number; scale?: number; surges?: SurgeSpec[] } | null;
  clock?: Clock;
  tickMs?: number;
  /** Queues' channel and time zone where feeds do not declare them (queue_log queues default to voice). */
  queues?: Record<string, QueueSetting>;
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
  const base = o.clock ?? systemClock();
  const clock = o.simulate && o.simulate.speed !== 1 ? scaledClock({ origin: base.now(), speed: o.simulate.speed, base }) : base;
  const db = openDatabase({ path: o.dbPath, nativeBinding: o.nativeBinding });
  const engine = createEngine({
    db,
    clock,
    center,
    dbPath: o.dbPath,
    version: o.version,
    runtime: o.runtime,
    simulated: Boolean(o.simulate),
    tickMs: o.tickMs,
    queues: o.queues,
    log: o.log,
  });
  const dispatch = createDispatcher(engine.handlers, (name, e) => o.log?.(`api ${name} failed: ${(e as Error).stack ?? e}`));
  const feed = o.simulate
    ? startSimulatedFeed(engine, { seed: o.simulate.seed, timeZone: center.timeZone, resetHour: center.resetHour, scale: o.simulate.scale, surges: o.simulate.surges })
    : null;
  engine.start();
  let closed = false;
  return {
    engine,
    dispatch,
    close() {
      if (closed) return;
      closed = true;
      feed?.stop();
      engine.stop();
      db.close();
    },
  };
}
