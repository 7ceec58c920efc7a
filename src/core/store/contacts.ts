/**
 * Contacts as stored: one row per contact, merged from its events (contact-merge.ts). The row shape stays in
 * the store; callers get Contacts, and a row not yet queued (a late event before its contact's entry) is no
 * Contact at all.
 */
import { decodeTurns } from '../metrics/responses';
import { NameTable } from '../model/held-strings';
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

/**
 * A window's contacts can be a million rows (a week's report): read in raw mode, only the columns a Contact has, in
 * this order, and made into Contacts directly (objects of 19 named columns first cost as much again: 12.7 s against
 * 6.3 s for a million rows, docs/benchmarks.md).
 */
const CONTACT_COLUMNS =
  'id, channel, queue, agent_id, queued_at, answered_at, first_response_at, first_auto_response_at, turns, abandoned_at, ended_at, wrapup_end_at, csat, nps, resolved_at, first_contact, answered_wait_ms, exit_wait_ms';
type RawContact = [string, Channel | null, string | null, string | null, number | null, number | null, number | null, number | null, string | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null];

/**
 * Queue, channel and agent names read from the rows, one copy each: SQLite gives every row its own strings, and a
 * week held in memory (metrics/recent-contacts.ts) would keep a million copies of a few hundred names.
 */
const names = new NameTable();

/**
 * A contact with none of the outcome fields a voice call seldom has (bot reply, conversation, survey, resolution)
 * is made without them (absent, read as null: every reader tests them with == null): 48 bytes less a contact,
 * 43 MB of a 905k-contact week held in memory (issue 17). Two shapes only, so the figures' code stays fast.
 */
function rawContacts(rows: RawContact[]): Contact[] {
  const out: Contact[] = [];
  for (const r of rows) {
    if (r[4] === null || r[1] === null || r[2] === null) continue;
    const channel = names.get(r[1]) as Channel;
    const queue = names.get(r[2]);
    const agentId = r[3] === null ? null : names.get(r[3]);
    if (r[7] === null && r[8] === null && r[12] === null && r[13] === null && r[14] === null && r[15] === null) {
      out.push({
        id: r[0], channel, queue, agentId, queuedAt: r[4], answeredAt: r[5], firstResponseAt: r[6], abandonedAt: r[9], endedAt: r[10], wrapupEndAt: r[11],
        answeredWaitMs: r[16], exitWaitMs: r[17],
      });
      continue;
    }
    out.push({
      id: r[0],
      channel,
      queue,
      agentId,
      queuedAt: r[4],
      answeredAt: r[5],
      firstResponseAt: r[6],
      firstAutoResponseAt: r[7],
      turns: decodeTurns(r[8]),
      abandonedAt: r[9],
      endedAt: r[10],
      wrapupEndAt: r[11],
      csat: r[12],
      nps: r[13],
      resolvedAt: r[14],
      firstContactResolution: r[15] === null ? null : r[15] === 1,
      answeredWaitMs: r[16],
      exitWaitMs: r[17],
    });
  }
  return out;
}

export function contactReads(db: Db): Pick<StoreReader, 'contact' | 'contactsQueuedBetween' | 'contactsWaitingBefore' | 'contactsWithAgents'> {
  const s = {
    byId: db.prepare<[string], ContactRow>('SELECT * FROM contacts WHERE id = ?'),
    queuedBetween: db.prepare<[number, number], RawContact>(`SELECT ${CONTACT_COLUMNS} FROM contacts WHERE queued_at >= ? AND queued_at < ? ORDER BY queued_at`).raw(),
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
    contactsQueuedBetween: (from, to) => rawContacts(s.queuedBetween.all(from, to)),
    contactsWaitingBefore: (before) => contacts(s.openBefore.all(before)),
    contactsWithAgents: () => contacts(s.activeWithAgent.all()),
  };
}
