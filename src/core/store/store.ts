/**
 * Typed reads and writes over the database. One writer (the engine); every write of a batch of lines
 * happens in one transaction with its checkpoint, so a crash never leaves half a batch or a checkpoint
 * ahead of its events.
 */
import type { FeedFormat, QuarantineEntry } from '../../shared/api';
import type { ContactTally } from '../metrics/contact-metrics';
import { decodeTurns, withTurn } from '../metrics/responses';
import type { CanonicalEvent } from '../model/events';
import type { AgentRecord, AgentState, Channel, Contact, QueueConfig } from '../model/types';
import { DEFAULT_SL_THRESHOLD_SECONDS } from '../model/types';
import type { Db } from './database';

/** One source line after parsing: the events it maps to, or the reason it was refused. */
export type ParsedLine =
  | { position: number; text: string; events: CanonicalEvent[]; reason?: undefined }
  | { position: number; text: string; events?: undefined; reason: string };

export interface BatchResult {
  accepted: number;
  duplicates: number;
  quarantined: number;
  errors: { position: number; reason: string }[];
  /** The events newly stored, in input order: what the live aggregates must apply. */
  events: CanonicalEvent[];
  /** The contacts these events changed, as now stored (merged with what was stored before). */
  contacts: Map<string, ContactRow>;
}

export interface FeedRow {
  id: number;
  name: string;
  kind: 'file' | 'webhook';
  format: FeedFormat;
  path: string | null;
  token: string | null;
  heartbeat_seconds: number;
  /** JSON of the feed's AbandonMapping. */
  mapping: string;
  paused: number;
  created_at: number;
}

/** Where a file tail stands: the line count, the file, and the byte after the last stored line. */
export interface FileCursor {
  position: number;
  fileId: string;
  byteOffset: number;
  /** Hash of the bytes just before byteOffset: tells a file rewritten in place (same inode) from the one read. */
  fingerprint: string | null;
}

export interface ContactRow {
  id: string;
  channel: Channel | null;
  queue: string | null;
  agent_id: string | null;
  queued_at: number | null;
  answered_at: number | null;
  first_response_at: number | null;
  abandoned_at: number | null;
  ended_at: number | null;
  wrapup_end_at: number | null;
  csat: number | null;
  nps: number | null;
  surveyed_at: number | null;
  resolved_at: number | null;
  first_contact: number | null;
  first_auto_response_at: number | null;
  /** Conversation turns, "ts:c,ts:a,ts:b" in time order (metrics/responses.ts). */
  turns: string | null;
}

const MAX_ERRORS_REPORTED = 20;

export function rowToContact(r: ContactRow): Contact | null {
  if (r.queued_at === null || r.channel === null || r.queue === null) return null;
  return {
    id: r.id,
    channel: r.channel,
    queue: r.queue,
    agentId: r.agent_id,
    queuedAt: r.queued_at,
    answeredAt: r.answered_at,
    firstResponseAt: r.first_response_at,
    firstAutoResponseAt: r.first_auto_response_at,
    turns: decodeTurns(r.turns),
    abandonedAt: r.abandoned_at,
    endedAt: r.ended_at,
    wrapupEndAt: r.wrapup_end_at,
    csat: r.csat,
    nps: r.nps,
    resolvedAt: r.resolved_at,
    firstContactResolution: r.first_contact === null ? null : r.first_contact === 1,
  };
}

/** The line texts of the last stored block of each source whose name starts with `prefix`. */
export function lastStoredBlocks(db: Db, prefix: string): string[][] {
  return db
    .prepare<[string, string], { lines: string | null }>(
      `SELECT (SELECT b.lines FROM line_blocks b INDEXED BY line_blocks_range WHERE b.source_id = s.id
               ORDER BY b.first_position DESC LIMIT 1) AS lines
       FROM sources s WHERE s.name >= ? AND s.name < ?`,
    )
    .all(prefix, `${prefix}\uffff`)
    .flatMap((r) => (r.lines === null ? [] : [JSON.parse(r.lines) as string[]]));
}

export type Store = ReturnType<typeof createStore>;

/** A row of the alert log. */
export interface AlertRow {
  id: number;
  standard_id: string;
  standard_name: string;
  key: string;
  channel: Channel | null;
  queue: string | null;
  breach_started_at: number;
  fired_at: number;
  resolved_at: number | null;
  acknowledged_at: number | null;
  snoozed_until: number | null;
  figure: number | null;
  basis: string;
}

/** A saved version of the standards set (body: its JSON). */
export interface StandardsVersionRow {
  id: number;
  valid_from: number;
  body: string;
  note: string | null;
  saved_at: number;
}

/** A group's tally of contact outcomes, summed in SQL (see `contactTallies`). */
export type TallyRow = ContactTally & { key: string; longestWaitingMs: number };

const thresholdByChannelSql = `CASE c.channel ${Object.entries(DEFAULT_SL_THRESHOLD_SECONDS)
  .map(([ch, t]) => `WHEN '${ch}' THEN ${t}`)
  .join(' ')} END`;

/**
 * Contacts queued in [from, to), classified at `to` and summed per group, in one pass of SQLite: the same
 * classification as classifyContact (src/core/metrics/contact-metrics.ts), which test/core/window-metrics.test.ts
 * checks on random contacts. Outcome by precedence: answered by `to`, else abandoned by `to`, else ended by `to`
 * (left otherwise), else waiting; wait = outcome instant (or `to`) - queued, never below 0.
 */
