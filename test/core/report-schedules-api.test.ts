/**
 * The schedules' and the SMTP server's API (issue 15, point 4), as the Reports screen calls it: a schedule added
 * through `reports/schedule-add` is listed with its cron in words and its next run in the center's zone, run by the
 * engine already running (no restart) and logged in `reports/runs`, then removed; each bad field refused at its
 * path; the SMTP password taken and never answered; all of it admin only.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualClock } from '../../src/core/clock';
import { openFloorboard, type Floorboard } from '../../src/core/floorboard';
import type { ReportRunView, ReportScheduleView, SmtpSettingsView } from '../../src/shared/api-reports';
import { ev, lines, T0 } from '../helpers/events';

// T0 is Monday 2 March 2026, 09:00 UTC; the center is in Jerusalem (UTC+2 in March)
const HOUR = 3600_000;
let fb: Floorboard;
let wall = manualClock(T0);
afterEach(() => fb?.close());

function open(): Floorboard {
  wall = manualClock(T0);
  fb = openFloorboard({ dbPath: ':memory:', runtime: 'node', version: 'test', wall, center: { timeZone: 'Asia/Jerusalem' }, tickMs: 3_600_000 });
  fb.engine.ingestNdjson('pbx', lines([ev.queued(0, 'v1'), ev.answered(10, 'v1')]));
  return fb;
}

async function call<T>(name: string, args: unknown, caller?: { role: 'viewer'; token: string; names: boolean }): Promise<T> {
  const r = await fb.dispatch(name as 'reports/schedules', args as Record<string, never>, caller);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { issues: r.error.issues });
  return r.value as T;
}
const issuesOf = async (name: string, args: unknown) => {
  try {
    await call(name, args);
  } catch (e) {
    return (e as { issues?: { path: string; message: string }[] }).issues ?? [];
  }
  throw new Error('not refused');
};

const weekly = (folder: string) => ({ name: 'weekly review', cron: '0 6 * * 1', period: 'last-week', formats: ['csv'], folder, recipients: ['manager@example.com'], settleMinutes: 30 });

describe('reports/schedule-add, schedules, runs, schedule-remove', () => {
  it('adds a schedule the running engine runs without a restart, lists it, logs its run, and removes it', async () => {
    open();
    const folder = mkdtempSync(join(tmpdir(), 'fb-sched-api-'));
    const added = await call<ReportScheduleView>('reports/schedule-add', weekly(folder));
    // the next Monday 06:00 in Jerusalem is 9 March 04:00 UTC; the run starts 30 minutes later
    expect(added).toMatchObject({ name: 'weekly review', description: 'Mondays at 06:00', period: 'last-week', formats: ['csv'], folder, recipients: ['manager@example.com'], keep: 8, settleMinutes: 30, agents: true, lastRun: null });
    expect(added.nextRunAt).toBe(Date.parse('2026-03-09T04:30:00Z'));
    expect(await call('reports/schedules', {})).toEqual({ timeZone: 'Asia/Jerusalem', schedules: [added] });

    wall.advance(7 * 24 * HOUR); // Monday 9 March 09:00 UTC: due at 04:00, settled at 04:30
    await vi.waitFor(async () => expect((await call<ReportRunView[]>('reports/runs', { name: 'weekly review' }))[0]?.status).toBe('done'));
    const [run] = await call<ReportRunView[]>('reports/runs', { name: 'weekly review' });
    // no SMTP server set: the files are written, the mail is logged as failed, saying how to set one
    expect(run).toMatchObject({ dueAt: Date.parse('2026-03-09T04:00:00Z'), status: 'done', error: null, folder: join(folder, 'weekly review', '2026-W10'), mailStatus: 'failed', mailError: expect.stringMatching(/no SMTP server is set/) });
    expect(readdirSync(run.folder!)).toContain('queues.csv');
    const [listed] = (await call<{ schedules: ReportScheduleView[] }>('reports/schedules', {})).schedules;
    expect(listed.lastRun).toEqual(run);
    expect(listed.nextRunAt).toBe(Date.parse('2026-03-16T04:30:00Z'));

    expect(await call('reports/schedule-remove', { name: 'weekly review' })).toEqual({ removed: 'weekly review' });
    expect(await call('reports/schedules', {})).toEqual({ timeZone: 'Asia/Jerusalem', schedules: [] });
    await expect(call('reports/runs', { name: 'weekly review' })).rejects.toThrow(/refused: no schedule named "weekly review"/);
    expect(readdirSync(run.folder!)).toContain('queues.csv'); // its files stay
  });

  it('refuses each bad field at its path, a taken name and an unwritable folder included', async () => {
    open();
    const folder = mkdtempSync(join(tmpdir(), 'fb-sched-api-'));
    const bad = { ...weekly('reports'), name: '../x', cron: 'every monday', formats: [], recipients: ['a@example.com', 'nobody'], keep: 0, settleMinutes: 2000 };
    expect((await issuesOf('reports/schedule-add', bad)).map((i) => i.path)).toEqual(['name', 'cron', 'formats', 'folder', 'recipients.1', 'keep', 'settleMinutes']);
    expect((await issuesOf('reports/schedule-add', bad)).find((i) => i.path === 'cron')?.message).toMatch(/"every monday" is not a cron pattern .*e\.g\. "0 6 \* \* 1"/);
    await call('reports/schedule-add', weekly(folder));
    expect(await issuesOf('reports/schedule-add', weekly(folder))).toEqual([{ path: 'name', message: 'a schedule of this name exists already' }]);
    const file = join(folder, 'a-file');
    writeFileSync(file, 'x');
    expect(await issuesOf('reports/schedule-add', { ...weekly(join(file, 'sub')), name: 'other' })).toEqual([{ path: 'folder', message: `${file} is a file, not a folder` }]);
  });
});

describe('reports/smtp-set, smtp-get, smtp-clear', () => {
  it('takes the password and never answers it; omitted, the stored one is kept for the same login', async () => {
    open();
    expect(await call('reports/smtp-get', {})).toBeNull();
    const set = await call<SmtpSettingsView>('reports/smtp-set', { host: 'smtp.example.com', port: 587, security: 'starttls', user: 'reports', password: 's3cret', from: 'floor@example.com' });
    expect(set).toEqual({ host: 'smtp.example.com', port: 587, security: 'starttls', user: 'reports', passwordSet: true, from: 'floor@example.com', updatedAt: T0 });
    expect(JSON.stringify(await call('reports/smtp-get', {}))).not.toContain('s3cret');
    expect((await call<SmtpSettingsView>('reports/smtp-set', { host: 'smtp2.example.com', port: 465, security: 'tls', user: 'reports', from: 'floor@example.com' })).passwordSet).toBe(true);
    expect((await call<SmtpSettingsView>('reports/smtp-set', { host: 'smtp2.example.com', port: 465, security: 'tls', user: 'other', from: 'floor@example.com' })).passwordSet).toBe(false);
    expect((await issuesOf('reports/smtp-set', { host: 'smtp example', port: 0, security: 'tls', from: 'floor' })).map((i) => i.path)).toEqual(['host', 'port', 'from']);
    expect(await call('reports/smtp-clear', {})).toEqual({ cleared: true });
    expect(await call('reports/smtp-get', {})).toBeNull();
  });

  it('is for an admin: a viewer is refused every schedule and SMTP method', async () => {
    open();
    const viewer = { role: 'viewer' as const, token: 'wall', names: false };
    for (const name of ['reports/schedules', 'reports/smtp-get', 'reports/runs', 'reports/schedule-remove']) {
      await expect(call(name, {}, viewer)).rejects.toThrow(/^forbidden/);
    }
  });
});
