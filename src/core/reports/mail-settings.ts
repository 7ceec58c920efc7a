/**
 * What a schedule's recipients and the center's SMTP server may be, checked the same way for the CLI, the API's
 * schemas and the mailer: plain addresses (no display names, no lists in one string), a host name or an IP
 * address, a port 1-65535. Each problem names its field so a form can say it there.
 */
import type { SmtpSecurity } from '../../shared/api-reports';

export interface SmtpSettings {
  host: string;
  port: number;
  /** tls: TLS from the first byte (port 465); starttls: plain, then upgraded, refused without it (587); none: never. */
  security: SmtpSecurity;
  user: string | null;
  password: string | null;
  /** The sender's address. */
  from: string;
}

/** At most this many recipients per schedule: a distribution list belongs on the mail server. */
const MAX_RECIPIENTS = 20;

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function domainOk(domain: string, needsDot: boolean): boolean {
  const labels = domain.split('.');
  return domain.length <= 253 && (!needsDot || labels.length >= 2) && labels.every((l) => LABEL.test(l));
}

/** Why `address` is not one plain mail address (name@example.com), or null. */
export function addressProblem(address: string): string | null {
  const shown = `"${address.slice(0, 80)}"`;
  if (address.length > 254) return `${shown}… is longer than a mail address can be (254 characters)`;
  const at = address.lastIndexOf('@');
  if (at <= 0 || !LOCAL.test(address.slice(0, at)) || !domainOk(address.slice(at + 1), true)) return `${shown} is not a mail address like name@example.com`;
  return null;
}

/** Why `host` is not a host name or an IP address, or null. */
export function hostProblem(host: string): string | null {
  if (host.includes(':') ? /^[0-9A-Fa-f:.]{2,45}$/.test(host) : domainOk(host, false)) return null;
  return `"${host.slice(0, 80)}" is not a host name or an IP address (e.g. smtp.example.com)`;
}

export function portProblem(port: number): string | null {
  return Number.isInteger(port) && port >= 1 && port <= 65_535 ? null : `${port} is not a port (a whole number from 1 to 65535: 587, 465 or 25)`;
}

/** The recipients' problems, each at its index ("recipients.2"). */
export function recipientProblems(recipients: readonly string[]): { path: string; message: string }[] {
  const problems = recipients.flatMap((r, i) => {
    const p = addressProblem(r);
    return p ? [{ path: `recipients.${i}`, message: p }] : [];
  });
  if (recipients.length > MAX_RECIPIENTS) problems.push({ path: 'recipients', message: `at most ${MAX_RECIPIENTS} recipients (a list belongs on the mail server)` });
  return problems;
}

/** Every problem of a whole setting, each at its field. */
export function smtpProblems(s: SmtpSettings): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const add = (path: string, message: string | null) => void (message && problems.push({ path, message }));
  add('host', hostProblem(s.host));
  add('port', portProblem(s.port));
  add('from', addressProblem(s.from));
  if (s.user !== null && (s.user.length === 0 || s.user.length > 256 || /[\r\n]/.test(s.user))) add('user', 'a user name is 1-256 characters on one line');
  if (s.password !== null && s.user === null) add('password', 'a password needs a user name');
  return problems;
}
