/**
 * A StoreReader opened alone (reports, read-only commands): on its own read-only connection, with no engine
 * behind it, it reads what the writer stored as domain objects, and writes nothing to any file it is pointed at.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNdjsonLines } from '../../src/core/ingest/ndjson';
import { DatabaseVersionError, openDatabase } from '../../src/core/store/database';
import { MIGRATIONS } from '../../src/core/store/migrations';
import { openStoreReader } from '../../src/core/store/open-store-reader';
import type { StoreWriter } from '../../src/core/store/store';
import { createStoreWriter } from '../../src/core/store/store-writer';
import { tempDbPath } from '../helpers/engine';
import { at, ev, lines, T0 } from '../helpers/events';

const fileState = (path: string) => ({
  sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
  files: readdirSync(dirname(path)).sort(),
});

/** A Floorboard database at a new path holding a small morning: two contacts and an agent. */
function storedMorning(): { path: string; writer: StoreWriter; close(): void } {
  const path = tempDbPath();
  const db = openDatabase({ path });
  const writer = createStoreWriter(db, () => at(600));
  const events = [ev.agent(0, 'a1', 'available'), ev.queued(10, 'c1'), ev.queued(20, 'c2'), ev.answered(25, 'c1'), ev.agent(25, 'a1', 'on-contact'), ev.ended(50, 'c2')];
  writer.writeBatch({ source: 'morning', format: 'ndjson', lines: parseNdjsonLines(lines(events)), sameAsRaw: true });
  return { path, writer, close: () => db.close() };
}

describe('store reader opened alone', () => {
  it('reads what the writer stored as domain objects, on its own connection, while the writer is open', () => {
    const stored = storedMorning();
    const reader = openStoreReader({ path: stored.path });
    expect(reader.contact('c1')).toEqual(stored.writer.contact('c1'));
    expect(reader.contact('c1')).toMatchObject({ id: 'c1', queue: 'Billing', channel: 'voice', agentId: 'a1', queuedAt: at(10), answeredAt: at(25) });
    // at 09:10: c1 answered after 15 s (within voice's 20 s), c2 ended unanswered after 30 s (left otherwise)
    expect(reader.contactTallies({ from: T0, to: at(600), by: 'queue', shortAbandonMs: 5000 })).toEqual([
      expect.objectContaining({ key: 'Billing', offered: 2, answered: 1, answeredWithinThreshold: 1, leftOtherwise: 1, waiting: 0, answeredWaitMs: 15_000 }),
    ]);
    expect(reader.agentStatesSince(T0).sort((x, y) => x.start - y.start)).toEqual([
      { agentId: 'a1', state: 'available', reason: null, start: at(0), end: at(25) },
      { agentId: 'a1', state: 'on-contact', reason: null, start: at(25), end: null },
    ]);
    expect(reader.currentAgents()).toEqual([{ id: 'a1', name: 'A1', capacity: { voice: 1, chat: 2 }, state: 'on-contact', reason: null, since: at(25) }]);
    expect(reader.checkpoint('morning')).toBe(6);
    // what the writer stores next is seen by the reader's next read
    stored.writer.writeBatch({ source: 'morning', format: 'ndjson', lines: parseNdjsonLines([{ position: 7, text: JSON.stringify(ev.queued(30, 'c3')) }]), sameAsRaw: true });
    expect(reader.contact('c3')).toMatchObject({ queuedAt: at(30) });
    reader.close();
    stored.close();
  });

  it('cannot write: it has no write and leaves the database file as it was', () => {
    const stored = storedMorning();
    stored.close();
    const before = fileState(stored.path);
    const reader = openStoreReader({ path: stored.path });
    expect(reader.totals()).toEqual({ accepted: 6, quarantined: 0 });
    const memory = openDatabase({ path: ':memory:' });
    const writes = Object.keys(createStoreWriter(memory)).filter((k) => !(k in reader));
    memory.close();
    expect(writes.sort()).toEqual(['acknowledgeAlert', 'addAccessToken', 'addFeed', 'insertAlert', 'removeAccessToken', 'removeFeed', 'resolveAlert', 'saveCenterSettings', 'saveStandards', 'setFeedPaused', 'snoozeAlert', 'touchAccessToken', 'updateFeed', 'writeBatch']);
    // @ts-expect-error a reader has no writeBatch
    expect(() => reader.writeBatch({ source: 'x', format: 'ndjson', lines: [] })).toThrow(TypeError);
    reader.close();
    // SQLite's readers of a WAL database share its -shm index (created empty when no writer holds it): the
    // database file itself is not written
    expect(fileState(stored.path).sha256).toBe(before.sha256);
  });

  it('refuses a SQLite file that is not a Floorboard database, an older or a newer one, and leaves each untouched', () => {
    const plain = tempDbPath('notes.db');
    const notes = new Database(plain);
    notes.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me')");
    notes.close();
    const plainBefore = fileState(plain);
    expect(() => openStoreReader({ path: plain })).toThrow(DatabaseVersionError);
    expect(() => openStoreReader({ path: plain })).toThrow(/not a Floorboard database.*no __migrations__ table/);
    expect(fileState(plain)).toEqual(plainBefore);

    const older = tempDbPath();
    const old = new Database(older);
    old.exec('CREATE TABLE __migrations__ (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    for (const m of MIGRATIONS.slice(0, 2)) {
      old.exec(m.sql);
      old.prepare('INSERT INTO __migrations__ VALUES (?, ?, 0)').run(m.id, m.name);
    }
    old.close();
    const olderBefore = fileState(older);
    expect(() => openStoreReader({ path: older })).toThrow(/older version of Floorboard \(it has migrations up to 002-feeds/);
    expect(fileState(older)).toEqual(olderBefore);

    const newer = tempDbPath();
    const db = openDatabase({ path: newer });
    db.prepare('INSERT INTO __migrations__ (id, name, applied_at) VALUES (?, ?, ?)').run(999, '999-from-the-future', 0);
    db.close();
    expect(() => openStoreReader({ path: newer })).toThrow(/newer or different version of Floorboard.*999-from-the-future/);

    const missing = tempDbPath();
    expect(() => openStoreReader({ path: missing })).toThrow();
    expect(existsSync(missing)).toBe(false);
  });
});
