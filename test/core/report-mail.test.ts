/**
 * Scheduled reports by mail (issue 15, point 4), against a local SMTP server the test starts: the mail arrives with
 * the files attached, byte for byte; over the size cap it says where the files are instead; a refused login is
 * logged in the run log, the files stay, and the next run sends it again. The settings' checks and the stored
 * password that no listing shows.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addressProblem, hostProblem, portProblem, smtpProblems, type SmtpSettings } from '../../src/core/reports/mail-settings';
import { smtpMailSender } from '../../src/core/reports/report-mail';
import { inProcessRunner } from '../../src/core/reports/report-runner';
import { createReportScheduler } from '../../src/core/reports/report-schedules';
import { reportScheduleStore } from '../../src/core/store/report-schedules';
import { smtpSettingsStore } from '../../src/core/store/smtp-settings';
import { testEngine } from '../helpers/engine';
import { ev, lines, T0 } from '../helpers/events';
import { ROOT } from '../helpers/host';
import { attachmentsOf, startSmtp } from '../helpers/smtp';

const MONDAY_0500 = Date.parse('2026-03-09T05:00:00Z');
const HOUR = 3600_000;
const calendar = { timeZone: 'UTC', resetHour: 0, weekStart: 'monday' as const };
let smtp: Awaited<ReturnType<typeof startSmtp>> | null = null;
afterEach(async () => {
  await smtp?.close();
  smtp = null;
});

const settings = (port: number, password = 'right horse'): SmtpSettings => ({ host: '127.0.0.1', port, security: 'none', user: 'reports', password, from: 'floor@example.com' });

describe('the mail settings', () => {
  it('take plain addresses, host names or IP addresses, and ports; each refusal says what would do', () => {
    expect(addressProblem('sup@example.com')).toBeNull();
    expect(addressProblem("o'brien+reports@mail.example.co.uk")).toBeNull();
    for (const bad of ['sup', 'sup@', '@example.com', 'sup@example', 'Sup <sup@example.com>', 'a@b.com,c@d.com', 'sup @example.com', 'sup@-example.com']) {
      expect(addressProblem(bad), bad).toMatch(/is not a mail address like name@example.com/);
    }
    expect(hostProblem('smtp.example.com')).toBeNull();
    expect(hostProblem('10.0.0.5')).toBeNull();
    expect(hostProblem('::1')).toBeNull();
    expect(hostProblem('smtp example.com')).toMatch(/not a host name or an IP address/);
    expect(hostProblem('smtp://example.com')).toMatch(/not a host name/);
    expect(portProblem(587)).toBeNull();
    expect(portProblem(0)).toMatch(/not a port/);
    expect(portProblem(65_536)).toMatch(/not a port/);
    expect(smtpProblems({ host: 'bad host', port: 1.5, security: 'tls', user: null, password: 'x', from: 'nobody' }).map((p) => p.path)).toEqual(['host', 'port', 'from', 'password']);
  });

  it('keep the password for the mailer and show it to no listing', () => {
    const t = testEngine(T0);
    const store = smtpSettingsStore(t.db);
    expect(store.view()).toBeNull();
    store.set(settings(2525, 's3cret'), T0);
    expect(store.settings()?.password).toBe('s3cret');
    expect(store.view()).toEqual({ host: '127.0.0.1', port: 2525, security: 'none', user: 'reports', passwordSet: true, from: 'floor@example.com', updatedAt: T0 });
    expect(JSON.stringify(store.view())).not.toContain('s3cret');
    expect(store.clear()).toBe(true);
    expect(store.view()).toBeNull();
    t.close();
  });
});

describe('a run mailed through the SMTP server', () => {
  it('arrives at each recipient with the files attached, the same bytes', async () => {
    smtp = await startSmtp();
    const folder = mkdtempSync(join(tmpdir(), 'fb-mail-'));
    writeFileSync(join(folder, 'queues.csv'), '\ufeffperiod,queue\n2026-W10,Sales\n');
    writeFileSync(join(folder, 'report.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]));
    const send = smtpMailSender(() => settings(smtp!.port));
    const files = readdirSync(folder).map((name) => ({ name, bytes: readFileSync(join(folder, name)).length }));
    expect(await send({ schedule: 'weekly review', period: '2026-W10', recipients: ['manager@example.com', 'qa@example.com'], folder, files })).toBe('sent');
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail.from).toBe('floor@example.com');
    expect(mail.to).toEqual(['manager@example.com', 'qa@example.com']);
    expect(mail.raw).toMatch(/Subject: Report 2026-W10: weekly review/);
    const attached = attachmentsOf(mail.raw);
    expect([...attached.keys()].sort()).toEqual(['queues.csv', 'report.pdf']);
    for (const f of files) expect(attached.get(f.name)!.equals(readFileSync(join(folder, f.name)))).toBe(true);
  });

  it('over the size cap, says where the files are instead of attaching them', async () => {
    smtp = await startSmtp();
    const folder = mkdtempSync(join(tmpdir(), 'fb-mail-'));
    writeFileSync(join(folder, 'report.xlsx'), Buffer.alloc(3000, 7));
    // 3,000 bytes are 4,000 in base64 (4,105 with line breaks): over a cap of 4,000
    const send = smtpMailSender(() => settings(smtp!.port), 4000);
    expect(await send({ schedule: 'weekly', period: '2026-W10', recipients: ['manager@example.com'], folder, files: [{ name: 'report.xlsx', bytes: 3000 }] })).toBe('sent-without-files');
    expect(attachmentsOf(smtp.mails[0].raw).size).toBe(0);
    expect(smtp.mails[0].raw.replace(/=\r?\n/g, '')).toContain(`Its files are in ${folder}`);
  });

  it('refuses to send without a server, saying how to set one', async () => {
    await expect(smtpMailSender(() => null)({ schedule: 'w', period: 'p', recipients: ['a@example.com'], folder: '/tmp', files: [] })).rejects.toThrow(/no SMTP server is set \(npm run cli -- schedule smtp set/);
  });
});

describe('a schedule with recipients', () => {
  it('logs a refused login in the run log, keeps the files, and sends that mail again at the next run', async () => {
    smtp = await startSmtp();
    const folder = mkdtempSync(join(tmpdir(), 'fb-mail-'));
    const t = testEngine(MONDAY_0500, { timeZone: 'UTC' });
    t.engine.ingestNdjson('pbx', lines([ev.queued(0, 'c1'), ev.answered(10, 'c1')]));
    const store = reportScheduleStore(t.db);
    const smtpStore = smtpSettingsStore(t.db);
    smtpStore.set(settings(smtp.port, 'wrong horse'), T0);
    // keep 1: without the mail pending, the first run's folder would go when the second is written
    store.add({ name: 'weekly', cron: '0 6 * * 1', period: 'last-week', formats: ['csv'], scope: { channels: [], queues: [] }, agents: false, folder, recipients: ['manager@example.com'], keep: 1, settleMinutes: 60, createdAt: MONDAY_0500 - HOUR });
    const log: string[] = [];
    const scheduler = createReportScheduler({ store, runner: inProcessRunner(t.engine.store), clock: t.clock, calendar, shortAbandonSeconds: 5, wallNow: () => t.clock.now(), mail: smtpMailSender(() => smtpStore.settings()), log: (m) => log.push(m) });
    t.clock.advance(3 * HOUR);
    await scheduler.check();
    const [first] = store.runs(1, 10);
    expect(first).toMatchObject({ status: 'done', mailStatus: 'failed', mailError: expect.stringMatching(/^127\.0\.0\.1:\d+: Invalid login: 535/) });
    expect(smtp.refusedLogins()).toBe(1);
    expect(log.join('\n')).toMatch(/the mail of 2026-W10 failed: .*535.*the next run sends it again/);
    const week10 = readFileSync(join(folder, 'weekly', '2026-W10', 'queues.csv'));
    smtpStore.set(settings(smtp.port), T0); // the password mended
    t.clock.advance(7 * 24 * HOUR);
    await scheduler.check();
    expect(store.runs(1, 10).map((r) => [new Date(r.dueAt).toISOString().slice(0, 10), r.status, r.mailStatus])).toEqual([['2026-03-16', 'done', 'sent'], ['2026-03-09', 'done', 'sent']]);
    expect(smtp.mails.map((m) => /Subject: Report (\S+):/.exec(m.raw)?.[1])).toEqual(['2026-W11', '2026-W10']);
    expect(attachmentsOf(smtp.mails[1].raw).get('queues.csv')!.equals(week10)).toBe(true);
    // both mails gone: keep 1 applies again
    expect(readdirSync(join(folder, 'weekly'))).toEqual(['2026-W11']);
    t.close();
  });
});

describe('schedule smtp', () => {
  it('sets the server with the password from the environment, shows it without the password, and clears it', () => {
    const cli = (args: string[], env: Record<string, string> = {}) => execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const db = join(mkdtempSync(join(tmpdir(), 'fb-mail-')), 'floor.db');
    testEngine(T0, {}, db).close();
    const set = cli(['schedule', 'smtp', 'set', '--db', db, '--host', 'smtp.example.com', '--user', 'reports', '--password-env', 'FB_SMTP', '--from', 'floor@example.com'], { FB_SMTP: 'pa55word' });
    expect(set).toBe('SMTP server: smtp.example.com:587 (starttls), from floor@example.com, user reports, password set\n');
    expect(cli(['schedule', 'smtp', 'show', '--db', db])).not.toContain('pa55word');
    expect(() => cli(['schedule', 'smtp', 'set', '--db', db, '--host', 'smtp.example.com', '--port', '99999', '--from', 'floor'])).toThrow(/--port 99999 is not a port.*--from "floor" is not a mail address/);
    expect(() => cli(['schedule', 'add', 'w', '--db', db, '--cron', '0 6 * * 1', '--folder', '/tmp', '--mail-to', 'boss@example.com,nobody'])).toThrow(/--mail-to "nobody" is not a mail address/);
    expect(cli(['schedule', 'smtp', 'clear', '--db', db])).toBe('SMTP server cleared\n');
    expect(cli(['schedule', 'smtp', 'show', '--db', db])).toMatch(/no SMTP server set/);
  });
});
