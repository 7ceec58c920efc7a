/**
 * Webhook feeds on the real HTTP host: Twilio TaskRouter posts must carry a valid X-Twilio-Signature for the
 * configured auth token, NDJSON posts the bearer token; anything else is refused with 403, counted, and
 * stores nothing. A retried post (same EventSid) adds no duplicate.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostAccess } from '../helpers/access';
import { computeTwilioSignature } from '../../src/core/ingest/twilio-signature';
import { startHost, type Host } from '../../src/server/host';
import { testEngine } from '../helpers/engine';
import { ROOT } from '../helpers/host';
import { ev, T0 } from '../helpers/events';

const TOKEN = 'twilio-auth-token-0123456789abcdef';
let t: ReturnType<typeof testEngine>;
let host: Host;

beforeAll(async () => {
  t = testEngine(T0);
  t.engine.feeds.add({ name: 'twilio', kind: 'webhook', format: 'taskrouter', token: TOKEN });
  t.engine.feeds.add({ name: 'bots', kind: 'webhook', format: 'ndjson', token: 'bearer-secret' });
  host = await startHost({
    engine: t.engine,
    ...hostAccess(t.engine),
    rendererDir: mkdtempSync(join(tmpdir(), 'floorboard-renderer-')),
    port: 0,
    host: '127.0.0.1',
  });
});
afterAll(async () => {
  await host.close();
  t.close();
});

const rawLines = () => t.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM raw_lines').get()!.n;
const status = (name: string) => t.engine.feeds.statuses().find((f) => f.name === name)!;

const taskCreated = {
  AccountSid: 'AC00000000000000000000000000000001',
  WorkspaceSid: 'WS00000000000000000000000000000001',
  EventType: 'task.created',
  EventSid: 'EV00000000000000000000000000000001',
  EventDescription: 'Task TA1 created',
  ResourceType: 'task',
  ResourceSid: 'WT00000000000000000000000000000001',
  TaskSid: 'WT00000000000000000000000000000001',
  TaskQueueSid: 'WQ00000000000000000000000000000001',
  TaskQueueName: 'Billing',
  TaskChannelUniqueName: 'voice',
  TaskAttributes: '{"from":"+15551230000","type":"support"}',
  Timestamp: String(T0 / 1000 + 30),
  TimestampMs: String(T0 + 30_000),
};

function post(path: string, body: string, headers: Record<string, string>) {
  return fetch(new URL(path, host.url), { method: 'POST', body, headers });
}

describe('TaskRouter webhook', () => {
  const form = new URLSearchParams(taskCreated).toString();
  const url = () => new URL('/feeds/twilio', host.url).toString();

  it('refuses a post without a signature, or with a wrong one, and stores nothing', async () => {
    const before = rawLines();
    const unsigned = await post('/feeds/twilio', form, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(unsigned.status).toBe(403);
    const wrongToken = computeTwilioSignature({ authToken: 'not-the-token', url: url(), params: taskCreated });
    const forged = await post('/feeds/twilio', form, { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': wrongToken });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ ok: false, message: expect.stringMatching(/X-Twilio-Signature/) });
    // signed for other parameters: a tampered body
    const signed = computeTwilioSignature({ authToken: TOKEN, url: url(), params: taskCreated });
    const tampered = form.replace('Billing', 'Sales');
    expect((await post('/feeds/twilio', tampered, { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signed })).status).toBe(403);
    expect(rawLines()).toBe(before);
    expect(status('twilio')).toMatchObject({ rejected: 3, accepted: 0 });
  });

  it('accepts a signed post once; a retry of it is a duplicate', async () => {
    const signature = computeTwilioSignature({ authToken: TOKEN, url: url(), params: taskCreated });
    const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature };
    const first = await post('/feeds/twilio', form, headers);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, summary: { quarantined: 0 } });
    const retry = await post('/feeds/twilio', form, headers);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ ok: true, summary: { accepted: 0 } });
    expect(t.engine.snapshot().queues.find((q) => q.name === 'Billing')?.offered).toBe(1);
  });
});

describe('TaskRouter Event Streams webhook sink (JSON)', () => {
  // a batch of CloudEvents, as Event Streams posts them; Twilio signs the URL, which carries the body's SHA-256
  const body = readFileSync(join(ROOT, 'test', 'fixtures', 'taskrouter', 'event-streams.jsonl'), 'utf8').split('\n')[0];
  const signedUrl = (b: string) => {
    const u = new URL('/feeds/twilio', host.url);
    u.searchParams.set('bodySHA256', createHash('sha256').update(b).digest('hex'));
    return u.toString();
  };

  it('accepts a signed batch, and refuses one whose body does not match its bodySHA256', async () => {
    const url = signedUrl(body);
    const signature = computeTwilioSignature({ authToken: TOKEN, url, params: [] });
    const path = url.slice(url.indexOf('/feeds/'));
    const before = rawLines();
    const tampered = body.replace('"specversion"', '"specversion" ').replace('1.0', '1.0 ');
    const refused = await post(path, tampered, { 'content-type': 'application/json', 'x-twilio-signature': signature });
    expect(refused.status).toBe(403);
    expect(rawLines()).toBe(before);
    const ok = await post(path, body, { 'content-type': 'application/json', 'x-twilio-signature': signature });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, summary: { quarantined: 0, accepted: 1 } });
  });
});

describe('NDJSON webhook', () => {
  const body = [ev.queued(10, 'n1', 'Chat', 'chat'), ev.answered(20, 'n1')].map((e) => JSON.stringify(e)).join('\n');

  it('needs the bearer token', async () => {
    const before = rawLines();
    expect((await post('/feeds/bots', body, { 'content-type': 'application/x-ndjson' })).status).toBe(403);
    expect((await post('/feeds/bots', body, { 'content-type': 'application/x-ndjson', authorization: 'Bearer wrong' })).status).toBe(403);
    expect(rawLines()).toBe(before);
    const ok = await post('/feeds/bots', body, { 'content-type': 'application/x-ndjson', authorization: 'Bearer bearer-secret' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, summary: { accepted: 2, quarantined: 0 } });
    expect(status('bots')).toMatchObject({ accepted: 2, rejected: 2 });
  });

  it('answers 404 for a feed that does not exist, and 503 while paused', async () => {
    expect((await post('/feeds/nope', body, { authorization: 'Bearer bearer-secret' })).status).toBe(404);
    t.engine.feeds.pause('bots');
    expect((await post('/feeds/bots', body, { 'content-type': 'application/x-ndjson', authorization: 'Bearer bearer-secret' })).status).toBe(503);
    t.engine.feeds.resume('bots');
  });
});
