import { expect, test } from '@playwright/test';
import { LATE_MORNING, startHost, type RunningHost } from '../helpers/host';
import { AccessPage } from './pages/access-page';
import { FloorPage } from './pages/floor-page';
import { HostApi } from './pages/host-api';
import { StandardsPage } from './pages/standards-page';

let host: RunningHost;

test.beforeAll(async () => {
  // a voice surge: an alert opens within seconds, so the viewer's missing Acknowledge is checked against a real one
  host = await startHost(['--simulate', '--speed', '30', ...LATE_MORNING, '--surge', 'voice,0,60,8']);
  const api = new HostApi(host.url, host.adminSecret);
  const { set } = await api.call('standards/get', {});
  const saved = await api.envelope('standards/save', { set: { ...set, standards: set.standards.filter((x) => x.id === 'voice-service-level') }, note: 'voice only' });
  expect(saved.ok).toBe(true);
});
test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test('the admin login URL lands on the floor, and the token leaves the address bar', async ({ page }) => {
  await page.goto(host.loginUrl);
  const floor = new FloorPage(page, host);
  await expect(floor.channelTile('voice')).toBeVisible();
  expect(page.url()).not.toContain('token=');
  expect(page.url()).not.toContain(host.adminSecret);
  await expect(new AccessPage(page, host).navEntry('access')).toBeVisible();
});

test('a page opened without any credential shows the sign-in screen, not a reconnect loop', async ({ page }) => {
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto(host.url);
  const access = new AccessPage(page, host);
  await expect(access.signIn).toBeVisible();
  await expect(access.signIn).toHaveAttribute('data-reason', 'not-signed-in');
  await expect(access.signIn).toContainText('access admin login-url');
  await expect(page.getByTestId('loading')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/sign-in.png' });
  // the first socket (refused at its upgrade) is the only one: the page stopped trying
  expect(sockets.length).toBeLessThanOrEqual(1);
});

test('an admin makes a viewer link; the viewer reads pseudonyms without admin controls; revoking ends it within 5 s', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // the admin waits for the surge's alert, to compare with the viewer's view of it
  const standards = new StandardsPage(page, host);
  await standards.goto();
  await expect(standards.acknowledgeButtons).toHaveCount(1, { timeout: 90_000 });

  const access = new AccessPage(page, host);
  await access.navigate('access');
  await access.createToken('wall 1', { days: 30 });
  await expect(access.newToken).toContainText('shown this once');
  const link = await access.newTokenLink();
  expect(link).toMatch(new RegExp(`^${host.url.replace(/\/$/, '')}/\\?token=fbv_`));
  await expect(access.tokenRow('wall 1')).toContainText('pseudonyms');
  await expect(access.tokenRow('wall 1')).toContainText('in 30 days');
  await page.screenshot({ path: 'test-results/access.png' });

  const viewerContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const viewerPage = await viewerContext.newPage();
    await viewerPage.goto(link);
    const viewer = new AccessPage(viewerPage, host);
    const viewerFloor = new FloorPage(viewerPage, host);
    await expect(viewerFloor.agentRows.first()).toBeVisible();
    expect(viewerPage.url()).not.toContain('token=');
    await expect(viewer.sessionBadge).toHaveText('Viewer: wall 1');
    const names = await viewerFloor.agentNames();
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) expect(name).toMatch(/^Agent \d+$/);
    await expect(viewer.navEntry('feeds')).toHaveCount(0);
    await expect(viewer.navEntry('access')).toHaveCount(0);
    await viewerPage.screenshot({ path: 'test-results/viewer-floor.png' });

    await viewer.navigate('standards');
    const viewerStandards = new StandardsPage(viewerPage, host);
    await expect(viewerStandards.alerts()).toHaveCount(1);
    await expect(viewerStandards.acknowledgeButtons).toHaveCount(0);
    await expect(viewerPage.getByTestId('edit-voice-service-level')).toHaveCount(0);
    await viewerPage.screenshot({ path: 'test-results/viewer-standards.png' });

    await access.revoke('wall 1');
    await expect(access.tokenRow('wall 1')).toHaveCount(0);
    await expect(viewer.signIn).toBeVisible({ timeout: 5_000 });
    await expect(viewer.signIn).toHaveAttribute('data-reason', 'access-ended');
    await viewerPage.screenshot({ path: 'test-results/access-ended.png' });
  } finally {
    await viewerContext.close();
  }
});
