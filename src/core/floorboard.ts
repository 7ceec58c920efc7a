/**
 * Assembles a running Floorboard from options: database, clock, engine, dispatcher and (optionally) the
 * simulated floor. Both runtimes call this; they differ only in how they expose `dispatch` and pushes.
 */
import { createAccess, type Access } from './access/access';
import { adminSecretPath, fileAdminSecret, fixedAdminSecret } from './access/admin-secret';
import { createPairing, type Pairing } from './access/pairing';
import { createScreens } from './access/screens';
import type { ScreenBoards } from './access/viewer-view';
import { createDispatcher, type Dispatch } from './api/dispatch';
import { boardsHandlers } from './api/handlers/boards';
import { centerHandlers } from './api/handlers/center';
import { reportsHandlers } from './api/handlers/reports';
import { reportScheduleHandlers } from './api/handlers/reports-schedules';
import { scaledClock, systemClock, type Clock } from './clock';
import { createEngine, type Engine } from './engine';
import type { CenterConfig } from './time/center-day';
import type { QueueSetting } from './feeds/queue-settings';
import { simulatedStreamEnd, startSimulatedFeed, type SurgeSpec } from './ingest/simulated-feed';
import { publishSimulatedHours } from './simulator/published-hours';
import { openDatabase, type Db } from './store/database';
import { createRetentionPurge } from './store/retention-purge';
import { createStoreWriter } from './store/store-writer';
import { centerProblems, defaultCenter, effectiveCenter, isUnset, type CenterSettings } from './center/center-settings';
import { describeStoreFault } from './store/store-faults';
import type { StoreReader } from './store/store';
import { createStoreReader } from './store/store-reader';
import { businessDayStart } from './time/business-day';
import { DEFAULT_SHORT_ABANDON_SECONDS } from './model/types';
import { createReportJobs, type ReportJobs } from './reports/report-jobs';
import { createReportScheduler } from './reports/report-schedules';
import { reportScheduleStore } from './store/report-schedules';
import { createBoardsService } from './boards/boards-store';
import { boardSnapshot } from './boards/board-view';
import { boardVersionReads, boardVersionWrites } from './store/boards';
import { smtpSettingsStore } from './store/smtp-settings';
import { smtpMailSender } from './reports/report-mail';
import type { ReportPeriod } from './reports/report-period';
import { inProcessRunner, workerRunner, type ReportWorkerEntry } from './reports/report-runner';

export interface FloorboardOptions {
  dbPath: string;
  nativeBinding?: string;
  runtime: 'electron' | 'node';
  version: string;
  /** Settings for this run only (flags), over the database's (core/center/center-settings.ts). */
  center?: Partial<CenterSettings>;
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
  /**
   * Days before today of contacts held in memory for the week's figures (default 8). `ingest` holds none: it only
   * writes the store, and a week held while it is written is memory that grows with the file.
   */
  recentDays?: number;
  /** Serve the live floor first and read the last days' contacts after engine.start() (the host, the app). */
  fillWeekAfterStart?: boolean;
  /** Called once the last days are read (a host collects the read's garbage then: server/release-memory.ts). */
  afterWeekFill?: () => void;
  /** Queues' channel and time zone where feeds do not declare them (queue_log queues default to voice). */
  queues?: Record<string, QueueSetting>;
  /** The folders file feeds may point into (`serve --feed-dir`); none: any regular file. */
  feedDirs?: readonly string[];
  log?: (message: string) => void;
  /** The boards screens are bound to, and the floor cut to one (core/boards); none: no screen's token is accepted. */
  screens?: ScreenBoards;
  /** Reports (core/reports/report-jobs.ts): how the runtime starts the worker, and the desktop app's folder. */
  reports?: {
    /** The worker's entry: the desktop app's bundle names its own; default, the source file through tsx. */
    worker?: ReportWorkerEntry;
    /** The desktop app: the folder a period's files are written to. */
    folderFor?: (period: ReportPeriod) => string;
    /** The desktop app: show a file in its folder (serves `reports/reveal`). */
    reveal?: (file: string) => void;
  };
}

export interface Floorboard {
  engine: Engine;
  /** The center's settings this run uses. */
  center: CenterSettings;
  /** Dispatches as admin unless told the caller (the host tells it: core/access). */
  dispatch: Dispatch;
  /** The admin secret (made beside the database at first start), its sessions and the viewer tokens. */
  access: Access;
  /** Report exports and their files (the host serves them at /reports/<job>/<file>). */
  reports: ReportJobs;
  /** Codes shown by boards opened without a token, bound by boards/pair (the host serves /pair/*). */
  pairing: Pairing;
  close(): void;
}

/**
 * The center's settings this run uses (core/center/center-settings.ts): a flag, else the database's, else the
 * default; a database that never had any stores what this first run uses, so every later process agrees with it.
 */
function centerDefaults(o: FloorboardOptions): CenterSettings {
  return defaultCenter(o.simulate ? 'Simulated center' : 'Contact center', defaultTimeZone());
}

