/**
 * Exactly once through crashes: the real headless host tails a file that grows at full speed (and is rotated
 * once), and is killed with SIGKILL at random moments, 10 times, each time restarted on the same database.
 * Afterwards every line the writer wrote is in the database exactly once, at its own position, with its event.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/core/store/database';
import { ROOT } from '../helpers/host';

const RESTARTS = 10;
const TOTAL = 200_000;
const line = (i: number) =>
  `${JSON.stringify({ v: 1, type: 'contact.queued', id: `e${i}`, ts: Date.parse('2026-03-02T09:00:00Z') + i, contactId: `c${i}`, queue: 'Billing', channel: 'voice' })}\n`;

/** A tiny seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function startHost(dir: string, dbPath: string, log: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'scripts', 'cli.mjs'), 'serve', '--port', '0', '--db', dbPath, '--renderer', dir, '--feed', `tail=ndjson:${log}`],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`host did not start:\n${out}`)), 30_000);
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('serving')) {
        clearTimeout(timer);
        ok(child);
      }
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code, signal) => fail(new Error(`host exited (${code ?? signal}):\n${out}`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it(`stores each tailed line exactly once through ${RESTARTS} kill -9 restarts and a rotation`, { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'floorboard-crash-'));
  const dbPath = join(dir, 'floor.db');
  const log = join(dir, 'feed.ndjson');
  const rnd = random(20261123);
  writeFileSync(log, '');
  let written = 0;
  let rotated = false;
  // The first host adds the feed (at an empty file); the writer starts once it runs, and rotates the file
  // only once some of it is stored, so every later host has a checkpoint in the old file to come back to.
  let host = await startHost(dir, dbPath, log);
  const db = openDatabase({ path: dbPath });
  const stored = () => db.prepare<[], { n: number }>('SELECT coalesce(max(position), 0) AS n FROM checkpoints').get()!.n;
  // The writer: bursts of 2,000 lines every 10 ms (up to 200,000 lines, faster than the host can store them),
  // while hosts come and go; the later runs are killed while catching up from their checkpoint.
  let writing = true;
  const writer = (async () => {
    while (writing && written < TOTAL) {
      let chunk = '';
      for (let k = 0; k < 2000; k++) chunk += line(++written);
      appendFileSync(log, chunk);
      if (!rotated && written >= 60_000 && stored() > 0) {
        renameSync(log, `${log}.1`);
        writeFileSync(log, '');
        rotated = true;
      }
      await sleep(10);
    }
  })();

  // at least RESTARTS kills, and on until the file has been rotated (a loaded machine stores its first lines late)
  for (let run = 0; (run < RESTARTS || !rotated) && run < 3 * RESTARTS; run++) {
    if (run > 0) host = await startHost(dir, dbPath, log);
    await sleep(100 + rnd() * 900);
    host.kill('SIGKILL');
    await new Promise((r) => host.once('exit', r));
  }
  writing = false;
  await writer;

  // A last, clean run drains what is left.
  const last = await startHost(dir, dbPath, log);
  const count = () => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM raw_lines').get()!.n;
  for (let waited = 0; count() < written && waited < 60_000; waited += 200) await sleep(200);
  last.kill('SIGTERM');
  await new Promise((r) => last.once('exit', r));

  const lines = db.prepare<[], { n: number; positions: number; lo: number; hi: number; misplaced: number }>(
    `SELECT count(*) AS n, count(DISTINCT position) AS positions, min(position) AS lo, max(position) AS hi,
            sum(text NOT LIKE '%"id":"e' || position || '"%') AS misplaced
     FROM raw_lines`,
  ).get()!;
  const events = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events').get()!.n;
  const contacts = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM contacts').get()!.n;
  db.close();
  expect(rotated).toBe(true);
  expect(written).toBeGreaterThan(60_000);
  expect(lines).toEqual({ n: written, positions: written, lo: 1, hi: written, misplaced: 0 });
  expect(events).toBe(written);
  expect(contacts).toBe(written);
});
