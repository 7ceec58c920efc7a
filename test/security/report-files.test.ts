/**
 * A finished report's files on the host (GET /reports/<job>/<file>): an admin's session downloads them as
 * attachments; no credential, a viewer token, a foreign Host or Origin, an unknown job or a path get nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './raw-client';
import { securityHost, type SecurityHost } from './security-host';

const CSV = '\ufeffperiod,queue,channel\n2026-W10,Billing,voice\n';
const files: Record<string, string> = { 'queues.csv': CSV };
let s: SecurityHost;
beforeAll(async () => {
  s = await securityHost({ reports: { file: (job, name) => (job === 'job1' && name in files ? { content: files[name], bytes: Buffer.byteLength(files[name]) } : null) } });
});
afterAll(() => s.close());

const get = (path: string, headers: Record<string, string> = {}) => send(s.port, path, { method: 'GET', headers: { host: `127.0.0.1:${s.port}`, ...headers } });

describe('GET /reports/<job>/<file>', () => {
  it("gives an admin the file as an attachment, with its type, not cached", async () => {
    const a = await get('/reports/job1/queues.csv', s.access.admin());
    expect(a.status).toBe(200);
    expect(a.body).toBe(CSV);
    expect(a.headers['content-disposition']).toBe(`attachment; filename="queues.csv"; filename*=UTF-8''queues.csv`);
    expect(a.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(a.headers['cache-control']).toBe('no-store');
  });

  it('refuses no credential (401) and a viewer (403) before any file is looked up', async () => {
    expect((await get('/reports/job1/queues.csv')).status).toBe(401);
    const viewer = s.access.viewer('wall');
    const v = await get('/reports/job1/queues.csv', viewer.headers);
    expect(v.status).toBe(403);
    expect(v.body).not.toContain('Billing');
  });

  it('refuses a foreign Host or Origin as the rest of the host', async () => {
    expect((await get('/reports/job1/queues.csv', { ...s.access.admin(), host: 'evil.example' })).status).toBe(403);
    expect((await get('/reports/job1/queues.csv', { ...s.access.admin(), origin: 'http://evil.example' })).status).toBe(403);
  });

  it('finds nothing but the job\'s own files by name: unknown job, unknown file, a path', async () => {
    for (const path of ['/reports/job2/queues.csv', '/reports/job1/days.csv', '/reports/job1/..%2F..%2Fetc%2Fpasswd', '/reports/job1/%2E%2E']) {
      const a = await get(path, s.access.admin());
      expect(a.status, path).toBe(404);
      expect(a.body, path).not.toContain('root:');
    }
  });
});