function centerOf(db: Db, o: FloorboardOptions): CenterSettings {
  const stored = createStoreReader(db).centerSettings();
  const settings = effectiveCenter(stored, o.center ?? {}, centerDefaults(o));
  const problems = centerProblems(settings);
  if (problems.length > 0) throw new Error(`the stored center settings are not valid: ${problems.join('; ')} (fix them with "npm run cli -- center set")`);
  if (isUnset(stored)) createStoreWriter(db).saveCenterSettings(settings, Date.now());
  return settings;
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
  // the flags' settings are checked before the database is opened: a typo is one line, and nothing is written
  const problems = centerProblems(o.center ?? {});
  if (problems.length > 0) throw new Error(`${problems.join('; ')}.`);
  const wall = o.wall ?? systemClock();
  const db = openDatabase({ path: o.dbPath, nativeBinding: o.nativeBinding });
  let secret;
  let settings: CenterSettings;
  try {
    secret = o.dbPath === ':memory:' ? fixedAdminSecret() : fileAdminSecret(adminSecretPath(o.dbPath));
    settings = centerOf(db, o);
  } catch (e) {
    db.close();
    throw new Error(`${o.dbPath}: ${(e as Error).message}`, { cause: e });
  }
  const center: CenterConfig = { name: settings.name, timeZone: settings.timeZone, resetHour: settings.resetHour };
  const simulated = o.simulate ? simulatedClock(createStoreReader(db), wall, o.simulate, center, o.startAt) : null;
  const clock = simulated?.clock ?? (o.startAt === undefined ? wall : scaledClock({ origin: o.startAt, speed: 1, base: wall }));
  // before the engine seeds the defaults: the demo's tiles must not read CLOSED while its night crew takes calls
  if (o.simulate) publishSimulatedHours(createStoreWriter(db), center.timeZone, wall.now());
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
    recentDays: o.recentDays,
    fillWeekAfterStart: o.fillWeekAfterStart,
    afterWeekFill: o.afterWeekFill,
    queues: o.queues,
    feedDirs: o.feedDirs,
    log: o.log,
  });
  // a busy, read-only or full database is one line naming the path and the cause; anything else keeps its stack
  const fault = (e: unknown) => describeStoreFault(e, o.dbPath);
  // a new database gets the `floor` board here, on its first start (as the standards' defaults in the engine)
  const boards = createBoardsService({ ...boardVersionReads(db), ...boardVersionWrites(db) }, { now: () => wall.now() });
  // screens: viewer tokens bound to a board, shown the floor cut to it (core/boards/board-view.ts)
  const screenBoards = o.screens ?? { boardOf: (name: string) => boards.get(name)?.board ?? null, cut: boardSnapshot };
  const access = createAccess({ store: engine.store, secret, now: () => wall.now(), screens: screenBoards });
  const pairing = createPairing(() => wall.now());
  const screens = createScreens({ store: engine.store, now: () => wall.now(), boardOf: screenBoards.boardOf, pairing });
  // an in-memory database (tests) cannot be opened by a worker's connection: its reports are built in this thread
  const runner = o.dbPath === ':memory:' ? inProcessRunner(engine.store) : workerRunner({ dbPath: o.dbPath, nativeBinding: o.nativeBinding, entry: o.reports?.worker ?? 'source' });
  const reports = createReportJobs({ runner, now: () => wall.now(), folderFor: o.reports?.folderFor });
  const calendar = { timeZone: settings.timeZone, resetHour: settings.resetHour, weekStart: settings.weekStart };
  const reportHandlers = reportsHandlers({ jobs: reports, calendar, centerNow: () => clock.now(), shortAbandonSeconds: DEFAULT_SHORT_ABANDON_SECONDS, reveal: o.reports?.reveal });
  const scheduleStore = reportScheduleStore(db);
  const smtp = smtpSettingsStore(db);
  const scheduleHandlers = reportScheduleHandlers({ schedules: scheduleStore, smtp, timeZone: settings.timeZone, centerNow: () => clock.now(), wallNow: () => wall.now() });
  const dispatch = createDispatcher(
    {
      ...engine.handlers,
      ...access.handlers,
      ...screens.handlers,
      ...reportHandlers,
      ...scheduleHandlers,
      ...centerHandlers({ store: engine.store, inUse: settings, flags: o.center ?? {}, defaults: centerDefaults(o), now: () => wall.now() }),
      ...boardsHandlers({ boards, screens }),
    },
    { view: access.view, onError: (name, e, id) => o.log?.(`api ${name} failed (error ${id}): ${fault(e) ?? (e as Error).stack ?? e}`), describe: fault },
  );
  const feed = o.simulate
    ? startSimulatedFeed(engine, { seed: o.simulate.seed, timeZone: center.timeZone, resetHour: center.resetHour, scale: o.simulate.scale, surges: o.simulate.surges, dayStart: simulated?.dayStart, onError: (e) => o.log?.(`simulated feed: ${fault(e) ?? (e as Error).message}; retrying`) })
    : null;
  engine.start();
  // scheduled reports (core/reports/report-schedules.ts), on the center's clock, each run claimed by one process
  const schedules = createReportScheduler({ store: scheduleStore, runner, clock, calendar, shortAbandonSeconds: DEFAULT_SHORT_ABANDON_SECONDS, wallNow: () => wall.now(), mail: smtpMailSender(() => smtp.settings()), log: o.log });
  schedules.start();
  // the daily purge of data older than its retention setting (store/retention.ts), in chunks between live work
  const retention = createRetentionPurge({ db, clock, wall, calendar: center, log: o.log });
  retention.start();
  let closed = false;
  return {
    engine,
    center: settings,
    dispatch,
    access,
    reports,
    pairing,
    close() {
      if (closed) return;
      closed = true;
      reports.close();
      feed?.stop();
      retention.stop();
      schedules.stop();
      engine.stop();
      db.close();
    },
  };
}
