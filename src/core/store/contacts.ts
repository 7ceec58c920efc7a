/**
 * Contacts as stored: one row per contact, merged from its events (contact-merge.ts). The row shape stays in
 * the store; callers get Contacts, and a row not yet queued (a late event before its contact's entry) is no
 * Contact at all.
 */
import { decodeTurns } from '../metrics/responses';
import type { Channel, Contact } from '../model/types';
import type { Db } from './database';
import type { StoreReader } from './store';

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
  /** The wait the source reported with the answer, and with the abandon or exit (migration 013). */
  answered_wait_ms: number | null;
  exit_wait_ms: number | null;
}

/** The row as a Contact (a new object), or null while it has no queue entry. */
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
    answeredWaitMs: r.answered_wait_ms,
    exitWaitMs: r.exit_wait_ms,
  };
}

const contacts = (rows: ContactRow[]): Contact[] => rows.map(rowToContact).filter((c): c is Contact => c !== null);

export function contactReads(db: Db): Pick<StoreReader, 'contact' | 'contactsQueuedBetween' | 'contactsWaitingBefore' | 'contactsWithAgents'> {
  const s = {
    byId: db.prepare<[string], ContactRow>('SELECT * FROM contacts WHERE id = ?'),
    queuedBetween: db.prepare<[number, number], ContactRow>('SELECT * FROM contacts WHERE queued_at >= ? AND queued_at < ? ORDER BY queued_at'),
    openBefore: db.prepare<[number], ContactRow>(
      `SELECT * FROM contacts WHERE queued_at < ? AND answered_at IS NULL AND abandoned_at IS NULL AND ended_at IS NULL`,
    ),
    activeWithAgent: db.prepare<[], ContactRow>('SELECT * FROM contacts WHERE answered_at IS NOT NULL AND wrapup_end_at IS NULL AND abandoned_at IS NULL'),
  };
  return {
    contact(id) {
      const r = s.byId.get(id);
      return r ? rowToContact(r) : null;
    },
    contactsQueuedBetween: (from, to) => contacts(s.queuedBetween.all(from, to)),
    contactsWaitingBefore: (before) => contacts(s.openBefore.all(before)),
    contactsWithAgents: () => contacts(s.activeWithAgent.all()),
  };
}
