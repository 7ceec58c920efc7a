import { expect, test } from '@playwright/test';
import { startHost, type RunningHost } from '../helpers/host';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost(['--simulate', '--speed', '10', '--time-zone', 'Europe/London']);
});
test.afterAll(async () => {
  expect(await host.stop()).toBe(0); // stops cleanly on SIGTERM
});

test('the floor view shows all four channels with live figures', async ({ page }) => {
  await page.goto(host.url);
  for (const channel of ['voice', 'chat', 'email', 'message']) {
    const tile = page.getByTestId(`channel-tile-${channel}`);
    await expect(tile).toBeVisible();
    await expect(tile.getByTestId('metric-sl')).toHaveText(/\d+%|—/);
    await expect(tile).toHaveAttribute('data-status', /ok|warn|alert|idle/);
  }
  // the simulated floor has been running since the start of the day: voice has answered contacts
  await expect(page.getByTestId('channel-tile-voice').getByTestId('metric-sl')).toHaveText(/\d+%/);
  await expect(page.getByText(/simulated/i).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/floor-light.png' });
});

test('tiles update at least once a second', async ({ page }) => {
  const frames: number[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', () => frames.push(Date.now())));
  await page.goto(host.url);
  await expect(page.getByTestId('channel-tile-voice')).toBeVisible();
  const offered = page.getByTestId('channel-tile-voice').getByTestId('metric-offered');
  const first = await offered.textContent();
  const start = Date.now();
  await page.waitForTimeout(3200);
  // at least one pushed snapshot per second...
  expect(frames.filter((t) => t >= start).length).toBeGreaterThanOrEqual(3);
  // ...and the figures on screen move (10x speed: several voice calls a second at this hour or not,
  // the clock in the header always does)
  const clock = page.getByTestId('center-clock');
  const c1 = await clock.textContent();
  await page.waitForTimeout(1100);
  expect(await clock.textContent()).not.toBe(c1);
  await expect.poll(async () => offered.textContent(), { timeout: 20_000 }).not.toBe(first);
});

test('the agent table sorts by a column when its header is clicked', async ({ page }) => {
  await page.goto(host.url);
  const table = page.getByTestId('agent-table');
  await expect(table.getByTestId('agent-row').first()).toBeVisible();
  const header = table.getByRole('columnheader', { name: /name/i });
  const names = async () => (await table.getByTestId('agent-row').locator('[data-column="name"]').allTextContents()).map((s) => s.trim());
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const asc = await names();
  expect(asc.length).toBeGreaterThan(3);
  expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b)));
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const desc = await names();
  expect(desc).toEqual([...desc].sort((a, b) => b.localeCompare(a)));
});

test('an invalid API payload is refused with a clear error', async ({ request }) => {
  const r = await request.post(new URL('api/metrics/window', host.url).toString(), { data: { from: 'yesterday', to: 3 } });
  expect(r.status()).toBe(400);
  const body = await r.json();
  expect(body.ok).toBe(false);
  expect(body.error.code).toBe('invalid-args');
  expect(body.error.message).toMatch(/from/);
});

test('a board whose host dies says its figures are frozen, and since when, instead of looking live', async ({ page }) => {
  const own = await startHost(['--simulate', '--speed', '10', '--time-zone', 'Europe/London']);
  try {
    await page.goto(own.url);
    const clock = page.getByTestId('center-clock');
    await expect(clock).toHaveText(/\d\d:\d\d/);
    await expect(page.getByTestId('frozen-banner')).toHaveCount(0);
    own.process.kill('SIGKILL');
    const banner = page.getByTestId('frozen-banner');
    await expect(banner).toBeVisible({ timeout: 20_000 });
    // frozen at the time the board's clock stopped at, on the center's clock
    await expect(banner).toContainText(`Figures frozen at ${await clock.textContent()}`);
    await expect(banner).toContainText('the link to the host is down');
    await expect(page.locator('main')).toHaveCSS('opacity', '0.45'); // greyed
    await page.screenshot({ path: 'test-results/floor-frozen.png' });
  } finally {
    await own.stop();
  }
});
