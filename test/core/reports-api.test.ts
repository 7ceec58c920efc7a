/**
 * `reports/*` as a client calls them (issue 15, point 3): the preview's figures, an export's job from running to
 * done with its files, the periods and presets in the center's calendar, a bad period refused at its field, the
 * bounds on jobs. In-memory database: built in-process (a worker cannot open it; report-worker.test.ts runs workers).
 */
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualClock } from '../../src/core/clock';
import { openFloorboard, type Floorboard } from '../../src/core/floorboard';
import { KEEP_FINISHED, KEEP_MS, MAX_RUNNING } from '../../src/core/reports/report-jobs';
import { REPORT_FORMATS } from '../../src/core/reports/report-files';
import type { ReportJob } from '../../src/shared/api';
import { ev, lines, T0 } from '../helpers/events';

// T0 is Monday 2 March 2026, 09:00 UTC; the center's clock runs a week later, on Wednesday 11 March
const NOW = T0 + 9 * 86_400_000;
let fb: Floorboard;
const wall = manualClock(NOW);

function open(center = {}): Floorboard {
  fb = openFloorboard({ dbPath: ':memory:', runtime: 'node', version: 'test', wall, center: { timeZone: 'UTC', ...center }, tickMs: 3_600_000 });
  // week 2026-W10: v1 answered after 10 s (within 20), v2 abandoned at 4 s (short), v3 abandoned at 60 s; a chat
  fb.engine.ingestNdjson('pbx', lines([ev.queue('Billing', 'voice', 20), ev.queued(0, 'v1'), ev.answered(10, 'v1'), ev.ended(100, 'v1'), ev.wrapped(130, 'v1'), ev.queued(5, 'v2'), ev.abandoned(9, 'v2'), ev.queued(20, 'v3'), ev.abandoned(80, 'v3'), ev.queued(30, 'c1', 'Web', 'chat'), ev.answered(200, 'c1', 'a2'), ev.ended(900, 'c1')]));
  return fb;
}
afterEach(() => fb?.close());

