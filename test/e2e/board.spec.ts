/**
 * The `floor` board a new center gets, on a wall: at 1280x720, 1920x1080, 3840x2160 and 1080x1920 the page does not
 * scroll, every tile lies on the screen and nothing inside a tile leaves its box, both pages. Screenshots go to
 * test-results/ to be looked at (readable from 5 m?). Needs the boards API (boards/get) on the host.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { LATE_MORNING, ROOT, startHost, type RunningHost } from '../helpers/host';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost(['--simulate', '--speed', '10', ...LATE_MORNING]);
});
test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

const SIZES = [
  [1280, 720],
  [1920, 1080],
  [3840, 2160],
  [1080, 1920],
] as const;

/**
 * What does not fit: a scroll, a tile off the screen, an element outside its tile (tickers move on purpose). A
 * string, run in the page: this project's Node typecheck has no DOM types, on purpose.
 */
const MISFITS = `(() => {
  const found = [];
  const root = document.documentElement;
  if (root.scrollHeight > innerHeight || root.scrollWidth > innerWidth) found.push('page scrolls: ' + root.scrollWidth + 'x' + root.scrollHeight);
  for (const tile of document.querySelectorAll('.board-tile')) {
    const box = tile.getBoundingClientRect();
    if (box.left < 0 || box.top < 0 || box.right > innerWidth || box.bottom > innerHeight) found.push(tile.dataset.testid + ' off the screen');
    for (const element of tile.querySelectorAll('.board-tile__head *, .board-tile__body *')) {
      if (element.closest('.board-ticker__track')) continue;
      const r = element.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) found.push(tile.dataset.testid + ': ' + (element.className || element.tagName) + ' outside its tile');
    }
  }
  return found;
})()`;

const misfits = (page: Page): Promise<string[]> => page.evaluate(MISFITS);

/** The first page's dwell, as the host's board says. */
const FIRST_DWELL = `fetch('/api/boards/get', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"floor"}' })
  .then((answer) => answer.json())
  .then((envelope) => envelope.value.board.pages[0].dwellSeconds)`;

for (const [width, height] of SIZES) {
  test(`the floor board fits ${width}x${height} without scroll or clipping, both pages`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.clock.install();
    // an admin's session (the login link's cookie), as the Boards screen's preview has it
    await page.goto(host.loginUrl);
    await page.goto(`${host.url}board/floor`);
    const board = page.getByTestId('board');
    await expect(board).toHaveAttribute('data-page', '0', { timeout: 15_000 });
    await expect(page.getByTestId('board-tile-channel')).toHaveCount(4);
    // nothing to point at or tab to
    expect(await page.locator('a, button, input, select, textarea, [tabindex]').count()).toBe(0);
    expect(await page.evaluate<string>("getComputedStyle(document.querySelector('.board')).cursor")).toBe('none');
    expect(await misfits(page)).toEqual([]);
    await page.screenshot({ path: `test-results/board-floor-${width}x${height}-page1.png` });

    const dwell = await page.evaluate<number>(FIRST_DWELL);
    await page.clock.runFor(dwell * 1000);
    await expect(board).toHaveAttribute('data-page', '1');
    await page.waitForTimeout(300); // the chart draws on its next frame
    expect(await misfits(page)).toEqual([]);
    await page.screenshot({ path: `test-results/board-floor-${width}x${height}-page2.png` });
  });
}

test("a TV's screen token in the address shows its board, cut to it, with no cookie kept", async ({ page }) => {
  const made = execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), 'boards', 'token', 'create', 'floor', '--name', 'lobby tv', '--db', host.dbPath], { cwd: ROOT, encoding: 'utf8' });
  const path = /\/board\/floor\?token=\S+/.exec(made)![0];
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${host.url}${path.slice(1)}`);
  await expect(page.getByTestId('board')).toHaveAttribute('data-page', '0', { timeout: 15_000 });
  await expect(page.getByTestId('board-tile-channel')).toHaveCount(4);
  expect(await page.context().cookies()).toEqual([]);
  expect(page.url()).toContain('token=fbv_');
});

test('a board the host does not have shows its waiting page, not the console', async ({ page }) => {
  await page.goto(host.loginUrl);
  await page.goto(`${host.url}board/no-such-board`);
  await expect(page.getByTestId('board-waiting')).toBeVisible();
  await expect(page.getByTestId('board')).toHaveCount(0);
});
