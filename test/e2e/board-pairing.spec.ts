/**
 * A TV pairs itself against the real host: /board/floor opened with no credential shows a code, an admin binds it
 * (boards/pair with the admin secret), the page takes its board's address with the token and shows the board, no
 * cookie kept; revoking the screen (boards/revoke-screen) turns it into "access revoked" within 5 s. The pairing
 * page is screenshot to test-results/ to be read as from 5 m.
 */
import { expect, test } from '@playwright/test';
import { LATE_MORNING, startHost, type RunningHost } from '../helpers/host';
import { HostApi } from './pages/host-api';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost(['--simulate', '--speed', '10', ...LATE_MORNING]);
});
test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test('a board without a token pairs by its code, shows its board, and says when it is revoked', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${host.url}board/floor`);
  const code = page.getByTestId('board-pairing-code');
  await expect(code).toHaveText(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/, { timeout: 15_000 });
  await expect(page.getByTestId('board-pairing')).toContainText('Enter this code on the Boards screen of Floorboard');
  await expect(page.getByTestId('board-pairing-left')).toContainText(/Valid for (10m 00s|9m \d\ds)/);
  await page.screenshot({ path: 'test-results/board-pairing-1920x1080.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/board-pairing-1280x720.png' });

  const admin = new HostApi(host.url, host.adminSecret);
  await admin.call('boards/pair', { code: (await code.textContent()) ?? '', board: 'floor', screen: 'lobby-tv' });
  await expect(page.getByTestId('board')).toHaveAttribute('data-page', '0', { timeout: 10_000 });
  expect(new URL(page.url()).pathname).toBe('/board/floor');
  expect(new URL(page.url()).searchParams.get('token')).toMatch(/^fbv_/);
  expect(await page.context().cookies()).toEqual([]);

  await admin.call('boards/revoke-screen', { screen: 'lobby-tv' });
  await expect(page.getByTestId('board-revoked')).toContainText("This screen's access was revoked", { timeout: 5_000 });
  await page.screenshot({ path: 'test-results/board-revoked-1280x720.png' });
});
