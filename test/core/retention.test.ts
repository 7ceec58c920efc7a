/**
 * Retention: each kind older than its setting is purged, the rest kept; the purge runs in chunks with a turn of the
 * wall clock between them; settings are whole days within bounds; and a file read again after its lines were
 * purged does not bring them back.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock';
import { checkSameFile } from '../../src/core/feeds/imports';
import type { Db } from '../../src/core/store/database';
import { checkRetentionSetting, DEFAULT_RETENTION_DAYS, MIN_RETENTION_DAYS, oldestKept, retentionCutoff, retentionSettings, setRetentionDays } from '../../src/core/store/retention';
import { createRetentionPurge, type PurgeReport } from '../../src/core/store/retention-purge';
import { testEngine, tempDbPath } from '../helpers/engine';
import { ev, lines, T0 } from '../helpers/events';

const DAY = 86_400_000;
const UTC = { timeZone: 'UTC', resetHour: 0 };
const open: { close(): void }[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function engineAt(start: number, dbPath = ':memory:') {
  const t = testEngine(start, UTC, dbPath);
  open.push(t);
  return t;
}

/** Run a purge to its end on a manual wall clock, one chunk per turn; returns the report and the turns taken. */
async function purgeNow(t: ReturnType<typeof engineAt>, chunk?: { rows?: number; lines?: number }): Promise<PurgeReport & { turns: number }> {
  const purge = createRetentionPurge({ db: t.db, clock: t.clock, wall: t.clock, calendar: UTC, chunk });
  let settled = false;
  const done = purge.runNow().finally(() => (settled = true));
  let turns = 0;
  for (; turns < 10_000; turns++) {
    await Promise.resolve();
    if (settled) break;
    t.clock.advance(1);
  }
  return { ...(await done), turns };
}

const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('retention settings', () => {
  it('are whole days from 8 to 3650, refused with the reason otherwise', () => {
    expect(checkRetentionSetting('contacts', '90')).toEqual({ ok: true, kind: 'contacts', days: 90 });
    expect(checkRetentionSetting('raw-lines', 8)).toMatchObject({ ok: true, days: 8 });
    const reason = (kind: string, days: string | number) => {
      const r = checkRetentionSetting(kind, days);
      return r.ok ? null : r.reason;
    };
    expect(reason('contacts', 7)).toBe('contacts: at least 8 days (the live floor holds today and the 8 days before it; got 7)');
    expect(reason('raw-lines', 3651)).toBe('raw-lines: at most 3650 days (got 3651)');
    expect(reason('quarantine', '3.5')).toBe('quarantine: the days must be a whole number (got "3.5")');
    expect(reason('quarantine', 'ten')).toMatch(/whole number/);
    expect(reason('quarantine', 2.5)).toMatch(/whole number/);
    expect(reason('calls', 30)).toBe('unknown kind "calls": one of raw-lines, contacts, agent-intervals, quarantine');
  });

  it('default until set; a refused setting changes nothing; a stored value out of bounds is brought within', () => {
    const { db } = engineAt(T0);
    expect(retentionSettings(db)).toEqual({
      'raw-lines': { days: 30, isDefault: true },
      contacts: { days: 400, isDefault: true },
      'agent-intervals': { days: 400, isDefault: true },
      quarantine: { days: 30, isDefault: true },
    });
    setRetentionDays(db, 'contacts', '90', T0);
    expect(() => setRetentionDays(db, 'contacts', 3, T0)).toThrow('contacts: at least 8 days');
    expect(retentionSettings(db).contacts).toEqual({ days: 90, isDefault: false });
    db.prepare("INSERT INTO retention (kind, days, updated_at) VALUES ('quarantine', 2, 0)").run(); // by hand
    expect(retentionSettings(db).quarantine.days).toBe(MIN_RETENTION_DAYS);
  });

  it('the cutoff is the start of the business day `days` before today, never inside the 8 days held in memory', () => {
    const now = Date.parse('2026-04-11T15:00:00Z');
    expect(new Date(retentionCutoff(now, 30, UTC)).toISOString()).toBe('2026-03-12T00:00:00.000Z'); // 11 Apr - 30 days
    // a setting below the minimum (a hand-edited row) still keeps today and the 8 days before: 11 Apr - 8 = 3 Apr
    expect(new Date(retentionCutoff(now, 1, UTC)).toISOString()).toBe('2026-04-03T00:00:00.000Z');
    // the center's day: reset at 06:00 in New York (EDT, UTC-4): today began 11 Apr 10:00Z; 8 days before: 3 Apr
    expect(new Date(retentionCutoff(now, 8, { timeZone: 'America/New_York', resetHour: 6 })).toISOString()).toBe('2026-04-03T10:00:00.000Z');
  });
});

