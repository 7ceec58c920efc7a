import { expect, test } from '@playwright/test';
import { CHANNELS } from '../../src/shared/api';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../src/shared/csp';
import { LATE_MORNING, startHost, type RunningHost } from '../helpers/host';
import { FloorPage } from './pages/floor-page';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost(['--simulate', '--speed', '10', ...LATE_MORNING]);
});
test.afterAll(async () => {
  expect(await host.stop()).toBe(0); // stops cleanly on SIGTERM
});

test('the floor view shows all four channels with live figures', async ({ page }) => {
  const floor = new FloorPage(page, host);
  await floor.goto();
  for (const channel of CHANNELS) {
    const tile = floor.channelTile(channel);
    await expect(tile).toBeVisible();
    await expect(floor.metric(tile, 'sl')).toHaveText(/\d+%|—/);
    await expect(tile).toHaveAttribute('data-status', /ok|warn|alert|idle/);
  }
  // the simulated floor has been running since the start of the day: voice has answered contacts
  await expect(floor.metric(floor.channelTile('voice'), 'sl')).toHaveText(/\d+%/);
  // every figure in the one format: "92%", "1,234", "45s", "21m 18s", "2h 34m" (never "21:18", a time of day)
  const figures = await page.locator('.metric__value').allTextContents();
  expect(figures.length).toBeGreaterThan(40);
  for (const f of figures) expect(f).toMatch(/^(—|\d+%|\d{1,3}(,\d{3})*|\d+s|\d+m \d\ds|\d+h \d\dm)$/);
  await expect(floor.simulatedLabel).toBeVisible();
  await page.screenshot({ path: 'test-results/floor-light.png' });
});

test('tiles update at least once a second', async ({ page }) => {
  const floor = new FloorPage(page, host);
  const frames: number[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', () => frames.push(Date.now())));
  await floor.goto();
  await expect(floor.channelTile('voice')).toBeVisible();
  const offered = floor.metric(floor.channelTile('voice'), 'offered');
  const first = await offered.textContent();
  const start = Date.now();
  // at least one pushed snapshot per second: three within 3.2 s (waited for, not slept through)...
  await expect.poll(() => frames.filter((t) => t >= start).length, { timeout: 3200, intervals: [100] }).toBeGreaterThanOrEqual(3);
  // ...and the figures on screen move (10x speed: several voice calls a second at this hour or not,
  // the clock in the header always does, within a second)
  const c1 = await floor.centerClock.textContent();
  await expect.poll(() => floor.centerClock.textContent(), { timeout: 1100, intervals: [100] }).not.toBe(c1);
  await expect.poll(async () => offered.textContent(), { timeout: 20_000 }).not.toBe(first);
});

test('the agent table sorts by a column when its header is clicked', async ({ page }) => {
  const floor = new FloorPage(page, host);
  await floor.goto();
  await expect(floor.agentRows.first()).toBeVisible();
  const header = floor.columnHeader(/name/i);
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const asc = await floor.agentNames();
  expect(asc.length).toBeGreaterThan(3);
  expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b)));
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const desc = await floor.agentNames();
  expect(desc).toEqual([...desc].sort((a, b) => b.localeCompare(a)));
});

test('an invalid API payload is refused with a clear error', async ({ request }) => {
  // deliberately outside the contract, so not through the typed HostApi
  const r = await request.post(new URL('api/metrics/window', host.url).toString(), { data: { from: 'yesterday', to: 3 }, headers: { authorization: `Bearer ${host.adminSecret}` } });
  expect(r.status()).toBe(400);
  const body = await r.json();
  expect(body.ok).toBe(false);
  expect(body.error.code).toBe('invalid-args');
  expect(body.error.message).toMatch(/from/);
});

test('a board whose host dies says its figures are frozen, and since when, instead of looking live', async ({ page }) => {
  const own = await startHost(['--simulate', '--speed', '10', ...LATE_MORNING]);
  try {
    const floor = new FloorPage(page, own);
    await floor.goto();
    await expect(floor.centerClock).toHaveText(/\d\d:\d\d/);
    await expect(floor.frozenBanner).toHaveCount(0);
    own.process.kill('SIGKILL');
    await expect(floor.frozenBanner).toBeVisible({ timeout: 20_000 });
    // frozen at the time the board's clock stopped at, on the center's clock
    await expect(floor.frozenBanner).toContainText(`Figures frozen at ${await floor.centerClock.textContent()}`);
    await expect(floor.frozenBanner).toContainText('the link to the host is down');
    await expect(floor.main).toHaveCSS('opacity', '0.45'); // greyed
    // the banner leaves the navigation and the clock in view and usable
    const banner = (await floor.frozenBanner.boundingBox())!;
    for (const part of [page.getByRole('navigation', { name: 'Screens' }), floor.centerClock]) {
      const box = (await part.boundingBox())!;
      expect(box.y + box.height <= banner.y || banner.y + banner.height <= box.y, 'banner clear of the header').toBe(true);
    }
    await page.screenshot({ path: 'test-results/floor-frozen.png' });
  } finally {
    await own.stop();
  }
});

