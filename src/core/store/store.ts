/**
 * The store's contract: what can be read (StoreReader) and what the one writer may also do (StoreWriter), in
 * domain types. No caller sees a row or the SQLite handle; a reader can be opened alone and read-only
 * (open-store-reader.ts), a writer writes every batch of lines in one transaction with its checkpoint, so a crash
 * never leaves half a batch or a checkpoint ahead of its events.
 */
import type { AccessTokenView, FeedFormat, QuarantineEntry } from '../../shared/api';
import type { AlertView } from '../../shared/standards';
import type { CenterSettings, StoredCenter } from '../center/center-settings';
import type { ContactTally } from '../metrics/contact-metrics';
import type { OutcomeTally } from '../metrics/outcome-metrics';
import type { CanonicalEvent } from '../model/events';
import type { AgentRecord, AgentStateInterval, Contact, QueueConfig } from '../model/types';

/** One source line after parsing: the events it maps to, or the reason it was refused. */
export type ParsedLine =
  | { position: number; text: string; events: CanonicalEvent[]; reason?: undefined }
  | { position: number; text: string; events?: undefined; reason: string };

/**
 * How a batch tells an event read before. 'by-id': an event with an id is new when its id is (NDJSON, webhooks:
 * a retried post). 'by-effect': an event is new when it changes a stored contact or agent interval (adapters
 * whose every event is one of those, such as queue_log: a copy of a file read under another name changes nothing).
 */
export type Dedupe = 'by-id' | 'by-effect';

/** Where a file tail stands: the line count, the file, and the byte after the last stored line. */
export interface FileCursor {
  position: number;
  fileId: string;
  byteOffset: number;
  /** Hash of the bytes just before byteOffset: tells a file rewritten in place (same inode) from the one read. */
  fingerprint: string | null;
}

export interface WriteBatchOptions {
  /** The source's name (a feed, a file, an import); created on its first batch. */
  source: string;
  format: string;
  lines: ParsedLine[];
  /** The lines are the events themselves (native NDJSON): a block marks only the few known before. */
  sameAsRaw?: boolean;
  /** A file tail's cursor, checkpointed with the lines; without it the highest position is. */
  cursor?: FileCursor | null;
  /** Default 'by-id'. */
  dedupe?: Dedupe;
}

export interface BatchResult {
  accepted: number;
  duplicates: number;
  quarantined: number;
  errors: { position: number; reason: string }[];
  /** The events newly stored, in input order: what the live aggregates must apply. */
  events: CanonicalEvent[];
  /** The contacts these events changed, as now stored (merged with what was stored before), each a new object. */
  contacts: Map<string, Contact>;
}

/** A configured feed as stored. */
export interface StoredFeed {
  id: number;
  name: string;
  kind: 'file' | 'webhook';
  format: FeedFormat;
  path: string | null;
  token: string | null;
  heartbeatSeconds: number;
  /** JSON of the feed's AbandonMapping (read by the feed manager, which knows each format's defaults). */
  mapping: string;
  paused: boolean;
  createdAt: number;
}

interface NewFeed {
  name: string;
  kind: string;
  format: string;
  path: string | null;
  token: string | null;
  heartbeatSeconds: number;
  mapping: string;
}

/** A saved version of the standards set; `body` is its JSON, checked by the standards service when read. */
export interface StoredStandardsVersion {
  id: number;
  validFrom: number;
  body: string;
  note: string | null;
  savedAt: number;
}

/** An alert as it fires: neither resolved, acknowledged nor snoozed yet. */
type NewAlert = Omit<AlertView, 'id' | 'resolvedAt' | 'acknowledgedAt' | 'snoozedUntil'>;

interface TallyOptions {
  from: number;
  to: number;
  by: 'center' | 'queue' | 'channel';
  shortAbandonMs: number;
  /** T for every queue; by default each queue's own. */
  thresholdSeconds?: number;
  /** The instant outcomes are judged at (default `to`): a day of a longer window is judged at the window's end. */
  at?: number;
}

/** A group's tally of contact outcomes, handle times, surveys and resolutions, summed in SQL (see contact-tallies.ts). */
export type GroupTally = ContactTally & OutcomeTally & { key: string; longestWaitingMs: number };

