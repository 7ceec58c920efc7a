/**
 * Feeds: a file tail follows a growing file through rename rotation, copy-truncate and restarts, storing each
 * line exactly once; webhooks refuse unauthenticated posts and store nothing from them.
 */
import { appendFileSync, copyFileSync, renameSync, truncateSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testEngine, tempDbPath } from '../helpers/engine';
import { ev, T0 } from '../helpers/events';
import { parseFeedSpec } from '../../src/core/feeds/feed-spec';
import { FileTail } from '../../src/core/feeds/file-tail';
import { parseNdjsonLines } from '../../src/core/ingest/ndjson';
import { createDispatcher } from '../../src/core/api/dispatch';

const line = (i: number) => JSON.stringify(ev.queued(i, `c${i}`)) + '\n';
const linesFrom = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => line(from + k)).join('');

const open: { close(): void }[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function start(dbPath: string) {
  const t = testEngine(T0, {}, dbPath);
  open.push(t);
  return t;
}

/** A run of the host that tails queue_log (lines 1..n) into a new database, then stops. */
function tailedThenStopped(n: number) {
  const dbPath = tempDbPath();
  const log = join(dirname(dbPath), 'queue_log');
  writeFileSync(log, linesFrom(1, n));
  const first = start(dbPath);
  first.engine.feeds.add({ name: 'tail', kind: 'file', format: 'ndjson', path: log });
  first.close();
  open.pop();
  return { dbPath, log };
}

function stored(t: ReturnType<typeof start>, source: string) {
  return t.db
    .prepare<[string], { n: number; distinct_texts: number; max: number | null }>(
      `SELECT count(*) AS n, count(DISTINCT text) AS distinct_texts, max(position) AS max
       FROM raw_lines r JOIN sources s ON s.id = r.source_id WHERE s.name = ?`,
    )
    .get(source)!;
}

describe('file tail', () => {
  it('follows a growing file and waits for the end of a partial line', () => {
    const dbPath = tempDbPath();
    const log = join(dirname(dbPath), 'feed.ndjson');
    writeFileSync(log, linesFrom(1, 3));
    const t = start(dbPath);
    const status = t.engine.feeds.add({ name: 'tail', kind: 'file', format: 'ndjson', path: log });
    expect(status.accepted).toBe(3);
    appendFileSync(log, line(4) + line(5).slice(0, 20));
    t.engine.feeds.poll();
    expect(stored(t, 'tail').n).toBe(4);
    appendFileSync(log, line(5).slice(20));
    t.engine.feeds.poll();
    expect(stored(t, 'tail')).toEqual({ n: 5, distinct_texts: 5, max: 5 });
    expect(t.engine.snapshot().queues.find((q) => q.name === 'Billing')?.offered).toBe(5);
  });

  it('survives rotation by rename: the rest of the old file, then the new one from its start', () => {
    const dbPath = tempDbPath();
    const log = join(dirname(dbPath), 'queue_log');
    writeFileSync(log, linesFrom(1, 10));
    const t = start(dbPath);
    t.engine.feeds.add({ name: 'tail', kind: 'file', format: 'ndjson', path: log });
    appendFileSync(log, linesFrom(11, 12)); // written just before the rotation, not yet read
    renameSync(log, `${log}.1`);
    t.engine.feeds.poll(); // the new file does not exist yet
    expect(t.engine.feeds.statuses()[0].state).toBe('waiting');
    writeFileSync(log, linesFrom(13, 15));
    t.engine.feeds.poll();
    expect(stored(t, 'tail')).toEqual({ n: 15, distinct_texts: 15, max: 15 });
    expect(t.engine.feeds.statuses()[0].state).toBe('running');
  });

  it('survives copy-truncate: a file shorter than the cursor is read again from its start', () => {
    const dbPath = tempDbPath();
    const log = join(dirname(dbPath), 'queue_log');
    writeFileSync(log, linesFrom(1, 10));
    const t = start(dbPath);
    t.engine.feeds.add({ name: 'tail', kind: 'file', format: 'ndjson', path: log });
    copyFileSync(log, `${log}.1`);
    truncateSync(log, 0);
    appendFileSync(log, linesFrom(11, 13));
    t.engine.feeds.poll();
    expect(stored(t, 'tail')).toEqual({ n: 13, distinct_texts: 13, max: 13 });
  });

  it('resumes at its checkpoint after a restart, even when the file was rotated meanwhile', () => {
    const { dbPath, log } = tailedThenStopped(10);
    appendFileSync(log, linesFrom(11, 12));
    renameSync(log, `${log}.1`);
    writeFileSync(log, linesFrom(13, 14));

    const second = start(dbPath);
    second.engine.feeds.start(); // stored feeds start with the engine
    expect(stored(second, 'tail')).toEqual({ n: 14, distinct_texts: 14, max: 14 });
    const status = second.engine.feeds.statuses()[0];
    expect(status).toMatchObject({ name: 'tail', state: 'running', duplicates: 0 });
  });

  it('pauses, resumes and removes; removing keeps what was stored', () => {
    const dbPath = tempDbPath();
    const log = join(dirname(dbPath), 'feed.ndjson');
    writeFileSync(log, linesFrom(1, 2));
    const t = start(dbPath);
    t.engine.feeds.add({ name: 'tail', kind: 'file', format: 'ndjson', path: log });
    expect(t.engine.feeds.pause('tail').state).toBe('paused');
    appendFileSync(log, linesFrom(3, 4));
    t.engine.feeds.poll();
    expect(stored(t, 'tail').n).toBe(2);
    expect(t.engine.feeds.resume('tail').accepted).toBe(4);
    t.engine.feeds.remove('tail');
    expect(t.engine.feeds.statuses()).toEqual([]);
    expect(stored(t, 'tail').n).toBe(4);
  });

  it('reports a feed stale once it is quiet beyond its heartbeat', () => {
    const dbPath = tempDbPath();
    const log = join(dirname(dbPath), 'feed.ndjson');
    writeFileSync(log, linesFrom(1, 1));
    const t = start(dbPath);
    t.engine.feeds.add({ name: 'tail', kind: 'file', format: 'ndjson', path: log, heartbeatSeconds: 120 });
    t.clock.advance(119_000);
    expect(t.engine.feeds.statuses()[0].stale).toBe(false);
    t.clock.advance(2_000);
    expect(t.engine.feeds.statuses()[0].stale).toBe(true);
    appendFileSync(log, line(2));
    t.engine.feeds.poll();
    expect(t.engine.feeds.statuses()[0]).toMatchObject({ stale: false, eventsPerMinute: 1 });
  });

  it('started again after a restart, says when it last delivered, and is stale if it has been quiet since', () => {
    const dbPath = tempDbPath();
    const log = join(dirname(dbPath), 'feed.ndjson');
    writeFileSync(log, linesFrom(1, 3));
    const first = start(dbPath);
    first.engine.feeds.add({ name: 'tail', kind: 'file', format: 'ndjson', path: log, heartbeatSeconds: 120 });
    first.close();
    open.pop();
    for (const [after, stale] of [[60_000, false], [600_000, true]] as const) {
      const t = testEngine(T0 + after, {}, dbPath);
      open.push(t);
      t.engine.feeds.start();
      expect(t.engine.feeds.statuses()[0], `${after / 1000} s later`).toMatchObject({ lastEventAt: T0, stale, accepted: 3 });
      t.close();
      open.pop();
    }
  });

  it('refuses a second feed of the same name, and incomplete ones, with a message and nothing saved', async () => {
    const t = start(tempDbPath());
    const dispatch = createDispatcher(t.engine.handlers);
    expect(await dispatch('feeds/add', { name: 'hook', kind: 'webhook', format: 'ndjson', token: 's3cret' })).toMatchObject({ ok: true });
    expect(await dispatch('feeds/add', { name: 'hook', kind: 'webhook', format: 'ndjson', token: 'x' })).toEqual({
      ok: false,
      error: { code: 'refused', message: 'a feed named "hook" exists already' },
    });
    expect(await dispatch('feeds/add', { name: 'tr', kind: 'webhook', format: 'taskrouter' })).toEqual({
      ok: false,
      error: { code: 'refused', message: 'a TaskRouter webhook needs the Twilio auth token to check signatures' },
    });
    expect(await dispatch('feeds/add', { name: 'bad name', kind: 'file', format: 'ndjson', path: '/x' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await dispatch('feeds/add', { name: 'f', kind: 'file', format: 'csv', path: '/x' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(t.engine.feeds.statuses().map((f) => f.name)).toEqual(['hook']);
    expect(t.engine.store.feeds().map((f) => f.name)).toEqual(['hook']);
  });
});

describe('feed specs on the command line', () => {
  it('reads files, webhooks, names and heartbeats; the secret only from the environment', () => {
    expect(parseFeedSpec('queue_log:/var/log/asterisk/queue_log', {})).toEqual({ name: 'queue_log', kind: 'file', format: 'queue_log', path: '/var/log/asterisk/queue_log', heartbeatSeconds: undefined });
    expect(parseFeedSpec('pbx=queue_log:/var/log/q.log@300', {})).toMatchObject({ name: 'pbx', path: '/var/log/q.log', heartbeatSeconds: 300 });
    expect(parseFeedSpec('twilio=taskrouter:webhook', { FLOORBOARD_TOKEN_TWILIO: 'tok' })).toEqual({ name: 'twilio', kind: 'webhook', format: 'taskrouter', token: 'tok', heartbeatSeconds: undefined });
    expect(() => parseFeedSpec('taskrouter:webhook', {})).toThrow(/FLOORBOARD_TOKEN_TASKROUTER/);
    expect(() => parseFeedSpec('syslog:/x', {})).toThrow(/unknown format "syslog"/);
    expect(() => parseFeedSpec('queue_log', {})).toThrow(/expected \[NAME=\]FORMAT:PATH/);
  });
});

describe('abandon mapping of a feed', () => {
  it('is kept with the feed, shown in its status, and used by its adapter', () => {
    const dbPath = tempDbPath();
    const log = join(dirname(dbPath), 'queue_log');
    // c1 enters at 0 and leaves by a key press at 30 s
    writeFileSync(log, ['1709370000|c1|sales|NONE|ENTERQUEUE||555|1', '1709370030|c1|sales|NONE|EXITWITHKEY|1|1|1|30'].join('\n') + '\n');
    const t = start(dbPath);
    const status = t.engine.feeds.add({ name: 'pbx', kind: 'file', format: 'queue_log', path: log, mapping: { exitWithKey: 'abandoned' } });
    expect(status.mapping).toEqual({ exitWithKey: 'abandoned' });
    expect(t.engine.store.contact('c1@sales')).toMatchObject({ abandonedAt: 1709370030_000 });
    expect(t.engine.feeds.add({ name: 'tr', kind: 'webhook', format: 'taskrouter', token: 'x' }).mapping).toEqual({ abandonOn: ['task.canceled', 'task.transfer-failed'] });
  });
});

describe('file tail: a file rewritten while Floorboard was stopped', () => {
  it('copy-truncate then refilled past the checkpoint: read again from its start, with a warning', () => {
    const { dbPath, log } = tailedThenStopped(5);
    // logrotate copytruncate while stopped, then the writer goes on past the old size (same inode)
    copyFileSync(log, `${log}.1`);
    truncateSync(log, 0);
    appendFileSync(log, linesFrom(6, 15));
    const second = start(dbPath);
    second.engine.feeds.start();
    expect(stored(second, 'tail')).toEqual({ n: 15, distinct_texts: 15, max: 15 });
    expect(second.engine.feeds.statuses()[0]).toMatchObject({ state: 'running', message: expect.stringMatching(/rewritten in place/) });
  });

  it('the previous file gone (compressed) after a rotation: what could not be read is said', () => {
    const { dbPath, log } = tailedThenStopped(5);
    appendFileSync(log, linesFrom(6, 7));
    renameSync(log, `${log}.1`);
    writeFileSync(log, linesFrom(8, 9));
    unlinkSync(`${log}.1`); // compressed to queue_log.1.gz: no longer readable as the same file
    const second = start(dbPath);
    second.engine.feeds.start();
    expect(stored(second, 'tail').n).toBe(7);
    expect(second.engine.feeds.statuses()[0].message).toMatch(/rest of the previous file .* was not found/);
  });
});

describe('file tail: a long backlog', () => {
  it('is read over several polls, a budget each, and through a rotation in the middle nothing is skipped', () => {
    const dbPath = tempDbPath();
    const log = join(dirname(dbPath), 'queue_log');
    writeFileSync(log, linesFrom(1, 25));
    const t = start(dbPath);
    const tail = new FileTail({
      path: log,
      cursor: null,
      maxLinesPerBatch: 4,
      maxLinesPerPoll: 8,
      write: ({ lines, cursor }) => {
        t.engine.store.writeBatch({ source: 'tail', format: 'ndjson', lines: parseNdjsonLines(lines), sameAsRaw: true, cursor });
      },
    });
    expect(tail.poll()).toBe(8);
    renameSync(log, `${log}.1`); // rotated with 17 lines of the old file still unread
    writeFileSync(log, linesFrom(26, 30));
    const polls: number[] = [];
    for (let k = 0; k < 6; k++) polls.push(tail.poll());
    expect(polls).toEqual([8, 8, 6, 0, 0, 0]); // 8 + 8 + 1 left of the old file, then the 5 of the new one
    expect(stored(t, 'tail')).toEqual({ n: 30, distinct_texts: 30, max: 30 });
    tail.close();
  });
});

describe('imports', () => {
  it('refuse another file under a name that holds one, a feed name, and a CSV import resumed without its header', async () => {
    const t = start(tempDbPath());
    const dispatch = createDispatcher(t.engine.handlers);
    const a = [line(1), line(2)].map((l) => l.trim());
    const b = [line(3), line(4)].map((l) => l.trim());
    expect(await dispatch('import/lines', { source: 'day.ndjson', format: 'ndjson', startPosition: 1, lines: a })).toMatchObject({ ok: true, value: { accepted: 2 } });
    // the same file again: duplicates; another file of the same name: refused, nothing stored
    expect(await dispatch('import/lines', { source: 'day.ndjson', format: 'ndjson', startPosition: 1, lines: a })).toMatchObject({ ok: true, value: { duplicates: 2 } });
    expect(await dispatch('import/lines', { source: 'day.ndjson', format: 'ndjson', startPosition: 1, lines: b })).toEqual({
      ok: false,
      error: { code: 'refused', message: '"day.ndjson" already holds the lines of another file (its first line differs): import this one under another name' },
    });
    t.engine.feeds.add({ name: 'hook', kind: 'webhook', format: 'ndjson', token: 'x' });
    expect(await dispatch('import/lines', { source: 'hook', format: 'ndjson', startPosition: 1, lines: b })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await dispatch('ingest/lines', { source: 'hook', lines: b })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await dispatch('import/lines', { source: 'bank.tsv', format: 'csv', mapping: 'anonymous-bank', startPosition: 21, lines: ['x'] })).toEqual({
      ok: false,
      error: { code: 'refused', message: 'this import was interrupted: start it again from line 1 (what it stored counts as duplicates)' },
    });
    expect(t.engine.snapshot().queues.find((q) => q.name === 'Billing')?.offered).toBe(2);
  });
});

describe('store: a stored position sent again as a bad line', () => {
  it('is a duplicate, not a new quarantined line', () => {
    const t = start(tempDbPath());
    expect(t.engine.ingestNdjson('s', [{ position: 1, text: line(1).trim() }])).toMatchObject({ accepted: 1 });
    expect(t.engine.ingestNdjson('s', [{ position: 1, text: 'garbage' }])).toMatchObject({ quarantined: 0, duplicates: 1 });
    expect(t.engine.store.quarantinedCount('s')).toBe(0);
  });
});

describe('file tail: two rotations while stopped', () => {
  it('reads the rest of the old file, then the file between, then the current one', () => {
    const { dbPath, log } = tailedThenStopped(3);
    // distinct modification times, oldest first, as the rotations wrote them (set, not waited for)
    const written = (path: string, minutesAgo: number) => utimesSync(path, new Date(Date.now() - minutesAgo * 60_000), new Date(Date.now() - minutesAgo * 60_000));
    appendFileSync(log, linesFrom(4, 5));
    written(log, 3);
    renameSync(log, `${log}.1`);
    writeFileSync(log, linesFrom(6, 8));
    written(log, 2);
    renameSync(`${log}.1`, `${log}.2`);
    renameSync(log, `${log}.1`);
    writeFileSync(log, linesFrom(9, 10));
    const second = start(dbPath);
    second.engine.feeds.start();
    for (let k = 0; k < 3; k++) second.engine.feeds.poll();
    expect(stored(second, 'tail')).toEqual({ n: 10, distinct_texts: 10, max: 10 });
    const rows = second.db.prepare<[], { text: string }>('SELECT text FROM raw_lines ORDER BY position').all();
    expect(rows.map((r) => JSON.parse(r.text).contactId)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10']);
  });
});

describe('file tail: a line far too long', () => {
  it('is quarantined as too long from its first bytes, without holding the whole of it', () => {
    const dbPath = tempDbPath();
    const log = join(dirname(dbPath), 'feed.ndjson');
    writeFileSync(log, line(1) + 'x'.repeat(3_000_000) + '\n' + line(3));
    const t = start(dbPath);
    const tail = new FileTail({
      path: log,
      cursor: null,
      chunkBytes: 65_536,
      write: ({ lines, cursor }) => {
        t.engine.store.writeBatch({ source: 'tail', format: 'ndjson', lines: parseNdjsonLines(lines), sameAsRaw: true, cursor });
      },
    });
    expect(tail.poll()).toBe(3);
    expect(stored(t, 'tail').n).toBe(2);
    expect(t.engine.store.quarantine(10, 'tail')).toEqual([expect.objectContaining({ position: 2, reason: 'line longer than 65536 characters' })]);
    tail.close();
  });
});
