import { useId, useState } from 'react';
import type { CenterSettings, CenterSettingsView, WeekStart } from '../../../../shared/api';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/client-context';

type Field = keyof CenterSettings;
const FIELDS: readonly Field[] = ['name', 'timeZone', 'resetHour', 'weekStart'];

const WEEK_LABEL: Record<WeekStart, string> = { monday: 'Monday (ISO 8601)', sunday: 'Sunday', saturday: 'Saturday' };

/** The zones this browser knows, for the zone field's suggestions (the host checks the one typed). */
function knownZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

interface CenterFormProps {
  settings: CenterSettingsView;
  onSaved: (view: CenterSettingsView) => void;
}

/**
 * The center's settings, as the database holds them (a setting never stored shows what is in use). Only the changed
 * ones are sent; the host checks them with the validator the CLI uses, and each refusal is shown by its field.
 */
export function CenterForm({ settings, onSaved }: CenterFormProps) {
  const client = useClient();
  const id = useId();
  const initial = (k: Field): string => String(settings.stored[k] ?? settings.inUse[k]);
  const [values, setValues] = useState<Record<Field, string>>(() => ({ name: initial('name'), timeZone: initial('timeZone'), resetHour: initial('resetHour'), weekStart: initial('weekStart') }));
  const [errors, setErrors] = useState<Map<Field | 'form', string>>(new Map());
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const set = (k: Field) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setValues((v) => ({ ...v, [k]: e.target.value }));
    setSaved(false);
  };

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const change: Partial<CenterSettings> = {};
    if (values.name.trim() !== initial('name')) change.name = values.name.trim();
    if (values.timeZone.trim() !== initial('timeZone')) change.timeZone = values.timeZone.trim();
    if (values.resetHour !== initial('resetHour')) change.resetHour = Number(values.resetHour);
    if (values.weekStart !== initial('weekStart')) change.weekStart = values.weekStart as WeekStart;
    if (Object.keys(change).length === 0) {
      setErrors(new Map([['form', 'Nothing changed.']]));
      return;
    }
    setBusy(true);
    try {
      const view = await client.call('center/set', change);
      setErrors(new Map());
      setSaved(true);
      onSaved(view);
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) {
        setErrors(new Map(e.issues.map((i) => [((FIELDS as readonly string[]).includes(i.path) ? i.path : 'form') as Field | 'form', i.message])));
      } else setErrors(new Map([['form', e instanceof Error ? e.message : String(e)]]));
    } finally {
      setBusy(false);
    }
  };

  const error = (field: Field | 'form') =>
    errors.get(field) ? (
      <span className="field-error" id={`${id}-${field}-error`} data-testid={`center-error-${field}`}>
        <span aria-hidden="true">✖ </span>
        {errors.get(field)}
      </span>
    ) : null;
  const aria = (field: Field) => ({ 'aria-invalid': errors.has(field) ? true : undefined, 'aria-describedby': `${id}-${field}-${errors.has(field) ? 'error' : 'hint'}` });
  const hint = (field: Field, text: string) => (
    <span className="field__hint" id={`${id}-${field}-hint`}>
      {text}
      {settings.overridden.includes(field) ? ` This run uses ${String(settings.inUse[field])}, set by a command-line flag.` : ''}
    </span>
  );

  return (
    <form className="center-form" onSubmit={submit} noValidate aria-label="The center's settings" data-testid="center-form">
      <div className="field-row">
        <label className="field">
          <span className="field__label">Center name</span>
          <input value={values.name} onChange={set('name')} maxLength={100} data-testid="center-name" {...aria('name')} />
          {hint('name', 'On the console, the wall displays and the reports’ cover.')}
          {error('name')}
        </label>
        <label className="field">
          <span className="field__label">Time zone</span>
          <input value={values.timeZone} onChange={set('timeZone')} list={`${id}-zones`} spellCheck={false} data-testid="center-time-zone" {...aria('timeZone')} />
          <datalist id={`${id}-zones`}>
            {knownZones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {hint('timeZone', 'An IANA name such as Europe/London: the floor’s clock, its days and intervals, the reports’ periods.')}
          {error('timeZone')}
        </label>
      </div>
      <div className="field-row">
        <label className="field">
          <span className="field__label">“Today” starts at</span>
          <select value={values.resetHour} onChange={set('resetHour')} data-testid="center-reset-hour" {...aria('resetHour')}>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={String(h)}>
                {`${String(h).padStart(2, '0')}:00`}
              </option>
            ))}
          </select>
          {hint('resetHour', 'The local hour the floor’s figures start again from zero.')}
          {error('resetHour')}
        </label>
        <label className="field">
          <span className="field__label">The week starts on</span>
          <select value={values.weekStart} onChange={set('weekStart')} data-testid="center-week-start" {...aria('weekStart')}>
            {(Object.keys(WEEK_LABEL) as WeekStart[]).map((w) => (
              <option key={w} value={w}>
                {WEEK_LABEL[w]}
              </option>
            ))}
          </select>
          {hint('weekStart', 'The first day of a report’s week (“last week”, 2026-W48).')}
          {error('weekStart')}
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="center-save">
          {busy ? 'Saving…' : 'Save'}
        </button>
        {saved && (
          <span className="center-saved" role="status" data-testid="center-saved">
            Saved.
          </span>
        )}
        {error('form')}
      </div>
    </form>
  );
}
