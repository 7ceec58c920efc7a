/**
 * Strict input (issue 14, point 5), each finding replayed at a small size: dates Date.parse used to read leniently
 * ("1" as 2001, Feb 30 as March 2), a queue.config with an unknown time zone, quarantined text without a cap
 * (per line and per source), and a line long enough to crash a reader that holds it whole.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api';
import { createDispatcher } from '../../src/core/api/dispatch';
import { MAX_LINE_LENGTH } from '../../src/core/ingest/source-lines';
import { openDatabase } from '../../src/core/store/database';
import { createStoreWriter } from '../../src/core/store/store-writer';
import { cappedLines } from '../../src/cli/capped-lines';
import { at } from '../helpers/events';
import { tempDbPath, testEngine } from '../helpers/engine';
import { ROOT } from '../helpers/host';

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
});
function setup(center = {}) {
  const t = testEngine(at(0), center);
  cleanup.push(t.close);
  const dispatch: (name: string, args: unknown) => Promise<Envelope<unknown>> = createDispatcher(t.engine.handlers);
  return { ...t, dispatch };
}
const ended = (ts: unknown, contactId = 'c1') => JSON.stringify({ v: 1, type: 'contact.ended', ts, contactId });

describe('dates: ISO 8601 only', () => {
  it('refuses "1" and Feb 30 in an API payload, and reads an offset or the center zone', async () => {
    const { dispatch } = setup({ timeZone: 'Europe/Paris' });
    for (const bad of ['1', '2026-02-30T10:00:00Z', '2026-03-02T25:00:00Z', 'March 2, 2026']) {
      const r = await dispatch('metrics/window', { from: bad, to: '2026-03-03T00:00:00Z' });
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/from: (expected an ISO-8601|not a real date-time)/);
      const s = await dispatch('standards/get', { at: bad });
      expect(s.ok, bad).toBe(false);
    }
    const offset = await dispatch('metrics/window', { from: '2026-03-02T10:00:00+01:00', to: '2026-03-02T11:00:00+01:00' });
    expect(offset).toMatchObject({ ok: true, value: { from: '2026-03-02T09:00:00.000Z', to: '2026-03-02T10:00:00.000Z' } });
    // no offset: the center's zone (Paris, UTC+1 in March)
    const local = await dispatch('metrics/window', { from: '2026-03-02T10:00', to: '2026-03-02T11:00:00.5' });
    expect(local).toMatchObject({ ok: true, value: { from: '2026-03-02T09:00:00.000Z', to: '2026-03-02T10:00:00.500Z' } });
    // a local time the spring change skips in Paris does not exist there
    const gap = await dispatch('metrics/window', { from: '2026-03-29T02:30:00', to: '2026-03-29T05:00:00' });
    expect(gap.ok || gap.error.message).toMatch(/does not exist in Europe\/Paris/);
  });

  it('quarantines an event whose ts is "1" or Feb 30 with a clear reason, and keeps one with an offset', () => {
    const { engine } = setup();
    const r = engine.ingestNdjson('dates', [
      { position: 1, text: ended('1') },
      { position: 2, text: ended('2026-02-30T10:00:00Z') },
      { position: 3, text: ended('2026-03-02T10:00:00+01:00') },
      { position: 4, text: ended(at(5)) },
      { position: 5, text: ended('2026-03-02T10:00:00') },
    ]);
    expect(r).toMatchObject({ accepted: 2, quarantined: 3 });
    const reasons = engine.store.quarantine(10, 'dates').map((q) => [q.position, q.reason]);
    expect(reasons).toEqual([
      [5, 'ts: expected an ISO-8601 date-time with Z or an offset'],
      [2, 'ts: not a real date-time: 2026-02-30T10:00:00Z'],
      [1, expect.stringMatching(/^ts: expected an ISO-8601 date-time such as/)],
    ]);
  });

  it('refuses "1" and 25:00 as CLI dates, and an unknown --time-zone', () => {
    const run = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    const out = join(tempDbPath(), '..', 'sim.ndjson');
    expect(() => run('simulate', '--out', out, '--hours', '1', '--start', '1')).toThrow(/'--start <iso>' argument '1' is invalid\. expected an ISO-8601/);
    expect(() => run('simulate', '--out', out, '--hours', '1', '--start', '2026-03-02T25:00:00Z')).toThrow(/not a real date-time/);
    expect(() => run('simulate', '--out', out, '--hours', '1', '--time-zone', 'Mars/Olympus')).toThrow(/unknown time zone "Mars\/Olympus"/);
    // no offset: read in --time-zone (Paris, UTC+1 in March)
    expect(JSON.parse(run('simulate', '--out', out, '--hours', '1', '--start', '2026-03-02T09:00', '--time-zone', 'Europe/Paris')).from).toBe('2026-03-02T08:00:00.000Z');
  });
});

describe('time zones validated where they arrive', () => {
  it('quarantines a queue.config with timeZone "Mars/Olympus" and stores a valid one', () => {
    const { engine } = setup();
    const config = (queue: string, timeZone: string) => JSON.stringify({ v: 1, type: 'queue.config', ts: at(0), queue, channel: 'voice', timeZone });
    const r = engine.ingestNdjson('config', [
      { position: 1, text: config('Mars', 'Mars/Olympus') },
      { position: 2, text: config('Paris', 'Europe/Paris') },
    ]);
    expect(r).toMatchObject({ accepted: 1, quarantined: 1 });
    expect(engine.store.quarantine(1, 'config')[0].reason).toMatch(/^timeZone: unknown time zone/);
    expect(engine.snapshot().queues.map((q) => q.name)).toEqual(['Paris']);
  });
});

describe('the quarantine is bounded', () => {
  it('keeps 64 KiB of a 200 KiB line, whatever the adapter handed it', () => {
    const { engine } = setup();
    const long = 'x'.repeat(200 * 1024);
    const r = engine.ingestNdjson('long', [{ position: 1, text: long }]);
    expect(r.quarantined).toBe(1);
    const [q] = engine.store.quarantine(1, 'long');
    expect(q.text.length).toBe(MAX_LINE_LENGTH);
    expect(q.reason).toMatch(/longer than 65536 characters/);
    // the store cuts what an adapter did not (here a reason and a text handed to it as they are)
    const writer = createStoreWriter(openDatabase({ path: ':memory:' }));
    writer.writeBatch({ source: 's', format: 'ndjson', lines: [{ position: 1, text: long, reason: 'r'.repeat(5000) }] });
    const [raw] = writer.quarantine(1, 's');
    expect(raw.text.length).toBe(MAX_LINE_LENGTH);
    expect(raw.reason.length).toBeLessThan(1100);
    expect(raw.reason).toMatch(/text cut to its first 65536 of 204800 characters/);
  });

  it('caps each source by count: the oldest dropped, every refusal still counted', () => {
    const db = openDatabase({ path: ':memory:' });
    cleanup.push(() => db.close());
    const writer = createStoreWriter(db, () => at(0), { quarantineCap: 5 });
    const bad = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ position: from + i, text: `bad ${from + i}`, reason: 'nope' }));
    expect(writer.writeBatch({ source: 'a', format: 'ndjson', lines: bad(1, 4) }).quarantined).toBe(4);
    expect(writer.writeBatch({ source: 'a', format: 'ndjson', lines: bad(5, 4) }).quarantined).toBe(4);
    writer.writeBatch({ source: 'b', format: 'ndjson', lines: bad(1, 2) });
    expect(writer.quarantine(100, 'a').map((q) => q.position)).toEqual([8, 7, 6, 5, 4]);
    expect(writer.quarantinedCount('a')).toBe(8);
    expect(writer.quarantinedCount('b')).toBe(2);
    expect(writer.totals().quarantined).toBe(10);
    // a dropped position that comes again is quarantined again (it is no longer held), and counted
    expect(writer.writeBatch({ source: 'a', format: 'ndjson', lines: bad(1, 1) }).quarantined).toBe(1);
    expect(writer.quarantine(100, 'a').map((q) => q.position)).toEqual([1, 8, 7, 6, 5]);
    expect(writer.quarantinedCount('a')).toBe(9);
  });
});

describe('the CLI reads lines as a stream', () => {
  it('reads a 256 MiB line chunk by chunk, holding only its first characters', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    let peak = 0;
    const base = process.memoryUsage().heapUsed;
    const source = Readable.from(
      (function* () {
        yield Buffer.from('first\r\n');
        for (; sent < 4096; sent++) {
          peak = Math.max(peak, process.memoryUsage().heapUsed - base);
          yield chunk;
        }
        yield Buffer.from('\nlast');
      })(),
    );
    const got: string[] = [];
    for await (const line of cappedLines(source, 1000)) got.push(line);
    expect(got.map((l) => l.length)).toEqual([5, 1000, 4]);
    expect([got[0], got[2]]).toEqual(['first', 'last']);
    // held whole, the line alone would take 256 MiB of heap
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  });

  it('ingests a file with a 5 MiB line: the line quarantined with its first 64 KiB, the others stored, exit 0', () => {
    const db = tempDbPath();
    const file = join(db, '..', 'long.ndjson');
    const good = (id: string, s: number) => JSON.stringify({ v: 1, type: 'contact.queued', ts: at(s), contactId: id, queue: 'Billing', channel: 'voice' });
    writeFileSync(file, [good('c1', 0), `{"v":1,"note":"${'y'.repeat(5 * 1024 * 1024)}"}`, good('c2', 1)].join('\n') + '\n');
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), 'ingest', '--db', db, file], { cwd: ROOT, encoding: 'utf8' });
    const r = JSON.parse(out);
    expect(r).toMatchObject({ lines: 3, accepted: 2, quarantined: 1 });
    expect(r.errors[0]).toMatchObject({ position: 2, reason: 'line longer than 65536 characters' });
    const { engine, close } = testEngine(at(0), {}, db);
    cleanup.push(close);
    const [q] = engine.store.quarantine(1, null);
    expect(q.text.length).toBe(MAX_LINE_LENGTH);
    expect(q.text.startsWith('{"v":1,"note":"yyy')).toBe(true);
  });
});
