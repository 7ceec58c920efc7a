/**
 * SQLite under contention and faults (issue 14, point 4): a write waits for another process's lock instead of
 * failing at once; a lock held past the busy timeout, a read-only or a full database is one clear line naming the
 * path, with an error id, and nothing crashes; another program's SQLite file is refused untouched; the read-only
 * commands write nothing and refuse a missing file.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/core/api/dispatch';
import { manualClock } from '../../src/core/clock';
import { createEngine } from '../../src/core/engine';
import { openFloorboard } from '../../src/core/floorboard';
import { startSimulatedFeed } from '../../src/core/ingest/simulated-feed';
import { openDatabase } from '../../src/core/store/database';
import { openStoreReader } from '../../src/core/store/open-store-reader';
import { describeStoreFault } from '../../src/core/store/store-faults';
import { tempDbPath } from '../helpers/engine';
import { ROOT } from '../helpers/host';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const line = (id: string) => JSON.stringify({ v: 1, type: 'contact.queued', ts: '2026-03-02T09:00:00Z', contactId: id, queue: 'Billing', channel: 'voice' });
const cli = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
const fileState = (path: string) => ({ sha256: createHash('sha256').update(readFileSync(path)).digest('hex'), mtimeMs: statSync(path).mtimeMs });

/** Another process holding the write lock (BEGIN IMMEDIATE) for `holdMs`; resolves once it holds it. */
const holders: ChildProcess[] = [];
function holdWriteLock(path: string, holdMs: number): Promise<ChildProcess> {
  const script = `const D = require(${JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3'))});
const db = new D(${JSON.stringify(path)}); db.exec('BEGIN IMMEDIATE'); process.stdout.write('locked\\n');
setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0); }, ${holdMs});`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  holders.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code}) before it held the lock`)));
  });
}
afterEach(() => {
  for (const c of holders.splice(0)) c.kill();
});

describe('SQLite contention', () => {
  it('a write waits for another process holding the write lock for 300 ms, and succeeds', async () => {
    const path = tempDbPath();
    const fb = openFloorboard({ dbPath: path, runtime: 'node', version: 'test', wall: manualClock(T0), center: { timeZone: 'UTC' } });
    try {
      await holdWriteLock(path, 300);
      const t = performance.now();
      const r = await fb.dispatch('ingest/lines', { source: 'pbx', lines: [line('c1')] });
      // before: a deferred transaction read first and failed at once (1 ms) with SQLITE_BUSY
      expect(r).toMatchObject({ ok: true, value: { accepted: 1 } });
      expect(performance.now() - t).toBeGreaterThan(150);
    } finally {
      fb.close();
    }
  });

  it('a lock held past the busy timeout: "database PATH is busy" with an error id, no stack, and the host goes on', async () => {
    const path = tempDbPath();
    const log: string[] = [];
    const fb = openFloorboard({ dbPath: path, runtime: 'node', version: 'test', wall: manualClock(T0), center: { timeZone: 'UTC' }, log: (m) => log.push(m) });
    try {
      const holder = await holdWriteLock(path, 20_000);
      const r = await fb.dispatch('ingest/lines', { source: 'pbx', lines: [line('c1')] }); // waits the 5 s timeout
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('internal');
      expect(r.error.message).toMatch(new RegExp(`database ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is busy.*\\(error [0-9a-f]{8}\\)$`));
      expect(r.error.message).not.toMatch(/\n\s+at /);
      const id = /\(error ([0-9a-f]{8})\)$/.exec(r.error.message)![1];
      expect(log).toHaveLength(1);
      expect(log[0]).toContain(`(error ${id})`);
      expect(log[0]).toMatch(/is busy/);
      expect(log[0]).not.toMatch(/\n\s+at /);
      holder.kill();
      await new Promise((resolve) => holder.once('exit', resolve));
      expect(await fb.dispatch('ingest/lines', { source: 'pbx', lines: [line('c1')] })).toMatchObject({ ok: true, value: { accepted: 1 } });
    } finally {
      fb.close();
    }
  });

  it('the simulated feed reports a refused write and retries it, instead of throwing out of its timer', () => {
    const wall = manualClock(T0);
    const stored: number[] = [];
    const errors: unknown[] = [];
    let refuse = true;
    const target = {
      clock: wall,
      wall,
      ingestNdjson: (_source: string, lines: { position: number }[]) => {
        if (refuse) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        stored.push(...lines.map((l) => l.position));
        return { accepted: lines.length, events: lines.length, duplicates: 0, quarantined: 0, errors: [] };
      },
    };
    // before: the first step's SQLITE_BUSY went out of setInterval's callback, an uncaught error that ended the host
    const feed = startSimulatedFeed(target, { seed: 1, timeZone: 'UTC', resetHour: 0, onError: (e) => errors.push(e) });
    expect(() => wall.advance(60_000)).not.toThrow();
    expect(errors.length).toBeGreaterThan(0);
    expect(describeStoreFault(errors[0], '/x.db')).toMatch(/^database \/x\.db is busy/);
    refuse = false;
    wall.advance(200);
    feed.stop();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(stored.map((_, i) => i + 1)); // nothing lost, nothing doubled
  });
});

describe('SQLite faults', () => {
  it('a read-only database: one clear line naming the path, no stack (simulated with PRAGMA query_only: root ignores chmod)', async () => {
    const path = tempDbPath();
    const db = openDatabase({ path });
    const clock = manualClock(T0);
    const engine = createEngine({ db, clock, wall: clock, center: { name: 't', timeZone: 'UTC', resetHour: 0 }, dbPath: path, version: 'test', runtime: 'node' });
    const log: string[] = [];
    // the dispatcher as floorboard.ts wires it
    const dispatch = createDispatcher(engine.handlers, { onError: (_n, e, id) => log.push(`${id} ${describeStoreFault(e, path)}`), describe: (e) => describeStoreFault(e, path) });
    try {
      db.pragma('query_only = ON');
      const r = await dispatch('ingest/lines', { source: 'pbx', lines: [line('c1')] });
      expect(r).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^ingest\/lines failed: database .* is read-only.*\(SQLITE_READONLY\) \(error [0-9a-f]{8}\)$/) } });
      expect(log[0]).toMatch(/^[0-9a-f]{8} database .* is read-only/);
      expect(describeStoreFault({ code: 'SQLITE_FULL' }, '/data/f.db')).toBe('database /data/f.db is full: the disk (or its quota) has no room left (SQLITE_FULL)');
      expect(describeStoreFault(new Error('something else'), path)).toBeNull();
    } finally {
      engine.stop();
      db.close();
    }
  });
});

describe("another program's SQLite file", () => {
  it('is refused by openDatabase and openStoreReader, and left byte-identical (no WAL, no table)', () => {
    const path = tempDbPath('other.db');
    const other = new Database(path);
    other.exec("CREATE TABLE foo (x TEXT); INSERT INTO foo VALUES ('keep me')");
    other.close();
    const before = fileState(path);
    // before: openDatabase converted it to WAL and added Floorboard's tables, even for `metrics`
    expect(() => openDatabase({ path })).toThrow(/The file .*other\.db is not a Floorboard database \(it has tables \(foo\) but no __migrations__ table\)/);
    expect(() => openStoreReader({ path })).toThrow(/is not a Floorboard database/);
    expect(fileState(path)).toEqual(before);
    expect(readdirSync(dirname(path))).toEqual(['other.db']);

    const marked = tempDbPath('marked.db');
    const m = new Database(marked);
    m.pragma('application_id = 1234');
    m.close();
    expect(() => openDatabase({ path: marked })).toThrow(/not a Floorboard database \(its application_id is 0x4d2, another program's\)/);

    const text = tempDbPath('notes.txt');
    writeFileSync(text, 'not SQLite at all, but long enough to hold a header of one hundred bytes or so...........................');
    expect(() => openDatabase({ path: text })).toThrow(/not a Floorboard database/);
  });

  it("marks a new database, and adopts an earlier Floorboard's (no mark, its __migrations__)", () => {
    const path = tempDbPath();
    openDatabase({ path }).close();
    const raw = new Database(path);
    expect(raw.pragma('application_id', { simple: true })).toBe(0x466c6272);
    raw.pragma('application_id = 0'); // as an earlier Floorboard left it
    raw.close();
    openDatabase({ path }).close();
    const again = new Database(path, { readonly: true });
    expect(again.pragma('application_id', { simple: true })).toBe(0x466c6272);
    again.close();
  });
});

describe('read-only commands', () => {
  it('metrics and standards export refuse a missing file and create nothing', () => {
    const dir = dirname(tempDbPath());
    const missing = join(dir, 'no', 'such', 'file.db');
    // before: a mistyped --db silently created an empty database (and its folders)
    expect(() => cli('metrics', '--db', missing, '--from', '2026-03-02T00:00:00Z', '--to', '2026-03-03T00:00:00Z')).toThrow(/no database at .*file\.db/);
    expect(() => cli('standards', 'export', join(dir, 's.yaml'), '--db', missing)).toThrow(/no database at .*file\.db/);
    expect(existsSync(join(dir, 'no'))).toBe(false);
    expect(existsSync(join(dir, 's.yaml'))).toBe(false);
  });

  it('metrics and standards export write nothing to a real database', () => {
    const path = tempDbPath();
    const fb = openFloorboard({ dbPath: path, runtime: 'node', version: 'test', wall: manualClock(T0), center: { timeZone: 'UTC' } });
    fb.engine.ingestNdjson('feed', [1, 2, 3].map((n) => ({ position: n, text: line(`c${n}`) })));
    fb.close();
    const before = fileState(path);
    const files = readdirSync(dirname(path)).sort();
    const report = JSON.parse(cli('metrics', '--db', path, '--from', '2026-03-02T00:00:00Z', '--to', '2026-03-03T00:00:00Z', '--json'));
    expect(report.rows[0]).toMatchObject({ key: 'center', offered: 3 });
    const yaml = join(dirname(path), 'standards.yaml');
    expect(JSON.parse(cli('standards', 'export', yaml, '--db', path))).toMatchObject({ version: 1, standards: 9 });
    // before: openFloorboard started the tick and wrote the default queue settings; the file changed
    expect(fileState(path)).toEqual(before);
    // SQLite's read-only connection to a WAL database creates the -shm index and an empty -wal when no writer
    // holds them (and, read-only, cannot remove them): the database file is what is checked; the -wal holds nothing
    expect(readdirSync(dirname(path)).filter((f) => !f.endsWith('-shm') && !f.endsWith('-wal')).sort()).toEqual([...files, 'standards.yaml'].sort());
    if (existsSync(`${path}-wal`)) expect(statSync(`${path}-wal`).size).toBe(0);
  });
});
