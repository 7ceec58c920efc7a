/**
 * `npm run cli -- schedule smtp set|show|clear`: the center's SMTP server, which scheduled reports mail through. The
 * password never comes from the command line (it would stay in the shell's history and show in `ps`): it is read
 * from an environment variable or from stdin, and never printed (`show` says whether one is set).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import { SMTP_SECURITY, type SmtpSecurity, type SmtpSettingsView } from '../shared/api-reports';
import { smtpProblems } from '../core/reports/mail-settings';
import type { Db } from '../core/store/database';
import { smtpSettingsStore } from '../core/store/smtp-settings';
import { dbOptions, type DbOption } from './db-option';

const DEFAULT_PORT: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, none: 25 };

interface SetOptions extends DbOption {
  host: string;
  port?: string;
  security: SmtpSecurity;
  user?: string;
  passwordEnv?: string;
  passwordStdin?: boolean;
  password: boolean;
  from: string;
}

/** The password the flags name: undefined keeps the stored one; null: none (--no-password). */
function passwordOf(o: SetOptions): string | null | undefined {
  if (!o.password) return null;
  if (o.passwordEnv !== undefined) {
    const value = process.env[o.passwordEnv];
    if (value === undefined || value === '') throw new InvalidArgumentError(`--password-env ${o.passwordEnv}: that environment variable is not set`);
    return value;
  }
  if (o.passwordStdin) return readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  return undefined;
}

const describe = (v: SmtpSettingsView) =>
  `${v.host}:${v.port} (${v.security}), from ${v.from}, ${v.user === null ? 'no login' : `user ${v.user}, password ${v.passwordSet ? 'set' : 'none'}`}`;

export function registerSmtpCommands(schedule: Command, withDb: <T>(o: DbOption, work: (db: Db, zone: string) => T) => T): void {
  const smtp = schedule.command('smtp').description("The center's SMTP server, which schedules with --mail-to send their files through.");
  dbOptions(smtp.command('set'))
    .description('Set the SMTP server (a password given before is kept unless told otherwise).')
    .requiredOption('--host <name>', 'the server, e.g. smtp.example.com')
    .option('--port <n>', 'default: 465 with tls, 587 with starttls, 25 with none')
    .addOption(new Option('--security <how>', 'tls from the start, starttls required, or none (a relay on the LAN)').choices([...SMTP_SECURITY]).default('starttls'))
    .option('--user <name>', 'the login (none: the server takes mail without one)')
    .option('--password-env <variable>', 'read the password from this environment variable')
    .option('--password-stdin', 'read the password from stdin')
    .option('--no-password', 'no password (remove a stored one)')
    .requiredOption('--from <address>', "the sender's address, e.g. reports@example.com")
    .action((o: SetOptions) =>
      withDb(o, (db) => {
        const store = smtpSettingsStore(db);
        const given = passwordOf(o);
        const stored = store.settings();
        const user = o.user ?? null;
        // a password kept only for the same login: a new user with an old password would fail at the first mail
        const password = given !== undefined ? given : stored !== null && stored.user === user ? stored.password : null;
        const settings = { host: o.host, port: o.port === undefined ? DEFAULT_PORT[o.security] : Number(o.port), security: o.security, user, password, from: o.from };
        const problems = smtpProblems(settings);
        if (problems.length > 0) throw new InvalidArgumentError(problems.map((p) => `--${p.path} ${p.message}`).join('; '));
        store.set(settings, Date.now());
        console.log(`SMTP server: ${describe(store.view()!)}`);
      }),
    );
  dbOptions(smtp.command('show'))
    .description('The SMTP server (never its password).')
    .action((o: DbOption) =>
      withDb(o, (db) => {
        const view = smtpSettingsStore(db).view();
        console.log(view === null ? 'no SMTP server set: schedules cannot mail' : `SMTP server: ${describe(view)}`);
      }),
    );
  dbOptions(smtp.command('clear'))
    .description('Forget the SMTP server and its password (schedules with recipients log that they cannot mail).')
    .action((o: DbOption) => withDb(o, (db) => console.log(smtpSettingsStore(db).clear() ? 'SMTP server cleared' : 'no SMTP server was set')));
}
