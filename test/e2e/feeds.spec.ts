/**
 * The Feeds screen against the real headless host: a queue_log file tailed live, a Twilio webhook refusing an
 * unsigned post, a feed added, paused and removed from the form, and the Anonymous Bank month imported from the
 * file picker with its progress and summary.
 */
import { expect, test } from '@playwright/test';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BANK_FILE, ROOT, startHost, type RunningHost } from '../helpers/host';

const SAMPLE = readFileSync(join(ROOT, 'test', 'fixtures', 'queue_log', 'sample.log'), 'utf8').split('\n').filter(Boolean);
const dir = mkdtempSync(join(tmpdir(), 'floorboard-feeds-e2e-'));
const queueLog = join(dir, 'queue_log');
let host: RunningHost;

test.beforeAll(async () => {
  writeFileSync(queueLog, SAMPLE.slice(0, 50).join('\n') + '\n');
  process.env.FLOORBOARD_TOKEN_TWILIO = 'e2e-twilio-auth-token';
  host = await startHost(['--no-simulate', '--time-zone', 'UTC', '--feed', `pbx=queue_log:${queueLog}`, '--feed', 'twilio=taskrouter:webhook']);
});
test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test('a tailed queue_log shows its counts live, and its quarantined lines with reasons', async ({ page }) => {
  await page.goto(`${host.url}#/feeds`);
  const row = page.getByTestId('feed-row-pbx');
  await expect(page.getByTestId('feed-state-pbx')).toContainText(/running/i);
  // the first 50 lines of the sample: lines 42 and 49 are malformed
  await expect(page.getByTestId('feed-accepted-pbx')).toHaveText('48');
  await expect(page.getByTestId('feed-quarantined-pbx')).toHaveText(/(^|\D)2$/);
  // the rest of the file arrives while the page is open: 42 more lines, 3 of them malformed (60, 61, 78)
  appendFileSync(queueLog, SAMPLE.slice(50).join('\n') + '\n');
  await expect(page.getByTestId('feed-accepted-pbx')).toHaveText('87');
  await expect(page.getByTestId('feed-quarantined-pbx')).toHaveText(/(^|\D)5$/);
  await expect(row.getByTestId('feed-ignored-pbx')).not.toHaveText('0');

  await page.getByTestId('feed-quarantined-pbx').click();
  const list = page.getByTestId('quarantine-list');
  await expect(list.getByTestId('quarantine-entry')).toHaveCount(5);
  const entry = list.locator('[data-testid="quarantine-entry"][data-position="61"]');
  await expect(entry).toContainText(/CONNECT/);
  await expect(entry).toContainText('1709371450|1709371450.97|billing|Dave|CONNECT|abc');
  await page.screenshot({ path: 'test-results/feeds.png', fullPage: true });
});

test('the webhook refuses an unsigned post, stores nothing and counts it', async ({ page }) => {
  const accepted = async () =>
    ((await (await fetch(new URL('api/floor/snapshot', host.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { value: { ingest: { accepted: number } } })
      .value.ingest.accepted;
  const before = await accepted();
  const r = await fetch(new URL('feeds/twilio', host.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'EventType=task.created&TaskSid=WT1&TaskQueueName=Sales&TaskChannelUniqueName=voice&Timestamp=1709370000',
  });
  expect(r.status).toBe(403);
  await page.goto(`${host.url}#/feeds`);
  await expect(page.getByTestId('feed-rejected-twilio')).toHaveText('1');
  await expect(page.getByTestId('feed-source-twilio')).toContainText('/feeds/twilio');
  expect(await accepted()).toBe(before);
});

test('a feed is added from the form, paused, resumed and removed; a bad name is refused next to its field', async ({ page }) => {
  const other = join(dir, 'second.ndjson');
  writeFileSync(other, '');
  await page.goto(`${host.url}#/feeds`);
  await page.getByTestId('feed-name').fill('bad name!');
  await page.getByTestId('feed-path').fill(other);
  await page.getByTestId('feed-add').click();
  await expect(page.getByTestId('feed-name-error')).toBeVisible();
  await expect(page.locator('[data-testid^="feed-row-"]')).toHaveCount(2);

  await page.getByTestId('feed-name').fill('second');
  await page.getByTestId('feed-format').selectOption('ndjson');
  await page.getByTestId('feed-add').click();
  await expect(page.getByTestId('feed-row-second')).toBeVisible();
  await page.getByTestId('feed-pause-second').click();
  await expect(page.getByTestId('feed-state-second')).toContainText(/paused/i);
  await page.getByTestId('feed-resume-second').click();
  await expect(page.getByTestId('feed-state-second')).toContainText(/running/i);
  await page.getByTestId('feed-remove-second').click();
  await page.getByTestId('feed-remove-confirm-second').click();
  await expect(page.getByTestId('feed-row-second')).toHaveCount(0);
});

test('the Anonymous Bank month is imported from the file picker with progress and a summary', async ({ page }) => {
  await page.goto(`${host.url}#/feeds`);
  await page.getByTestId('import-file').setInputFiles(BANK_FILE);
  await page.getByTestId('import-format').selectOption('csv');
  await page.getByTestId('import-mapping').selectOption('anonymous-bank');
  // every value the progress bar shows while the import runs
  await page.evaluate(`{
    const seen = (window.progressSeen = []);
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="import-progress"]');
      const v = Number(bar?.getAttribute('aria-valuenow'));
      if (bar && seen.at(-1) !== v) seen.push(v);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  }`);
  await page.getByTestId('import-start').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  const seen = (await page.evaluate('window.progressSeen')) as number[];
  expect(seen.length).toBeGreaterThan(1); // the bar moved: the file goes in several batches
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  await expect(page.getByTestId('import-lines')).toHaveText('33,345');
  // 33,344 calls and the header, each kept; PHANTOM calls and voice-menu hang-ups counted as ignored
  await expect(page.getByTestId('import-accepted')).toHaveText('33,345');
  await expect(page.getByTestId('import-quarantined')).toHaveText('0');
  await expect(page.getByTestId('import-ignored-kinds')).toContainText('PHANTOM');
  const report = (await (
    await fetch(new URL('api/metrics/window', host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '1999-01-31T22:00:00Z', to: '1999-02-28T22:00:00Z', by: 'queue' }),
    })
  ).json()) as { value: { rows: { key: string; offered: number }[] } };
  expect(report.value.rows.length).toBeGreaterThan(3);
  await page.screenshot({ path: 'test-results/feeds-import.png', fullPage: true });
});
