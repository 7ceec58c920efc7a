/**
 * Wall boards read from another machine of the LAN: a Chromium in a network namespace this file makes
 * (test/helpers/netns.ts, lan-browser.ts) opens the boards of one real host listening on its side of the link.
 * - `floor` with its screen token at 1280x720, 1920x1080, 3840x2160 and 1080x1920: no scroll, no box out of its tile,
 *   no tile over another or the header (element boxes), the four channels, both pages, rotating 0 -> 1 -> 0 on a
 *   fake clock; no agent's name on the wire (floor hides them), no cookie kept. Screenshots to test-results/.
 * - a page of six tiles: its largest figure at least 5 % of the screen height, at the four sizes.
 * - no token: the page and a pairing code, nothing of the floor on the wire (HTTP bodies and WebSocket frames); the
 *   admin binds the code, the screen shows its board; revoked (by the CLI, on the database the host has open), it
 *   says so within 5 s and receives nothing more.
 * - another board's token at /board/floor: nothing of the floor either.
 * - a board that allows names gets them; saved to hide them, its open screen stops getting them.
 * Needs root and iproute2 (CI runs as root): without a namespace the file fails, saying why.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Board, BoardTile } from '../../src/shared/boards';
import { misfits, largestFigure } from '../helpers/board-layout';
import { floorDataIn, namesIn, recordWire, type Received } from '../helpers/board-wire';
import { LATE_MORNING, ROOT, startHost, type RunningHost } from '../helpers/host';
import { addressSeenFrom, launchLanBrowser } from '../helpers/lan-browser';
import { lanNamespace, type LanNamespace } from '../helpers/netns';
import { HostApi } from './pages/host-api';

let lan: LanNamespace | undefined;
let host: RunningHost | undefined;
let browser: Browser;
let admin: HostApi;
/** What the floor knows that no screen without its data may receive: its queues, its agents' names and ids. */
let floorNames: string[];
let agentNames: string[];
let floorBoard: Board;
/** Each board's screen, made on the host's database as `boards token create` prints it: its address with the token. */
let screens: Record<'floor' | 'six' | 'lobby' | 'team', string>;

const run = promisify(execFile);
const cli = async (...args: string[]): Promise<string> =>
  (await run(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args, '--db', host!.dbPath], { cwd: ROOT, encoding: 'utf8' })).stdout;

async function screenAddress(board: string, screen: string): Promise<string> {
  const path = new RegExp(`/board/${board}\\?token=\\S+`).exec(await cli('boards', 'token', 'create', board, '--name', screen))![0];
  return new URL(path, host!.url).href;
}

test.beforeAll(async () => {
  const made = lanNamespace();
  if ('unavailable' in made) throw new Error(`a LAN reader needs a network namespace: ${made.unavailable}`);
  lan = made;
  host = await startHost(['--simulate', '--speed', '10', ...LATE_MORNING, '--host', lan.hostAddress]);
  browser = await launchLanBrowser(lan);
  expect(await addressSeenFrom(browser, lan)).toBe(lan.peerAddress);
  admin = new HostApi(host.url, host.adminSecret);
  const floor = await admin.call('floor/snapshot', {});
  agentNames = floor.agents.map((a) => a.name);
  floorNames = [...floor.queues.map((q) => q.name), ...agentNames, ...floor.agents.map((a) => a.id)];
  expect(floor.queues.length).toBeGreaterThan(0);
  expect(agentNames.length).toBeGreaterThan(0);
  floorBoard = (await admin.call('boards/get', { name: 'floor' })).board;
  for (const board of [sixTiles(floorBoard), LOBBY, TEAM]) await admin.call('boards/save', { board });
  // one screen for the four sizes (one TV turned four ways), one for each other board; the CLI in parallel
  const [floorScreen, six, lobby, team] = await Promise.all([screenAddress('floor', 'lan wall'), screenAddress('six', 'six tiles'), screenAddress('lobby', 'lobby tv'), screenAddress('team', 'team tv')]);
  screens = { floor: floorScreen, six, lobby, team };
});
test.afterAll(async () => {
  try {
    await browser?.close();
    if (host) expect(await host.stop()).toBe(0);
  } finally {
    lan?.remove();
  }
});

/** `floor`'s first page less its alerts: the headline, the four channels and the waiting contacts. */
function sixTiles(floor: Board): Board {
  const tiles: BoardTile[] = floor.pages[0].tiles.filter((t) => t.kind !== 'alerts').map((t) => (t.kind === 'waiting' ? { ...t, columnSpan: 12 } : t));
  return { ...floor, name: 'six', title: 'Six tiles', pages: [{ ...floor.pages[0], tiles }] };
}