export interface StoreReader {
  /** The highest position stored of a source (0: none). */
  checkpoint(source: string): number;
  /** A file tail's cursor, or null when it never stored a line. */
  fileCursor(source: string): FileCursor | null;
  /** The stored text of a source's line, or null when that position holds no stored line. */
  lineAt(source: string, position: number): string | null;
  /** The line texts of the last stored block of each source whose name starts with `prefix`. */
  lastStoredBlocks(prefix: string): string[][];
  /** When a source last delivered a line (stored or quarantined) and a line with events; null: never. */
  lastReceived(source: string): { line: number | null; event: number | null };
  /** Lines stored for a source. */
  storedLineCount(source: string): number;
  quarantinedCount(source: string): number;
  /** The latest quarantined lines, newest first, of one source or of all (null). */
  quarantine(limit: number, source: string | null): QuarantineEntry[];
  /** Events stored and lines quarantined, over every source. */
  totals(): { accepted: number; quarantined: number };
  feeds(): StoredFeed[];
  /** Every source that wrote a line (a feed, a file, an import), by name, with its format and first write. */
  sources(): { name: string; format: string; createdAt: number }[];
  /** When a source's lines (stored blocks and quarantined lines) were received within [from, to), in order. */
  linesReceivedBetween(source: string, from: number, to: number): number[];
  /** A source's quarantined lines received within [from, to) (those dropped beyond its cap are not dated). */
  quarantinedBetween(source: string, from: number, to: number): number;
  contact(id: string): Contact | null;
  contactsQueuedBetween(from: number, to: number): Contact[];
  /** Contacts queued before `before` and still waiting (for the live waiting set at start-up). */
  contactsWaitingBefore(before: number): Contact[];
  /** Contacts answered and not yet wrapped up: what agents hold now. */
  contactsWithAgents(): Contact[];
  /** Per-group sums of contact outcomes for [from, to), classified at `to` (history without loading contacts). */
  contactTallies(o: TallyOptions): GroupTally[];
  queues(): QueueConfig[];
  /**
   * Queues no queue.config configured, seen in contacts queued since `from` (a feed that only names its queues in
   * contacts), with their channel's default T.
   */
  queuesSeenSince(from: number): QueueConfig[];
  /** Every agent with its open interval's state. */
  currentAgents(): AgentRecord[];
  /** Agent-state intervals overlapping [since, now]. */
  agentStatesSince(since: number): AgentStateInterval[];
  /** The id of the version in force at an instant, else of the latest saved (without its body), or null. */
  standardsIdAt(at: number): number | null;
  standardsVersion(id: number): StoredStandardsVersion | null;
  standardsHistory(limit: number): StoredStandardsVersion[];
  alert(id: number): AlertView | null;
  /** Alerts not resolved, newest first. */
  openAlerts(): AlertView[];
  recentAlerts(limit: number): AlertView[];
  /** Alerts whose breach overlapped [from, to), oldest first. */
  alertsOverlapping(from: number, to: number): AlertView[];
  /** Viewer tokens, by name. */
  accessTokens(): AccessTokenView[];
  /** The token whose secret has this SHA-256 (hex), or null. */
  accessTokenByHash(hash: string): AccessTokenView | null;
  /** The center's stored settings (null where never set). */
  centerSettings(): StoredCenter;
}

/** The one writer (the engine's): it reads what it wrote. */
export interface StoreWriter extends StoreReader {
  /**
   * Store a batch of parsed lines of one source in one transaction, checkpoint included: the highest
   * position, or for a file tail its cursor (file and byte offset), so a restart resumes exactly there.
   */
  writeBatch(o: WriteBatchOptions): BatchResult;
  addFeed(f: NewFeed): void;
  setFeedPaused(name: string, paused: boolean): void;
  updateFeed(name: string, token: string | null, heartbeatSeconds: number, mapping: string): void;
  removeFeed(name: string): void;
  /** Save a new version of the standards set, in force from `validFrom`; returns its id. */
  saveStandards(body: string, validFrom: number, note: string | null, savedAt: number): number;
  insertAlert(a: NewAlert): number;
  resolveAlert(id: number, at: number): void;
  acknowledgeAlert(id: number, at: number): void;
  snoozeAlert(id: number, until: number | null): void;
  /** A new viewer token (its name is free: the caller checked). */
  addAccessToken(t: { name: string; hash: string; names: boolean; createdAt: number; expiresAt: number | null; board?: string | null }): void;
  /** Whether a token of that name was there to remove. */
  removeAccessToken(name: string): boolean;
  touchAccessToken(name: string, at: number): void;
  /** Store the settings given (the others kept). */
  saveCenterSettings(c: Partial<CenterSettings>, at: number): void;
}
