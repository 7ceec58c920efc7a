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
import { FeedsPage } from './pages/feeds-page';

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
  const feeds = new FeedsPage(page, host);
  await feeds.goto();
  await expect(feeds.cell('pbx', 'state')).toContainText(/running/i);
  // the first 50 lines of the sample: lines 42 and 49 are malformed
  await expect(feeds.cell('pbx', 'accepted')).toHaveText('48');
  await expect(feeds.cell('pbx', 'quarantined')).toHaveText(/(^|\D)2$/);
  // the rest of the file arrives while the page is open: 42 more lines, 3 of them malformed (60, 61, 78)
  appendFileSync(queueLog, SAMPLE.slice(50).join('\n') + '\n');
  await expect(feeds.cell('pbx', 'accepted')).toHaveText('87');
  await expect(feeds.cell('pbx', 'quarantined')).toHaveText(/(^|\D)5$/);
  await expect(feeds.row('pbx').getByTestId('feed-ignored-pbx')).not.toHaveText('0');

  await feeds.openQuarantine('pbx');
  await expect(feeds.quarantineEntries).toHaveCount(5);
  const entry = feeds.quarantineEntry(61);
  await expect(entry).toContainText(/CONNECT/);
  await expect(entry).toContainText('1709371450|1709371450.97|billing|Dave|CONNECT|abc');
  await page.screenshot({ path: 'test-results/feeds.png', fullPage: true });
});

test('the webhook refuses an unsigned post, stores nothing and counts it', async ({ page }) => {
  const feeds = new FeedsPage(page, host);
  const accepted = async () => (await feeds.api.call('floor/snapshot', {})).ingest.accepted;
  const before = await accepted();
  const r = await feeds.api.postToFeed('twilio', 'EventType=task.created&TaskSid=WT1&TaskQueueName=Sales&TaskChannelUniqueName=voice&Timestamp=1709370000', 'application/x-www-form-urlencoded');
  expect(r.status).toBe(403);
  await feeds.goto();
  await expect(feeds.cell('twilio', 'rejected')).toHaveText('1');
  await expect(feeds.cell('twilio', 'source')).toContainText('/feeds/twilio');
  expect(await accepted()).toBe(before);
});

test('a feed is added from the form, paused, resumed and removed; a bad name is refused next to its field', async ({ page }) => {
  const other = join(dir, 'second.ndjson');
  writeFileSync(other, '');
  const feeds = new FeedsPage(page, host);
  await feeds.goto();
  await feeds.addFeed({ name: 'bad name!', path: other });
  await expect(feeds.formError('name')).toBeVisible();
  await expect(feeds.rows).toHaveCount(2);

  await feeds.addFeed({ name: 'second', format: 'ndjson' });
  await expect(feeds.row('second')).toBeVisible();
  await feeds.pause('second');
  await expect(feeds.cell('second', 'state')).toContainText(/paused/i);
  await feeds.resume('second');
  await expect(feeds.cell('second', 'state')).toContainText(/running/i);
  await feeds.remove('second');
  await expect(feeds.row('second')).toHaveCount(0);
});

test('the Anonymous Bank month is imported from the file picker with progress and a summary', async ({ page }) => {
  const feeds = new FeedsPage(page, host);
  await feeds.goto();
  await feeds.chooseImport(BANK_FILE, 'csv', 'anonymous-bank');
  // every value the progress bar shows while the import runs
  await feeds.recordProgress();
  await feeds.startImport();
  await expect(feeds.importSummary).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  const seen = await feeds.progressSeen();
  expect(seen.length).toBeGreaterThan(1); // the bar moved: the file goes in several batches
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  await expect(feeds.importFigure('lines')).toHaveText('33,345');
  // 33,344 calls and the header, each kept; PHANTOM calls and voice-menu hang-ups counted as ignored
  await expect(feeds.importFigure('accepted')).toHaveText('33,345');
  await expect(feeds.importFigure('quarantined')).toHaveText('0');
  await expect(feeds.importFigure('ignored-kinds')).toContainText('PHANTOM');
  const report = await feeds.api.call('metrics/window', { from: '1999-01-31T22:00:00Z', to: '1999-02-28T22:00:00Z', by: 'queue' });
  expect(report.rows.length).toBeGreaterThan(3);
  await page.screenshot({ path: 'test-results/feeds-import.png', fullPage: true });
});
