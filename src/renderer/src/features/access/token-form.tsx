import { useId, useState } from 'react';
import type { AccessTokenView } from '../../../../shared/api';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/client-context';

type Field = 'name' | 'expiresDays' | 'names';

interface TokenFormProps {
  /** A token was made: its secret, shown once by the screen. */
  onCreated: (made: { token: string; view: AccessTokenView }) => void;
}

/**
 * Makes a viewer token. The host checks the name and the expiry (one validator for the console, the API and the CLI):
 * what it refuses comes back and is shown next to the field, invalid-args by path, a refusal (a name taken) at the name.
 */
export function TokenForm({ onCreated }: TokenFormProps) {
  const client = useClient();
  const id = useId();
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [names, setNames] = useState(false);
  const [errors, setErrors] = useState<Map<Field | 'form', string>>(new Map());
  const [busy, setBusy] = useState(false);

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const trimmed = days.trim();
    if (trimmed !== '' && !/^\d+$/.test(trimmed)) {
      setErrors(new Map([['expiresDays', 'a whole number of days, or empty: never expires']]));
      return;
    }
    setBusy(true);
    try {
      const made = await client.call('access/create-token', { name: name.trim(), names, ...(trimmed === '' ? {} : { expiresDays: Number(trimmed) }) });
      setErrors(new Map());
      setName('');
      setDays('');
      setNames(false);
      onCreated(made);
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) {
        setErrors(new Map(e.issues.map((i) => [(['name', 'expiresDays', 'names'].includes(i.path) ? i.path : 'form') as Field | 'form', i.message])));
      } else if (e instanceof ApiError && e.code === 'refused') {
        setErrors(new Map([['name', e.message.replace(/^access\/create-token: /, '')]]));
      } else setErrors(new Map([['form', e instanceof Error ? e.message : String(e)]]));
    } finally {
      setBusy(false);
    }
  };

  const error = (field: Field | 'form') =>
    errors.get(field) ? (
      <span className="field-error" id={`${id}-${field}-error`} data-testid={`token-error-${field}`}>
        <span aria-hidden="true">✖ </span>
        {errors.get(field)}
      </span>
    ) : null;
  const aria = (field: Field) => ({ 'aria-invalid': errors.has(field) ? true : undefined, 'aria-describedby': errors.has(field) ? `${id}-${field}-error` : `${id}-${field}-hint` });

  return (
    <form className="token-form" onSubmit={submit} noValidate aria-label="New viewer token" data-testid="token-form">
      <h2 className="panel__title">New viewer token</h2>
      <div className="field-row">
        <label className="field">
          <span className="field__label">Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={64} data-testid="token-name" {...aria('name')} />
          <span className="field__hint" id={`${id}-name-hint`}>
            Who or which screen holds it: “wall 1”, “ops manager”
          </span>
          {error('name')}
        </label>
        <label className="field">
          <span className="field__label">Expires after (days)</span>
          <input value={days} onChange={(e) => setDays(e.target.value)} inputMode="numeric" placeholder="never" data-testid="token-days" {...aria('expiresDays')} />
          <span className="field__hint" id={`${id}-expiresDays-hint`}>
            Empty: never expires (up to 3650 days)
          </span>
          {error('expiresDays')}
        </label>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} data-testid="token-names" {...aria('names')} />
        <span>
          Show agents by name <span className="field__hint">(otherwise as stable pseudonyms, “Agent 12”)</span>
        </span>
      </label>
      {error('names')}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="create-token">
          {busy ? 'Making…' : 'Make token'}
        </button>
        {error('form')}
      </div>
    </form>
  );
}