const onePage = (name: string, showNames: boolean, tile: BoardTile): Board => ({
  name,
  title: name,
  theme: 'dark',
  showNames,
  jumpOnBreach: false,
  pages: [{ title: name, columns: 12, rows: 6, dwellSeconds: 30, tiles: [tile] }],
});
/** Another board, with nothing of the floor's figures on it. */
const LOBBY = onePage('lobby', false, { kind: 'message', column: 1, row: 1, columnSpan: 12, rowSpan: 6, text: 'Welcome to the floor' });
/** A board that shows agents by name. */
const TEAM = onePage('team', true, { kind: 'agents', column: 1, row: 1, columnSpan: 12, rowSpan: 6 });

async function lanPage(width: number, height: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height } });
  return { context, page: await context.newPage() };
}

const frames = (received: readonly Received[]) => received.filter((r) => r.what.startsWith('ws frame'));

const SIZES = [
  [1280, 720],
  [1920, 1080],
  [3840, 2160],
  [1080, 1920],
] as const;

for (const [width, height] of SIZES) {
  test(`floor from a LAN screen at ${width}x${height}: fits both pages, rotates, no agent names`, async () => {
    const { context, page } = await lanPage(width, height);
    const wire = recordWire(page);
    await page.clock.install();
    await page.goto(screens.floor);
    const board = page.getByTestId('board');
    await expect(board).toHaveAttribute('data-page', '0', { timeout: 15_000 });
    await expect(page.getByTestId('board-tile-channel')).toHaveCount(4);
    // nothing to point at or tab to
    expect(await page.locator('a, button, input, select, textarea, [tabindex]').count()).toBe(0);
    expect(await page.evaluate<string>("getComputedStyle(document.querySelector('.board')).cursor")).toBe('none');
    expect(await misfits(page)).toEqual([]);
    await page.screenshot({ path: `test-results/board-floor-${width}x${height}-page1.png` });
    // the README's pictures of a wall board, taken as a TV shows them
    if (height === 1080 || height === 2160) await page.screenshot({ path: `docs/screenshot-board-${height === 1080 ? '1080p' : '4k'}.png` });

    await page.clock.runFor(floorBoard.pages[0].dwellSeconds * 1000);
    await expect(board).toHaveAttribute('data-page', '1');
    await expect(page.getByTestId('board-tile-agents')).toHaveCount(1);
    await page.waitForTimeout(300); // the chart draws on its next frame
    expect(await misfits(page)).toEqual([]);
    await page.screenshot({ path: `test-results/board-floor-${width}x${height}-page2.png` });
    await page.clock.runFor(floorBoard.pages[1].dwellSeconds * 1000);
    await expect(board).toHaveAttribute('data-page', '0');

    // the token stays in the address (a TV's browser may forget cookies) and no cookie is kept
    expect(new URL(page.url()).searchParams.get('token')).toMatch(/^fbv_/);
    expect(await context.cookies()).toEqual([]);
    const received = await wire.settle();
    expect(frames(received).length).toBeGreaterThan(0);
    expect(floorBoard.showNames).toBe(false);
    expect(namesIn(received, agentNames)).toEqual([]);
    await context.close();
  });
}

test('a page of six tiles: its largest figure is at least 5 % of the screen height at every size', async () => {
  expect((await admin.call('boards/get', { name: 'six' })).board.pages[0].tiles).toHaveLength(6);
  const { context, page } = await lanPage(1280, 720);
  await page.goto(screens.six);
  await expect(page.getByTestId('board-tile-channel')).toHaveCount(4, { timeout: 15_000 });
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(200); // the fitted lists measure on their next frame
    expect(await misfits(page), `${width}x${height}`).toEqual([]);
    const largest = await largestFigure(page);
    console.info(`six tiles at ${width}x${height}: "${largest.text}" in ${largest.fontSize.toFixed(1)} px type, ${((100 * largest.fontSize) / height).toFixed(1)} % of the height`);
    expect(largest.fontSize, `${width}x${height}: "${largest.text}"`).toBeGreaterThanOrEqual(0.05 * height);
  }
  await context.close();
});

