import { expect, test } from '@playwright/test';
import { lateMorningZone, startHost, type RunningHost } from '../helpers/host';

let host: RunningHost;

test.beforeAll(async () => {
  // eight times the voice calls from now on: the voice service level falls below its expected tier
  host = await startHost(['--simulate', '--speed', '30', '--time-zone', lateMorningZone(), '--surge', 'voice,0,60,8']);
  // only the voice standard: the other defaults may breach on the simulated floor too, and their alerts would come
  // and go while the test acknowledges
  const call = async (name: string, args: unknown) => (await (await fetch(new URL(`api/${name}`, host.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) })).json()) as { ok: boolean; value: { set: { standards: { id: string }[] } } };
  const { value } = await call('standards/get', {});
  const saved = await call('standards/save', { set: { ...value.set, standards: value.set.standards.filter((x) => x.id === 'voice-service-level') }, note: 'voice only' });
  expect(saved.ok).toBe(true);
});
test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test('a scripted surge raises one voice alert in the badge; acknowledging it clears the badge', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${host.url}/#/standards`);
  const voiceAlert = page.locator('[data-testid^="alert-"]', { hasText: 'Voice: 80 % answered within 20 s' });
  await expect(voiceAlert).toHaveCount(1, { timeout: 90_000 });
  await expect(page.locator('[data-testid^="alert-"]:not([data-testid^="alert-badge"])')).toHaveCount(1);
  await expect(voiceAlert).toContainText(/below expected since \d\d:\d\d/);
  const badge = page.getByTestId('alert-badge');
  await expect(badge).toHaveClass(/alert-badge--active/);
  await page.screenshot({ path: 'test-results/alerts-open.png' });

  // acknowledge it: the badge stops counting it; it stays listed until its breach clears
  await expect(page.locator('[data-testid^="ack-"]')).toHaveCount(1);
  await page.locator('[data-testid^="ack-"]').click();
  await expect(page.locator('[data-testid^="ack-"]')).toHaveCount(0);
  await expect(badge).toHaveAttribute('data-count', '0');
  await expect(badge).not.toHaveClass(/alert-badge--active/);
  await expect(voiceAlert).toContainText(/acknowledged/);

  // the floor's voice tile shows the breach too
  await page.getByTestId('nav-floor').click();
  await expect(page.getByTestId('channel-tile-voice')).toHaveAttribute('data-status', 'alert');
});
