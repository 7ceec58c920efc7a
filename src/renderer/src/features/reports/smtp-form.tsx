import { useState } from 'react';
import { SMTP_SECURITY, type SmtpSecurity, type SmtpSettingsView } from '../../../../shared/api-reports';
import { formatDateTime } from '../../../../shared/format';
import { useClient } from '../../api/client-context';
import { errorsByField, TextField, useFieldErrors } from './form-fields';

type SmtpField = 'host' | 'port' | 'security' | 'user' | 'password' | 'from';
const FIELDS: readonly string[] = ['host', 'port', 'security', 'user', 'password', 'from'];
const fieldOf = (path: string): SmtpField | 'form' => (FIELDS.includes(path) ? (path as SmtpField) : 'form');

const SECURITY_LABEL: Record<SmtpSecurity, string> = { tls: 'TLS (port 465)', starttls: 'STARTTLS (port 587)', none: 'None (a relay on the LAN)' };
const DEFAULT_PORT: Record<SmtpSecurity, string> = { tls: '465', starttls: '587', none: '25' };

interface SmtpFormProps {
  settings: SmtpSettingsView | null;
  timeZone: string;
  onSaved: (settings: SmtpSettingsView | null) => void;
}

/**
 * The center's SMTP server, which schedules mail through. The password is sent, never shown: the host answers only
 * whether one is set, and an empty password field keeps the stored one.
 */
export function SmtpForm({ settings, timeZone, onSaved }: SmtpFormProps) {
  const client = useClient();
  const [form, setForm] = useState({ host: settings?.host ?? '', port: String(settings?.port ?? 587), security: settings?.security ?? ('starttls' as SmtpSecurity), user: settings?.user ?? '', password: '', from: settings?.from ?? '' });
  const [errors, setErrors] = useState<Map<SmtpField | 'form', string>>(new Map());
  const [busy, setBusy] = useState(false);
  const { error, invalid } = useFieldErrors(errors, 'smtp');
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });

  const act = async (work: () => Promise<SmtpSettingsView | null>) => {
    setBusy(true);
    try {
      onSaved(await work());
      setErrors(new Map());
      setForm((f) => ({ ...f, password: '' }));
    } catch (e) {
      setErrors(errorsByField(e, fieldOf));
    } finally {
      setBusy(false);
    }
  };
  const save = (ev: React.FormEvent) => {
    ev.preventDefault();
    if (!/^\d{1,5}$/.test(form.port.trim())) return setErrors(new Map([['port', 'a port: a whole number, 587, 465 or 25']]));
    void act(() => client.call('reports/smtp-set', { host: form.host.trim(), port: Number(form.port), security: form.security, user: form.user.trim() || null, from: form.from.trim(), ...(form.password === '' ? {} : { password: form.password }) }));
  };
  const clear = () => void act(async () => (await client.call('reports/smtp-clear', {}), null));

  return (
    <form className="report-form smtp-form" aria-label="SMTP server" noValidate onSubmit={save} data-testid="smtp-form">
      <div className="field-row">
        <TextField label="Server" problem={error('host')} value={form.host} onChange={(e) => set({ host: e.target.value })} placeholder="smtp.example.com" data-testid="smtp-host" {...invalid('host')} />
        <label className="field">
          <span className="field__label">Security</span>
          <select value={form.security} onChange={(e) => set({ security: e.target.value as SmtpSecurity, port: DEFAULT_PORT[e.target.value as SmtpSecurity] })} data-testid="smtp-security">
            {SMTP_SECURITY.map((s) => (
              <option key={s} value={s}>
                {SECURITY_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <TextField label="Port" className="smtp-form__port" problem={error('port')} value={form.port} onChange={(e) => set({ port: e.target.value })} inputMode="numeric" data-testid="smtp-port" {...invalid('port')} />
      </div>
      <div className="field-row">
        <TextField label="User" problem={error('user')} value={form.user} onChange={(e) => set({ user: e.target.value })} autoComplete="off" placeholder="none" data-testid="smtp-user" {...invalid('user')} />
        <TextField label="Password" problem={error('password')} type="password" value={form.password} onChange={(e) => set({ password: e.target.value })} autoComplete="new-password" placeholder={settings?.passwordSet ? 'set: empty keeps it' : 'none'} data-testid="smtp-password" {...invalid('password')} />
        <TextField label="From" problem={error('from')} value={form.from} onChange={(e) => set({ from: e.target.value })} placeholder="reports@example.com" data-testid="smtp-from" {...invalid('from')} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="smtp-save">
          Save server
        </button>
        {settings && (
          <button type="button" className="button" disabled={busy} onClick={clear} data-testid="smtp-clear">
            Forget server
          </button>
        )}
        <span className="field__hint" data-testid="smtp-state">
          {settings ? `Saved ${formatDateTime(settings.updatedAt, timeZone)}` : 'No server: schedules write their files but cannot mail them.'}
        </span>
        {error('form')}
      </div>
    </form>
  );
}
