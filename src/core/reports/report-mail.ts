/**
 * A scheduled run's files by mail through the center's SMTP server (nodemailer). The files are attached while the
 * mail's attachments, as encoded (base64 adds a third), come to at most 20 MiB, so the mail fits servers that take
 * 25 MB; above that the mail lists the files and says where they are on the host instead. Sending reads the files
 * and never moves or removes them: a refused mail loses nothing, and the scheduler sends it again at the next run.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { ReportMailStatus } from '../../shared/api-reports';
import type { SmtpSettings } from './mail-settings';

const MAX_ATTACHED_BYTES = 20 * 1024 * 1024;
const CONNECT_TIMEOUT_MS = 30_000;
const SOCKET_TIMEOUT_MS = 120_000;

export interface RunMail {
  schedule: string;
  /** The period's label ("2026-W10"). */
  period: string;
  recipients: readonly string[];
  /** Where the files are, on the host. */
  folder: string;
  files: readonly { name: string; bytes: number }[];
}

/** Sends one run's mail: resolves how it went out, rejects with the server's reason (a refused login...). */
export type MailSender = (mail: RunMail) => Promise<Exclude<ReportMailStatus, 'failed'>>;

/** A file's size in a mail: base64 in lines of 76 characters and a line break. */
const encodedBytes = (bytes: number) => Math.ceil(bytes / 3) * 4 * (78 / 76);

function body(mail: RunMail, attached: boolean): string {
  const list = mail.files.map((f) => `  ${f.name} (${f.bytes.toLocaleString('en')} bytes)`).join('\n');
  const where = `${mail.folder} on ${hostname()}`;
  return attached
    ? `The report of ${mail.period}, from the schedule "${mail.schedule}", is attached:\n\n${list}\n\nThe files are also kept in ${where}.\n`
    : `The report of ${mail.period}, from the schedule "${mail.schedule}", is too large to attach (over ${MAX_ATTACHED_BYTES / 1024 / 1024} MiB as mailed). Its files are in ${where}:\n\n${list}\n`;
}

/**
 * Mails through the SMTP server `settings()` gives at each send (set or changed from the CLI or the screen while the
 * host runs); none set: refused with how to set one. `maxAttachedBytes` is for tests.
 */
export function smtpMailSender(settings: () => SmtpSettings | null, maxAttachedBytes = MAX_ATTACHED_BYTES): MailSender {
  return async (mail) => {
    const s = settings();
    if (s === null) throw new Error('no SMTP server is set (npm run cli -- schedule smtp set, or the Reports screen)');
    // loaded when a mail is sent: every command and the host's start paid 80 ms for it
    const { default: nodemailer } = await import('nodemailer');
    const transport = nodemailer.createTransport({
      host: s.host,
      port: s.port,
      secure: s.security === 'tls',
      requireTLS: s.security === 'starttls',
      ignoreTLS: s.security === 'none',
      auth: s.user === null ? undefined : { user: s.user, pass: s.password ?? '' },
      connectionTimeout: CONNECT_TIMEOUT_MS,
      greetingTimeout: CONNECT_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
    });
    const attached = mail.files.reduce((sum, f) => sum + encodedBytes(f.bytes), 0) <= maxAttachedBytes;
    try {
      await transport.sendMail({
        from: { name: 'Floorboard', address: s.from },
        to: [...mail.recipients],
        subject: `Report ${mail.period}: ${mail.schedule}`,
        text: body(mail, attached),
        attachments: attached ? mail.files.map((f) => ({ filename: f.name, path: join(mail.folder, f.name) })) : [],
      });
    } catch (e) {
      throw new Error(`${s.host}:${s.port}: ${(e as Error).message}`, { cause: e });
    } finally {
      transport.close();
    }
    return attached ? 'sent' : 'sent-without-files';
  };
}
