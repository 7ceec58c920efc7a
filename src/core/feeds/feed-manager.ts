/**
 * Configured feeds: file tails and webhooks, stored in the database, started with the engine, paused,
 * resumed and removed at run time, each with its health (last event, events per minute, quarantined,
 * rejected, stale). The host and the app only route webhook requests here.
 * A file feed follows a regular file only, inside the feed folders when some are given (feed-path.ts): another
 * path is refused when added, and a stored one (saved by an older version, or changed since) is marked failed
 * at start with its reason, so it can neither hang nor stop the host.
 */
import { FEED_KIND_FORMATS, type AbandonMapping, type FeedSpec, type FeedStatus, type IngestSummary } from '../../shared/api';
import { FLEX_INSIGHTS_ABANDON_ON } from '../ingest/taskrouter';
import type { Clock, Timer } from '../clock';
import type { AdapterContext, FeedAdapter, FeedFormat } from '../ingest/adapter';
import type { SourceLine } from '../ingest/source-lines';
import { createAdapter } from '../ingest/adapters';
import { validateTwilioSignature } from '../ingest/twilio-signature';
import type { FileCursor, StoredFeed, StoreWriter } from '../store/store';
import { FileTail } from './file-tail';
import { feedPathRefusal, resolveFeedDirs } from './feed-path';
import { createHash, timingSafeEqual } from 'node:crypto';
import { RefusedError } from '../api/refused';
import { FEED_NAME } from '../api/schemas';

const FILE_FORMATS = FEED_KIND_FORMATS.file;
const WEBHOOK_FORMATS = FEED_KIND_FORMATS.webhook;
const DEFAULT_HEARTBEAT_SECONDS = 120;

class FeedError extends RefusedError {}

interface Counters {
  accepted: number;
  duplicates: number;
  quarantined: number;
  rejected: number;
  /** When the feed last delivered a line (any line: an event, a duplicate, a heartbeat), engine clock. */
  lastLineAt: number | null;
  lastEventAt: number | null;
  /** Events accepted per second of the engine clock, for the last minute. */
  recent: { second: number; count: number }[];
}

interface RunningFeed {
  row: StoredFeed;
  /** When this run of the feed started (engine clock): staleness counts from here until the first line. */
  startedAt: number;
  adapter: FeedAdapter;
  tail: FileTail | null;
  /** Why a stored file feed is not followed (its path refused at start): shown as its error. */
  failure: string | null;
  counters: Counters;
}

export interface WebhookRequest {
  /** The full URL the sender posted to (Twilio signs it). */
  url: string;
  body: string;
  contentType: string;
  headers: Record<string, string | undefined>;
}

export interface WebhookAnswer {
  status: number;
  body: { ok: boolean; message?: string; summary?: IngestSummary };
}

/** The mapping a feed of this format uses: its own settings where given, else the defaults, written out. */
function mappingFor(format: FeedFormat, m: AbandonMapping | undefined): AbandonMapping {
  if (format === 'taskrouter') return { abandonOn: [...new Set(m?.abandonOn ?? FLEX_INSIGHTS_ABANDON_ON)] };
  if (format === 'queue_log') return { exitWithKey: m?.exitWithKey ?? 'left' };
  return {};
}

function mappingOf(row: StoredFeed): AbandonMapping {
  try {
    return mappingFor(row.format, JSON.parse(row.mapping) as AbandonMapping);
  } catch {
    return mappingFor(row.format, undefined);
  }
}

function bodySha256Matches(url: string, body: string): boolean {
  let given: string | null;
  try {
    given = new URL(url).searchParams.get('bodySHA256');
  } catch {
    return false;
  }
  return given !== null && given.toLowerCase() === createHash('sha256').update(body, 'utf8').digest('hex');
}

function webhookPath(name: string): string {
  return `/feeds/${name}`;
}

/** What the feed manager is given: its table and counts in the store, the clock, and the ingest path. */
export interface FeedManagerDeps {
  store: Pick<StoreWriter, 'feeds' | 'addFeed' | 'updateFeed' | 'setFeedPaused' | 'removeFeed' | 'lastReceived' | 'storedLineCount' | 'quarantinedCount' | 'fileCursor' | 'checkpoint'>;
  clock: Clock;
  /** File tails are polled on the wall clock, every `pollMs` (default 200). */
  wall: Clock;
  /** What the feeds' adapters may ask of the floor. */
  adapterContext: AdapterContext;
  /** Parse lines with an adapter, store them (with a file tail's cursor, in the same transaction) and apply them. */
  ingest(adapter: FeedAdapter, source: string, lines: SourceLine[], cursor?: FileCursor | null): IngestSummary;
  pollMs?: number;
  log?: (m: string) => void;
  /** The folders file feeds may point into (`serve --feed-dir`); none: any regular file. */
  feedDirs?: readonly string[];
}

