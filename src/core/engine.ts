/**
 * The engine: the one place that ingests events, keeps the live floor, and answers the Api.
 * Runtime-agnostic: it gets a database, a clock and options; the Electron main process and the headless
 * host only adapt its handlers and pushes to IPC or HTTP/WebSocket.
 */
import type { Api, FloorSnapshot, IngestSummary, PushEvents, PushName } from '../shared/api';
import type { Clock } from './clock';
import type { CanonicalEvent } from './model/events';
import type { AdapterContext, FeedAdapter } from './ingest/adapter';
import { parseNdjsonLines, type SourceLine } from './ingest/ndjson';
import { createFeedManager, type FeedManager } from './feeds/feed-manager';
import { createImports } from './feeds/imports';
import { RefusedError } from './api/refused';
import { LiveFloor, stateSpan } from './live/live-floor';
import { OCCUPANCY_DEFINITION } from './metrics/agent-metrics';
import { SERVICE_LEVEL_DEFINITION } from './metrics/contact-metrics';
import { windowMetrics } from './metrics/window-metrics';
import { RecentContacts } from './metrics/recent-contacts';
import { DEFAULT_SHORT_ABANDON_SECONDS, silentAt, type Channel, type Contact } from './model/types';
import type { Db } from './store/database';
import { createStore, rowToContact, type BatchResult, type FileCursor, type ParsedLine } from './store/store';
import { businessDayStart, businessDayStartBefore, nextBusinessDayStart } from './time/business-day';
import { createStandardsService } from './standards/standards-store';
import { EvaluationCache, evaluateStandards, type FloorFacts } from './standards/evaluate';
import { whatIf } from './standards/what-if';
import { drillDown } from './standards/drill';
import { staffingByInterval } from './standards/staffing-intervals';
import { AlertMonitor, alertView } from './standards/alerts';
import type { AlertView } from '../shared/standards';
import type { StandardsEvaluation } from '../shared/standards';

export interface CenterConfig {
  name: string;
  /** IANA zone of the center: "today" and the clock shown follow it, not the viewer's zone. */
  timeZone: string;
  /** Local hour at which "today" resets (0-23). */
  resetHour: number;
}

export interface QueueSetting {
  channel: Channel;
  timeZone?: string;
}

export interface EngineOptions {
  db: Db;
  clock: Clock;
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
  /** Days of contacts held in memory for history windows (default 8: a week under review and today). */
  recentDays?: number;
}

const DEFAULT_RECENT_DAYS = 8;
/** Standards are evaluated again at most this often (their windows are minutes to a week long). */
const STANDARDS_EVERY_MS = 5000;

/** The source of the operator's settings stored as events (queue channels and time zones). */
export const CONFIGURATION_SOURCE = 'configuration';

export type PushListener = <E extends PushName>(event: E, payload: PushEvents[E]) => void;

export interface Engine {
  readonly handlers: Api;
  readonly store: ReturnType<typeof createStore>;
  readonly clock: Clock;
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
  const store = createStore(options.db, () => clock.now());
  const tickMs = options.tickMs ?? 1000;
  const pushDelayMs = options.pushDelayMs ?? 50;
  const shortAbandonSeconds = options.shortAbandonSeconds ?? DEFAULT_SHORT_ABANDON_SECONDS;
  const intervalMinutes = options.intervalMinutes ?? 15;
  const listeners = new Set<PushListener>();
  const queueSettings = new Map(Object.entries(options.queues ?? {}));
  const totals = { ...store.totals(), duplicates: 0, lastQuarantine: store.quarantine(1, null)[0] ?? null };
  let lastEventAt: number | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let pending: ReturnType<typeof setTimeout> | null = null;

  /** The last days' contacts in memory for history windows (a week under review): see RecentContacts. */
  const recentFrom = (day: number) => day - (options.recentDays ?? DEFAULT_RECENT_DAYS) * 86_400_000;
  const recent = new RecentContacts(recentFrom(businessDayStart(clock.now(), center.timeZone, center.resetHour)));
  for (const c of store.contactsQueuedBetween(recent.from, Number.MAX_SAFE_INTEGER)) recent.set(c);
  const floor = new LiveFloor({
    shortAbandonMs: shortAbandonSeconds * 1000,
    intervalMs: intervalMinutes * 60_000,
    // a contact the floor does not hold yet and its batch does not carry: as stored before
    storedContact: (id) => store.contact(id),
  });
  const standards = createStandardsService(store, { now: () => clock.now(), timeZone: center.timeZone });
  let dayStart = businessDayStart(clock.now(), center.timeZone, center.resetHour);
  let nextDayStart = nextBusinessDayStart(dayStart, center.timeZone, center.resetHour);
  /** The start of the standards' week window: 6 business days before today's (kept with the day). */
  let weekStart = businessDayStartBefore(dayStart, 6, center.timeZone, center.resetHour);
  rebuild();

