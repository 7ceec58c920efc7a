/**
 * The one API contract. The Electron IPC adapter, the headless host's HTTP/WebSocket adapter and the
 * renderer client are all typed from `Api` and `PushEvents`; adding a capability = one handler here.
 * Types, and the constant lists some types derive from (one list per vocabulary, so no copy can drift): this
 * file is imported by the core, the adapters and the renderer alike.
 */

import { BOARDS_ROLES, type BoardsCoreApi, type BoardScreensApi } from './api-boards';
import type { AccessApi, Role } from './api-access';
import type { CenterApi } from './api-center';
import type { FamilyMetrics } from './api-metrics';
import type { ReportsApi } from './api-reports';
import type { AlertsSummary, AlertView, DrillDown, IntervalStaffing, Standard, StandardsEvaluation, StandardsSet, StandardsVersion, WhatIfResult } from './standards';

/** Every channel, in the order the floor shows them (a tile never moves on the wall). */
export const CHANNELS = ['voice', 'chat', 'email', 'message'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Every agent state, in the order the floor counts and sorts them. */
export const AGENT_STATES = ['available', 'on-contact', 'after-contact-work', 'not-ready', 'offline'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/**
 * Service-level formulas in use across vendors (../shared/DOMAIN.md); each one's definition is in
 * src/core/metrics/service-level.ts and docs/metrics.md. 'floorboard' is the default.
 */
export const SERVICE_LEVEL_FORMULAS = ['floorboard', 'asterisk', 'asterisk-sl2', 'connect', 'genesys', 'talkdesk', 'flex'] as const;
export type ServiceLevelFormula = (typeof SERVICE_LEVEL_FORMULAS)[number];

/** Contact metrics over a set of contacts; every figure's definition is in docs/metrics.md. */
export interface ContactMetrics {
  /** Contacts that entered a queue in the window. */
  offered: number;
  answered: number;
  /** All abandons, short ones included. */
  abandoned: number;
  /** Abandoned before the short-abandon threshold (excluded from service level and abandon rate). */
  shortAbandoned: number;
  answeredWithinThreshold: number;
  /** Abandoned with a wait of at most T (counted as served within T by some formulas). */
  abandonedWithinThreshold: number;
  /** Offered in the window and neither answered nor abandoned at its end. */
  waiting: number;
  /** Left the queue neither answered nor abandoned (callback, key press out of the queue, task removed). */
  leftOtherwise: number;
  /**
   * By the formula in force (default 'floorboard': answered within T / (answered + abandoned - short abandons));
   * null when its denominator is 0.
   */
  serviceLevel: number | null;
  /** Mean of (answered - queued) over answered contacts, seconds. */
  asaSeconds: number | null;
  /** (abandoned - short abandons) / (answered + abandoned - short abandons). */
  abandonRate: number | null;
  /** Longest wait of any contact in the window: answered, abandoned or still waiting at its end, seconds. */
  longestWaitSeconds: number | null;
  /** Async channels: contacts with a first agent response. */
  firstResponses: number;
  /** Mean of (first agent response - queued), seconds. */
  avgFirstResponseSeconds: number | null;
}

export interface QueueLive extends ContactMetrics {
  name: string;
  channel: Channel;
  thresholdSeconds: number;
  /** Oldest contact waiting now, seconds (0 when none waits). */
  longestWaitNowSeconds: number;
  waitingNow: number;
}

export interface ChannelLive extends ContactMetrics {
  channel: Channel;
  queues: number;
  longestWaitNowSeconds: number;
  waitingNow: number;
  /** Agents logged in with capacity on this channel, by state. */
  agents: Record<AgentState, number>;
}

export interface AgentRow {
  id: string;
  name: string;
  state: AgentState;
  reason: string | null;
  /** Epoch ms the agent entered this state. */
  since: number;
  /** Contacts the agent is handling now (answered, not yet wrapped up). */
  contacts: { id: string; channel: Channel; queue: string }[];
  channels: Channel[];
}

export interface IntervalPoint {
  /** Epoch ms the interval starts. */
  start: number;
  channel: Channel;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  answeredWithinThreshold: number;
  serviceLevel: number | null;
}

export interface IngestTotals {
  accepted: number;
  duplicates: number;
  quarantined: number;
  lastQuarantine: QuarantineEntry | null;
}

export type FeedFormat = 'ndjson' | 'queue_log' | 'taskrouter' | 'connect-ctr' | 'connect-agent' | 'csv';
export type FeedKind = 'file' | 'webhook';
/** The formats each kind of feed takes, the first one the usual (one record a line for files). */
export const FEED_KIND_FORMATS: Readonly<Record<FeedKind, readonly FeedFormat[]>> = {
  file: ['queue_log', 'ndjson', 'connect-ctr', 'connect-agent', 'taskrouter'],
  webhook: ['taskrouter', 'ndjson'],
};

/** TaskRouter events that can count as an abandon of a task never accepted (Flex Insights: the first two). */
export const TASKROUTER_ABANDON_TRIGGERS = ['task.canceled', 'task.transfer-failed', 'workflow.timeout'] as const;
export type TaskRouterAbandonTrigger = (typeof TASKROUTER_ABANDON_TRIGGERS)[number];
/** Flex Insights counts a canceled task and a failed transfer as abandoned (DOMAIN.md): the default. */
export const DEFAULT_TASKROUTER_ABANDON_ON: readonly TaskRouterAbandonTrigger[] = ['task.canceled', 'task.transfer-failed'];

/** How a source's outcomes map to Floorboard's, where vendors differ (DOMAIN.md): shown with the feed. */
export interface AbandonMapping {
  /** taskrouter: which events end a waiting task as abandoned. Default task.canceled and task.transfer-failed. */
  abandonOn?: TaskRouterAbandonTrigger[];
  /** queue_log: EXITWITHKEY counts as left the queue (default, as Asterisk) or as abandoned. */
  exitWithKey?: 'left' | 'abandoned';
}

export interface FeedSpec {
  /** Unique; also the source name of its lines in the store. Letters, digits, - and _ . */
  name: string;
  kind: FeedKind;
  format: FeedFormat;
  /** file: the file to follow (queue_log or NDJSON), from its start, surviving rotation. */
  path?: string;
  /** webhook: taskrouter checks X-Twilio-Signature with this auth token; ndjson expects it as a bearer token. */
  token?: string;
  /** Seconds without events before the feed is called stale (Amazon's agent stream beats every 120 s). */
  heartbeatSeconds?: number;
  /** The abandon mapping of taskrouter and queue_log feeds. */
  mapping?: AbandonMapping;
}

export interface FeedStatus {
  name: string;
  kind: FeedKind;
  format: FeedFormat;
  path: string | null;
  /** webhook: the path to post to on the host, e.g. /feeds/twilio. */
  webhookPath: string | null;
  heartbeatSeconds: number;
  mapping: AbandonMapping;
  state: 'running' | 'paused' | 'waiting' | 'error';
  /** Why the feed is waiting or failing, in words (file missing, unreadable...). */
  message: string | null;
  lastEventAt: number | null;
  eventsPerMinute: number;
  /** Lines stored since the feed was added. */
  accepted: number;
  /** Lines read again since this start of the host (already stored: not stored twice). */
  duplicates: number;
  /** Lines quarantined since the feed was added. */
  quarantined: number;
  /** Webhook requests refused (bad signature or token). */
  rejected: number;
  /** Lines read but not mapped, by kind (unknown verbs, heartbeats...). */
  ignored: Record<string, number>;
  stale: boolean;
}

/** One contact waiting now, as a wallboard lists it: its queue and how long, never who. */
export interface WaitingContact {
  queue: string;
  channel: Channel;
  waitingSeconds: number;
  /** The queue's service-level threshold T: past it, the contact can no longer count as answered in time. */
  thresholdSeconds: number;
}
/** How many of the longest-waiting contacts a snapshot carries: more than any board's list can show. */
export const LONGEST_WAITING_LIMIT = 30;

export interface FloorSnapshot {
  /** The center clock, epoch ms (the engine's clock: real or simulated). */
  now: number;
  center: { name: string; timeZone: string; resetHour: number; dayStart: number };
  lastEventAt: number | null;
  /** Seconds without events after which the view warns that data is stale. */
  staleAfterSeconds: number;
  simulated: boolean;
  definitions: { serviceLevel: string; shortAbandonSeconds: number; occupancy: string };
  channels: ChannelLive[];
  queues: QueueLive[];
  /**
   * Everyone waiting now (`total`, as the queues' waiting-now figures add up) and the contacts waiting longest,
   * oldest first (at most LONGEST_WAITING_LIMIT): no ids, no customer.
   */
  longestWaiting: { total: number; contacts: WaitingContact[] };
  agents: AgentRow[];
  agentsByState: Record<AgentState, number>;
  /** Handle / (handle + available idle) over today's agent time; null before any agent time. */
  occupancy: number | null;
  intervals: { minutes: number; points: IntervalPoint[] };
  ingest: IngestTotals;
  feeds: FeedStatus[];
  /** The standards in force evaluated on the floor (refreshed every few seconds; null before the first). */
  standards: StandardsEvaluation | null;
  /** Open alerts and the badge count. */
  alerts: AlertsSummary;
}

export interface QuarantineEntry {
  source: string;
  position: number;
  reason: string;
  text: string;
  at: number;
}

export interface IngestSummary {
  /** Lines stored (with their new events, or read but carrying nothing for the floor). */
  accepted: number;
  /** New canonical events those lines gave. */
  events: number;
  duplicates: number;
  quarantined: number;
  /** The first few quarantined lines, with their reasons. */
  errors: { position: number; reason: string }[];
}

export type GroupBy = 'center' | 'queue' | 'channel';

/** A window's row: responsiveness, handling, outcomes and agent time (api-metrics.ts). */
export interface MetricsRow extends ContactMetrics, FamilyMetrics {
  /** 'center', a queue name, or a channel. */
  key: string;
}

export interface MetricsReport {
  from: string;
  to: string;
  by: GroupBy;
  definition: {
    /** The formula's definition, as text. */
    serviceLevel: string;
    formula: ServiceLevelFormula;
    shortAbandonSeconds: number;
    /** The threshold T asked for, or how it was chosen per queue. */
    thresholdSeconds: number | string;
    attribution: string;
  };
  rows: MetricsRow[];
}

export interface AppInfo {
  version: string;
  /** The database's path; null for a viewer, who sees no paths. */
  dbPath: string | null;
  simulated: boolean;
  runtime: 'electron' | 'node';
}

/** The engine's methods: the floor, its feeds, its standards. */
interface EngineApi {
  'app/info': (args: Record<string, never>) => AppInfo;
  'floor/snapshot': (args: Record<string, never>) => FloorSnapshot;
  /**
   * Ingest lines of a native NDJSON feed. Positions are 1-based from `startPosition`; without it the lines
   * are appended after the source's last position (re-sent lines are then deduplicated by event `id` only).
   */
  'ingest/lines': (args: { source: string; lines: string[]; startPosition?: number }) => IngestSummary;
  /**
   * Metrics of [from, to). `formula`, `thresholdSeconds` (T for every queue, instead of each queue's own) and
   * `shortAbandonSeconds` override the defaults; the report states the definition it used.
   */
  'metrics/window': (args: {
    from: string;
    to: string;
    by?: GroupBy;
    formula?: ServiceLevelFormula;
    thresholdSeconds?: number;
    shortAbandonSeconds?: number;
  }) => MetricsReport;
  'quarantine/list': (args: { limit?: number; source?: string }) => QuarantineEntry[];
  /** The standards in force at `at` (default now), with the version they come from. */
  'standards/get': (args: { at?: string }) => StandardsVersion;
  /**
   * Save the whole set as a new version in force from now, or from a past instant (`validFrom`: imported history judged
   * by the standards it had; in force until the next later version). An invalid set is refused with each issue's path.
   */
  'standards/save': (args: { set: StandardsSet; note?: string; validFrom?: string }) => StandardsVersion;
  /** Saved versions, newest first. */
  'standards/history': (args: { limit?: number }) => StandardsVersion[];
  /** The standards in force evaluated on the floor now. */
  'standards/evaluate': (args: Record<string, never>) => StandardsEvaluation;
  /** A standard as proposed next to the one in force (same id), over today and the last 7 days; nothing saved. */
  'standards/what-if': (args: { standard: Standard }) => WhatIfResult;
  /** The contacts and intervals behind one cell of the matrix (`key`: center, a channel or queue:NAME). */
  'standards/drill': (args: { standardId: string; key: string }) => DrillDown;
  /** Staffed against required (Erlang C) per channel and interval, today so far. */
  'standards/staffing': (args: Record<string, never>) => IntervalStaffing;
  /** The alert log, newest first. */
  'alerts/list': (args: { limit?: number }) => AlertView[];
  /** Acknowledge an alert: it leaves the badge (it stays open until its breach clears). */
  'alerts/acknowledge': (args: { id: number }) => AlertView;
  /** Snooze an alert for some minutes (0: wake it now). */
  'alerts/snooze': (args: { id: number; minutes: number }) => AlertView;
  'feeds/list': (args: Record<string, never>) => FeedStatus[];
  'feeds/add': (args: FeedSpec) => FeedStatus;
  'feeds/pause': (args: { name: string }) => FeedStatus;
  'feeds/resume': (args: { name: string }) => FeedStatus;
  'feeds/remove': (args: { name: string }) => { removed: string };
  /**
   * One-shot import of a file chosen by the user, sent as batches of lines (the client reads the file, so it
   * works the same over IPC and HTTP). `source` names the import (the file name); positions are line numbers.
   * CSV needs `mapping`: a built-in mapping name (see `import/mappings`).
   */
  'import/lines': (args: {
    source: string;
    format: FeedFormat;
    mapping?: string;
    abandonMapping?: AbandonMapping;
    startPosition: number;
    lines: string[];
  }) => IngestSummary & { ignored: Record<string, number> };
  'import/mappings': (args: Record<string, never>) => string[];
}

export type { AccessApi, AccessTokenView, Caller, Role } from './api-access';
export { REPORT_PRESETS } from './api-reports';
export type { FamilyMetrics } from './api-metrics';
export type { ReportJob, ReportPeriodArgs, ReportPreset, ReportPreview, ReportScopeArgs, ReportSummaryFigures } from './api-reports';

export type { CenterSettings, CenterSettingsView, WeekStart } from './api-center';

interface Api extends EngineApi, AccessApi, ReportsApi, CenterApi, BoardsCoreApi, BoardScreensApi {}

export type ApiName = keyof Api;

/** Every method's role, in one table the dispatcher enforces for every transport (a method without one: no build). */
export const METHOD_ROLES = {
  'app/info': 'viewer',
  'floor/snapshot': 'viewer',
  'ingest/lines': 'admin',
  'metrics/window': 'viewer',
  'quarantine/list': 'admin',
  'standards/get': 'viewer',
  'standards/save': 'admin',
  'standards/history': 'admin',
  'standards/evaluate': 'viewer',
  'standards/what-if': 'admin',
  'standards/drill': 'admin',
  'standards/staffing': 'viewer',
  'alerts/list': 'admin',
  'alerts/acknowledge': 'admin',
  'alerts/snooze': 'admin',
  'feeds/list': 'admin',
  'feeds/add': 'admin',
  'feeds/pause': 'admin',
  'feeds/resume': 'admin',
  'feeds/remove': 'admin',
  'import/lines': 'admin',
  'import/mappings': 'admin',
  'access/session': 'viewer',
  'access/tokens': 'admin',
  'access/create-token': 'admin',
  'access/revoke-token': 'admin',
  'reports/preview': 'admin',
  'reports/export': 'admin',
  'reports/job': 'admin',
  'reports/cancel': 'admin',
  'reports/reveal': 'admin',
  'reports/schedules': 'admin',
  'reports/schedule-add': 'admin',
  'reports/schedule-remove': 'admin',
  'reports/runs': 'admin',
  'reports/smtp-get': 'admin',
  'reports/smtp-set': 'admin',
  'reports/smtp-clear': 'admin',
  'center/get': 'admin',
  'center/set': 'admin',
  ...BOARDS_ROLES,
} as const satisfies Record<ApiName, Role>;

/** Whether a caller of `role` may call a method of `required` (an admin may call everything). */
export function roleAllows(role: Role, required: Role): boolean {
  return role === 'admin' || required === 'viewer';
}

/** The handlers of one namespace ('feeds' -> 'feeds/list', 'feeds/add'...): each namespace's file returns one. */
export type Handlers<Namespace extends string> = { [K in ApiName as K extends `${Namespace}/${string}` ? K : never]: Api[K] };
/** The engine's handlers (every namespace but access, which the runtime adds with the install's secret and tokens). */
export type EngineHandlers = { [K in keyof EngineApi]: EngineApi[K] };

export type ApiArgs<K extends ApiName> = Parameters<Api[K]>[0];
export type ApiResult<K extends ApiName> = Awaited<ReturnType<Api[K]>>;

/** Every call is answered with an envelope; errors never cross a boundary as exceptions. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };
interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** invalid-args: every problem, at its path in the arguments ("set.standards.0.tiers.expected"), for a form. */
  issues?: { path: string; message: string }[];
}
/**
 * `refused`: understood but not done (a name already taken...); the message is for the user as is.
 * `unauthenticated`: no valid admin secret, session or viewer token came with the call; `forbidden`: the caller's
 * role may not call this method.
 */
export type ApiErrorCode = 'invalid-args' | 'unknown-method' | 'refused' | 'unauthenticated' | 'forbidden' | 'internal';

/** Events pushed from the engine to clients. */
export interface PushEvents {
  'floor/snapshot': FloorSnapshot;
  /** Alerts the last evaluation fired (for desktop notifications); each also shows in the snapshot's alerts. */
  'alerts/fired': AlertView[];
}
export type PushName = keyof PushEvents;
/** Who is sent each push (a viewer's snapshot is the viewer's view of it: no paths, no raw lines, pseudonyms). */
export const PUSH_ROLES = { 'floor/snapshot': 'viewer', 'alerts/fired': 'viewer' } as const satisfies Record<PushName, Role>;

/** What the preload exposes as `window.floorboard`. */
export interface FloorboardBridge {
  call<K extends ApiName>(name: K, args: ApiArgs<K>): Promise<Envelope<ApiResult<K>>>;
  on<E extends PushName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
}