const contactTalliesSql = `
WITH k AS (
  SELECT CASE @by WHEN 'queue' THEN c.queue WHEN 'channel' THEN c.channel ELSE 'center' END AS key,
         CASE WHEN c.answered_at IS NOT NULL AND c.answered_at <= @at THEN 1
              WHEN c.abandoned_at IS NOT NULL AND c.abandoned_at <= @at THEN 2
              WHEN c.ended_at IS NOT NULL AND c.ended_at <= @at THEN 3
              ELSE 0 END AS outcome,
         max(0, CASE WHEN c.answered_at IS NOT NULL AND c.answered_at <= @at THEN c.answered_at
                     WHEN c.abandoned_at IS NOT NULL AND c.abandoned_at <= @at THEN c.abandoned_at
                     WHEN c.ended_at IS NOT NULL AND c.ended_at <= @at THEN c.ended_at
                     ELSE @at END - c.queued_at) AS wait,
         coalesce(@thresholdSeconds, CASE WHEN q.channel = c.channel THEN q.sl_threshold_seconds END, ${thresholdByChannelSql}) * 1000 AS threshold,
         CASE WHEN c.first_response_at IS NOT NULL AND c.first_response_at <= @at
              THEN max(0, c.first_response_at - c.queued_at) END AS first_response
  FROM contacts c INDEXED BY contacts_queued_at LEFT JOIN queues q ON q.name = c.queue
  WHERE c.queued_at >= @from AND c.queued_at < @to AND c.channel IS NOT NULL AND c.queue IS NOT NULL
  -- LIMIT -1 (no limit) keeps k a co-routine: each row's outcome and wait are computed once, not once per use
  LIMIT -1
)
SELECT key,
       count(*) AS offered,
       total(outcome = 1) AS answered,
       total(outcome = 2) AS abandoned,
       total(outcome = 2 AND wait < @shortAbandonMs) AS shortAbandoned,
       total(outcome = 1 AND wait <= threshold) AS answeredWithinThreshold,
       total(outcome = 2 AND wait <= threshold) AS abandonedWithinThreshold,
       total(outcome = 0) AS waiting,
       total(outcome = 3) AS leftOtherwise,
       total(outcome = 3 AND wait <= threshold) AS leftWithinThreshold,
       total(CASE WHEN outcome = 1 THEN wait END) AS answeredWaitMs,
       count(first_response) AS firstResponses,
       total(first_response) AS firstResponseMs,
       coalesce(max(CASE WHEN outcome <> 0 THEN wait END), 0) AS maxResolvedWaitMs,
       coalesce(max(CASE WHEN outcome = 0 THEN wait END), 0) AS longestWaitingMs
FROM k GROUP BY key ORDER BY key`;

/** An agent state written into an existing row (same start): nothing left to insert. */
const SAME_ROW = -1;

/** An agent's last state in the batch being written, not yet stored, and where it ends (null: open). */
interface PendingState {
  state: AgentState;
  reason: string | null;
  start: number;
  end: number | null;
}

/** The row already says what the state says: nothing written. */
const NO_CHANGE = -2;

/** An agent's open interval: its row id and what it says. */
interface OpenInterval {
  id: number;
  state: AgentState;
  reason: string | null;
  start: number;
}

interface StoredInterval {
  id: number;
  state: AgentState;
  reason: string | null;
  start_at: number;
  end_at: number | null;
}

/**
 * How a batch tells an event read before. 'by-id': an event with an id is new when its id is (NDJSON, webhooks:
 * a retried post). 'by-effect': an event is new when it changes a stored contact or agent interval (adapters
 * whose every event is one of those, such as queue_log: a copy of a file read under another name changes nothing).
 */
export type Dedupe = 'by-id' | 'by-effect';

/** Contacts held in memory between batches (the open ones and the last finished), at most. */
const MAX_HELD_CONTACTS = 200_000;

/** Rows a multi-row statement writes at most (under SQLite's 32,766 parameters). */
const BULK_ROWS = 200; // x 17 columns: 3,400 parameters

/**
 * A multi-row INSERT: `rows` written BULK_ROWS at a time, one prepared statement per row count used.
 */
function bulkInsert(db: Db, head: string, columns: number, tail = ''): (rows: unknown[][]) => void {
  const statements = new Map<number, ReturnType<Db['prepare']>>();
  const tuple = `(${new Array(columns).fill('?').join(', ')})`;
  const statement = (n: number) => {
    let st = statements.get(n);
    if (!st) {
      st = db.prepare(`${head} ${new Array(n).fill(tuple).join(', ')}${tail}`);
      statements.set(n, st);
    }
    return st;
  };
  return (rows) => {
    for (let i = 0; i < rows.length; i += BULK_ROWS) {
      const n = Math.min(BULK_ROWS, rows.length - i);
      const params: unknown[] = new Array(n * columns);
      for (let k = 0; k < n; k++) {
        const row = rows[i + k];
        for (let c = 0; c < columns; c++) params[k * columns + c] = row[c];
      }
      statement(n).run(params);
    }
  };
}

/** Lines per stored block, at most. */
const MAX_BLOCK_LINES = 10_000;