export function createFeedManager(deps: FeedManagerDeps) {
  const { store, clock, adapterContext, ingest, log } = deps;
  const feeds = new Map<string, RunningFeed>();
  let timer: Timer | null = null;
  const feedDirs = resolveFeedDirs(deps.feedDirs ?? []);

  function record(f: RunningFeed, r: IngestSummary, eventsAccepted: number, lines: number): void {
    const c = f.counters;
    c.accepted += r.accepted;
    c.duplicates += r.duplicates;
    c.quarantined += r.quarantined;
    const now = clock.now();
    if (lines > 0) c.lastLineAt = now;
    if (eventsAccepted > 0) {
      c.lastEventAt = now;
      const second = Math.floor(now / 1000);
      const last = c.recent.at(-1);
      if (last && last.second === second) last.count += eventsAccepted;
      else c.recent.push({ second, count: eventsAccepted });
      while (c.recent.length > 0 && c.recent[0].second <= second - 60) c.recent.shift();
    }
  }

  function start(row: StoredFeed): RunningFeed {
    // a feed started again (the host restarted) is as quiet as the store says it was, not "no events yet"
    const last = store.lastReceived(row.name);
    const f: RunningFeed = {
      row,
      startedAt: clock.now(),
      adapter: createAdapter(row.format, adapterContext, { abandonMapping: mappingOf(row) }),
      tail: null,
      failure: null,
      counters: { accepted: store.storedLineCount(row.name), duplicates: 0, quarantined: store.quarantinedCount(row.name), rejected: 0, lastLineAt: last.line, lastEventAt: last.event, recent: [] },
    };
    f.failure = row.kind === 'file' && row.path ? feedPathRefusal(row.path, feedDirs) : null;
    if (f.failure !== null) log?.(`feed ${row.name}: not started: ${f.failure}`);
    else if (row.kind === 'file' && row.path) {
      f.tail = new FileTail({
        feedDirs,
        path: row.path,
        cursor: store.fileCursor(row.name),
        write: ({ lines, cursor }) => {
          const r = ingest(f.adapter, row.name, lines, cursor);
          record(f, r, r.events, lines.length);
        },
      });
    }
    feeds.set(row.name, f);
    return f;
  }

  // a timer's callback: a throw would end the process, so it is logged and the next poll tries again
  function poll(): void {
    try {
      for (const f of feeds.values()) if (f.tail && !f.row.paused) f.tail.poll();
    } catch (e) {
      log?.(`feeds: a poll failed: ${(e as Error).message}`);
    }
  }

  function status(f: RunningFeed): FeedStatus {
    const now = clock.now();
    const c = f.counters;
    const tailState = f.failure !== null ? { state: 'error' as const, message: f.failure } : (f.tail?.state ?? { state: 'running' as const });
    const state = f.row.paused ? 'paused' : tailState.state;
    const minuteAgo = Math.floor(now / 1000) - 60;
    return {
      name: f.row.name,
      kind: f.row.kind,
      format: f.row.format,
      path: f.row.path,
      webhookPath: f.row.kind === 'webhook' ? webhookPath(f.row.name) : null,
      heartbeatSeconds: f.row.heartbeatSeconds,
      mapping: mappingOf(f.row),
      state,
      message: ('message' in tailState ? tailState.message : null) ?? null,
      lastEventAt: c.lastEventAt,
      eventsPerMinute: c.recent.filter((r) => r.second > minuteAgo).reduce((n, r) => n + r.count, 0),
      accepted: c.accepted,
      duplicates: c.duplicates,
      quarantined: c.quarantined,
      rejected: c.rejected,
      ignored: Object.fromEntries(f.adapter.ignored ?? []),
      // quiet beyond its heartbeat: no line at all (a heartbeat is a line) since the feed started or last spoke
      stale: state !== 'paused' && now - (c.lastLineAt ?? f.startedAt) > f.row.heartbeatSeconds * 1000,
    };
  }

  function get(name: string): RunningFeed {
    const f = feeds.get(name);
    if (!f) throw new FeedError(`no feed named "${name}"`);
    return f;
  }

  function tokenMatches(expected: string, given: string): boolean {
    const a = Buffer.from(expected);
    const b = Buffer.from(given);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  const manager = {
    /** Start every stored feed and the polling of file tails. */
    start(): void {
      for (const row of store.feeds()) if (!feeds.has(row.name)) start(row);
      poll();
      if (timer === null) timer = deps.wall.setInterval(poll, deps.pollMs ?? 200);
    },
    stop(): void {
      timer?.clear();
      timer = null;
      for (const f of feeds.values()) f.tail?.close();
    },
    /** Read new lines of every file tail now (tests, and the timer). */
    poll,
    has(name: string): boolean {
      return feeds.has(name);
    },
    statuses(): FeedStatus[] {
      return [...feeds.values()].map(status);
    },
    add(spec: FeedSpec): FeedStatus {
      if (!FEED_NAME.test(spec.name)) throw new FeedError('a feed name is 1-64 letters, digits, "-" or "_"');
      if (feeds.has(spec.name)) throw new FeedError(`a feed named "${spec.name}" exists already`);
      if (spec.kind === 'file') {
        if (!spec.path) throw new FeedError('a file feed needs the path of the file to follow');
        if (!FILE_FORMATS.includes(spec.format)) throw new FeedError(`a file feed reads ${FILE_FORMATS.join(', ')}, not ${spec.format}`);
        const refusal = feedPathRefusal(spec.path, feedDirs);
        if (refusal !== null) throw new FeedError(refusal);
      } else {
        if (!WEBHOOK_FORMATS.includes(spec.format)) throw new FeedError(`a webhook takes ${WEBHOOK_FORMATS.join(' or ')}, not ${spec.format}`);
        if (!spec.token) throw new FeedError(spec.format === 'taskrouter' ? 'a TaskRouter webhook needs the Twilio auth token to check signatures' : 'an NDJSON webhook needs a bearer token');
      }
      store.addFeed({
        name: spec.name,
        kind: spec.kind,
        format: spec.format,
        path: spec.kind === 'file' ? (spec.path ?? null) : null,
        token: spec.kind === 'webhook' ? (spec.token ?? null) : null,
        heartbeatSeconds: spec.heartbeatSeconds ?? DEFAULT_HEARTBEAT_SECONDS,
        mapping: JSON.stringify(mappingFor(spec.format, spec.mapping)),
      });
      const row = store.feeds().find((r) => r.name === spec.name)!;
      const f = start(row);
      f.tail?.poll();
      return status(f);
    },
    /**
     * Add a feed unless one with the same name, kind, format and path exists (`serve --feed` on every start);
     * a feed of that name configured otherwise is refused. A webhook's token and the heartbeat are updated.
     */
    ensure(spec: FeedSpec): FeedStatus {
      const f = feeds.get(spec.name);
      if (!f) return manager.add(spec);
      const r = f.row;
      if (r.kind !== spec.kind || r.format !== spec.format || (r.path ?? undefined) !== spec.path) {
        throw new FeedError(`a feed named "${spec.name}" exists already as ${r.kind} ${r.format}${r.path ? ` ${r.path}` : ''}: remove it first or choose another name`);
      }
      const mapping = spec.mapping ? JSON.stringify(mappingFor(spec.format, spec.mapping)) : r.mapping;
      store.updateFeed(spec.name, spec.token ?? null, spec.heartbeatSeconds ?? r.heartbeatSeconds, mapping);
      const changed = mapping !== r.mapping;
      f.row = { ...r, token: spec.token ?? null, heartbeatSeconds: spec.heartbeatSeconds ?? r.heartbeatSeconds, mapping };
      if (changed) f.adapter = createAdapter(r.format, adapterContext, { abandonMapping: mappingOf(f.row) });
      return status(f);
    },
    pause(name: string): FeedStatus {
      const f = get(name);
      store.setFeedPaused(name, true);
      f.row = { ...f.row, paused: true };
      return status(f);
    },
    resume(name: string): FeedStatus {
      const f = get(name);
      store.setFeedPaused(name, false);
      f.row = { ...f.row, paused: false };
      f.tail?.poll();
      return status(f);
    },
    /** Stop and forget a feed; what it stored stays. */
    remove(name: string): void {
      const f = get(name);
      f.tail?.close();
      store.removeFeed(name);
      feeds.delete(name);
    },
    /** A webhook request: authenticated, then ingested as one line (form post) or NDJSON lines. */
    receive(name: string, req: WebhookRequest): WebhookAnswer {
      const f = feeds.get(name);
      if (!f || f.row.kind !== 'webhook') return { status: 404, body: { ok: false, message: `no webhook feed named "${name}"` } };
      if (f.row.paused) return { status: 503, body: { ok: false, message: `feed "${name}" is paused` } };
      const token = f.row.token ?? '';
      let lines: string[];
      if (f.row.format === 'taskrouter') {
        // Form posts sign URL + sorted parameters; JSON bodies (Event Streams webhook sinks) sign the URL, which
        // carries the body's SHA-256 as the bodySHA256 query parameter.
        const json = /json/i.test(req.contentType);
        const params = json ? [] : new URLSearchParams(req.body);
        const signature = req.headers['x-twilio-signature'] ?? '';
        const bodyHashOk = !json || bodySha256Matches(req.url, req.body);
        if (!signature || !bodyHashOk || !validateTwilioSignature({ authToken: token, url: req.url, params, signature })) {
          f.counters.rejected++;
          log?.(`feed ${name}: refused a request with ${signature ? 'a wrong' : 'no'} X-Twilio-Signature`);
          return { status: 403, body: { ok: false, message: 'X-Twilio-Signature missing or not valid for this URL and auth token' } };
        }
        lines = json ? [req.body.trim()] : [req.body];
      } else {
        const auth = req.headers.authorization ?? '';
        if (!auth.startsWith('Bearer ') || !tokenMatches(token, auth.slice(7))) {
          f.counters.rejected++;
          return { status: 403, body: { ok: false, message: 'missing or wrong bearer token' } };
        }
        lines = req.body.split(/\r?\n/);
      }
      const first = store.checkpoint(name) + 1;
      const r = ingest(f.adapter, name, lines.map((text, i) => ({ position: first + i, text })));
      record(f, r, r.events, lines.length);
      return { status: 200, body: { ok: true, summary: r } };
    },
  };
  return manager;
}

export type FeedManager = ReturnType<typeof createFeedManager>;
