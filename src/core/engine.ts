/**
 * The engine: the one place that ingests events, keeps the live floor, and answers the Api.
 * Runtime-agnostic: it gets a database, a clock and options; the Electron main process and the headless
 * host only adapt its handlers and pushes to IPC or HTTP/WebSocket.
 */
import { LONGEST_WAITING_LIMIT, type EngineHandlers, type FloorSnapshot, type IngestSummary, type PushEvents, type PushName } from '../shared/api';
import { safely, systemClock, type Clock, type Timer } from './clock';
import type { AdapterContext, FeedAdapter } from './ingest/adapter';
import { parseNdjsonLines } from './ingest/ndjson';
import type { SourceLine } from './ingest/source-lines';
import { createHandlers } from './api/handlers';
import { createFeedManager, type FeedManager } from './feeds/feed-manager';
import { CONFIGURATION_SOURCE, queueSettingLines, type QueueSetting } from './feeds/queue-settings';
import { createImports } from './feeds/imports';
import { LiveFloor } from './live/live-floor';
import { QUEUES_REMEMBERED_MS, rebuildFloor } from './live/rebuild-floor';
import { occupancy, OCCUPANCY_DEFINITION } from './metrics/agent-metrics';
import { SERVICE_LEVEL_DEFINITION } from './metrics/contact-metrics';
import { holdContacts } from './metrics/week-fill';
import { DEFAULT_SHORT_ABANDON_SECONDS } from './model/types';
import { floorFactsReader } from './standards/floor-facts-reader';
import { createStandardsRuntime } from './standards/standards-runtime';
import type { Db } from './store/database';
import type { BatchResult, FileCursor, ParsedLine, StoreWriter } from './store/store';
import { createStoreWriter } from './store/store-writer';
import { CenterDay, type CenterConfig } from './time/center-day';

export interface EngineOptions {
  db: Db;
  /** The center's clock: the instant figures are computed at (src/core/clock.ts). */
  clock: Clock;
  /** The wall clock: pushes and file polls (default: the system's). */
  wall?: Clock;
  center: CenterConfig;
  dbPath: string;
  version: string;
  runtime: 'electron' | 'node';
  simulated?: boolean;
  /** Push a snapshot at least this often (ms). Default 1000. */
  tickMs?: number;
  /**
   * Queues configured by the operator: their channel (queue_log queues are voice unless configured) and time
   * zone. Stored as queue.config events of the source "configuration" when they change.
   */
  queues?: Record<string, QueueSetting>;
  /** After new events, push within this many ms (coalesced). Default 50. */
  pushDelayMs?: number;
  staleAfterSeconds?: number;
  shortAbandonSeconds?: number;
  intervalMinutes?: number;
  log?: (message: string) => void;
  /** Days before today of contacts held in memory for history windows (default 8; 0 for a batch import). */
  recentDays?: number;
  /** Read only today's contacts while starting, the days before after start() (metrics/week-fill.ts). */
  fillWeekAfterStart?: boolean;
  /** Called once that fill is done: the host gives back the read's garbage (server/release-memory.ts). */
  afterWeekFill?: () => void;
  /** The folders file feeds may point into (`serve --feed-dir`); none: any regular file. */
  feedDirs?: readonly string[];
  /** Quarantined lines kept per source (default 10,000: store/quarantine.ts). */
  quarantineCap?: number;
}

const DEFAULT_RECENT_DAYS = 8;
type PushListener = <E extends PushName>(event: E, payload: PushEvents[E]) => void;

export interface Engine {
  readonly handlers: EngineHandlers;
  readonly store: StoreWriter;
  readonly clock: Clock;
  readonly wall: Clock;
  /** Parse and store lines of a native NDJSON source, then apply the new events to the live floor. */
  ingestNdjson(source: string, lines: SourceLine[]): IngestSummary;
  /** Store already-parsed lines (adapters), then apply the new events to the live floor. */
  ingestParsed(source: string, format: string, lines: ParsedLine[], sameAsRaw?: boolean): IngestSummary;
  /** What feed adapters may ask of the floor: queue channels and agents' last known states. */
  readonly adapterContext: AdapterContext;
  /**
   * Parse lines with a feed adapter, store them, and apply the new events. A file tail passes its cursor,
   * written in the same transaction as the lines.
   */
  ingestWith(adapter: FeedAdapter, source: string, lines: SourceLine[], cursor?: FileCursor | null): IngestSummary;
  /** Configured feeds (file tails, webhooks): started and stopped with the engine. */
  readonly feeds: FeedManager;
  snapshot(): FloorSnapshot;
  /** Roll the day if due and push a snapshot now. */
  tick(): void;
  subscribe(listener: PushListener): () => void;
  /** Start the tick timer. */
  start(): void;
  /** Stop timers; the caller closes the database. */
  stop(): void;
}

