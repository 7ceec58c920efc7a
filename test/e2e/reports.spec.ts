import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LATE_MORNING, startHost, type RunningHost } from '../helpers/host';
import { ReportsPage } from './pages/reports-page';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost(['--simulate', '--speed', '10', ...LATE_MORNING]);
});
test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test('the Reports screen exports last week with progress, lists the files, and the browser downloads them', async ({ page }) => {
  const reports = new ReportsPage(page, host);
  await reports.goto();
  await expect(reports.navEntry()).toHaveAttribute('aria-current', 'page');
  // the host's clock is Tuesday 3 March 2026 (London): last week is 2026-W09, Monday 23 February to 2 March
  await expect(reports.summary).toContainText('2026-W09');
  await reports.setFormat('xlsx', true);
  await reports.export();
  await expect(reports.progress).toBeVisible();
  await expect(reports.job).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(reports.progress).toHaveAttribute('aria-valuenow', '100');
  // 22 CSV files (a section each: summary, queues, channels, days, standards, trend, intervals, abandons, alerts,
  // findings, agents x2, staffing, coverage, definitions, calendars, thresholds, feeds, feed gaps, summary against the
  // standards, consistency, worst intervals) and the workbook
  await expect(reports.files).toHaveCount(23);
  const names = await reports.files.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-file')));
  expect(names).toEqual(expect.arrayContaining(['summary.csv', 'queues.csv', 'staffing.csv', 'coverage.csv', 'definitions.csv', 'feed-gaps.csv', 'report.xlsx']));
  const download = await reports.download('queues.csv');
  expect(download.suggestedFilename()).toBe('queues.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.replace(/^\ufeff/, '')).toMatch(/^period,queue,channel,offered,answered,abandoned,/);
});

test('a bad period (the end before the start) is refused next to its field', async ({ page }) => {
  const reports = new ReportsPage(page, host);
  await reports.goto();
  await reports.choosePeriod('custom', { from: '2026-03-02', to: '2026-02-23' });
  await reports.export();
  await expect(reports.fieldError('to')).toContainText('the end day must be after the first day (2026-03-02)');
  await expect(page.getByTestId('report-to')).toHaveAttribute('aria-invalid', 'true');
  await expect(reports.job).toHaveCount(0);
});

test("this week's preview and export, as a supervisor sees it (docs/screenshot-reports.png)", async ({ page }) => {
  const reports = new ReportsPage(page, host);
  await reports.goto();
  await reports.choosePeriod('this-week');
  await reports.preview();
  await expect(reports.summary).toContainText('2026-W10');
  await expect(page.getByTestId('report-row').first()).toBeVisible();
  await reports.setFormat('xlsx', true);
  await reports.export();
  await expect(reports.job).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await page.screenshot({ path: 'docs/screenshot-reports.png' });
});

test('a schedule added on the screen is listed with its next run, refused fields are said at their place, and it is removed', async ({ page }) => {
  const reports = new ReportsPage(page, host);
  await reports.goto();
  await expect(reports.schedules).toContainText('No schedule yet.');
  await reports.addSchedule({ name: 'weekly review', folder: 'relative/folder', recipients: 'manager@example.com, nobody' });
  await expect(reports.scheduleError('folder')).toContainText('a full path of a folder on the host');
  await expect(reports.scheduleError('recipients')).toContainText('"nobody" is not a mail address');
  await page.getByTestId('schedule-folder').fill(mkdtempSync(join(tmpdir(), 'fb-e2e-schedules-')));
  await page.getByTestId('schedule-recipients').fill('manager@example.com');
  await page.getByTestId('schedule-add').click();
  // the host's clock is Tuesday 3 March 2026 (London): the next Monday 06:00 is 9 March, run an hour later
  const row = reports.scheduleRow('weekly review');
  await expect(row).toContainText('Mondays at 06:00');
  await expect(row).toContainText('9 Mar 2026, 07:00');
  await expect(row).toContainText('manager@example.com');
  await row.getByTestId('schedule-runs-button').click();
  await expect(page.getByTestId('schedule-runs-empty')).toBeVisible();
  await reports.schedules.screenshot({ path: 'docs/screenshot-report-schedules.png' });
  await reports.removeSchedule('weekly review');
  await expect(reports.scheduleRow('weekly review')).toHaveCount(0);
  await expect(reports.schedules).toContainText('No schedule yet.');
});
