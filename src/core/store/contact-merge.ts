/**
 * Contacts merged from their events in JavaScript, not SQL: the rows a batch names and does not hold are read
 * in one query, merged event by event, and written back in multi-row upserts. Whatever order events arrive in,
 * a contact keeps its earliest entry (with that entry's queue and channel), earliest answer (with its agent) and
 * human response, latest end. The rows held mirror the table (write-through; forget() after a rollback), the
 * oldest let go beyond MAX_HELD_CONTACTS.
 */
import { withTurn } from '../metrics/responses';
import type { CanonicalEvent } from '../model/events';
import { detached, NameTable } from '../model/held-strings';
import type { Contact } from '../model/types';
import { bulkInsert } from './bulk-insert';
import { rowToContact, type ContactRow } from './contacts';
import type { Db } from './database';

/** Contacts held in memory between batches (the open ones and the last finished), at most. */
const MAX_HELD_CONTACTS = 200_000;

/** A reported wait in whole milliseconds, or null when the event carries none. */
const reportedWaitMs = (seconds: number | undefined) => (seconds === undefined ? null : Math.round(seconds * 1000));
const earlier = (stored: number | null, ts: number) => stored === null || ts < stored;
const later = (stored: number | null, ts: number) => stored === null || ts > stored;

export function contactMerge(db: Db) {
  const byIds = db.prepare<[string], ContactRow>('SELECT * FROM contacts WHERE id IN (SELECT value FROM json_each(?))');
  const upsertRows = bulkInsert(
    db,
    'INSERT INTO contacts (id, channel, queue, agent_id, queued_at, answered_at, first_response_at, abandoned_at, ended_at, wrapup_end_at, csat, nps, surveyed_at, resolved_at, first_contact, first_auto_response_at, turns, answered_wait_ms, exit_wait_ms) VALUES',
    19,
    ` ON CONFLICT (id) DO UPDATE SET channel = excluded.channel, queue = excluded.queue, agent_id = excluded.agent_id,
       queued_at = excluded.queued_at, answered_at = excluded.answered_at, first_response_at = excluded.first_response_at,
       abandoned_at = excluded.abandoned_at, ended_at = excluded.ended_at, wrapup_end_at = excluded.wrapup_end_at,
       csat = excluded.csat, nps = excluded.nps, surveyed_at = excluded.surveyed_at, resolved_at = excluded.resolved_at,
       first_contact = excluded.first_contact, first_auto_response_at = excluded.first_auto_response_at, turns = excluded.turns,
       answered_wait_ms = excluded.answered_wait_ms, exit_wait_ms = excluded.exit_wait_ms`,
  );
  const held = new Map<string, ContactRow>();
  // a contact's strings outlive the line they came from (model/held-strings.ts): the id detached, queue and agent names shared
  const names = new NameTable();

  function contactRow(id: string): ContactRow {
    let c = held.get(id);
    if (c === undefined) {
      c = { id: detached(id), channel: null, queue: null, agent_id: null, queued_at: null, answered_at: null, first_response_at: null, abandoned_at: null, ended_at: null, wrapup_end_at: null, csat: null, nps: null, surveyed_at: null, resolved_at: null, first_contact: null, first_auto_response_at: null, turns: null, answered_wait_ms: null, exit_wait_ms: null };
      held.set(c.id, c);
    }
    return c;
  }

  return {
    /** Read the stored rows of the contacts these lines name that are not held yet. */
    hold(lines: readonly { events: readonly CanonicalEvent[] }[]): void {
      const missing = new Set<string>();
      for (const line of lines)
        for (const e of line.events)
          if ('contactId' in e && !held.has(e.contactId)) missing.add(e.contactId);
      if (missing.size === 0) return;
      for (const r of byIds.all(JSON.stringify([...missing]))) held.set(r.id, r);
    },

    /**
     * Merge one event into its contact (on a tie, the one stored first wins), noted in `changed`; false when the
     * event changes nothing (or is no contact event).
     */
    derive(e: CanonicalEvent, changed: Map<string, ContactRow>): boolean {
      let c: ContactRow;
      switch (e.type) {
        case 'contact.queued':
          if (!earlier((c = contactRow(e.contactId)).queued_at, e.ts)) return false;
          c.channel = e.channel;
          c.queue = names.get(e.queue);
          c.queued_at = e.ts;
          break;
        case 'contact.answered':
          if (!earlier((c = contactRow(e.contactId)).answered_at, e.ts)) return false;
          c.agent_id = names.get(e.agentId);
          c.answered_at = e.ts;
          c.answered_wait_ms = reportedWaitMs(e.waitSeconds);
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
          if (e.waitSeconds !== undefined) c.exit_wait_ms = reportedWaitMs(e.waitSeconds);
          break;
        case 'contact.ended':
        case 'contact.wrapup-ended': {
          // the latest end counts (a late duplicate of an earlier end changes nothing)
          const field = e.type === 'contact.ended' ? 'ended_at' : 'wrapup_end_at';
          if (!later((c = contactRow(e.contactId))[field], e.ts)) return false;
          c[field] = e.ts;
          if (e.type === 'contact.ended' && e.waitSeconds !== undefined) c.exit_wait_ms = reportedWaitMs(e.waitSeconds);
          break;
        }
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
    },

    /** Write the changed rows; returns them as Contacts (those with a queue entry), as now stored. */
    write(changed: Map<string, ContactRow>): Map<string, Contact> {
      const rows: unknown[][] = [];
      const stored = new Map<string, Contact>();
      for (const c of changed.values()) {
        rows.push([c.id, c.channel, c.queue, c.agent_id, c.queued_at, c.answered_at, c.first_response_at, c.abandoned_at, c.ended_at, c.wrapup_end_at, c.csat, c.nps, c.surveyed_at, c.resolved_at, c.first_contact, c.first_auto_response_at, c.turns, c.answered_wait_ms, c.exit_wait_ms]);
        const contact = rowToContact(c);
        if (contact) stored.set(contact.id, contact);
      }
      if (rows.length > 0) upsertRows(rows);
      if (held.size > MAX_HELD_CONTACTS) {
        let drop = held.size - (MAX_HELD_CONTACTS * 3) / 4;
        for (const id of held.keys()) {
          if (drop-- <= 0) break;
          held.delete(id);
        }
      }
      return stored;
    },

    forget(): void {
      held.clear();
    },
  };
}
