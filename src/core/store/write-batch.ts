/**
 * One batch of a source's parsed lines, written in one transaction: its new lines as blocks, the events' effects
 * (contacts merged, agent intervals, queue configs), the quarantined lines, and the checkpoint. A position
 * stored before is a duplicate; so is an event known by its id ('by-id') or one that changes nothing
 * ('by-effect'). A rollback drops what the writer held of the batch, so memory never runs ahead of the table.
 */
import type { CanonicalEvent } from '../model/events';
import { agentIntervalWrites } from './agent-intervals';
import { checkpointWrite } from './checkpoints';
import { contactMerge } from './contact-merge';
import type { ContactRow } from './contacts';
import type { Db } from './database';
import { lineBlockWrites, type NewLine } from './line-blocks';
import { quarantineWrite } from './quarantine';
import { queueWrite } from './queues';
import { sourceIds } from './sources';
import type { BatchResult, ParsedLine, WriteBatchOptions } from './store';

const MAX_ERRORS_REPORTED = 20;

/** `now`: the instant lines are received at (the engine's clock: simulated floors run it faster than the wall). */
export function batchWriter(db: Db, now: () => number, quarantineCap?: number): (o: WriteBatchOptions) => BatchResult {
  const sources = sourceIds(db, now);
  const blocks = lineBlockWrites(db);
  const contacts = contactMerge(db);
  const agents = agentIntervalWrites(db);
  const { derive: deriveContact } = contacts;
  const { derive: deriveAgentState } = agents;
  const writeQueue = queueWrite(db);
  const quarantine = quarantineWrite(db, quarantineCap);
  const checkpoint = checkpointWrite(db);
  const insertKey = db.prepare('INSERT OR IGNORE INTO event_keys (key) VALUES (?)');

  /** Store one event's derived rows; false when it changes nothing stored. */
  function deriveFromEvent(e: CanonicalEvent, changed: Map<string, ContactRow>): boolean {
    switch (e.type) {
      case 'queue.config':
        writeQueue(e);
        return true;
      case 'agent.state':
        return deriveAgentState(e);
      default:
        return deriveContact(e, changed);
    }
  }

  const write = db.transaction(({ source, format, lines, sameAsRaw = false, cursor = null, dedupe = 'by-id' }: WriteBatchOptions): BatchResult => {
    const src = sources.idOf(source, format);
    const receivedAt = now();
    const result: BatchResult = { accepted: 0, duplicates: 0, quarantined: 0, errors: [], events: [], contacts: new Map() };
    const changed = new Map<string, ContactRow>();
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
    const stored = lines.length > 0 ? blocks.storedRanges(src, minPosition, maxPosition) : [];
    // a position already stored (as a good line) is not quarantined when it comes again with other text
    for (const line of bad) {
      if (stored.some((r) => r.a <= line.position && r.b >= line.position)) {
        result.duplicates++;
        continue;
      }
      if (quarantine.add(src, line.position, line.text, line.reason, receivedAt)) {
        result.quarantined++;
        if (result.errors.length < MAX_ERRORS_REPORTED) result.errors.push({ position: line.position, reason: line.reason });
      } else result.duplicates++;
    }
    if (result.quarantined > 0) quarantine.trim(src);
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
      contacts.hold(fresh);
      for (const line of fresh) {
        let count = 0;
        for (const e of line.events) {
          if (byId) {
            // an event with its own id is stored once whatever line, position or source it comes from
            if (e.id !== undefined && insertKey.run(e.id).changes === 0) continue;
            deriveFromEvent(e, changed);
          } else if (!deriveFromEvent(e, changed)) continue; // it changes nothing stored: read before
          result.events.push(e);
          count++;
        }
        line.count = count;
        if (count > 0 || line.events.length === 0) result.accepted++;
        else result.duplicates++;
      }
      blocks.writeBlocks(src, fresh, !sameAsRaw, receivedAt);
    }
    result.contacts = contacts.write(changed);
    agents.flush();
    checkpoint(src, maxPosition, cursor, receivedAt);
    return result;
  });

  return (o) => {
    try {
      // BEGIN IMMEDIATE: the write lock is taken first, so another process's lock is waited for (busy_timeout);
      // a deferred transaction reads first and then fails at once with SQLITE_BUSY when it tries to write
      return write.immediate(o);
    } catch (e) {
      // the transaction rolled back: what it wrote is gone, and so is what is held of it
      agents.forget();
      contacts.forget();
      sources.forget();
      throw e;
    }
  };
}
