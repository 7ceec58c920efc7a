/**
 * The center's one SMTP server (migration 015): read whole by the mailer, shown without its password to everyone
 * else (`view`). The password is kept as given, in the database, as the feeds' tokens are: whoever can read the
 * database file can read it (docs/reports.md says so).
 */
import type { SmtpSettingsView } from '../../shared/api-reports';
import type { SmtpSettings } from '../reports/mail-settings';
import type { Db } from './database';

interface SmtpRow {
  host: string;
  port: number;
  security: SmtpSettings['security'];
  user: string | null;
  password: string | null;
  from_address: string;
  updated_at: number;
}

export function smtpSettingsStore(db: Db) {
  const s = {
    get: db.prepare<[], SmtpRow>('SELECT * FROM smtp_settings WHERE id = 1'),
    set: db.prepare(
      'INSERT INTO smtp_settings (id, host, port, security, user, password, from_address, updated_at) VALUES (1, @host, @port, @security, @user, @password, @from, @updatedAt) ON CONFLICT (id) DO UPDATE SET host = excluded.host, port = excluded.port, security = excluded.security, user = excluded.user, password = excluded.password, from_address = excluded.from_address, updated_at = excluded.updated_at',
    ),
    clear: db.prepare('DELETE FROM smtp_settings'),
  };
  const settings = (): (SmtpSettings & { updatedAt: number }) | null => {
    const r = s.get.get();
    return r ? { host: r.host, port: r.port, security: r.security, user: r.user, password: r.password, from: r.from_address, updatedAt: r.updated_at } : null;
  };
  return {
    /** With the password: for the mailer only. */
    settings,
    view: (): SmtpSettingsView | null => {
      const r = settings();
      return r ? { host: r.host, port: r.port, security: r.security, user: r.user, passwordSet: r.password !== null, from: r.from, updatedAt: r.updatedAt } : null;
    },
    set: (x: SmtpSettings, at: number) => void s.set.run({ ...x, updatedAt: at }),
    clear: () => s.clear.run().changes > 0,
  };
}

export type SmtpSettingsStore = ReturnType<typeof smtpSettingsStore>;
