import { expect, test } from '@playwright/test';
import { LATE_MORNING, startHost, type RunningHost } from '../helpers/host';
import { HostApi } from './pages/host-api';
import { StandardsPage } from './pages/standards-page';
import { FloorPage } from './pages/floor-page';

let host: RunningHost;

test.beforeAll(async () => {
  // eight times the voice calls from now on: the voice service level falls below its expected tier
  host = await startHost(['--simulate', '--speed', '30', ...LATE_MORNING, '--surge', 'voice,0,60,8']);
  // only the voice standard: the other defaults may breach on the simulated floor too, and their alerts would come
  // and go while the test acknowledges
  const api = new HostApi(host.url, host.adminSecret);
  const { set } = await api.call('standards/get', {});
  const saved = await api.envelope('standards/save', { set: { ...set, standards: set.standards.filter((x) => x.id === 'voice-service-level') }, note: 'voice only' });
  expect(saved.ok).toBe(true);
});
test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test('a scripted surge raises one voice alert in the badge; acknowledging it clears the badge', async ({ page }) => {
  test.setTimeout(120_000);
  const standards = new StandardsPage(page, host);
  await standards.goto();
  const voiceAlert = standards.alerts('Voice: 80 % answered within 20 s');
  await expect(voiceAlert).toHaveCount(1, { timeout: 90_000 });
  await expect(standards.alerts()).toHaveCount(1);
  await expect(voiceAlert).toContainText(/below expected since \d\d:\d\d/);
  const badge = standards.alertBadge;
  await expect(badge).toHaveClass(/alert-badge--active/);
  await page.screenshot({ path: 'test-results/alerts-open.png' });

  // acknowledge it: the badge stops counting it; it stays listed until its breach clears
  await expect(standards.acknowledgeButtons).toHaveCount(1);
  await standards.acknowledgeButtons.click();
  await expect(standards.acknowledgeButtons).toHaveCount(0);
  await expect(badge).toHaveAttribute('data-count', '0');
  await expect(badge).not.toHaveClass(/alert-badge--active/);
  await expect(voiceAlert).toContainText(/acknowledged/);

  // the floor's voice tile shows the breach too
  await standards.navigate('floor');
  await expect(new FloorPage(page, host).channelTile('voice')).toHaveAttribute('data-status', 'alert');
});
