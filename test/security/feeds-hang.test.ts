/**
 * Feeds that cannot hang the host: a file feed follows regular files only (a FIFO would block open(), /dev/zero
 * would spin the poll loop forever), inside the --feed-dir folders when given (symlinks and `..` resolved), and a
 * poll reads a bounded number of bytes. A bad path is refused at feeds/add with its reason and nothing saved; a
 * stored one is marked failed at start while the engine starts and answers.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock';
import { createEngine } from '../../src/core/engine';
import { openDatabase, type Db } from '../../src/core/store/database';
import { createDispatcher } from '../../src/core/api/dispatch';
import { FileTail } from '../../src/core/feeds/file-tail';
import { parseNdjsonLines } from '../../src/core/ingest/ndjson';
import { tempDbPath } from '../helpers/engine';
import { ev, T0 } from '../helpers/events';

const open: { close(): void }[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/** An engine on `dbPath`, feeds started as the host starts them, file feeds limited to `feedDirs` if given. */
function host(dbPath: string, feedDirs?: string[]) {
  const clock = manualClock(T0);
  const db = openDatabase({ path: dbPath });
  const engine = createEngine({ db, clock, wall: clock, center: { name: 'Test', timeZone: 'UTC', resetHour: 0 }, dbPath, version: 'test', runtime: 'node', feedDirs });
  engine.start();
  const t = { engine, db, clock, dispatch: createDispatcher(engine.handlers), close: () => (engine.stop(), db.close()) };
  open.push(t);
  return t;
}

/** A file feed written straight into the feeds table, as an older version (without these checks) saved it. */
function savedByOlderVersion(dbPath: string, name: string, path: string): void {
  const db: Db = openDatabase({ path: dbPath });
  db.prepare(`INSERT INTO feeds (name, kind, format, path, token, heartbeat_seconds, mapping, paused, created_at) VALUES (?, 'file', 'ndjson', ?, NULL, 120, '{}', 0, ?)`).run(name, path, T0);
  db.close();
}