export function createEngine(options: EngineOptions): Engine {
  const { clock, center } = options;
  const wall = options.wall ?? systemClock();
  const store = createStoreWriter(options.db, () => clock.now(), { quarantineCap: options.quarantineCap });
  const pushDelayMs = options.pushDelayMs ?? 50;
  const shortAbandonSeconds = options.shortAbandonSeconds ?? DEFAULT_SHORT_ABANDON_SECONDS;
  const intervalMinutes = options.intervalMinutes ?? 15;
  const listeners = new Set<PushListener>();
  const queueSettings = new Map(Object.entries(options.queues ?? {}));
  const totals = { ...store.totals(), duplicates: 0, lastQuarantine: store.quarantine(1, null)[0] ?? null };
  let lastEventAt: number | null = null;
  let timer: Timer | null = null;
  let pending: Timer | null = null;

  const day = new CenterDay(clock.now(), center);
  // the last days' contacts in memory (RecentContacts); once a fill is done, its figures at once, not in 5 s
  const fillAfterStart = options.fillWeekAfterStart ?? false;
  const held = holdContacts({
    store, day, wall, days: options.recentDays ?? DEFAULT_RECENT_DAYS, fillAfterStart,
    onSlice: (cs) => cs.forEach((c) => c.queuedAt >= day.dayStart - QUEUES_REMEMBERED_MS && floor.seeQueue(c.queue, c.channel)),
    filled: () => (standards.evaluate(clock.now()), schedulePush(), options.afterWeekFill?.()),
  });
  const recent = held.recent;
  // a contact the floor does not hold yet and its batch does not carry: as stored before
  const floor = new LiveFloor({ shortAbandonMs: shortAbandonSeconds * 1000, intervalMs: intervalMinutes * 60_000, storedContact: (id) => store.contact(id) });
  // start-up only: the live path is incremental
  rebuildFloor(floor, store, day.dayStart, held.today, fillAfterStart);
  const facts = floorFactsReader({ day, timeZone: center.timeZone, intervalMinutes, recent, floor, store });
  const standards = createStandardsRuntime({
    store,
    clock,
    timeZone: center.timeZone,
    facts: facts.at,
    takeChanges: () => recent.takeChanges(),
    onFired: (fired) => {
      for (const l of listeners) l('alerts/fired', fired);
    },
  });

  function applyBatch(r: BatchResult): IngestSummary {
    for (const c of r.contacts.values()) recent.set(c);
    floor.applyBatch(r.events, r.contacts);
    totals.accepted += r.events.length;
    totals.duplicates += r.duplicates;
    totals.quarantined += r.quarantined;
    if (r.quarantined > 0) totals.lastQuarantine = store.quarantine(1, null)[0] ?? totals.lastQuarantine;
    if (r.events.length > 0) lastEventAt = clock.now();
    if (r.events.length > 0 || r.quarantined > 0) schedulePush();
    return { accepted: r.accepted, events: r.events.length, duplicates: r.duplicates, quarantined: r.quarantined, errors: r.errors };
  }

  const adapterContext: AdapterContext = {
    queueChannel: (queue) => floor.queueConfig(queue)?.channel ?? queueSettings.get(queue)?.channel ?? 'voice',
    agentState: (id) => floor.agentState(id),
  };
  const ingestWith = (adapter: FeedAdapter, source: string, lines: SourceLine[], cursor: FileCursor | null = null) =>
    applyBatch(store.writeBatch({ source, format: adapter.format, lines: adapter.parse(lines), sameAsRaw: adapter.format === 'ndjson', cursor, dedupe: adapter.dedupe }));
  const ingestNdjson = (source: string, lines: SourceLine[]) => applyBatch(store.writeBatch({ source, format: 'ndjson', lines: parseNdjsonLines(lines), sameAsRaw: true }));

  const feeds = createFeedManager({ store, clock, wall, adapterContext, ingest: ingestWith, log: options.log, feedDirs: options.feedDirs });
  const imports = createImports({ adapterContext, ingestWith, isFeed: (name) => feeds.has(name), lineAt: (source, position) => store.lineAt(source, position) });

  function schedulePush(): void {
    if (pending !== null || listeners.size === 0) return;
    pending = wall.setTimeout(() => {
      pending = null;
      push();
    }, pushDelayMs);
  }

  function push(): void {
    if (listeners.size === 0) return;
    const snap = snapshot();
    for (const l of listeners) l('floor/snapshot', snap);
  }

  function rollDay(): void {
    if (!day.roll(clock.now())) return;
    floor.resetDay(day.dayStart);
    held.prune();
  }

  function snapshot(): FloorSnapshot {
    rollDay();
    const now = clock.now();
    // evaluated on the tick (every STANDARDS_EVERY_MS) or after a save, not on every snapshot: a snapshot carries the
    // last evaluation and stays cheap. Evaluated first when due: an evaluation's garbage, collected while this
    // snapshot's rows are half built, would keep them alive and teach V8 to allocate every later snapshot's rows in
    // the old space (tick p50 1.5 -> 2.3 ms when it came after them).
    const evaluation = standards.latest(now);
    const queues = floor.queuesLive(now);
    const agents = floor.agentSummary(now);
    held.fill.begin(); // the live floor served first, the days before read behind it
    return {
      now,
      center: { ...center, dayStart: day.dayStart },
      lastEventAt,
      staleAfterSeconds: options.staleAfterSeconds ?? 120,
      simulated: options.simulated ?? false,
      definitions: { serviceLevel: SERVICE_LEVEL_DEFINITION, shortAbandonSeconds, occupancy: OCCUPANCY_DEFINITION },
      channels: floor.channelsLive(queues, agents.byChannel),
      queues,
      longestWaiting: floor.longestWaiting(now, LONGEST_WAITING_LIMIT),
      agents: floor.agentRows(now),
      agentsByState: agents.byState,
      occupancy: occupancy(agents.stateTimes),
      intervals: { minutes: intervalMinutes, points: floor.intervalPoints() },
      ingest: { accepted: totals.accepted, duplicates: totals.duplicates, quarantined: totals.quarantined, lastQuarantine: totals.lastQuarantine },
      feeds: feeds.statuses(),
      standards: evaluation,
      alerts: standards.alerts.summary(now),
    };
  }

  const handlers = createHandlers({
    app: { version: options.version, dbPath: options.dbPath, simulated: options.simulated ?? false, runtime: options.runtime },
    floor: { snapshot },
    ingest: { isFeed: (name) => feeds.has(name), checkpoint: (source) => store.checkpoint(source), ingestNdjson },
    metrics: { store, recent, shortAbandonSeconds, timeZone: center.timeZone },
    quarantine: { store },
    standards: { clock, standards, facts, day, timeZone: center.timeZone, intervalMinutes, recent, changed: schedulePush },
    alerts: { clock, store, alerts: standards.alerts, changed: schedulePush },
    feeds: { feeds },
    import: { imports },
  });
  const settingLines = queueSettingLines(queueSettings, store.queues(), store.checkpoint(CONFIGURATION_SOURCE), clock.now());
  if (settingLines.length > 0) applyBatch(store.writeBatch({ source: CONFIGURATION_SOURCE, format: 'config', lines: settingLines }));

  const engine: Engine = {
    handlers,
    store,
    clock,
    wall,
    adapterContext,
    feeds,
    ingestNdjson,
    ingestParsed: (source, format, lines, sameAsRaw = false) => applyBatch(store.writeBatch({ source, format, lines, sameAsRaw })),
    ingestWith,
    snapshot,
    tick() {
      rollDay();
      // standards and their alerts advance with the clock, whether or not anyone is watching
      standards.refresh(clock.now());
      push();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      // a tick that fails (a database busy past its timeout while alerts are written) is logged; the next one retries
      if (timer === null) timer = wall.setInterval(() => safely(() => engine.tick(), (e) => options.log?.(`tick failed: ${e.message}`)), options.tickMs ?? 1000);
      feeds.start();
      held.fill.start();
    },
    stop() {
      feeds.stop();
      held.fill.stop();
      timer?.clear();
      pending?.clear();
      timer = pending = null;
      listeners.clear();
    },
  };
  return engine;
}
