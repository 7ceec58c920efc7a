/**
 * The CLI end to end: simulate -> ingest -> metrics gives the same figures as the live engine computed
 * for the same events; re-ingesting a file adds nothing; a bad line is quarantined and reported.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberLines } from '../../src/core/ingest/source-lines';
import { openDatabase } from '../../src/core/store/database';
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

  it('metrics --formula --threshold --short-abandon: reports the definition it used, and the figures follow it', () => {
    const base = JSON.parse(cli('metrics', '--db', db, '--from', start, '--to', end, '--by', 'channel', '--json'));
    expect(base.definition).toMatchObject({ formula: 'floorboard', serviceLevel: 'answered within T / (answered + abandoned - short abandons)', shortAbandonSeconds: 5 });
    expect(base.definition.thresholdSeconds).toMatch(/per queue/);
    const asked = JSON.parse(cli('metrics', '--db', db, '--from', start, '--to', end, '--by', 'channel', '--formula', 'asterisk', '--threshold', '45', '--short-abandon', '10', '--json'));
    expect(asked.definition).toEqual(expect.objectContaining({ formula: 'asterisk', serviceLevel: 'answered within T / answered', thresholdSeconds: 45, shortAbandonSeconds: 10 }));
    type Row = { key: string } & Record<"offered" | "answered" | "answeredWithinThreshold" | "shortAbandoned" | "serviceLevel", number>;
    const row = (r: { rows: Row[] }, channel: string) => r.rows.find((x) => x.key === channel)!;
    // voice's own T is 20 s and chat's 60 s: 45 s for both counts more voice answers within T and fewer chat ones
    expect(row(asked, 'voice').answeredWithinThreshold).toBeGreaterThan(row(base, 'voice').answeredWithinThreshold);
    expect(row(asked, 'chat').answeredWithinThreshold).toBeLessThan(row(base, 'chat').answeredWithinThreshold);
    for (const ch of ['voice', 'chat']) {
      expect(row(asked, ch).offered).toBe(row(base, ch).offered);
      expect(row(asked, ch).serviceLevel).toBeCloseTo(row(asked, ch).answeredWithinThreshold / row(asked, ch).answered, 12);
      expect(row(asked, ch).shortAbandoned).toBeGreaterThanOrEqual(row(base, ch).shortAbandoned);
    }
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), 'metrics', '--db', db, '--from', start, '--to', end, '--formula', 'nice'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' })).toThrow(/Allowed choices are floorboard, asterisk/);
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

  describe('real feed formats', () => {
    const fixtures = join(ROOT, 'test', 'fixtures');
    const rows = (dbPath: string, from: string, to: string) =>
      (JSON.parse(cli('metrics', '--db', dbPath, '--from', from, '--to', to, '--by', 'queue', '--json')).rows as { key: string; offered: number; answered: number; abandoned: number }[]).map(
        (r) => [r.key, r.offered, r.answered, r.abandoned],
      );

    it('ingest --format queue_log, then metrics --by queue; the same file again is all duplicates and changes nothing', () => {
      const qdb = tempDbPath();
      const file = join(fixtures, 'queue_log', 'sample.log');
      const first = JSON.parse(cli('ingest', '--db', qdb, '--format', 'queue_log', file));
      expect(first).toMatchObject({ files: 1, lines: 92, quarantined: 5, duplicates: 0 });
      expect(first.accepted).toBe(87);
      // the hand-computed figures of test/core/queue-log.test.ts
      const morning = rows(qdb, '2024-03-02T09:00:00Z', '2024-03-02T10:00:00Z');
      expect(morning).toEqual([
        ['billing', 4, 3, 1],
        ['sales', 12, 7, 4],
        ['support', 7, 5, 2],
      ]);
      const again = JSON.parse(cli('ingest', '--db', qdb, '--format', 'queue_log', file));
      expect(again).toMatchObject({ accepted: 0, quarantined: 0, duplicates: 92 });
      expect(rows(qdb, '2024-03-02T09:00:00Z', '2024-03-02T10:00:00Z')).toEqual(morning);
    });

    it('refuses another file at a path ingested before (a rotated log), rather than taking its lines for duplicates', () => {
      const qdb = tempDbPath();
      const file = join(qdb, '..', 'queue_log');
      const sample = readFileSync(join(fixtures, 'queue_log', 'sample.log'), 'utf8').split('\n');
      writeFileSync(file, sample.slice(0, 10).join('\n') + '\n');
      expect(JSON.parse(cli('ingest', '--db', qdb, '--format', 'queue_log', file))).toMatchObject({ accepted: 10 });
      writeFileSync(file, sample.slice(10, 20).join('\n') + '\n'); // rotated: same path, other lines
      expect(() => cli('ingest', '--db', qdb, '--format', 'queue_log', file)).toThrow(/already holds the lines of another file/);
    });

    it('ingest --format taskrouter, connect-ctr, connect-agent and csv', () => {
      const tdb = tempDbPath();
      const tr = JSON.parse(cli('ingest', '--db', tdb, '--format', 'taskrouter', join(fixtures, 'taskrouter', 'webhooks.form'), join(fixtures, 'taskrouter', 'event-streams.jsonl')));
      // the webhook file holds one retried post (the same EventSid twice): a duplicate
      expect(tr).toMatchObject({ files: 2, lines: 68, accepted: 67, duplicates: 1, quarantined: 0 });
      expect(rows(tdb, '2026-03-02T09:00:00Z', '2026-03-02T11:00:00Z').map((r) => r[0])).toEqual(['Sales', 'Support']);
      // the abandon mapping: without task.transfer-failed, Sales 09:00-10:00 has 2 abandons instead of 3
      // (test/core/taskrouter.test.ts works both out by hand)
      expect(rows(tdb, '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z')[0]).toEqual(['Sales', 5, 2, 3]);
      const tdb2 = tempDbPath();
      cli('ingest', '--db', tdb2, '--format', 'taskrouter', '--abandon-on', 'task.canceled', join(fixtures, 'taskrouter', 'webhooks.form'));
      expect(rows(tdb2, '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z')[0]).toEqual(['Sales', 5, 2, 2]);
      expect(() => cli('ingest', '--db', tdb2, '--format', 'taskrouter', '--abandon-on', 'task.deleted', join(fixtures, 'taskrouter', 'webhooks.form'))).toThrow(/--abandon-on: "task.deleted" is not one of/);

      const cdb = tempDbPath();
      const ctr = JSON.parse(cli('ingest', '--db', cdb, '--format', 'connect-ctr', join(fixtures, 'connect', 'ctr-2026-03-02.jsonl')));
      expect(ctr).toMatchObject({ quarantined: 0 });
      // the hand-computed day of test/core/connect-ctr.test.ts: Sales 7 offered, 4 answered, 2 abandoned; Support 6, 4, 2
      expect(rows(cdb, '2026-03-02T00:00:00Z', '2026-03-02T23:59:59Z')).toEqual([
        ['Sales', 7, 4, 2],
        ['Support', 6, 4, 2],
      ]);
      const agents = JSON.parse(cli('ingest', '--db', cdb, '--format', 'connect-agent', join(fixtures, 'connect', 'agent-events-2026-03-02.jsonl')));
      expect(agents).toMatchObject({ quarantined: 0, ignored: { heartbeat: expect.any(Number) } });

      // CSV needs its column mapping; the Anonymous Bank month is tested with its built-in one
      expect(() => cli('ingest', '--db', cdb, '--format', 'csv', join(fixtures, 'queue_log', 'sample.log'))).toThrow(/--format csv needs --mapping NAME or FILE/);
    });
  });
});

describe('CLI staffing', () => {
  it('prints the agents required for 100 calls in 30 min at 180 s, 80 % in 20 s (Erlang C), and the SL they give', () => {
    const r = JSON.parse(cli('staffing', '--calls', '100', '--interval-minutes', '30', '--aht', '180', '--target', '0.8', '--threshold', '20', '--json'));
    expect(r).toMatchObject({ agents: 14, trafficErlangs: 10 });
    expect(r.serviceLevel).toBeCloseTo(0.888, 3);
    expect(r.definition).toMatch(/^Erlang C/);
  });

  it('refuses an impossible target with a clear message', () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), 'staffing', '--calls', '100', '--aht', '180', '--target', '1'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' })).toThrow(/--target must be between 0 and 1/);
  });
});

describe('CLI standards', () => {
  it('exports the standards in force as YAML, imports an edited file as a new version, and refuses an invalid one', () => {
    const db = tempDbPath();
    openDatabase({ path: db }).close(); // a database Floorboard made: export reads only, and refuses a missing file
    const yaml = join(db, '..', 'standards.yaml');
    expect(JSON.parse(cli('standards', 'export', yaml, '--db', db))).toMatchObject({ version: 1, standards: 9, calendars: 2 });
    const text = readFileSync(yaml, 'utf8');
    expect(text).toContain('id: voice-service-level');
    writeFileSync(yaml, text.replace('desired: 0.8\n', 'desired: 0.82\n'));
    expect(JSON.parse(cli('standards', 'import', yaml, '--db', db, '--note', 'Q2'))).toMatchObject({ version: 2, standards: 9 });
    const json = join(db, '..', 'standards.json');
    cli('standards', 'export', json, '--db', db);
    expect(JSON.parse(readFileSync(json, 'utf8')).standards[0].tiers).toEqual({ expected: 0.7, desired: 0.82, delight: 0.9 });

    writeFileSync(yaml, text.replace('thresholdSeconds: 20\n', 'thresholdSeconds: -20\n'));
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), 'standards', 'import', yaml, '--db', db], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' })).toThrow(
      /standards\.0\.options\.thresholdSeconds: the threshold cannot be negative/,
    );
    cli('standards', 'export', json, '--db', db);
    expect(JSON.parse(readFileSync(json, 'utf8')).standards[0].tiers.desired).toBe(0.82); // nothing saved
  });
});

describe('CLI retention', () => {
  it('lists each kind with its days and oldest row, sets one (refusing a bad one), and purges now', () => {
    const db = tempDbPath();
    // lines received 60 days ago (the CLI purges against today's date): a contact over, then one line of today
    const old = testEngine(Date.now() - 60 * 86_400_000, { timeZone: 'UTC' }, db);
    old.engine.ingestNdjson('feed', numberLines([0, 1, 2].map((i) => JSON.stringify({ v: 1, type: 'contact.queued', ts: old.clock.now() + i, contactId: `c${i}`, queue: 'Q', channel: 'voice' })).join('\n')));
    old.clock.set(Date.now());
    old.engine.ingestNdjson('feed', numberLines(JSON.stringify({ v: 1, type: 'contact.queued', ts: Date.now(), contactId: 'today', queue: 'Q', channel: 'voice' }), 4));
    old.close();

    const listed = cli('retention', '--db', db);
    expect(listed).toMatch(/^raw-lines\s+30 \(default\)\s+\d{4}-\d\d-\d\d$/m);
    expect(listed).toMatch(/^contacts\s+400 \(default\)/m);
    expect(cli('retention', 'set', 'raw-lines', '40', '--db', db)).toBe('raw-lines: kept 40 days (from the next purge)\n');
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), 'retention', 'set', 'raw-lines', '7', '--db', db], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' })).toThrow(
      /raw-lines: at least 8 days \(the live floor holds today and the 8 days before it; got 7\)/,
    );
    const purged = cli('retention', 'purge', '--db', db, '--time-zone', 'UTC');
    // the 3 lines of 60 days ago less line 1 (kept: an import of another file under this name is still refused)
    expect(purged).toMatch(/^raw-lines\s+40\s+\d{4}-\d\d-\d\d\s+2$/m);
    expect(purged).toMatch(/^contacts\s+400\s+\d{4}-\d\d-\d\d\s+0$/m); // waiting contacts are never purged
    const after = cli('retention', '--db', db);
    expect(after).toMatch(new RegExp(`^raw-lines\\s+40\\s+${new Date().toISOString().slice(0, 10)}$`, 'm'));
  });
});