  /** Rebuild the live floor from the store (start-up only: the live path is incremental). */
  function rebuild(): void {
    floor.resetDay(dayStart);
    for (const q of store.queues()) floor.setQueue(q);
    const times = new Map<string, Record<string, number>>();
    const reasons = new Map<string, Map<string, number>>();
    for (const s of store.agentStatesSince(dayStart)) {
      if (s.end_at === null) continue;
      const t = times.get(s.agent_id) ?? {};
      // as the live floor counts it: in the state until the agent fell silent, offline after
      const { inState: ms, offline } = stateSpan(s.state, s.start_at, s.end_at, dayStart);
      t[s.state] = (t[s.state] ?? 0) + ms;
      t.offline = (t.offline ?? 0) + offline;
      times.set(s.agent_id, t);
      if (s.state === 'not-ready') {
        const r = reasons.get(s.agent_id) ?? new Map<string, number>();
        r.set(s.reason ?? '', (r.get(s.reason ?? '') ?? 0) + ms);
        reasons.set(s.agent_id, r);
      }
    }
    for (const a of store.currentAgents()) {
      const t = times.get(a.id) ?? {};
      floor.loadAgent(
        a,
        {
          available: t.available ?? 0,
          'on-contact': t['on-contact'] ?? 0,
          'after-contact-work': t['after-contact-work'] ?? 0,
          'not-ready': t['not-ready'] ?? 0,
          offline: t.offline ?? 0,
        },
        reasons.get(a.id),
      );
    }
    const seen = new Set<string>();
    const load = (cs: Iterable<Contact>) => {
      for (const c of cs) if (!seen.has(c.id)) (seen.add(c.id), floor.loadContact(c));
    };
    load(store.contactsWaitingBefore(dayStart));
    // today's contacts: among the recent ones already read from the store
    load([...recent.values()].filter((c) => c.queuedAt >= dayStart));
    load(store.contactsWithAgents());
  }

  function applyBatch(r: BatchResult): IngestSummary {
    const merged = new Map<string, Contact>();
    for (const row of r.contacts.values()) {
      const c = rowToContact(row);
      if (c) {
        recent.set(c);
        merged.set(c.id, c);
      }
    }
    floor.applyBatch(r.events, merged);
    totals.accepted += r.events.length;
    totals.duplicates += r.duplicates;
    totals.quarantined += r.quarantined;
    if (r.quarantined > 0) totals.lastQuarantine = store.quarantine(1, null)[0] ?? totals.lastQuarantine;
    if (r.events.length > 0) {
      lastEventAt = clock.now();
      schedulePush();
    } else if (r.quarantined > 0) schedulePush();
    return { accepted: r.accepted, events: r.events.length, duplicates: r.duplicates, quarantined: r.quarantined, errors: r.errors };
  }

