import { DEFAULT_TASKROUTER_ABANDON_ON, FEED_KIND_FORMATS, TASKROUTER_ABANDON_TRIGGERS, type AbandonMapping, type FeedFormat, type FeedStatus, type TaskRouterAbandonTrigger } from '../../../../shared/api';
import { ApiError } from '../../api/client';
import { formatCount, formatElapsed, NONE } from '../../../../shared/format';

export type FeedState = FeedStatus['state'];

/** Each state has its own shape as well as its tone, so it reads without color vision (as on the floor). */
export const FEED_STATE_LOOK: Record<FeedState, { icon: string; label: string; tone: 'ok' | 'idle' | 'warn' | 'alert' }> = {
  running: { icon: '●', label: 'Running', tone: 'ok' },
  paused: { icon: '❚❚', label: 'Paused', tone: 'idle' },
  waiting: { icon: '◌', label: 'Waiting', tone: 'warn' },
  error: { icon: '✖', label: 'Error', tone: 'alert' },
};

export const FORMAT_LABEL: Record<FeedFormat, string> = {
  queue_log: 'Asterisk queue_log',
  ndjson: 'Floorboard NDJSON',
  taskrouter: 'Twilio TaskRouter',
  'connect-ctr': 'Amazon Connect CTR',
  'connect-agent': 'Amazon Connect agent events',
  csv: 'CSV history',
};

/** What each kind of feed can carry (the engine's list): a followed file is a log, a webhook is pushed events. */
export const FORMATS_BY_KIND = FEED_KIND_FORMATS;

/** The formats a one-shot import reads. */
export const IMPORT_FORMATS: readonly FeedFormat[] = ['queue_log', 'ndjson', 'taskrouter', 'connect-ctr', 'connect-agent', 'csv'];

/** TaskRouter events that may end a task never accepted as abandoned, in the order the controls show them. */
export const ABANDON_TRIGGERS: readonly TaskRouterAbandonTrigger[] = TASKROUTER_ABANDON_TRIGGERS;
/** Flex Insights counts these two (DOMAIN.md): the engine's default, checked in a new form. */
const DEFAULT_ABANDON_ON = DEFAULT_TASKROUTER_ABANDON_ON;
export const ABANDON_TRIGGER_HINT: Record<TaskRouterAbandonTrigger, string> = {
  'task.canceled': 'canceled while waiting (Flex Insights)',
  'task.transfer-failed': 'transfer failed (Flex Insights)',
  'workflow.timeout': 'timed out of the workflow',
};

export type ExitWithKey = NonNullable<AbandonMapping['exitWithKey']>;
/** The choices of the EXITWITHKEY select, as the form says them. */
export const EXIT_WITH_KEY_LABEL: Record<ExitWithKey, string> = { left: 'left the queue (as Asterisk)', abandoned: 'abandoned' };
/** The same, shorter, under a feed's source. */
const EXIT_WITH_KEY_SHORT: Record<ExitWithKey, string> = { left: 'left the queue', abandoned: 'abandoned' };

/** The abandon settings a form holds, for whichever format is chosen. */
export interface AbandonDraft {
  abandonOn: TaskRouterAbandonTrigger[];
  exitWithKey: ExitWithKey;
}
export const DEFAULT_ABANDON_DRAFT: AbandonDraft = { abandonOn: [...DEFAULT_ABANDON_ON], exitWithKey: 'left' };

/** The mapping sent for this format: only its own field, none for formats without one. */
export function abandonMappingFor(format: FeedFormat, draft: AbandonDraft): AbandonMapping | undefined {
  if (format === 'taskrouter') return { abandonOn: ABANDON_TRIGGERS.filter((t) => draft.abandonOn.includes(t)) };
  if (format === 'queue_log') return { exitWithKey: draft.exitWithKey };
  return undefined;
}

/** "abandons: task.canceled, task.transfer-failed", "EXITWITHKEY: left the queue"; null for an empty mapping. */
export function mappingText(mapping: AbandonMapping | undefined): string | null {
  const parts: string[] = [];
  if (mapping?.abandonOn) parts.push(`abandons: ${mapping.abandonOn.length > 0 ? mapping.abandonOn.join(', ') : 'none (always zero)'}`);
  if (mapping?.exitWithKey) parts.push(`EXITWITHKEY: ${EXIT_WITH_KEY_SHORT[mapping.exitWithKey] ?? mapping.exitWithKey}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** The engine's rule for names (src/core/api/schemas.ts FEED_NAME); checked here so a typo never round-trips. */
export const FEED_NAME = /^[A-Za-z0-9_-]{1,64}$/;
export const HEARTBEAT_MIN_SECONDS = 5;
export const HEARTBEAT_MAX_SECONDS = 86_400;

/** "12 s ago", "3 min ago", "never", on the center clock. */
export function lastEventText(lastEventAt: number | null, now: number): string {
  if (lastEventAt == null) return 'never';
  return `${formatElapsed(Math.max(0, now - lastEventAt) / 1000)} ago`;
}

/** What the stale warning says after STALE: how long the feed has been quiet. */
export function staleDetail(feed: Pick<FeedStatus, 'lastEventAt'>, now: number): string {
  return feed.lastEventAt == null ? 'no events yet' : `no events for ${formatElapsed(Math.max(0, now - feed.lastEventAt) / 1000)}`;
}

/** A long path keeps its end, where the file's name is: "…/asterisk/queue_log". */
export function shortPath(path: string, max = 30): string {
  return path.length <= max ? path : `…${path.slice(path.length - (max - 1))}`;
}

/** Rates below 10 keep one decimal (a quiet feed at 0.4/min is not "0"). */
export function formatRate(perMinute: number): string {
  if (!Number.isFinite(perMinute)) return NONE;
  if (perMinute > 0 && perMinute < 10) return perMinute.toFixed(1);
  return formatCount(Math.round(perMinute));
}

export function ignoredTotal(ignored: Record<string, number> | undefined): number {
  return Object.values(ignored ?? {}).reduce((sum, n) => sum + n, 0);
}

/** "heartbeat: 10, unknown verb RINGNOANSWER: 2", largest first. */
export function ignoredEntries(ignored: Record<string, number> | undefined): [string, number][] {
  return Object.entries(ignored ?? {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function addIgnored(into: Record<string, number>, more: Record<string, number> | undefined): Record<string, number> {
  const out = { ...into };
  for (const [kind, n] of Object.entries(more ?? {})) out[kind] = (out[kind] ?? 0) + n;
  return out;
}

/** An ApiError's message without its "feeds/add: " prefix: the form already says what was tried. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const prefix = `${error.method}: `;
    return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