function mkfifo(path: string): boolean {
  try {
    execFileSync('mkfifo', [path], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch (e) {
    console.log(`skipped: mkfifo is not available here (${(e as Error).message})`);
    return false;
  }
}

const line = (i: number) => JSON.stringify(ev.queued(i, `c${i}`)) + '\n';

describe('file feeds: only regular files', () => {
  it('a FIFO is refused at feeds/add, and one saved earlier is marked failed at start without blocking', async () => {
    const dbPath = tempDbPath();
    const fifo = join(dirname(dbPath), 'pipe');
    if (!mkfifo(fifo)) return;
    const started = Date.now();
    const t = host(dbPath);
    const r = await t.dispatch('feeds/add', { name: 'pipe', kind: 'file', format: 'ndjson', path: fifo });
    expect(r).toEqual({ ok: false, error: { code: 'refused', message: `${fifo} is a FIFO (named pipe): a file feed follows regular files only` } });
    expect(t.engine.store.feeds()).toEqual([]);
    t.close();
    open.pop();

    savedByOlderVersion(dbPath, 'pipe', fifo);
    const again = host(dbPath); // before: open() of the FIFO blocked here, for ever
    again.engine.feeds.poll();
    again.clock.advance(1000);
    expect(again.engine.feeds.statuses()).toEqual([expect.objectContaining({ name: 'pipe', state: 'error', message: expect.stringContaining('is a FIFO') })]);
    expect((await again.dispatch('feeds/list', {})).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a followed file replaced by a FIFO is not opened: the feed says why and the poll returns', () => {
    const dbPath = tempDbPath();
    const log = join(dirname(dbPath), 'queue_log');
    writeFileSync(log, line(1));
    const t = host(dbPath);
    t.engine.feeds.add({ name: 'tail', kind: 'file', format: 'ndjson', path: log });
    renameSync(log, `${log}.1`);
    if (!mkfifo(log)) return;
    t.clock.advance(400); // before: open() of the FIFO blocked the poll, for ever
    expect(t.engine.feeds.statuses()[0]).toMatchObject({ state: 'error', message: `${log} is a FIFO (named pipe): a file feed follows regular files only`, accepted: 1 });
  });

  it('/dev/zero is refused at feeds/add, and one saved earlier is marked failed while the engine starts', async () => {
    if (!existsSync('/dev/zero')) return void console.log('skipped: no /dev/zero here');
    const dbPath = tempDbPath();
    const t = host(dbPath);
    expect(await t.dispatch('feeds/add', { name: 'zero', kind: 'file', format: 'ndjson', path: '/dev/zero' })).toEqual({
      ok: false,
      error: { code: 'refused', message: '/dev/zero is a character device: a file feed follows regular files only' },
    });
    expect(t.engine.store.feeds()).toEqual([]);
    t.close();
    open.pop();

    savedByOlderVersion(dbPath, 'zero', '/dev/zero');
    const again = host(dbPath); // before: the first poll read zeros for ever, at 100 % CPU
    again.clock.advance(1000);
    expect(again.engine.feeds.statuses()).toEqual([expect.objectContaining({ name: 'zero', state: 'error', message: expect.stringContaining('character device') })]);
    expect(again.engine.snapshot().queues).toEqual([]);
  });

  it('a directory is refused', async () => {
    const dbPath = tempDbPath();
    const t = host(dbPath);
    const dir = dirname(dbPath);
    expect(await t.dispatch('feeds/add', { name: 'dir', kind: 'file', format: 'ndjson', path: dir })).toEqual({
      ok: false,
      error: { code: 'refused', message: `${dir} is a directory: a file feed follows regular files only` },
    });
    expect(t.engine.store.feeds()).toEqual([]);
  });
});

describe('file feeds: --feed-dir', () => {
  function setUp() {
    const dbPath = tempDbPath();
    const root = dirname(dbPath);
    const inside = join(root, 'feeds');
    const outside = join(root, 'elsewhere');
    mkdirSync(inside);
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret'), 'root:x:0:0:root:/root:/bin/bash\n');
    writeFileSync(join(inside, 'queue_log'), line(1) + line(2));
    return { dbPath, inside, outside, t: host(dbPath, [inside]) };
  }

  it('refuses a path outside the folders, directly, through a symlink inside, and through ..; nothing is saved', async () => {
    const { inside, outside, t } = setUp();
    symlinkSync(join(outside, 'secret'), join(inside, 'link'));
    const paths = [join(outside, 'secret'), join(inside, 'link'), `${inside}/../elsewhere/secret`, ...(existsSync('/etc/passwd') ? ['/etc/passwd'] : [])];
    for (const path of paths) {
      const r = await t.dispatch('feeds/add', { name: 'leak', kind: 'file', format: 'ndjson', path });
      expect(r).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('is outside the feed folders (--feed-dir') } });
    }
    expect(t.engine.store.feeds()).toEqual([]);
    expect(t.engine.store.quarantine(10, null)).toEqual([]);
  });

  it('accepts a regular file inside and tails it as before; a stored feed outside is marked failed at start', async () => {
    const { dbPath, inside, outside, t } = setUp();
    const log = join(inside, 'queue_log');
    expect(await t.dispatch('feeds/add', { name: 'tail', kind: 'file', format: 'ndjson', path: log })).toMatchObject({ ok: true, value: { accepted: 2, state: 'running' } });
    appendFileSync(log, line(3));
    t.clock.advance(200);
    expect(t.engine.feeds.statuses()[0]).toMatchObject({ accepted: 3, state: 'running' });
    t.close();
    open.pop();

    savedByOlderVersion(dbPath, 'leak', join(outside, 'secret'));
    const again = host(dbPath, [inside]);
    again.clock.advance(200);
    const byName = new Map(again.engine.feeds.statuses().map((f) => [f.name, f]));
    expect(byName.get('leak')).toMatchObject({ state: 'error', message: expect.stringContaining('outside the feed folders') });
    expect(byName.get('tail')).toMatchObject({ state: 'running', accepted: 3 });
    expect(again.engine.store.quarantine(10, 'leak')).toEqual([]);
  });
});

describe('file tail: bytes per poll', () => {
  it('a 20 MiB line without a newline is read a bounded number of bytes a poll, then quarantined as too long', () => {
    const dbPath = tempDbPath();
    const log = join(dirname(dbPath), 'feed.ndjson');
    writeFileSync(log, 'x'.repeat(20 << 20));
    const t = host(dbPath);
    const tail = new FileTail({
      path: log,
      cursor: null,
      write: ({ lines, cursor }) => {
        t.engine.store.writeBatch({ source: 'tail', format: 'ndjson', lines: parseNdjsonLines(lines), sameAsRaw: true, cursor });
      },
    });
    expect(tail.poll()).toBe(0); // 8 MiB of the line, no more
    appendFileSync(log, '\n' + line(2));
    const polls = [tail.poll(), tail.poll(), tail.poll()];
    // before: one poll read the whole file (and /dev/zero or an endless writer kept it reading): [2, 0, 0]
    expect(polls).toEqual([0, 2, 0]); // 16 MiB, then the last 4 MiB, the newline and line 2
    expect(t.engine.store.quarantine(10, 'tail')).toEqual([expect.objectContaining({ position: 1, reason: 'line longer than 65536 characters' })]);
    expect(tail.state).toEqual({ state: 'running' });
    tail.close();
  });
});