describe('retention purge', () => {
  /** Old and new rows of every kind: at T0 (2 March) and 40 days later (11 April). */
  function floorWithHistory() {
    const t = engineAt(T0);
    const old = [
      ev.agent(0, 'ann', 'available'),
      ev.queued(10, 'done-old'),
      ev.answered(20, 'done-old', 'ann'),
      ev.ended(60, 'done-old'),
      ev.wrapped(90, 'done-old'),
      ev.queued(30, 'abandoned-old'),
      ev.abandoned(50, 'abandoned-old'),
      ev.queued(40, 'waiting-old', 'Email', 'email'), // never answered: the floor still shows it waiting
      ev.agent(100, 'ann', 'not-ready', 'lunch'),
      ev.agent(200, 'ann', 'available'),
    ];
    t.engine.ingestNdjson('old', [...lines(old), { position: old.length + 1, text: '{"not": "an event"}' }]);
    t.clock.set(T0 + 40 * DAY);
    const at = (s: number) => T0 + 40 * DAY + s * 1000;
    const fresh = [
      { v: 1 as const, type: 'contact.queued' as const, ts: at(10), contactId: 'new', queue: 'Billing', channel: 'voice' as const },
      { v: 1 as const, type: 'agent.state' as const, ts: at(20), agentId: 'ann', state: 'offline' as const },
    ];
    t.engine.ingestNdjson('new', [...lines(fresh), { position: 3, text: 'bad' }]);
    return t;
  }

  it('purges each kind older than its setting and keeps the rest, the counts as they were', async () => {
    const t = floorWithHistory();
    const { db, engine } = t;
    for (const kind of ['raw-lines', 'contacts', 'agent-intervals', 'quarantine']) setRetentionDays(db, kind, 30, t.clock.now());
    const before = { totals: engine.store.totals(), old: engine.store.storedLineCount('old'), quarantined: engine.store.quarantinedCount('old') };

    const r = await purgeNow(t);
    // raw lines: 10 old lines, line 1 of the source kept (imports check it): 9; contacts: the two over (the waiting
    // one stays); agent intervals: ann's first two of 2 March, closed (the third ended 40 days later, on 11 April)
    expect(r.counts).toEqual({ 'raw-lines': 9, contacts: 2, 'agent-intervals': 2, quarantine: 1 });
    expect(count(db, "SELECT count(*) AS n FROM raw_lines r JOIN sources s ON s.id = r.source_id WHERE s.name = 'old'")).toBe(1);
    expect(count(db, "SELECT count(*) AS n FROM raw_lines r JOIN sources s ON s.id = r.source_id WHERE s.name = 'new'")).toBe(2);
    expect(engine.store.lineAt('old', 1)).toBe(JSON.stringify(ev.agent(0, 'ann', 'available')));
    expect(engine.store.lineAt('old', 2)).toBeNull();
    expect(engine.store.lineAt('new', 1)).not.toBeNull();
    expect(engine.store.contact('done-old')).toBeNull();
    expect(engine.store.contact('abandoned-old')).toBeNull();
    expect(engine.store.contact('waiting-old')).not.toBeNull();
    expect(engine.store.contact('new')).not.toBeNull();
    expect(count(db, 'SELECT count(*) AS n FROM agent_states')).toBe(2); // available 2 Mar - 11 Apr, offline (open)
    expect(engine.store.quarantine(10, null).map((q) => q.source)).toEqual(['new']);
    // what the feeds and the header count did not change: ranges, event counts and dropped quarantine are kept
    expect(engine.store.totals()).toEqual(before.totals);
    expect(engine.store.storedLineCount('old')).toBe(before.old);
    expect(engine.store.quarantinedCount('old')).toBe(before.quarantined);
    expect(oldestKept(db)).toEqual({ 'raw-lines': T0 + 40 * DAY, contacts: T0 + 40_000, 'agent-intervals': T0 + 40 * DAY + 20_000, quarantine: T0 + 40 * DAY });

    // a second run finds nothing more
    expect((await purgeNow(t)).counts).toEqual({ 'raw-lines': 0, contacts: 0, 'agent-intervals': 0, quarantine: 0 });
  });

  it('keeps rows younger than the setting: defaults keep 40-day-old contacts and intervals; 8 days keep the last 8', async () => {
    const t = floorWithHistory();
    const r = await purgeNow(t); // defaults: raw lines and quarantine 30 days, contacts and intervals 400
    expect(r.counts).toEqual({ 'raw-lines': 9, contacts: 0, 'agent-intervals': 0, quarantine: 1 });
    expect(DEFAULT_RETENTION_DAYS).toEqual({ 'raw-lines': 30, contacts: 400, 'agent-intervals': 400, quarantine: 30 });

    // lines received 8 days before today, at the minimum setting: inside the window held in memory, kept
    t.clock.set(T0 + 48 * DAY + 3600_000); // 19 April 10:00; the lines below were received on 11 April
    setRetentionDays(t.db, 'raw-lines', 8, t.clock.now());
    expect((await purgeNow(t)).counts['raw-lines']).toBe(0);
    t.clock.set(T0 + 49 * DAY); // 20 April: 11 April is now 9 days before today
    expect((await purgeNow(t)).counts['raw-lines']).toBe(1); // source 'new': its line 2 (line 1 is kept)
  });

  it('runs one chunk per turn of the wall clock, and ingest goes on between chunks', async () => {
    const t = engineAt(T0);
    // 50 batches of 20 lines: 50 blocks, one contact each line
    for (let b = 0; b < 50; b++) {
      const batch = Array.from({ length: 20 }, (_, i) => ({ position: b * 20 + i + 1, text: JSON.stringify(ev.queued(b * 20 + i, `c${b * 20 + i}`)) }));
      t.engine.ingestNdjson('feed', batch);
    }
    t.clock.set(T0 + 40 * DAY);
    const purge = createRetentionPurge({ db: t.db, clock: t.clock, wall: t.clock, calendar: UTC, chunk: { rows: 10, lines: 1000 } });
    const done = purge.runNow();
    const purged = () => count(t.db, 'SELECT count(*) AS n FROM line_blocks WHERE purged = 0');
    // the first chunk ran at once: 10 of the 50 blocks purged (merged into one row, marked purged)
    expect(purged()).toBe(40);
    const summary = t.engine.ingestNdjson('live', lines([ev.queued(0, 'live-1')])); // the live path, between chunks
    expect(summary.events).toBe(1);
    t.clock.advance(1); // the checkpoint's turn
    expect(purged()).toBe(41); // with the live block
    t.clock.advance(1);
    expect(purged()).toBe(31); // 10 more purged by the next chunk
    for (let i = 0; i < 20; i++) t.clock.advance(1);
    const r = await done;
    // 1,000 lines less line 1; 50 blocks in chunks of 10, the chunk that meets the live block, one per other kind
    expect(r.counts['raw-lines']).toBe(999);
    expect(r.chunks).toBe(6 + 3);
    expect(count(t.db, "SELECT count(*) AS n FROM line_blocks b JOIN sources s ON s.id = b.source_id WHERE s.name = 'feed'")).toBe(1); // merged
    // the 20,000 lines of a chunk are a bound too: blocks of 20 lines, at most 50 lines a chunk: 2 blocks a chunk
    const u = engineAt(T0);
    for (let b = 0; b < 10; b++) u.engine.ingestNdjson('feed', lines(Array.from({ length: 20 }, (_, i) => ev.queued(i, `u${b}-${i}`))).map((l) => ({ ...l, position: l.position + b * 20 })));
    u.clock.set(T0 + 40 * DAY);
    expect((await purgeNow(u, { rows: 100, lines: 50 })).chunks).toBe(5 + 3); // 5 raw-line chunks, then one per other kind
  });

  it('a daily run after start, with the settings read at each run; a failing run is logged and the next tries again', async () => {
    const t = floorWithHistory();
    const logged: string[] = [];
    const purge = createRetentionPurge({ db: t.db, clock: t.clock, wall: t.clock, calendar: UTC, log: (m) => logged.push(m), firstAfterMs: 60_000 });
    purge.start();
    t.clock.advance(59_999);
    expect(logged).toEqual([]);
    t.clock.advance(1);
    for (let i = 0; i < 20; i++) (t.clock.advance(1), await Promise.resolve());
    expect(logged).toEqual([expect.stringMatching(/^retention: purged 9 raw-lines, 1 quarantine \(\d+ chunks, longest [\d.]+ ms\)$/)]);

    t.db.exec('ALTER TABLE retention RENAME TO retention_away'); // the next run cannot read its settings
    t.clock.advance(DAY - 10);
    for (let i = 0; i < 20; i++) (t.clock.advance(1), await Promise.resolve());
    expect(logged[1]).toBe('retention purge failed: no such table: retention; the next run tries again');
    t.db.exec('ALTER TABLE retention_away RENAME TO retention');
    setRetentionDays(t.db, 'contacts', 30, t.clock.now()); // as `retention set` does while the host runs
    t.clock.advance(DAY - 10);
    for (let i = 0; i < 20; i++) (t.clock.advance(1), await Promise.resolve());
    expect(logged[2]).toMatch(/^retention: purged 2 contacts \(/);
    expect(t.engine.store.contact('done-old')).toBeNull();
    purge.stop();
    t.clock.advance(2 * DAY);
    expect(logged).toHaveLength(3);
  });
});

describe('a file read again after its lines were purged', () => {
  it('ingest of the same file from line 1: every line a duplicate, nothing stored again', async () => {
    const t = engineAt(T0);
    // NDJSON events without ids: their stored positions are the only thing that tells them read before
    const file = lines([ev.queued(0, 'a'), ev.answered(5, 'a'), ev.ended(60, 'a'), ev.wrapped(70, 'a'), ev.queued(80, 'b')]);
    expect(t.engine.ingestNdjson('/var/log/calls.ndjson', file)).toMatchObject({ accepted: 5, duplicates: 0 });
    t.clock.set(T0 + 40 * DAY);
    expect((await purgeNow(t)).counts['raw-lines']).toBe(4);

    expect(t.engine.ingestNdjson('/var/log/calls.ndjson', file)).toMatchObject({ accepted: 0, events: 0, duplicates: 5 });
    expect(count(t.db, 'SELECT count(*) AS n FROM raw_lines')).toBe(1); // line 1 only: the purged lines did not come back
    expect(t.engine.store.storedLineCount('/var/log/calls.ndjson')).toBe(5);
    // and another file under the same name is still refused (its first line differs)
    expect(() => checkSameFile((s, p) => t.engine.store.lineAt(s, p), '/var/log/calls.ndjson', JSON.stringify(ev.queued(0, 'z')))).toThrow(/already holds the lines of another file/);
    // a longer version of the file: only its new lines are new
    expect(t.engine.ingestNdjson('/var/log/calls.ndjson', [...file, { position: 6, text: JSON.stringify(ev.abandoned(90, 'b')) }])).toMatchObject({ accepted: 1, duplicates: 5 });
  });

  it('a file tail restarted after the purge resumes at its cursor: nothing read again', async () => {
    const dbPath = tempDbPath();
    const log = join(dirname(dbPath), 'calls.ndjson');
    writeFileSync(log, lines([ev.queued(0, 'a'), ev.queued(1, 'b'), ev.queued(2, 'c')]).map((l) => l.text + '\n').join(''));
    const first = engineAt(T0, dbPath);
    first.engine.feeds.add({ name: 'tail', kind: 'file', format: 'ndjson', path: log });
    expect(first.engine.store.storedLineCount('tail')).toBe(3);
    first.close();
    open.pop();

    const second = engineAt(T0 + 40 * DAY, dbPath);
    expect((await purgeNow(second)).counts['raw-lines']).toBe(2);
    second.engine.start();
    second.clock.advance(5_000);
    expect(second.engine.feeds.statuses()[0]).toMatchObject({ name: 'tail', state: 'running' });
    expect(second.engine.snapshot().ingest).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(count(second.db, 'SELECT count(*) AS n FROM raw_lines')).toBe(1);
  });
});

describe('wall clock of the purge', () => {
  it('a run stopped half way keeps what it purged and reports it', async () => {
    const t = engineAt(T0);
    for (let b = 0; b < 5; b++) t.engine.ingestNdjson('feed', [{ position: b + 1, text: JSON.stringify(ev.queued(b, `c${b}`)) }]);
    t.clock.set(T0 + 40 * DAY);
    const wall = manualClock(0);
    const purge = createRetentionPurge({ db: t.db, clock: t.clock, wall, calendar: UTC, chunk: { rows: 2 } });
    const done = purge.runNow();
    purge.stop();
    expect((await done).counts['raw-lines']).toBe(1); // the first chunk: blocks 1 (line 1, kept) and 2
  });
});
