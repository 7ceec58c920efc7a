import { expect, test } from '@playwright/test';
import { PAIRING_ROUTES } from '../../src/shared/api-boards';
import { LATE_MORNING, startHost, type RunningHost } from '../helpers/host';
import { BoardsPage } from './pages/boards-page';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost(['--simulate', '--speed', '10', ...LATE_MORNING]);
});
test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test('the admin edits floor: the preview follows, a bad tile is refused at its path, a save is version + 1 (docs/screenshot-boards.png)', async ({ page }) => {
  const boards = new BoardsPage(page, host);
  await boards.goto();
  await expect(boards.editor).toBeVisible();
  const before = (await boards.api.call('boards/get', { name: 'floor' })).version;
  await expect(boards.boardRow('floor')).toContainText(String(before));

  await boards.setTitle('Sales floor');
  await expect(boards.preview.getByTestId('preview-title')).toHaveText('Sales floor');
  await expect(boards.preview.getByTestId('board-tile-channel').first()).toBeVisible();

  // a second headline on the first tile's cells: the host refuses it, at its path
  const text = await boards.yaml.inputValue();
  await boards.yaml.fill(text.replace(/tiles:\n/, 'tiles:\n      - { kind: message, column: 1, row: 1, columnSpan: 1, rowSpan: 1, text: overlap }\n'));
  await boards.save();
  await expect(page.getByTestId('board-issue').first()).toContainText(/^pages\.0\.tiles\.\d+: overlaps/);
  expect((await boards.api.call('boards/get', { name: 'floor' })).version).toBe(before);

  await boards.yaml.fill(text);
  await boards.save();
  await expect(boards.saved).toHaveText(`Saved: version ${before + 1}`);
  const after = await boards.api.call('boards/get', { name: 'floor' });
  expect(after.version).toBe(before + 1);
  expect(after.board.title).toBe('Sales floor');
  await expect(boards.boardRow('floor')).toContainText(String(before + 1));
  // the screen as the admin first sees it: the boards, the editor beside the preview
  await page.getByTestId('nav-boards').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshot-boards.png' });
});

test('the admin pairs a screen by the code it shows, then revokes it', async ({ page, request }) => {
  const boards = new BoardsPage(page, host);
  await boards.goto();
  await boards.pair('ZZZ-ZZZ', 'floor', 'lobby tv');
  await expect(boards.pairCodeError).toContainText('no screen is showing the code');

  // the TV's side (a board page opened without a token) asks for a code; the admin types it as shown, in lower case
  const started = await request.post(new URL(PAIRING_ROUTES.start, host.url).toString());
  expect(started.ok()).toBe(true);
  const { code, secret } = (await started.json()) as { code: string; secret: string };
  await boards.pair(code.toLowerCase(), 'floor', 'lobby tv');
  await expect(boards.screenRow('lobby tv')).toContainText('floor');
  await expect(boards.pairCodeError).toHaveCount(0);
  const status = await request.get(new URL(`${PAIRING_ROUTES.status}?code=${encodeURIComponent(code)}&secret=${encodeURIComponent(secret)}`, host.url).toString());
  expect(((await status.json()) as { state: string }).state).toBe('paired');

  await boards.revokeScreen('lobby tv');
  await expect(boards.screenRow('lobby tv')).toHaveCount(0);
  expect(await boards.api.call('boards/screens', {})).toEqual([]);
});