async function call<T>(name: string, args: unknown): Promise<T> {
  const r = await fb.dispatch(name, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function finished(id: string): Promise<ReportJob> {
  let job!: ReportJob;
  await vi.waitFor(async () => {
    job = await call<ReportJob>('reports/job', { id });
    expect(job.state).not.toBe('running');
  });
  return job;
}

describe('reports/preview', () => {
  it("answers the period's summary, center and per channel, as metrics/window counts it", async () => {
    open();
    const p = await call<{ period: { label: string; from: number; to: number; timeZone: string }; empty: boolean; center: Record<string, number>; channels: Record<string, unknown>[]; formats: string[] }>('reports/preview', { period: { week: '2026-W10' } });
    expect(p.period).toEqual({ label: '2026-W10', from: Date.UTC(2026, 2, 2), to: Date.UTC(2026, 2, 9), timeZone: 'UTC' });
    expect(p.empty).toBe(false);
    // voice: answered 1 (within T) + abandoned 2, of which 1 short: SL = 1 / (1 + 2 - 1); chat answered after 170 s
    expect(p.center).toMatchObject({ offered: 4, answered: 2, abandoned: 2, shortAbandoned: 1, asaSeconds: (10 + 170) / 2, ahtSeconds: (120 + 700) / 2 });
    expect(p.channels.map((c) => [c.channel, c.offered, c.serviceLevel])).toEqual([['voice', 3, 0.5], ['chat', 1, expect.any(Number)]]);
    expect(p.formats).toEqual([...REPORT_FORMATS]);
    const window = await call<{ rows: Record<string, unknown>[] }>('metrics/window', { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' });
    const { key: _key, ...figures } = window.rows[0];
    expect(p.center).toMatchObject(figures);
  });

  it('keeps the scope: the union of its channels and queues', async () => {
    open();
    const p = await call<{ center: { offered: number } }>('reports/preview', { period: { from: '2026-03-02', to: '2026-03-09' }, scope: { channels: ['chat'], queues: [] } });
    expect(p.center.offered).toBe(1);
  });

  it("resolves the presets on the center's clock and calendar: a Sunday center's last week, last month", async () => {
    open({ weekStart: 'sunday' });
    // Wednesday 11 March: this week began Sunday 8 March (ISO 2026-W11 holds Monday 9), the last one on 1 March
    const period = async (preset: string) => (await call<{ period: { label: string; from: number; to: number } }>('reports/preview', { period: { preset } })).period;
    expect(await period('this-week')).toMatchObject({ label: '2026-W11', from: Date.UTC(2026, 2, 8), to: Date.UTC(2026, 2, 15) });
    expect(await period('last-week')).toMatchObject({ label: '2026-W10', from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 2, 8) });
    expect(await period('last-month')).toMatchObject({ label: '2026-02', from: Date.UTC(2026, 1, 1), to: Date.UTC(2026, 2, 1) });
  });

  it('refuses a bad period at its field, for the form to show it there', async () => {
    open();
    const refused = async (period: unknown) => {
      const r = await fb.dispatch('reports/preview' as string, { period });
      expect(r.ok).toBe(false);
      return r.ok ? [] : [r.error.code, r.error.issues];
    };
    expect(await refused({ from: '2026-03-09', to: '2026-03-02' })).toEqual(['invalid-args', [{ path: 'period.to', message: expect.stringMatching(/^the end day must be after the first day \(2026-03-09\)/) }]]);
    expect(await refused({ from: '2026-02-30', to: '2026-03-02' })).toEqual(['invalid-args', [{ path: 'period.from', message: '"2026-02-30" is not a date: write it as 2026-03-02' }]]);
    expect(await refused({ week: '2026-W54' })).toEqual(['invalid-args', [{ path: 'period.week', message: '2026-W54: the year 2026 has no week 54' }]]);
    expect(await refused({ from: '2025-01-01', to: '2026-03-02' })).toEqual(['invalid-args', [{ path: 'period.to', message: 'a report covers at most 366 days (this is 425)' }]]);
    expect(await refused({ week: '2026-W10', preset: 'last-week' })).toEqual(['invalid-args', [{ path: 'period', message: expect.stringContaining('give one of') }]]);
  });
});

describe('reports/export', () => {
  it('answers a running job at once; polled, it is done with its files, served by name', async () => {
    open();
    const job = await call<ReportJob>('reports/export', { period: { week: '2026-W10' }, formats: ['csv', 'xlsx'] });
    expect(job).toMatchObject({ state: 'running', progress: 0, files: [], folder: null, period: { label: '2026-W10' } });
    const done = await finished(job.id);
    expect(done).toMatchObject({ state: 'done', progress: 1, stage: 'done', error: null, expiresAt: NOW + KEEP_MS });
    expect(done.files.map((f) => f.name)).toEqual([
      'summary.csv', 'queues.csv', 'channels.csv', 'days.csv', 'standards.csv', 'intervals.csv', 'abandons.csv', 'alerts.csv', 'findings.csv', 'trend.csv', 'agents.csv', 'agents-not-ready.csv',
      'staffing.csv', 'coverage.csv', 'definitions.csv', 'calendars.csv', 'thresholds.csv', 'feeds.csv', 'feed-gaps.csv',
      'summary-standards.csv', 'consistency.csv', 'worst-intervals.csv',
      'report.xlsx',
    ]);
    const queues = fb.reports.file(job.id, 'queues.csv')!;
    expect(queues.bytes).toBe(done.files[1].bytes);
    // without agents: no agents' file
    const private_ = await finished((await call<ReportJob>('reports/export', { period: { week: '2026-W10' }, formats: ['csv'], agents: false })).id);
    expect(private_.files.map((f) => f.name)).not.toContain('agents.csv');
    const rows = parse(queues.content, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.queue, r.channel, r.offered])).toEqual([['Billing', 'voice', '3'], ['Web', 'chat', '1']]);
    expect(fb.reports.file(job.id, '../floor.db')).toBeNull();
    expect(fb.reports.file('nope', 'queues.csv')).toBeNull();
  });

  it('refuses no format, an unknown one, and an unknown job', async () => {
    open();
    for (const formats of [[], ['pdf2'], ['csv', 'csv']]) {
      const r = await fb.dispatch('reports/export', { period: { week: '2026-W10' }, formats });
      expect(r.ok ? null : r.error.issues?.[0]?.path, JSON.stringify(formats)).toMatch(/^formats/);
    }
    const r = await fb.dispatch('reports/job', { id: 'abc' });
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('no report job "abc"') } });
    // the desktop app alone shows folders: elsewhere the method is not served
    expect(await fb.dispatch('reports/reveal', { id: 'abc' })).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it(`builds ${MAX_RUNNING} at once, cancels one, and keeps ${KEEP_FINISHED} finished jobs for ${KEEP_MS / 60_000} minutes`, async () => {
    open();
    const ask = () => fb.dispatch('reports/export', { period: { week: '2026-W10' }, formats: ['csv'] });
    const first = await ask();
    const second = await ask();
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('being built already') } });
    const cancelled = await call<ReportJob>('reports/cancel', { id: (first as { value: ReportJob }).value.id });
    expect(cancelled.state).toBe('cancelled');
    expect((await finished((second as { value: ReportJob }).value.id)).state).toBe('done');
    expect(fb.reports.file(cancelled.id, 'queues.csv')).toBeNull(); // a cancelled job has no files
    const ids = [cancelled.id];
    for (let i = 0; i < KEEP_FINISHED; i++) ids.push((await finished((await call<ReportJob>('reports/export', { period: { week: '2026-W10' }, formats: ['csv'] })).id)).id);
    // the oldest finished jobs are forgotten beyond the count; the rest when their time is up
    expect((await fb.dispatch('reports/job', { id: cancelled.id })).ok).toBe(false);
    expect((await fb.dispatch('reports/job', { id: ids.at(-1)! })).ok).toBe(true);
    wall.advance(KEEP_MS + 1);
    expect((await fb.dispatch('reports/job', { id: ids.at(-1)! })).ok).toBe(false);
  });
});
