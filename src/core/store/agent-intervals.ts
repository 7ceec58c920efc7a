/**
 * Agent states stored as intervals (`agent_states`: from a start until the next state's, the latest open), in
 * order or late: a late state splits the interval that holds it, and the same state said again from the same
 * instant changes nothing. Each agent's open interval is kept in memory once known, so a state in order costs
 * no read: the open row is closed with one UPDATE and the new rows go out in multi-row INSERTs at the batch's
 * end. Row ids are given here (one writer), so a row still in the insert buffer can be closed or restated there.
 */
import type { CanonicalEvent } from '../model/events';
import type { AgentState } from '../model/types';
import { bulkInsert } from './bulk-insert';
import type { Db } from './database';

/** An agent state written into an existing row (same start): nothing left to insert. */
const SAME_ROW = -1;

/** The row already says what the state says: nothing written. */
const NO_CHANGE = -2;

/** An agent's last state in the batch being written, not yet stored, and where it ends (null: open). */
interface PendingState {
  state: AgentState;
  reason: string | null;
  start: number;
  end: number | null;
}

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

export function agentIntervalWrites(db: Db) {
  const s = {
    upsertAgent: db.prepare(
      `INSERT INTO agents (id, name, capacity) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = coalesce(?, name), capacity = coalesce(?, capacity)`,
    ),
    /** The agent's open interval (its latest: a stored interval is closed only by a later one). */
    openInterval: db.prepare<[string], StoredInterval>(
      `SELECT id, state, reason, start_at, end_at FROM agent_states INDEXED BY agent_states_open
       WHERE agent_id = ? AND end_at IS NULL`,
    ),
    /**
     * The agent's first closed interval ending after an instant: the one that holds it, or else the next one.
     * Scans forward from the instant over every agent's intervals, so it costs as much as the state is late.
     */
    closedAfter: db.prepare<[number, string], StoredInterval>(
      `SELECT id, state, reason, start_at, end_at FROM agent_states INDEXED BY agent_states_end
       WHERE end_at > ? AND agent_id = ? ORDER BY end_at LIMIT 1`,
    ),
    endInterval: db.prepare('UPDATE agent_states SET end_at = ? WHERE id = ?'),
    restateInterval: db.prepare('UPDATE agent_states SET state = ?, reason = ? WHERE id = ?'),
    lastIntervalId: db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM agent_states'),
  };

  /** Per agent, the last state seen in the batch being written, not yet stored: it is stored closed by the
   * agent's next state in the batch (one row instead of an insert and an update), or open at the batch's end. */
  const pendingStates = new Map<string, PendingState>();
  /** Per agent, its open interval as stored (or buffered); null: the agent has no interval at all. */
  const openIntervals = new Map<string, OpenInterval | null>();
  /** Rows to insert at the batch's end (or before a read that must see them): id, agent, state, reason, start, end. */
  let rows: unknown[][] = [];
  let nextRowId = s.lastIntervalId.get()?.id ?? 0;
  /** Rows with ids up to this one are in the table (the rest in `rows`). */
  let flushedThrough = nextRowId;
  const insertRows = bulkInsert(db, 'INSERT INTO agent_states (id, agent_id, state, reason, start_at, end_at) VALUES', 6);
  /** What this store last wrote of each agent, to skip rewriting an unchanged name and capacity. */
  const agentsWritten = new Map<string, { name: string | undefined; capacity: string | null }>();

  function flushRows(): void {
    if (rows.length > 0) insertRows(rows);
    rows = [];
    flushedThrough = nextRowId;
  }

  function openInterval(agentId: string): OpenInterval | null {
    let open = openIntervals.get(agentId);
    if (open === undefined) {
      const r = s.openInterval.get(agentId);
      open = r ? { id: r.id, state: r.state, reason: r.reason, start: r.start_at } : null;
      openIntervals.set(agentId, open);
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
  function placeState(agentId: string, ts: number, state: AgentState, reason: string | null): number | null {
    const open = openInterval(agentId);
    if (open === null) return null;
    if (open.id > flushedThrough) flushRows(); // its row must be in the table to be changed
    if (ts > open.start) {
      // in order: the open interval ends here, and the new state is the open one
      s.endInterval.run(ts, open.id);
      return null;
    }
    if (ts === open.start) return restate(open.id, open, state, reason);
    // late: the closed interval that holds ts, or the next one; else the open one is the next
    flushRows();
    const closed = s.closedAfter.get(ts, agentId);
    if (closed === undefined) return open.start;
    if (closed.start_at === ts) return restate(closed.id, closed, state, reason);
    if (closed.start_at > ts) return closed.start_at;
    s.endInterval.run(ts, closed.id);
    return closed.end_at;
  }

  function restate(id: number, was: { state: AgentState; reason: string | null }, state: AgentState, reason: string | null): number {
    if (was.state === state && was.reason === reason) return NO_CHANGE;
    s.restateInterval.run(state, reason, id);
    was.state = state;
    was.reason = reason;
    return SAME_ROW;
  }

  function flushAgent(agentId: string, p: PendingState): void {
    if (p.end === SAME_ROW || p.end === NO_CHANGE) return;
    const id = ++nextRowId;
    rows.push([id, agentId, p.state, p.reason, p.start, p.end]);
    if (p.end === null) openIntervals.set(agentId, { id, state: p.state, reason: p.reason, start: p.start });
  }

  return {
    /** Store an agent state; false when it changes nothing stored (the same state from the same instant). */
    derive(e: Extract<CanonicalEvent, { type: 'agent.state' }>): boolean {
      let changed = false;
      const capacity = e.capacity ? JSON.stringify(e.capacity) : null;
      const known = agentsWritten.get(e.agentId);
      if (!known || (e.name !== undefined && e.name !== known.name) || (capacity !== null && capacity !== known.capacity)) {
        s.upsertAgent.run(e.agentId, e.name ?? e.agentId, capacity ?? '{}', e.name ?? null, capacity);
        agentsWritten.set(e.agentId, { name: e.name ?? known?.name, capacity: capacity ?? known?.capacity ?? null });
        changed = known !== undefined;
      }
      const reason = e.state === 'not-ready' ? (e.reason ?? null) : null;
      const pending = pendingStates.get(e.agentId);
      if (pending !== undefined && e.ts > pending.start && (pending.end === null || e.ts < pending.end)) {
        // the common case, in order within the batch: the pending interval ends here, one row written closed
        rows.push([++nextRowId, e.agentId, pending.state, pending.reason, pending.start, e.ts]);
        pendingStates.set(e.agentId, { state: e.state, reason, start: e.ts, end: pending.end });
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
      const end = placeState(e.agentId, e.ts, e.state, reason);
      pendingStates.set(e.agentId, { state: e.state, reason, start: e.ts, end });
      return changed || end !== NO_CHANGE;
    },

    /** Write what the batch left pending: each agent's last state, and the buffered rows. */
    flush(): void {
      for (const [agentId, p] of pendingStates) flushAgent(agentId, p);
      pendingStates.clear();
      flushRows();
    },

    /** After a rollback: what was held of the batch is gone from the table, so it is read again when needed. */
    forget(): void {
      agentsWritten.clear();
      pendingStates.clear();
      openIntervals.clear();
      rows = [];
      nextRowId = s.lastIntervalId.get()?.id ?? 0;
      flushedThrough = nextRowId;
    },
  };
}