test('no token: the page and its code, nothing of the floor; paired, its board; revoked, it says so within 5 s', async () => {
  const { context, page } = await lanPage(1920, 1080);
  const wire = recordWire(page);
  await page.goto(`${host!.url}board/floor`);
  const code = page.getByTestId('board-pairing-code');
  await expect(code).toHaveText(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/, { timeout: 15_000 });
  await expect(page.getByTestId('board-pairing')).toContainText('Enter this code on the Boards screen of Floorboard');
  await expect(page.getByTestId('board-pairing-left')).toContainText(/Valid for (10m 00s|9m \d\ds)/);
  await page.screenshot({ path: 'test-results/board-pairing-1920x1080.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/board-pairing-1280x720.png' });
  // the simulated floor pushes every second: a socket that carried it would have had some by now
  await page.waitForTimeout(2_500);
  const unpaired = [...(await wire.settle())];
  expect(unpaired.some((r) => r.what.includes('/api/floor/snapshot'))).toBe(true);
  expect(floorDataIn(unpaired, floorNames)).toEqual([]);
  expect(frames(unpaired)).toEqual([]);

  await admin.call('boards/pair', { code: (await code.textContent()) ?? '', board: 'floor', screen: 'lan-tv' });
  await expect(page.getByTestId('board')).toHaveAttribute('data-page', '0', { timeout: 10_000 });
  expect(new URL(page.url()).pathname).toBe('/board/floor');
  expect(new URL(page.url()).searchParams.get('token')).toMatch(/^fbv_/);
  expect(await context.cookies()).toEqual([]);
  // what the recorder would have caught: the paired screen's frames carry the floor
  await expect.poll(async () => floorDataIn(frames(await wire.settle()), []).length).toBeGreaterThan(0);

  // by the CLI, another process on the database the host has open: it has written the revocation when it answers
  const asked = Date.now();
  await cli('boards', 'token', 'revoke', 'lan-tv');
  const revokedAt = Date.now();
  await expect(page.getByTestId('board-revoked')).toContainText("This screen's access was revoked", { timeout: 5_000 });
  const shownAt = Date.now();
  console.info(`revoked by the CLI (${revokedAt - asked} ms to run it): said on the LAN screen ${shownAt - revokedAt} ms after it answered`);
  expect(shownAt - revokedAt).toBeLessThanOrEqual(5_000);
  await page.screenshot({ path: 'test-results/board-revoked-1280x720.png' });
  await page.waitForTimeout(2_500);
  const afterwards = (await wire.settle()).filter((r) => r.at > shownAt);
  expect(floorDataIn(afterwards, floorNames)).toEqual([]);
  expect(frames(afterwards)).toEqual([]);
  expect(wire.sockets.every((s) => s.isClosed())).toBe(true);
  await context.close();
});

test("another board's token gets nothing of the floor at /board/floor", async () => {
  const { context, page } = await lanPage(1920, 1080);
  const wire = recordWire(page);
  await page.goto(screens.lobby.replace('/board/lobby?', '/board/floor?'));
  await expect(page.getByTestId('board-waiting')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('board')).toHaveCount(0);
  await page.waitForTimeout(2_500);
  const received = await wire.settle();
  expect(frames(received).length).toBeGreaterThan(0); // its own board's (empty) snapshots
  expect(floorDataIn(received, floorNames)).toEqual([]);
  await context.close();
});

test('agents’ names reach a board that allows them, and stop when it no longer does', async () => {
  const { context, page } = await lanPage(1920, 1080);
  const wire = recordWire(page);
  await page.goto(screens.team);
  await expect(page.getByTestId('board-tile-agents')).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => namesIn(frames(await wire.settle()), agentNames).length).toBeGreaterThan(0);

  await admin.call('boards/save', { board: { ...TEAM, showNames: false } });
  const hiddenAt = Date.now();
  // a screen's socket takes its board's new view at the next credential check (every 2 s)
  await expect.poll(() => frames(wire.received).filter((r) => r.at > hiddenAt && namesIn([r], agentNames).length === 0).length, { timeout: 6_000 }).toBeGreaterThan(0);
  const firstWithout = frames(wire.received).find((r) => r.at > hiddenAt && namesIn([r], agentNames).length === 0)!.at;
  await page.waitForTimeout(2_000);
  const afterwards = frames(await wire.settle()).filter((r) => r.at >= firstWithout);
  expect(afterwards.length).toBeGreaterThan(0);
  expect(namesIn(afterwards, agentNames)).toEqual([]);
  await context.close();
});

test('a board the host does not have shows its waiting page, not the console', async () => {
  const { context, page } = await lanPage(1280, 720);
  await page.goto(host!.loginUrl);
  await page.goto(`${host!.url}board/no-such-board`);
  await expect(page.getByTestId('board-waiting')).toBeVisible();
  await expect(page.getByTestId('board')).toHaveCount(0);
  await context.close();
});
