import { describe, expect, it } from 'vitest';
import { DatabaseVersionError, openDatabase } from '../../src/core/store/database';
import { MIGRATIONS } from '../../src/core/store/migrations';
import { tempDbPath, testEngine } from '../helpers/engine';
import Database from 'better-sqlite3';
import { ev, lines, T0 } from '../helpers/events';
import { toEventLine, canonicalEvent } from '../../src/core/model/events';

describe('database', () => {
  it('applies every migration once, in WAL mode', () => {
    const path = tempDbPath();
    const db = openDatabase({ path });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const again = openDatabase({ path });
    const applied = again.prepare('SELECT id, name FROM __migrations__ ORDER BY id').all();
    expect(applied).toEqual(MIGRATIONS.map(({ id, name }) => ({ id, name })));
    again.close();
  });

  it('refuses a database written by a newer version, with a clear message, and leaves it untouched', () => {
    const path = tempDbPath();
    const db = openDatabase({ path });
    db.prepare('INSERT INTO __migrations__ (id, name, applied_at) VALUES (?, ?, ?)').run(999, '999-from-the-future', 0);
    db.close();
    expect(() => openDatabase({ path })).toThrow(DatabaseVersionError);
    expect(() => openDatabase({ path })).toThrow(/newer or different version of Floorboard.*999-from-the-future/);
  });

  it('moves lines and events of a version 1 database into line blocks, keeping every line, event and key', () => {
    const path = tempDbPath();
    // a database as the first release wrote it: migrations 001 and 002, lines and events row by row
    const old = new Database(path);
    old.exec('CREATE TABLE __migrations__ (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    for (const m of MIGRATIONS.slice(0, 2)) {
      old.exec(m.sql);
      old.prepare('INSERT INTO __migrations__ VALUES (?, ?, 0)').run(m.id, m.name);
    }
    old.exec(`INSERT INTO sources (id, name, format, created_at) VALUES (1, 'feed.ndjson', 'ndjson', 0), (2, 'pbx', 'queue_log', 0)`);
    const q1 = toEventLine(canonicalEvent.parse({ ...ev.queued(10, 'c1'), id: 'e1' }));
    const a1 = toEventLine(canonicalEvent.parse(ev.answered(20, 'c1')));
    old.prepare('INSERT INTO raw_lines (id, source_id, position, text, received_at) VALUES (?, ?, ?, ?, 0)').run(1, 1, 1, q1);
    old.prepare('INSERT INTO raw_lines (id, source_id, position, text, received_at) VALUES (?, ?, ?, ?, 0)').run(2, 1, 2, a1);
    old.prepare('INSERT INTO raw_lines (id, source_id, position, text, received_at) VALUES (?, ?, ?, ?, 0)').run(3, 2, 7, '1.0|u1|q|NONE|DID|555');
    old.prepare('INSERT INTO events (raw_id, key, type, ts, body) VALUES (1, ?, ?, 0, NULL)').run('e1', 'contact.queued');
    old.prepare('INSERT INTO events (raw_id, key, type, ts, body) VALUES (2, ?, ?, 0, NULL)').run('feed.ndjson#2#0', 'contact.answered');
    // an id of its own that happens to hold two "#"
    old.prepare('INSERT INTO raw_lines (id, source_id, position, text, received_at) VALUES (?, ?, ?, ?, 0)').run(4, 1, 3, toEventLine(canonicalEvent.parse({ ...ev.ended(30, 'c1'), id: 'ticket#12#reply' })));
    old.prepare('INSERT INTO events (raw_id, key, type, ts, body) VALUES (4, ?, ?, 0, NULL)').run('ticket#12#reply', 'contact.ended');
    old.close();

    const t = testEngine(T0, {}, path);
    expect(t.db.prepare('SELECT source_id, position, text FROM raw_lines ORDER BY source_id, position').all()).toEqual([
      { source_id: 1, position: 1, text: q1 },
      { source_id: 1, position: 2, text: a1 },
      { source_id: 1, position: 3, text: expect.stringContaining('ticket#12#reply') },
      { source_id: 2, position: 7, text: '1.0|u1|q|NONE|DID|555' },
    ]);
    expect(t.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 3 });
    expect(t.db.prepare('SELECT key FROM event_keys ORDER BY key').all()).toEqual([{ key: 'e1' }, { key: 'ticket#12#reply' }]);
    expect(t.engine.store.totals().accepted).toBe(3);
    // the same lines again are duplicates; the event id is known across sources
    expect(t.engine.ingestNdjson('feed.ndjson', [{ position: 1, text: q1 }, { position: 2, text: a1 }])).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(t.engine.ingestNdjson('other.ndjson', [{ position: 1, text: q1 }])).toMatchObject({ accepted: 0, duplicates: 1 });
    t.close();
  });

  it('stores a batch with gaps and late positions as blocks, and re-reads them as duplicates', () => {
    const t = testEngine(T0);
    const all = lines([ev.queued(1, 'a'), ev.queued(2, 'b'), ev.queued(3, 'c'), ev.queued(4, 'd'), ev.queued(5, 'e'), ev.queued(6, 'f')]);
    // positions 3 and 5 first, then everything, then the middle again in reverse order
    expect(t.engine.ingestNdjson('s', [all[2], all[4]])).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(t.engine.ingestNdjson('s', all)).toMatchObject({ accepted: 4, duplicates: 2 });
    expect(t.engine.ingestNdjson('s', [all[3], all[2], all[1]])).toMatchObject({ accepted: 0, duplicates: 3 });
    expect(t.db.prepare('SELECT position FROM raw_lines ORDER BY position').all().map((r) => (r as { position: number }).position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.engine.snapshot().queues[0].offered).toBe(6);
    t.close();
  });
});
