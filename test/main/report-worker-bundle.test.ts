/**
 * The desktop app's report worker is its own bundle (out/main/report-worker.js, built by electron-vite: `npm test`
 * builds before it runs the unit tests). A report written through it, every format: the bundle once failed to load
 * its PDF part (two `require`s in one module scope), which tests through tsx could not see.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../src/core/reports/report-files';
import { weekPeriod } from '../../src/core/reports/report-period';
import { workerRunner } from '../../src/core/reports/report-runner';
import { testEngine } from '../helpers/engine';
import { ev, lines, T0 } from '../helpers/events';
import { ROOT } from '../helpers/host';

const BUNDLE = join(ROOT, 'out', 'main', 'report-worker.js');

describe("the desktop app's report worker", () => {
  it('writes CSV, XLSX and PDF from its bundle', async () => {
    expect(existsSync(BUNDLE), `${BUNDLE} is missing: run "npm run build" first (npm test does)`).toBe(true);
    const dbPath = join(mkdtempSync(join(tmpdir(), 'fb-bundle-')), 'floor.db');
    const t = testEngine(T0 + 8 * 86_400_000, { timeZone: 'UTC' }, dbPath);
    t.engine.ingestNdjson('pbx', lines([ev.queue('Billing', 'voice', 20), ev.queued(0, 'a'), ev.answered(8, 'a'), ev.ended(90, 'a'), ev.queued(30, 'b'), ev.abandoned(90, 'b')]));
    t.close();
    const period = weekPeriod('2026-W10', { timeZone: 'UTC', resetHour: 0, weekStart: 'monday' });
    if (!period.ok) throw new Error(period.reason);
    const stages: string[] = [];
    const run = workerRunner({ dbPath, entry: { file: BUNDLE } })(
      { options: { period: period.period, scope: { channels: [], queues: [] }, shortAbandonSeconds: 5 }, formats: REPORT_FORMATS, created: T0 },
      (_p, stage) => stages.push(stage),
    );
    const result = await run.result;
    expect(result.center).toMatchObject({ offered: 2, answered: 1, abandoned: 1 });
    expect(Buffer.from(result.files['report.pdf']).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(result.files['report.xlsx']).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(String(result.files['queues.csv'])).toContain('2026-W10,Billing,voice,2,1,1,');
    expect(stages).toEqual(['building the figures', 'writing csv', 'writing xlsx', 'writing pdf', 'done']);
  }, 60_000);
});
