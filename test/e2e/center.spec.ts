import { expect, test } from '@playwright/test';
import { LATE_MORNING, startHost, type RunningHost } from '../helpers/host';
import { CenterPage } from './pages/center-page';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost(['--simulate', '--speed', '10', ...LATE_MORNING]);
});
test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test('the Center screen stores the calendar for every process, says it waits for a restart, and refuses a bad zone by its field', async ({ page }) => {
  const center = new CenterPage(page, host);
  await center.goto();
  await expect(center.field('time-zone')).toHaveValue('Europe/London');
  await center.field('time-zone').fill('Mars/Olympus');
  await center.save();
  await expect(center.fieldError('timeZone')).toContainText('unknown time zone "Mars/Olympus"');
  await center.field('time-zone').fill('Asia/Jerusalem');
  await center.field('week-start').selectOption('sunday');
  await center.field('name').fill('Anonymous Bank');
  await center.save();
  await expect(center.saved).toBeVisible();
  // the zone stays Europe/London while `serve --time-zone` says so: only the name and the week start wait for a restart
  await expect(center.restartNotice).toContainText('applied when Floorboard next starts (the desktop app, or the host’s serve): name Anonymous Bank (now Simulated center), week starts on Sunday (now Monday).');
  await page.screenshot({ path: 'test-results/center.png' });
  // another process on the database (the CLI, the next start) reads what the screen stored
  const stored = await center.api.call('center/get', {});
  expect(stored.stored).toEqual({ name: 'Anonymous Bank', timeZone: 'Asia/Jerusalem', resetHour: 0, weekStart: 'sunday' });
  expect(stored.inUse.timeZone).toBe('Europe/London');
  await page.reload();
  await expect(center.field('time-zone')).toHaveValue('Asia/Jerusalem');
});
