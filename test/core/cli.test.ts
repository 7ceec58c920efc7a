/**
 * The CLI end to end: simulate -> ingest -> metrics gives the same figures as the live engine computed
 * for the same events; re-ingesting a file adds nothing; a bad line is quarantined and reported.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberLines } from '../../src/core/ingest/ndjson';
import { testEngine, tempDbPath } from '../helpers/engine';
import { ROOT } from '../helpers/host';

const cli = (...args: string[]) =>
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('CLI', () => {
  const start = '2026-03-02T06:00:00.000Z';
  const end = '2026-03-02T12:00:00.000Z';
  const db = tempDbPath();
  const feed = join(db, '..', 'feed.ndjson');

  it('simulate, ingest, metrics: the same service level, ASA and abandons as the live engine', () => {
    const sim = JSON.parse(cli('simulate', '--out', feed, '--hours', '6', '--seed', '7', '--start', start, '--time-zone', 'UTC'));
    expect(sim.events).toBeGreaterThan(1000);

    const summary = JSON.parse(cli('ingest', '--db', db, '--format', 'ndjson', feed));
    expect(summary).toMatchObject({ accepted: sim.events, duplicates: 0, quarantined: 0 });

    const report = JSON.parse(cli('metrics', '--db', db, '--from', start, '--to', end, '--by', 'queue', '--json'));
    expect(report.definition.serviceLevel).toMatch(/answered within T/);

    const live = testEngine(Date.parse(start), { timeZone: 'UTC', resetHour: 0 });
    try {
      live.engine.ingestNdjson('feed', numberLines(readFileSync(feed, 'utf8')));
      live.clock.set(Date.parse(end));
      const queues = live.engine.snapshot().queues;
      expect(report.rows.map((r: { key: string }) => r.key).sort()).toEqual(queues.map((q) => q.name).sort());
      for (const q of queues) {
        const row = report.rows.find((r: { key: string }) => r.key === q.name);
        for (const k of ['offered', 'answered', 'abandoned', 'shortAbandoned', 'answeredWithinThreshold', 'serviceLevel', 'asaSeconds', 'abandonRate'] as const) {
          expect(row[k], `${q.name} ${k}`).toBe(q[k]);
        }
      }
      expect(queues.reduce((n, q) => n + q.answered, 0)).toBeGreaterThan(100);
    } finally {
      live.close();
    }
  });

  it('re-ingesting the same file reports every line as a duplicate and changes no figure', () => {
    const before = cli('metrics', '--db', db, '--from', start, '--to', end, '--json');
    const again = JSON.parse(cli('ingest', '--db', db, '--format', 'ndjson', feed));
    expect(again.accepted).toBe(0);
    expect(again.duplicates).toBe(again.lines);
    expect(cli('metrics', '--db', db, '--from', start, '--to', end, '--json')).toBe(before);
  });

  it('quarantines an invalid line with its line number and keeps the rest', () => {
    const bad = join(db, '..', 'bad.ndjson');
    writeFileSync(bad, [
      JSON.stringify({ v: 1, type: 'contact.queued', ts: '2026-03-02T07:00:00Z', contactId: 'ok-1', queue: 'Billing', channel: 'voice' }),
      '{"v":1,"type":"contact.queued","ts":"2026-03-02T07:00:01Z","contactId":"x","queue":"Billing","channel":"fax"}',
      JSON.stringify({ v: 1, type: 'contact.queued', ts: '2026-03-02T07:00:02Z', contactId: 'ok-2', queue: 'Billing', channel: 'voice' }),
    ].join('\n'));
    const r = JSON.parse(cli('ingest', '--db', tempDbPath(), bad));
    expect(r).toMatchObject({ accepted: 2, quarantined: 1, duplicates: 0 });
    expect(r.errors[0]).toMatchObject({ position: 2 });
    expect(r.errors[0].reason).toMatch(/channel/);
  });
});