/** `now`: the instant lines are received at (the engine's clock: simulated floors run it faster than the wall). */
export function createStore(db: Db, now: () => number = Date.now) {
  const s = {
    sourceByName: db.prepare<[string], { id: number }>('SELECT id FROM sources WHERE name = ?'),
    insertSource: db.prepare('INSERT INTO sources (name, format, created_at) VALUES (?, ?, ?)'),
    insertBlock: db.prepare(
      `INSERT INTO line_blocks (source_id, first_position, last_position, lines, events, derived, event_count, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    /** The block that starts at or before a position (it may reach over it). */
    blockAtOrBefore: db.prepare<[number, number], { a: number; b: number }>(
      `SELECT first_position AS a, last_position AS b FROM line_blocks INDEXED BY line_blocks_range
       WHERE source_id = ? AND first_position <= ? ORDER BY first_position DESC LIMIT 1`,
    ),
    blocksStartingIn: db.prepare<[number, number, number], { a: number; b: number }>(
      `SELECT first_position AS a, last_position AS b FROM line_blocks INDEXED BY line_blocks_range
       WHERE source_id = ? AND first_position > ? AND first_position <= ? ORDER BY first_position`,
    ),
    insertKey: db.prepare('INSERT OR IGNORE INTO event_keys (key) VALUES (?)'),
    blockHolding: db.prepare<[number, number], { first_position: number; last_position: number; lines: string }>(
      `SELECT first_position, last_position, lines FROM line_blocks INDEXED BY line_blocks_range
       WHERE source_id = ? AND first_position <= ? ORDER BY first_position DESC LIMIT 1`,
    ),
    insertQuarantine: db.prepare(
      'INSERT OR IGNORE INTO quarantine (source_id, position, text, reason, received_at) VALUES (?, ?, ?, ?, ?)',
    ),
    upsertCheckpoint: db.prepare(
      `INSERT INTO checkpoints (source_id, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (source_id) DO UPDATE SET position = max(position, excluded.position), updated_at = excluded.updated_at`,
    ),
    setCursor: db.prepare(
      `INSERT INTO checkpoints (source_id, position, updated_at, file_id, byte_offset, fingerprint) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (source_id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at,
         file_id = excluded.file_id, byte_offset = excluded.byte_offset, fingerprint = excluded.fingerprint`,
    ),
    checkpoint: db.prepare<[number], { position: number; file_id: string | null; byte_offset: number | null; fingerprint: string | null }>(
      'SELECT position, file_id, byte_offset, fingerprint FROM checkpoints WHERE source_id = ?',
    ),
    feeds: db.prepare<[], FeedRow>('SELECT * FROM feeds ORDER BY id'),
    insertFeed: db.prepare(
      `INSERT INTO feeds (name, kind, format, path, token, heartbeat_seconds, mapping, paused, created_at)
       VALUES (@name, @kind, @format, @path, @token, @heartbeatSeconds, @mapping, 0, @createdAt)`,
    ),
    setFeedPaused: db.prepare('UPDATE feeds SET paused = ? WHERE name = ?'),
    updateFeed: db.prepare('UPDATE feeds SET token = ?, heartbeat_seconds = ?, mapping = ? WHERE name = ?'),
    deleteFeed: db.prepare('DELETE FROM feeds WHERE name = ?'),
    sourceCounts: db.prepare<[string], { quarantined: number }>(
      `SELECT (SELECT count(*) FROM quarantine q JOIN sources s ON s.id = q.source_id WHERE s.name = ?) AS quarantined`,
    ),
    lastReceived: db.prepare<[string], { line: number | null; event: number | null }>(
      `SELECT (SELECT max(t) FROM (SELECT b.received_at AS t FROM line_blocks b WHERE b.source_id = s.id
                                   UNION ALL SELECT q.received_at FROM quarantine q WHERE q.source_id = s.id)) AS line,
              (SELECT max(b.received_at) FROM line_blocks b WHERE b.source_id = s.id AND b.event_count > 0) AS event
       FROM sources s WHERE s.name = ?`,
    ),
    storedLineCount: db.prepare<[string], { n: number }>(
      `SELECT coalesce(sum(b.last_position - b.first_position + 1), 0) AS n
       FROM line_blocks b JOIN sources s ON s.id = b.source_id WHERE s.name = ?`,
    ),
    upsertQueue: db.prepare(
      `INSERT INTO queues (name, channel, time_zone, sl_threshold_seconds) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET channel = excluded.channel,
         time_zone = coalesce(excluded.time_zone, time_zone), sl_threshold_seconds = excluded.sl_threshold_seconds`,
    ),
    contactsByIds: db.prepare<[string], ContactRow>('SELECT * FROM contacts WHERE id IN (SELECT value FROM json_each(?))'),
    upsertAgent: db.prepare(
      `INSERT INTO agents (id, name, capacity) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = coalesce(?, name), capacity = coalesce(?, capacity)`,
    ),
    /** The agent's open interval (its latest: a stored interval is closed only by a later one). */
    agentOpenInterval: db.prepare<[string], StoredInterval>(
      `SELECT id, state, reason, start_at, end_at FROM agent_states INDEXED BY agent_states_open
       WHERE agent_id = ? AND end_at IS NULL`,
    ),
    /**
     * The agent's first closed interval ending after an instant: the one that holds it, or else the next one.
     * Scans forward from the instant over every agent's intervals, so it costs as much as the state is late.
     */
    agentClosedAfter: db.prepare<[number, string], StoredInterval>(
      `SELECT id, state, reason, start_at, end_at FROM agent_states INDEXED BY agent_states_end
       WHERE end_at > ? AND agent_id = ? ORDER BY end_at LIMIT 1`,
    ),
    endAgentInterval: db.prepare('UPDATE agent_states SET end_at = ? WHERE id = ?'),
    restateAgentInterval: db.prepare('UPDATE agent_states SET state = ?, reason = ? WHERE id = ?'),
    lastAgentIntervalId: db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM agent_states'),
    contactById: db.prepare<[string], ContactRow>('SELECT * FROM contacts WHERE id = ?'),
    contactTallies: db.prepare<[{ from: number; to: number; at: number; by: string; shortAbandonMs: number; thresholdSeconds: number | null }], TallyRow>(contactTalliesSql),
    contactsQueuedBetween: db.prepare<[number, number], ContactRow>(
      'SELECT * FROM contacts WHERE queued_at >= ? AND queued_at < ? ORDER BY queued_at',
    ),
    contactsOpenBefore: db.prepare<[number], ContactRow>(
      `SELECT * FROM contacts WHERE queued_at < ? AND answered_at IS NULL AND abandoned_at IS NULL AND ended_at IS NULL`,
    ),
    contactsActiveWithAgent: db.prepare<[], ContactRow>(
      'SELECT * FROM contacts WHERE answered_at IS NOT NULL AND wrapup_end_at IS NULL AND abandoned_at IS NULL',
    ),
    queues: db.prepare<[], { name: string; channel: Channel; time_zone: string | null; sl_threshold_seconds: number }>(
      'SELECT * FROM queues ORDER BY name',
    ),
    currentAgents: db.prepare<[], { id: string; name: string; capacity: string; state: AgentState; reason: string | null; since: number }>(
      `SELECT a.id, a.name, a.capacity, s.state, s.reason, s.start_at AS since
       FROM agents a JOIN agent_states s ON s.agent_id = a.id AND s.end_at IS NULL`,
    ),
    agentStatesSince: db.prepare<[number], { agent_id: string; state: AgentState; reason: string | null; start_at: number; end_at: number | null }>(
      'SELECT agent_id, state, reason, start_at, end_at FROM agent_states WHERE end_at IS NULL OR end_at > ?',
    ),
    quarantine: db.prepare<[string | null, string | null, number], QuarantineEntry>(
      `SELECT s.name AS source, q.position, q.reason, q.text, q.received_at AS at
       FROM quarantine q JOIN sources s ON s.id = q.source_id
       WHERE (? IS NULL OR s.name = ?) ORDER BY q.id DESC LIMIT ?`,
    ),
    insertStandards: db.prepare('INSERT INTO standards_versions (valid_from, body, note, saved_at) VALUES (?, ?, ?, ?)'),
    standardsHistory: db.prepare<[number], StandardsVersionRow>('SELECT * FROM standards_versions ORDER BY valid_from DESC, id DESC LIMIT ?'),
    standardsIdAt: db.prepare<[number], { id: number }>(
      'SELECT id FROM standards_versions WHERE valid_from <= ? ORDER BY valid_from DESC, id DESC LIMIT 1',
    ),
    latestStandardsId: db.prepare<[], { id: number }>('SELECT id FROM standards_versions ORDER BY valid_from DESC, id DESC LIMIT 1'),
    standardsById: db.prepare<[number], StandardsVersionRow>('SELECT * FROM standards_versions WHERE id = ?'),
    insertAlert: db.prepare(
      `INSERT INTO alerts (standard_id, standard_name, key, channel, queue, breach_started_at, fired_at, figure, basis)
       VALUES (@standardId, @standardName, @key, @channel, @queue, @breachStartedAt, @firedAt, @figure, @basis)`,
    ),
    resolveAlert: db.prepare('UPDATE alerts SET resolved_at = ? WHERE id = ?'),
    acknowledgeAlert: db.prepare('UPDATE alerts SET acknowledged_at = coalesce(acknowledged_at, ?) WHERE id = ?'),
    snoozeAlert: db.prepare('UPDATE alerts SET snoozed_until = ? WHERE id = ?'),
    alertById: db.prepare<[number], AlertRow>('SELECT * FROM alerts WHERE id = ?'),
    openAlerts: db.prepare<[], AlertRow>('SELECT * FROM alerts WHERE resolved_at IS NULL ORDER BY fired_at DESC, id DESC'),
    recentAlerts: db.prepare<[number], AlertRow>('SELECT * FROM alerts ORDER BY fired_at DESC, id DESC LIMIT ?'),
    counts: db.prepare<[], { accepted: number; quarantined: number }>(
      'SELECT (SELECT coalesce(sum(event_count), 0) FROM line_blocks) AS accepted, (SELECT count(*) FROM quarantine) AS quarantined',
    ),
  };

  const sourceIds = new Map<string, number>();

  // ---- agent intervals -------------------------------------------------------------------------------------
  // Each agent's open interval (its latest) is kept in memory once known, so a state in order costs no read:
  // the open row is closed with one UPDATE and the new rows go out in multi-row INSERTs at the batch's end.
  // Row ids are given here (one writer), so a row still in the insert buffer can be closed or restated there.

  /** Per agent, the last state seen in the batch being written, not yet stored: it is stored closed by the
   * agent's next state in the batch (one row instead of an insert and an update), or open at the batch's end. */
  const agentsPending = new Map<string, PendingState>();
  /** Per agent, its open interval as stored (or buffered); null: the agent has no interval at all. */
  const agentsOpen = new Map<string, OpenInterval | null>();
  /** Rows to insert at the batch's end (or before a read that must see them): id, agent, state, reason, start, end. */
  let agentRows: unknown[][] = [];
  let nextAgentRowId = s.lastAgentIntervalId.get()?.id ?? 0;
  /** Rows with ids up to this one are in the table (the rest in agentRows). */
  let flushedThrough = nextAgentRowId;
  const insertAgentRows = bulkInsert(db, 'INSERT INTO agent_states (id, agent_id, state, reason, start_at, end_at) VALUES', 6);

  function flushAgentRows(): void {
    if (agentRows.length > 0) insertAgentRows(agentRows);
    agentRows = [];
    flushedThrough = nextAgentRowId;
  }

  function openInterval(agentId: string): OpenInterval | null {
    let open = agentsOpen.get(agentId);
    if (open === undefined) {
      const r = s.agentOpenInterval.get(agentId);
      open = r ? { id: r.id, state: r.state, reason: r.reason, start: r.start_at } : null;
      agentsOpen.set(agentId, open);
    }
    return open;
  }

  /**
   * Make room for a state that starts at `ts` in the agent's stored intervals, as late and out-of-order events
   * need: the interval that holds `ts` now ends there (one that starts exactly there is the same start: it is
   * restated), and the new state lasts until that interval's end, or until the next stored interval (open when
   * there is none). Returns where the new state ends (SAME_ROW: restated in place; NO_CHANGE: that row already
   * said so); the caller writes it (see flushAgent).
   */
  function placeAgentState(agentId: string, ts: number, state: AgentState, reason: string | null): number | null {
    const open = openInterval(agentId);
    if (open === null) return null;
    if (open.id > flushedThrough) flushAgentRows(); // its row must be in the table to be changed
    if (ts > open.start) {
      // in order: the open interval ends here, and the new state is the open one
      s.endAgentInterval.run(ts, open.id);
      return null;
    }
    if (ts === open.start) return restate(open.id, open, state, reason);
    // late: the closed interval that holds ts, or the next one; else the open one is the next
    flushAgentRows();
    const closed = s.agentClosedAfter.get(ts, agentId);
    if (closed === undefined) return open.start;
    if (closed.start_at === ts) return restate(closed.id, closed, state, reason);
    if (closed.start_at > ts) return closed.start_at;
    s.endAgentInterval.run(ts, closed.id);
    return closed.end_at;
  }

  function restate(id: number, was: { state: AgentState; reason: string | null }, state: AgentState, reason: string | null): number {
    if (was.state === state && was.reason === reason) return NO_CHANGE;
    s.restateAgentInterval.run(state, reason, id);
    was.state = state;
    was.reason = reason;
    return SAME_ROW;
  }

  function flushAgent(agentId: string, p: PendingState): void {
    if (p.end === SAME_ROW || p.end === NO_CHANGE) return;
    const id = ++nextAgentRowId;
    agentRows.push([id, agentId, p.state, p.reason, p.start, p.end]);
    if (p.end === null) agentsOpen.set(agentId, { id, state: p.state, reason: p.reason, start: p.start });
  }

  /** What this store last wrote of each agent, to skip rewriting an unchanged name and capacity. */
  const agentsWritten = new Map<string, { name: string | undefined; capacity: string | null }>();

  /** Store an agent state; false when it changes nothing stored (the same state from the same instant). */
  function deriveAgentState(e: Extract<CanonicalEvent, { type: 'agent.state' }>): boolean {
    let changed = false;
    const capacity = e.capacity ? JSON.stringify(e.capacity) : null;
    const known = agentsWritten.get(e.agentId);
    if (!known || (e.name !== undefined && e.name !== known.name) || (capacity !== null && capacity !== known.capacity)) {
      s.upsertAgent.run(e.agentId, e.name ?? e.agentId, capacity ?? '{}', e.name ?? null, capacity);
      agentsWritten.set(e.agentId, { name: e.name ?? known?.name, capacity: capacity ?? known?.capacity ?? null });
      changed = known !== undefined;
    }
    const reason = e.state === 'not-ready' ? (e.reason ?? null) : null;
    const pending = agentsPending.get(e.agentId);
    if (pending !== undefined && e.ts > pending.start && (pending.end === null || e.ts < pending.end)) {
      // the common case, in order within the batch: the pending interval ends here, one row written closed
      agentRows.push([++nextAgentRowId, e.agentId, pending.state, pending.reason, pending.start, e.ts]);
      agentsPending.set(e.agentId, { state: e.state, reason, start: e.ts, end: pending.end });
      return true;
    }
    if (pending !== undefined && e.ts === pending.start && pending.end !== SAME_ROW && pending.end !== NO_CHANGE) {
      // the same instant as the pending state: it replaces it
      const same = pending.state === e.state && pending.reason === reason;
      pending.state = e.state;
      pending.reason = reason;
      return changed || !same;
    }
    if (pending !== undefined) flushAgent(e.agentId, pending);
    const end = placeAgentState(e.agentId, e.ts, e.state, reason);
    agentsPending.set(e.agentId, { state: e.state, reason, start: e.ts, end });
    return changed || end !== NO_CHANGE;
  }

  // ---- contacts --------------------------------------------------------------------------------------------
  // Contacts are merged here, not in SQL: the rows a batch touches are read at once (those not held from an
  // earlier batch), merged event by event, and written back in multi-row upserts. The rows held mirror the
  // table (write-through; dropped on a rollback), the oldest let go beyond MAX_HELD_CONTACTS.
  const heldContacts = new Map<string, ContactRow>();
  const upsertContactRows = bulkInsert(
    db,
    'INSERT INTO contacts (id, channel, queue, agent_id, queued_at, answered_at, first_response_at, abandoned_at, ended_at, wrapup_end_at, csat, nps, surveyed_at, resolved_at, first_contact, first_auto_response_at, turns) VALUES',
    17,
    ` ON CONFLICT (id) DO UPDATE SET channel = excluded.channel, queue = excluded.queue, agent_id = excluded.agent_id,
       queued_at = excluded.queued_at, answered_at = excluded.answered_at, first_response_at = excluded.first_response_at,
       abandoned_at = excluded.abandoned_at, ended_at = excluded.ended_at, wrapup_end_at = excluded.wrapup_end_at,
       csat = excluded.csat, nps = excluded.nps, surveyed_at = excluded.surveyed_at, resolved_at = excluded.resolved_at,
       first_contact = excluded.first_contact, first_auto_response_at = excluded.first_auto_response_at, turns = excluded.turns`,
  );

  /** Read the stored rows of the contacts these lines name that are not held yet. */
  function holdContacts(lines: readonly { events: readonly CanonicalEvent[] }[]): void {
    const missing = new Set<string>();
    for (const line of lines)
      for (const e of line.events)
        if ('contactId' in e && !heldContacts.has(e.contactId)) missing.add(e.contactId);
    if (missing.size === 0) return;
    for (const r of s.contactsByIds.all(JSON.stringify([...missing]))) heldContacts.set(r.id, r);
  }

  function contactRow(id: string): ContactRow {
    let c = heldContacts.get(id);
    if (c === undefined) {
      c = { id, channel: null, queue: null, agent_id: null, queued_at: null, answered_at: null, first_response_at: null, abandoned_at: null, ended_at: null, wrapup_end_at: null, csat: null, nps: null, surveyed_at: null, resolved_at: null, first_contact: null, first_auto_response_at: null, turns: null };
      heldContacts.set(id, c);
    }
    return c;
  }

  const earlier = (stored: number | null, ts: number) => stored === null || ts < stored;
  const later = (stored: number | null, ts: number) => stored === null || ts > stored;

  /**
   * Merge one event into its contact: earliest entry, answer and human response, latest end; the queue and
   * channel of the earliest entry and the agent of the earliest answer, whatever order events arrive in (on a
   * tie, the one stored first). False when the event changes nothing.
   */
  function deriveContact(e: CanonicalEvent, changed: Map<string, ContactRow>): boolean {
    let c: ContactRow;
    switch (e.type) {
      case 'contact.queued':
        if (!earlier((c = contactRow(e.contactId)).queued_at, e.ts)) return false;
        c.channel = e.channel;
        c.queue = e.queue;
        c.queued_at = e.ts;
        break;
      case 'contact.answered':
        if (!earlier((c = contactRow(e.contactId)).answered_at, e.ts)) return false;
        c.agent_id = e.agentId;
        c.answered_at = e.ts;
        break;
      case 'contact.responded': {
        // every reply is a turn of the conversation; the earliest human one is the first response, the earliest
        // automated one is kept for standards that count bot replies
        c = contactRow(e.contactId);
        const turns = withTurn(c.turns, { at: e.ts, by: e.automated ? 'bot' : 'agent' });
        if (turns === null) return false;
        c.turns = turns;
        if (e.automated) {
          if (earlier(c.first_auto_response_at, e.ts)) c.first_auto_response_at = e.ts;
        } else if (earlier(c.first_response_at, e.ts)) c.first_response_at = e.ts;
        break;
      }
      case 'contact.message': {
        c = contactRow(e.contactId);
        const turns = withTurn(c.turns, { at: e.ts, by: 'customer' });
        if (turns === null) return false;
        c.turns = turns;
        break;
      }
      case 'contact.abandoned':
        if (!earlier((c = contactRow(e.contactId)).abandoned_at, e.ts)) return false;
        c.abandoned_at = e.ts;
        break;
      case 'contact.ended':
        if (!later((c = contactRow(e.contactId)).ended_at, e.ts)) return false;
        c.ended_at = e.ts;
        break;
      case 'contact.wrapup-ended':
        if (!later((c = contactRow(e.contactId)).wrapup_end_at, e.ts)) return false;
        c.wrapup_end_at = e.ts;
        break;
      case 'contact.surveyed':
        // the latest survey counts (a tie: the one stored first)
        if (!later((c = contactRow(e.contactId)).surveyed_at, e.ts)) return false;
        c.surveyed_at = e.ts;
        c.csat = e.csat ?? null;
        c.nps = e.nps ?? null;
        break;
      case 'contact.resolved':
        if (!earlier((c = contactRow(e.contactId)).resolved_at, e.ts)) return false;
        c.resolved_at = e.ts;
        c.first_contact = e.firstContact ? 1 : 0;
        break;
      default:
        return false;
    }
    changed.set(c.id, c);
    return true;
  }

  function writeContacts(changed: Map<string, ContactRow>): void {
    const rows: unknown[][] = [];
    for (const c of changed.values()) {
      rows.push([c.id, c.channel, c.queue, c.agent_id, c.queued_at, c.answered_at, c.first_response_at, c.abandoned_at, c.ended_at, c.wrapup_end_at, c.csat, c.nps, c.surveyed_at, c.resolved_at, c.first_contact, c.first_auto_response_at, c.turns]);
    }
    if (rows.length > 0) upsertContactRows(rows);
    if (heldContacts.size > MAX_HELD_CONTACTS) {
      let drop = heldContacts.size - (MAX_HELD_CONTACTS * 3) / 4;
      for (const id of heldContacts.keys()) {
        if (drop-- <= 0) break;
        heldContacts.delete(id);
      }
    }
  }

  /** Store one event's derived rows; false when it changes nothing stored. */
  function deriveFromEvent(e: CanonicalEvent, contacts: Map<string, ContactRow>): boolean {
    switch (e.type) {
      case 'queue.config':
        s.upsertQueue.run(e.queue, e.channel, e.timeZone ?? null, e.slThresholdSeconds ?? DEFAULT_SL_THRESHOLD_SECONDS[e.channel]);
        return true;
      case 'agent.state':
        return deriveAgentState(e);
      default:
        return deriveContact(e, contacts);
    }
  }

  function sourceId(name: string, format: string): number {
    let id = sourceIds.get(name);
    if (id === undefined) {
      id = s.sourceByName.get(name)?.id ?? Number(s.insertSource.run(name, format, now()).lastInsertRowid);
      sourceIds.set(name, id);
    }
    return id;
  }

  /** Position ranges of this source already stored, overlapping [from, to], in order. Blocks never overlap. */
  function storedRanges(src: number, from: number, to: number): { a: number; b: number }[] {
    const ranges: { a: number; b: number }[] = [];
    const before = s.blockAtOrBefore.get(src, from);
    if (before && before.b >= from) ranges.push(before);
    for (const r of s.blocksStartingIn.iterate(src, from, to)) ranges.push(r);
    return ranges;
  }

  interface NewLine {
    position: number;
    text: string;
    /** New events the line gave. */
    count: number;
  }

  /**
   * Write new lines (sorted by position) as blocks of consecutive positions. A block never spans a missing
   * position (blank, quarantined, or stored before), so the stored ranges are exactly the stored positions.
   */
  function writeBlocks(src: number, lines: NewLine[], derived: boolean, receivedAt: number): void {
    let i = 0;
    while (i < lines.length) {
      const first = lines[i].position;
      let j = i + 1;
      while (j < lines.length && j - i < MAX_BLOCK_LINES && lines[j].position === lines[j - 1].position + 1) j++;
      const last = lines[j - 1].position;
      const texts: string[] = [];
      let count = 0;
      let known = false;
      for (let k = i; k < j; k++) {
        texts.push(lines[k].text);
        count += lines[k].count;
        if (lines[k].count === 0) known = true;
      }
      // NDJSON lines are their own events; the few whose event was known already (by id) are marked []
      const events = !derived && known ? JSON.stringify(lines.slice(i, j).map((l) => (l.count === 0 ? [] : null))) : null;
      s.insertBlock.run(src, first, last, JSON.stringify(texts), events, derived ? 1 : 0, count, receivedAt);
      i = j;
    }
  }

  const writeBatch = db.transaction(
    (sourceName: string, format: string, lines: ParsedLine[], sameAsRaw: boolean, cursor: FileCursor | null, dedupe: Dedupe): BatchResult => {
      const src = sourceId(sourceName, format);
      const receivedAt = now();
      const result: BatchResult = { accepted: 0, duplicates: 0, quarantined: 0, errors: [], events: [], contacts: new Map() };
      const contacts = new Map<string, ContactRow>();
      const byId = dedupe === 'by-id';
      let maxPosition = 0;
      let minPosition = Infinity;
      const good: Extract<ParsedLine, { reason?: undefined }>[] = [];
      const bad: Extract<ParsedLine, { reason: string }>[] = [];
      for (const line of lines) {
        if (line.position > maxPosition) maxPosition = line.position;
        if (line.position < minPosition) minPosition = line.position;
        if (line.reason === undefined) good.push(line);
        else bad.push(line);
      }
      // the positions of this source already stored, over the batch's span: one lookup for good and bad lines
      const stored = lines.length > 0 ? storedRanges(src, minPosition, maxPosition) : [];
      // a position already stored (as a good line) is not quarantined when it comes again with other text
      for (const line of bad) {
        if (stored.some((r) => r.a <= line.position && r.b >= line.position)) {
          result.duplicates++;
          continue;
        }
        const fresh = s.insertQuarantine.run(src, line.position, line.text, line.reason, receivedAt).changes > 0;
        if (fresh) {
          result.quarantined++;
          if (result.errors.length < MAX_ERRORS_REPORTED) result.errors.push({ position: line.position, reason: line.reason });
        } else result.duplicates++;
      }
      if (good.length > 0) {
        let sorted = true;
        for (let k = 1; k < good.length && sorted; k++) sorted = good[k - 1].position < good[k].position;
        if (!sorted) good.sort((x, y) => x.position - y.position);
        const fresh: (NewLine & { events: readonly CanonicalEvent[] })[] = [];
        let r = 0;
        let previous = -1;
        for (const line of good) {
          while (r < stored.length && stored[r].b < line.position) r++;
          if (line.position === previous || (r < stored.length && stored[r].a <= line.position)) {
            result.duplicates++; // this position is stored already (or twice in this batch)
            continue;
          }
          previous = line.position;
          fresh.push({ position: line.position, text: line.text, count: 0, events: line.events });
        }
        holdContacts(fresh);
        for (const line of fresh) {
          let count = 0;
          for (const e of line.events) {
            if (byId) {
              // an event with its own id is stored once whatever line, position or source it comes from
              if (e.id !== undefined && s.insertKey.run(e.id).changes === 0) continue;
              deriveFromEvent(e, contacts);
            } else if (!deriveFromEvent(e, contacts)) continue; // it changes nothing stored: read before
            result.events.push(e);
            count++;
          }
          line.count = count;
          if (count > 0 || line.events.length === 0) result.accepted++;
          else result.duplicates++;
        }
        writeBlocks(src, fresh, !sameAsRaw, receivedAt);
      }
      writeContacts(contacts);
      result.contacts = contacts;
      for (const [agentId, p] of agentsPending) flushAgent(agentId, p);
      agentsPending.clear();
      flushAgentRows();
      if (cursor) s.setCursor.run(src, cursor.position, receivedAt, cursor.fileId, cursor.byteOffset, cursor.fingerprint);
      else if (maxPosition > 0) s.upsertCheckpoint.run(src, maxPosition, receivedAt);
      return result;
    },
  );

  const contactRows = (rows: ContactRow[]): Contact[] => rows.map(rowToContact).filter((c): c is Contact => c !== null);

  return {
    db,
    /**
     * Store a batch of parsed lines of one source in one transaction, checkpoint included: the highest
     * position, or for a file tail its cursor (file and byte offset), so a restart resumes exactly there.
     */
    writeBatch(sourceName: string, format: string, lines: ParsedLine[], sameAsRaw = false, cursor: FileCursor | null = null, dedupe: Dedupe = 'by-id'): BatchResult {
      try {
        return writeBatch(sourceName, format, lines, sameAsRaw, cursor, dedupe);
      } catch (e) {
        // the transaction rolled back: what it wrote is gone, and so is what is held of it
        agentsWritten.clear();
        agentsPending.clear();
        agentsOpen.clear();
        agentRows = [];
        nextAgentRowId = s.lastAgentIntervalId.get()?.id ?? 0;
        flushedThrough = nextAgentRowId;
        heldContacts.clear();
        sourceIds.clear();
        throw e;
      }
    },
    checkpoint(sourceName: string): number {
      const id = s.sourceByName.get(sourceName)?.id;
      return id === undefined ? 0 : (s.checkpoint.get(id)?.position ?? 0);
    },
    /** The stored text of a source's line, or null when that position holds no stored line. */
    lineAt(sourceName: string, position: number): string | null {
      const id = s.sourceByName.get(sourceName)?.id;
      const b = id === undefined ? undefined : s.blockHolding.get(id, position);
      return b && position <= b.last_position ? ((JSON.parse(b.lines) as string[])[position - b.first_position] ?? null) : null;
    },
    /** A file tail's cursor, or null when it never stored a line. */
    fileCursor(sourceName: string): FileCursor | null {
      const id = s.sourceByName.get(sourceName)?.id;
      const c = id === undefined ? undefined : s.checkpoint.get(id);
      return c && c.file_id !== null && c.byte_offset !== null
        ? { position: c.position, fileId: c.file_id, byteOffset: c.byte_offset, fingerprint: c.fingerprint }
        : null;
    },
    feeds(): FeedRow[] {
      return s.feeds.all();
    },
    addFeed(f: { name: string; kind: string; format: string; path: string | null; token: string | null; heartbeatSeconds: number; mapping: string }): void {
      s.insertFeed.run({ ...f, createdAt: now() });
    },
    setFeedPaused(name: string, paused: boolean): void {
      s.setFeedPaused.run(paused ? 1 : 0, name);
    },
    updateFeed(name: string, token: string | null, heartbeatSeconds: number, mapping: string): void {
      s.updateFeed.run(token, heartbeatSeconds, mapping, name);
    },
    removeFeed(name: string): void {
      s.deleteFeed.run(name);
    },
    /** When a source last delivered a line (stored or quarantined) and a line with events; null: never. */
    lastReceived(sourceName: string): { line: number | null; event: number | null } {
      return s.lastReceived.get(sourceName) ?? { line: null, event: null };
    },
    /** Lines stored for a source. */
    storedLineCount(sourceName: string): number {
      return s.storedLineCount.get(sourceName)?.n ?? 0;
    },
    quarantinedCount(sourceName: string): number {
      return s.sourceCounts.get(sourceName)?.quarantined ?? 0;
    },
    contact(id: string): Contact | null {
      const r = s.contactById.get(id);
      return r ? rowToContact(r) : null;
    },
    /**
     * Per-group sums of contact outcomes for [from, to), classified at `to` (history without loading contacts).
     * `thresholdSeconds`: T for every queue; by default each queue's own.
     */
    contactTallies(o: { from: number; to: number; by: 'center' | 'queue' | 'channel'; shortAbandonMs: number; thresholdSeconds?: number }): TallyRow[] {
      return s.contactTallies.all({ ...o, thresholdSeconds: o.thresholdSeconds ?? null, at: o.to });
    },
    contactsQueuedBetween(from: number, to: number): Contact[] {
      return contactRows(s.contactsQueuedBetween.all(from, to));
    },
    /** Contacts queued before `before` and still waiting (for the live waiting set at start-up). */
    contactsWaitingBefore(before: number): Contact[] {
      return contactRows(s.contactsOpenBefore.all(before));
    },
    /** Contacts answered and not yet wrapped up: what agents hold now. */
    contactsWithAgents(): Contact[] {
      return contactRows(s.contactsActiveWithAgent.all());
    },
    queues(): QueueConfig[] {
      return s.queues.all().map((q) => ({
        name: q.name,
        channel: q.channel,
        timeZone: q.time_zone,
        slThresholdSeconds: q.sl_threshold_seconds,
      }));
    },
    currentAgents(): AgentRecord[] {
      return s.currentAgents.all().map((a) => ({ ...a, capacity: JSON.parse(a.capacity) as AgentRecord['capacity'] }));
    },
    /** Agent-state intervals overlapping [since, now]. */
    agentStatesSince(since: number) {
      return s.agentStatesSince.all(since);
    },
    quarantine(limit: number, source: string | null): QuarantineEntry[] {
      return s.quarantine.all(source, source, limit);
    },
    /** The id of the version in force at an instant, else of the latest saved (without its body), or null. */
    standardsIdAt(at: number): number | null {
      return (s.standardsIdAt.get(at) ?? s.latestStandardsId.get())?.id ?? null;
    },
    standardsVersion(id: number): StandardsVersionRow | null {
      return s.standardsById.get(id) ?? null;
    },
    /** Save a new version of the standards set, in force from `validFrom`; returns its id. */
    saveStandards(body: string, validFrom: number, note: string | null, savedAt: number): number {
      return Number(s.insertStandards.run(validFrom, body, note, savedAt).lastInsertRowid);
    },
    standardsHistory(limit: number): StandardsVersionRow[] {
      return s.standardsHistory.all(limit);
    },
    insertAlert(a: { standardId: string; standardName: string; key: string; channel: Channel | null; queue: string | null; breachStartedAt: number; firedAt: number; figure: number | null; basis: string }): number {
      return Number(s.insertAlert.run(a).lastInsertRowid);
    },
    resolveAlert(id: number, at: number): void {
      s.resolveAlert.run(at, id);
    },
    acknowledgeAlert(id: number, at: number): void {
      s.acknowledgeAlert.run(at, id);
    },
    snoozeAlert(id: number, until: number | null): void {
      s.snoozeAlert.run(until, id);
    },
    alert(id: number): AlertRow | null {
      return s.alertById.get(id) ?? null;
    },
    openAlerts(): AlertRow[] {
      return s.openAlerts.all();
    },
    recentAlerts(limit: number): AlertRow[] {
      return s.recentAlerts.all(limit);
    },
    totals(): { accepted: number; quarantined: number } {
      return s.counts.get() ?? { accepted: 0, quarantined: 0 };
    },
  };
}
