/**
 * Scheduled reports on a fake clock (issue 15, point 4): a weekly schedule runs once a week after its settle delay;
 * one missed while nothing ran runs once at the next start; two processes sharing the database run a due time once;
 * an unwritable folder is logged, tried again at the next due time, and leaves no partial file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReportScheduler, latestDue } from '../../src/core/reports/report-schedules';
import { inProcessRunner } from '../../src/core/reports/report-runner';
import { reportScheduleStore } from '../../src/core/store/report-schedules';
import { testEngine } from '../helpers/engine';
import { ev, lines, T0 } from '../helpers/events';
import { ROOT } from '../helpers/host';

const MONDAY_0500 = Date.parse('2026-03-09T05:00:00Z');
const HOUR = 3600_000;
const calendar = { timeZone: 'UTC', resetHour: 0, weekStart: 'monday' as const };

function setup(folder = mkdtempSync(join(tmpdir(), 'fb-schedules-'))) {
  const t = testEngine(MONDAY_0500, { timeZone: 'UTC' });
  // a contact in the week before (2026-W10)
  t.engine.ingestNdjson('pbx', lines([ev.queued(0, 'c1'), ev.answered(10, 'c1')]));
  const store = reportScheduleStore(t.db);
  store.add({ name: 'weekly review', cron: '0 6 * * 1', period: 'last-week', formats: ['csv'], scope: { channels: [], queues: [] }, agents: true, folder, recipients: [], keep: 2, settleMinutes: 60, createdAt: MONDAY_0500 - HOUR });
  const log: string[] = [];
  const scheduler = () => createReportScheduler({ store, runner: inProcessRunner(t.engine.store), clock: t.clock, calendar, shortAbandonSeconds: 5, wallNow: () => t.clock.now(), log: (m) => log.push(m) });
  return { t, store, folder, log, scheduler };
}

describe('the due time of a schedule', () => {
  it('is the latest cron time at or before the bound, never before the schedule was made', () => {
    expect(latestDue('0 6 * * 1', 'UTC', Date.parse('2026-03-09T07:00:00Z'), 0)).toBe(Date.parse('2026-03-09T06:00:00Z'));
    expect(latestDue('0 6 * * 1', 'UTC', Date.parse('2026-03-09T05:59:00Z'), 0)).toBe(Date.parse('2026-03-02T06:00:00Z'));
    expect(latestDue('0 6 * * 1', 'UTC', Date.parse('2026-03-09T05:59:00Z'), Date.parse('2026-03-05T00:00:00Z'))).toBeNull();
    // in the center's zone: 06:00 in Jerusalem is 04:00 UTC in March
    expect(latestDue('0 6 * * 1', 'Asia/Jerusalem', Date.parse('2026-03-09T05:00:00Z'), 0)).toBe(Date.parse('2026-03-09T04:00:00Z'));
  });
});

describe('a weekly schedule', () => {
  it('runs once a week, after its settle delay, and keeps the last runs', async () => {
    const { t, store, folder, scheduler } = setup();
    const s = scheduler();
    await s.check(); // 05:00: Monday's 06:00 has not come
    expect(store.runs(1, 10)).toEqual([]);
    t.clock.advance(1.5 * HOUR); // 06:30: due, but within its hour of settling
    await s.check();
    expect(store.runs(1, 10)).toEqual([]);
    t.clock.advance(HOUR); // 07:30
    await s.check();
    await s.check();
    expect(store.runs(1, 10).map((r) => [new Date(r.dueAt).toISOString(), r.status])).toEqual([['2026-03-09T06:00:00.000Z', 'done']]);
    const week10 = join(folder, 'weekly review', '2026-W10');
    expect(readdirSync(week10)).toContain('queues.csv');
    expect(readdirSync(week10).some((f) => f.endsWith('.part'))).toBe(false);
    for (let week = 1; week <= 3; week++) {
      t.clock.advance(7 * 24 * HOUR);
      await s.check();
    }
    expect(store.runs(1, 10).map((r) => r.status)).toEqual(['done', 'done', 'done', 'done']);
    // keep 2: the two newest runs' folders stay
    expect(readdirSync(join(folder, 'weekly review')).sort()).toEqual(['2026-W12', '2026-W13']);
    t.close();
  });

  it('runs once at the next start when nothing ran over its time, and once for two processes', async () => {
    const { t, store, scheduler } = setup();
    t.clock.advance(15 * 24 * HOUR); // closed over two Mondays
    const [a, b] = [scheduler(), scheduler()];
    await Promise.all([a.check(), b.check()]);
    expect(store.runs(1, 10).map((r) => new Date(r.dueAt).toISOString())).toEqual(['2026-03-23T06:00:00.000Z']);
    t.close();
  });

  it('logs an unwritable folder, leaves no partial file, and tries again at the next due time', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fb-schedules-')), 'not-a-folder');
    writeFileSync(file, 'x');
    const { t, store, log, scheduler } = setup(file);
    const s = scheduler();
    t.clock.advance(3 * HOUR);
    await s.check();
    expect(store.runs(1, 10)).toMatchObject([{ status: 'failed', error: expect.stringMatching(/ENOTDIR/) }]);
    expect(log.join('\n')).toMatch(/report schedule "weekly review" failed: .*ENOTDIR.*the next due time tries again/);
    expect(existsSync(join(file, 'weekly review'))).toBe(false);
    await s.check(); // the same due time is not retried at once
    expect(store.runs(1, 10)).toHaveLength(1);
    t.clock.advance(7 * 24 * HOUR);
    await s.check();
    expect(store.runs(1, 10).map((r) => r.status)).toEqual(['failed', 'failed']);
    t.close();
  });
});

describe('the schedule command', () => {
  it('adds, lists with the last run, and removes; a bad cron or format is one clear line', () => {
    const cli = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const db = join(mkdtempSync(join(tmpdir(), 'fb-schedules-')), 'floor.db');
    testEngine(T0, {}, db).close();
    const folder = mkdtempSync(join(tmpdir(), 'fb-schedules-out-'));
    expect(cli('schedule', 'add', 'weekly', '--db', db, '--cron', '0 6 * * 1', '--format', 'csv,xlsx', '--folder', folder)).toMatch(/schedule "weekly": last-week at "0 6 \* \* 1"/);
    expect(cli('schedule', 'list', '--db', db)).toMatch(/weekly\s+0 6 \* \* 1\s+last-week\s+csv,xlsx/);
    expect(() => cli('schedule', 'add', 'bad', '--db', db, '--cron', 'every monday', '--folder', folder)).toThrow(/--cron "every monday" is not a cron pattern/);
    expect(() => cli('schedule', 'add', 'bad', '--db', db, '--cron', '0 6 * * 1', '--format', 'docx', '--folder', folder)).toThrow(/--format docx/);
    expect(cli('schedule', 'remove', 'weekly', '--db', db)).toMatch(/removed "weekly"/);
    expect(cli('schedule', 'list', '--db', db)).toMatch(/no schedules/);
  });
});