  function schedulePush(): void {
    if (pending !== null || listeners.size === 0) return;
    pending = setTimeout(() => {
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
    const now = clock.now();
    if (now < nextDayStart && now >= dayStart) return;
    dayStart = businessDayStart(now, center.timeZone, center.resetHour);
    nextDayStart = nextBusinessDayStart(dayStart, center.timeZone, center.resetHour);
    weekStart = businessDayStartBefore(dayStart, 6, center.timeZone, center.resetHour);
    floor.resetDay(dayStart);
    recent.prune(recentFrom(dayStart));
  }

  /** The operator's queue settings that differ from what the store knows, stored and applied as queue.config. */
  function applyQueueSettings(): void {
    const known = new Map(store.queues().map((q) => [q.name, q]));
    const lines: ParsedLine[] = [];
    let position = store.checkpoint(CONFIGURATION_SOURCE);
    for (const [queue, q] of queueSettings) {
      const k = known.get(queue);
      if (k && k.channel === q.channel && (q.timeZone === undefined || k.timeZone === q.timeZone)) continue;
      const e: CanonicalEvent = { v: 1, id: `config:queue:${queue}:${q.channel}:${q.timeZone ?? ''}:${clock.now()}`, type: 'queue.config', ts: clock.now(), queue, channel: q.channel, timeZone: q.timeZone };
      lines.push({ position: ++position, text: JSON.stringify(e), events: [e] });
    }
    if (lines.length > 0) applyBatch(store.writeBatch(CONFIGURATION_SOURCE, 'config', lines));
  }

  /** The last evaluation of the standards, redone at most every few seconds (and after a save). */
  const evaluationCache = new EvaluationCache();
  let evaluation: StandardsEvaluation | null = null;
  const alerts = new AlertMonitor(store);
  function floorFacts(now: number): FloorFacts {
    return {
      now,
      dayStart,
      weekStart,
      timeZone: center.timeZone,
      intervalMinutes,
      contacts: recent.values(),
      // as the live floor holds them (kept from the store and the events), not read from SQL on each evaluation
      queues: floor.queueConfigs(),
      waitingNow: floor.waitingNow(now),
      agents: floor.agentTimes(now),
      agentIntervals: agentIntervalsReader(),
    };
  }

  /**
   * The stored agent-state intervals overlapping [from, now], with each agent's capacity, read when a coverage
   * standard asks and once per window start in an evaluation (each channel's cell of each coverage standard
   * asks for the same intervals).
   */
  function agentIntervalsReader() {
    const read = new Map<number, ReturnType<NonNullable<FloorFacts['agentIntervals']>>>();
    return (from: number) => {
      let intervals = read.get(from);
      if (intervals === undefined) {
        const capacity = floor.agentCapacities();
        // a state lasts at most until the agent fell silent (silentAt): its end is then that instant
        intervals = store.agentStatesSince(from).map((i) => {
          const silent = silentAt(i.state, i.start_at);
          return { agentId: i.agent_id, state: i.state, start: i.start_at, end: silent < (i.end_at ?? Infinity) ? silent : i.end_at, capacity: capacity.get(i.agent_id) ?? {} };
        });
        read.set(from, intervals);
      }
      return intervals;
    };
  }
  function evaluate(now: number): StandardsEvaluation {
    const v = standards.at(now);
    const facts = floorFacts(now);
    // the settled contacts' figures of today's and the week's windows carry over from the last evaluation
    facts.cache = { passes: evaluationCache, changed: recent.takeChanges(), rulesKey: `${v.version}|${JSON.stringify(facts.queues)}` };
    evaluation = evaluateStandards(v.set, v.version, facts);
    const fired = alerts.update(v.set, evaluation);
    if (fired.length > 0) for (const l of listeners) l('alerts/fired', fired);
    return evaluation;
  }

  /** Evaluate the standards when the last evaluation is older than STANDARDS_EVERY_MS (or the clock went back). */
  function refreshStandards(now: number): void {
    if (evaluation === null || now - evaluation.at >= STANDARDS_EVERY_MS || now < evaluation.at) evaluate(now);
  }

  const known = (v: AlertView | null, id: number): AlertView => {
    if (!v) throw new RefusedError(`no alert ${id}`);
    return v;
  };

  function snapshot(): FloorSnapshot {
    rollDay();
    const now = clock.now();
    const queues = floor.queuesLive(now);
    // evaluated on the tick (every STANDARDS_EVERY_MS) or after a save, not on every snapshot: a snapshot
    // carries the last evaluation and stays cheap
    if (evaluation === null) evaluate(now);
    return {
      now,
      center: { ...center, dayStart },
      lastEventAt,
      staleAfterSeconds: options.staleAfterSeconds ?? 120,
      simulated: options.simulated ?? false,
      definitions: { serviceLevel: SERVICE_LEVEL_DEFINITION, shortAbandonSeconds, occupancy: OCCUPANCY_DEFINITION },
      channels: floor.channelsLive(now, queues),
      queues,
      agents: floor.agentRows(now),
      agentsByState: floor.agentsByState(now),
      occupancy: floor.occupancy(now),
      intervals: { minutes: intervalMinutes, points: floor.intervalPoints() },
      ingest: { accepted: totals.accepted, duplicates: totals.duplicates, quarantined: totals.quarantined, lastQuarantine: totals.lastQuarantine },
      feeds: feeds.statuses(),
      standards: evaluation,
      alerts: alerts.summary(now),
    };
  }

  const engine: Engine = {
    store,
    clock,
    ingestNdjson(source, lines) {
      return applyBatch(store.writeBatch(source, 'ndjson', parseNdjsonLines(lines), true));
    },
    ingestParsed(source, format, lines, sameAsRaw = false) {
      return applyBatch(store.writeBatch(source, format, lines, sameAsRaw));
    },
    adapterContext: {
      queueChannel: (queue) => floor.queueConfig(queue)?.channel ?? queueSettings.get(queue)?.channel ?? 'voice',
      agentState: (id) => floor.agentState(id),
    },
    ingestWith(adapter, source, lines, cursor = null) {
      return applyBatch(store.writeBatch(source, adapter.format, adapter.parse(lines), adapter.format === 'ndjson', cursor, adapter.dedupe));
    },
    get feeds() {
      return feeds;
    },
    snapshot,
    tick() {
      rollDay();
      // standards and their alerts advance with the clock, whether or not anyone is watching
      refreshStandards(clock.now());
      push();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (timer === null) timer = setInterval(() => engine.tick(), tickMs);
      feeds.start();
    },
    stop() {
      feeds.stop();
      if (timer !== null) clearInterval(timer);
      if (pending !== null) clearTimeout(pending);
      timer = null;
      pending = null;
      listeners.clear();
    },
    handlers: {
      'app/info': () => ({ version: options.version, dbPath: options.dbPath, simulated: options.simulated ?? false, runtime: options.runtime }),
      'floor/snapshot': () => snapshot(),
      'ingest/lines': ({ source, lines, startPosition }) => {
        if (feeds.has(source)) {
          throw new RefusedError(`"${source}" is the name of a configured feed: post its lines to the feed, or use another source name`);
        }
        // Without a start position the lines are appended after the source's last checkpoint: a stream of posts.
        const first = startPosition ?? store.checkpoint(source) + 1;
        return engine.ingestNdjson(source, lines.map((text, i) => ({ position: first + i, text })));
      },
      'metrics/window': ({ from, to, by, formula, thresholdSeconds, shortAbandonSeconds: shortAbandon }) =>
        windowMetrics(
          store,
          { from: Date.parse(from), to: Date.parse(to), by: by ?? 'center', shortAbandonSeconds: shortAbandon ?? shortAbandonSeconds, formula, thresholdSeconds },
          recent,
        ),
      'quarantine/list': ({ limit, source }) => store.quarantine(limit ?? 100, source ?? null),
      'standards/get': ({ at }) => standards.at(at === undefined ? clock.now() : Date.parse(at)),
      'standards/save': ({ set, note }) => {
        const v = standards.save(set, note ?? null);
        evaluation = null;
        schedulePush();
        return v;
      },
      'standards/evaluate': () => evaluate(clock.now()),
      'standards/what-if': ({ standard }) => {
        const now = clock.now();
        const v = standards.at(now);
        return whatIf(v.set, v.version, standard, floorFacts(now), (days) => businessDayStartBefore(dayStart, days, center.timeZone, center.resetHour));
      },
      'standards/drill': ({ standardId, key }) => {
        const now = clock.now();
        const v = standards.at(now);
        const d = drillDown(v.set, v.version, standardId, key, floorFacts(now));
        if (!d) throw new RefusedError(`no cell "${key}" for the standard "${standardId}"`);
        return d;
      },
      'standards/staffing': () => {
        const now = clock.now();
        return staffingByInterval(standards.at(now).set, { now, dayStart, intervalMinutes, contacts: recent.values(), agentIntervals: agentIntervalsReader()(dayStart) });
      },
      'alerts/list': ({ limit }) => store.recentAlerts(limit ?? 200).map(alertView),
      'alerts/acknowledge': ({ id }) => {
        const v = known(alerts.acknowledge(id, clock.now()), id);
        schedulePush();
        return v;
      },
      'alerts/snooze': ({ id, minutes }) => {
        const v = known(alerts.snooze(id, minutes === 0 ? null : clock.now() + minutes * 60_000), id);
        schedulePush();
        return v;
      },
      'standards/history': ({ limit }) => standards.history(limit ?? 50),
      'feeds/list': () => feeds.statuses(),
      'feeds/add': (spec) => feeds.add(spec),
      'feeds/pause': ({ name }) => feeds.pause(name),
      'feeds/resume': ({ name }) => feeds.resume(name),
      'feeds/remove': ({ name }) => (feeds.remove(name), { removed: name }),
      'import/lines': (args) => imports.lines(args),
      'import/mappings': () => imports.mappings(),
    },
  };
  applyQueueSettings();
  const feeds = createFeedManager(engine, { log: options.log });
  const imports = createImports({
    adapterContext: engine.adapterContext,
    ingestWith: (adapter, source, lines) => engine.ingestWith(adapter, source, lines),
    isFeed: (name) => feeds.has(name),
    lineAt: (source, position) => store.lineAt(source, position),
  });
  return engine;
}