test('the page carries the one Content-Security-Policy, as header and meta tag, and breaks nothing', async ({ page }) => {
  const floor = new FloorPage(page, host);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto(host.loginUrl);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await expect(floor.cspMeta).toHaveAttribute('content', CONTENT_SECURITY_POLICY_META);
  // the pushes arrive over the WebSocket and the chart draws: the policy lets the console work
  await expect(floor.metric(floor.channelTile('voice'), 'sl')).toHaveText(/\d+%/);
  await expect(floor.intradayChart.locator('canvas').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('the floor fits 1920x1080 without scrolling, chart axis and agents in view; at 1366x768 the header is one line', async ({ page }) => {
  const floor = new FloorPage(page, host);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await floor.goto();
  await expect(floor.metric(floor.channelTile('voice'), 'sl')).toHaveText(/\d+%/);
  await expect(floor.agentRows.first()).toBeVisible();
  await page.screenshot({ path: 'test-results/floor-1920x1080.png' });
  const layout = await floor.layout();
  expect(layout.scrollOverflow, 'nothing scrolls at 1920x1080').toBeLessThanOrEqual(0);
  // the chart's canvas (its time axis is drawn at its foot) ends inside the screen
  expect(layout.chartBottom).toBeLessThanOrEqual(1080);
  expect(layout.agentRowsInView).toBeGreaterThan(3);
  expect(layout.headerLines, 'the header on one row, nothing cut at its end').toBe(1);
  const figureAt1080 = await floor.metric(floor.channelTile('voice'), 'sl').evaluate((e) => e.getBoundingClientRect().height);
  // the README's pictures of the floor (docs/screenshot-floor-light.png has always held the dark theme)
  await page.screenshot({ path: 'docs/screenshot-floor.png' });
  await page.getByTestId('theme-toggle').click();
  await page.screenshot({ path: 'docs/screenshot-floor-light.png' });
  await page.getByTestId('theme-toggle').click();

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.waitForTimeout(300); // one layout after the resize
  await page.screenshot({ path: 'test-results/floor-1366x768.png' });
  await expect.poll(async () => (await floor.layout()).headerLines).toBe(1);
  // 4K at 100 % scaling: the 1080p layout drawn twice as large, not 18 px type on a screen twice as tall
  await page.setViewportSize({ width: 3840, height: 2160 });
  await expect.poll(async () => (await floor.layout()).scrollOverflow).toBeLessThanOrEqual(0);
  expect((await floor.layout()).headerLines).toBe(1);
  const figureAt4k = await floor.metric(floor.channelTile('voice'), 'sl').evaluate((e) => e.getBoundingClientRect().height);
  expect(figureAt4k / figureAt1080).toBeGreaterThan(1.9);
  await page.screenshot({ path: 'test-results/floor-3840x2160.png' });
});

test('tile explanations and the chart\'s details are reachable by keyboard', async ({ page }) => {
  const floor = new FloorPage(page, host);
  await floor.goto();
  await expect(floor.metric(floor.channelTile('voice'), 'sl')).toHaveText(/\d+%/);
  // Tab reaches the voice tile's service level: its explanation shows on focus
  const sl = floor.channelTile('voice').locator('.metric.explained').first();
  await sl.focus();
  await expect(sl).toBeFocused();
  expect(await sl.evaluate((el) => getComputedStyle(el, '::after').content)).toMatch(/Service level today/);
  // the chart takes focus and the arrows bring up an interval's tooltip
  await floor.intradayChart.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(floor.intradayChart.locator('div').filter({ hasText: /offered · SL/ }).first()).toBeVisible();
});

test('no view writes a duration in another format: no "20.0 s", "2.0 min", "26601.5s" or "2:21" figures', async ({ page }) => {
  const floor = new FloorPage(page, host);
  await floor.goto();
  await expect(floor.metric(floor.channelTile('voice'), 'sl')).toHaveText(/\d+%/);
  const OTHER_FORMATS = [/\b\d+(\.\d+)? ?(sec|secs|min|mins)\b/, /\b\d+\.\d+ ?s\b/, /\b\d{4,}s\b/, /\b\d+\.\d+ ?h\b/];
  for (const view of ['floor', 'standards', 'feeds', 'reports', 'access', 'boards', 'center'] as const) {
    if (view !== 'floor') await floor.navigate(view);
    await expect(page.getByTestId(`nav-${view}`)).toHaveAttribute('aria-current', 'page');
    await page.waitForTimeout(500); // the screen's first answers
    const text = await page.locator('body').innerText();
    for (const form of OTHER_FORMATS) expect(text.match(form)?.[0], `${view}: ${form}`).toBeUndefined();
  }
});
