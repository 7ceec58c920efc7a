import { useId, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import type { FeedFormat, FeedKind, FeedSpec, FeedStatus } from '../../../../shared/api';
import { useClient } from '../../api/client-context';
import { AbandonMappingFields } from './abandon-mapping-fields';
import {
  abandonMappingFor,
  DEFAULT_ABANDON_DRAFT,
  errorText,
  FEED_NAME,
  FORMAT_LABEL,
  FORMATS_BY_KIND,
  HEARTBEAT_MAX_SECONDS,
  HEARTBEAT_MIN_SECONDS,
  type AbandonDraft,
} from './feed-look';

type Field = 'name' | 'path' | 'token' | 'heartbeat';
type Errors = Partial<Record<Field, string>>;

interface Draft {
  name: string;
  kind: FeedKind;
  format: FeedFormat;
  path: string;
  token: string;
  heartbeat: string;
  /** What counts as an abandon; only the part for the chosen format is sent. */
  abandon: AbandonDraft;
}

const EMPTY: Draft = { name: '', kind: 'file', format: 'queue_log', path: '', token: '', heartbeat: '', abandon: DEFAULT_ABANDON_DRAFT };

/** The same rules as the engine's schema, said in words next to the field. */
function validateFeed(draft: Draft, existing: readonly string[]): { spec: FeedSpec } | { errors: Errors } {
  const errors: Errors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'Give the feed a name.';
  else if (!FEED_NAME.test(name)) errors.name = 'Use only letters, digits, "-" and "_" (at most 64).';
  else if (existing.includes(name)) errors.name = `A feed named ${name} already exists.`;

  const path = draft.path.trim();
  if (draft.kind === 'file' && path === '') errors.path = 'Give the path of the file to follow, as the host sees it.';

  const token = draft.token;
  if (draft.kind === 'webhook' && token.trim() === '') {
    errors.token = draft.format === 'taskrouter' ? 'Give the Twilio auth token: it checks each request’s signature.' : 'Give the bearer token senders must present.';
  }

  let heartbeatSeconds: number | undefined;
  const heartbeat = draft.heartbeat.trim();
  if (heartbeat !== '') {
    const n = Number(heartbeat);
    if (!Number.isInteger(n) || n < HEARTBEAT_MIN_SECONDS || n > HEARTBEAT_MAX_SECONDS) {
      errors.heartbeat = `Whole seconds from ${HEARTBEAT_MIN_SECONDS} to ${HEARTBEAT_MAX_SECONDS}, or empty for the default.`;
    } else heartbeatSeconds = n;
  }

  if (Object.keys(errors).length > 0) return { errors };
  const spec: FeedSpec = { name, kind: draft.kind, format: draft.format };
  if (draft.kind === 'file') spec.path = path;
  else spec.token = token;
  if (heartbeatSeconds !== undefined) spec.heartbeatSeconds = heartbeatSeconds;
  const mapping = abandonMappingFor(draft.format, draft.abandon);
  if (mapping) spec.mapping = mapping;
  return { spec };
}

interface FeedFormProps {
  /** Names already taken: refused here rather than by the engine. */
  existing: readonly string[];
  onAdded: (status: FeedStatus) => void;
}

export function FeedForm({ existing, onAdded }: FeedFormProps) {
  const client = useClient();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [added, setAdded] = useState<FeedStatus | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (key in errors) setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const setKind = (kind: FeedKind) => {
    setDraft((d) => ({ ...d, kind, format: FORMATS_BY_KIND[kind][0] }));
    setErrors({});
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    setAdded(null);
    const result = validateFeed(draft, existing);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const status = await client.call('feeds/add', result.spec);
      setAdded(status);
      setDraft((d) => ({ ...EMPTY, kind: d.kind, format: d.format }));
      onAdded(status);
    } catch (e) {
      setServerError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  /** A labelled text field of the draft, with its error said next to it and tied to it for screen readers. */
  const field = (name: Field, label: ReactNode, input: InputHTMLAttributes<HTMLInputElement>) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        {...input}
        id={`${id}-${name}`}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
        data-testid={`feed-${name}`}
        value={draft[name]}
        onChange={(e) => set(name, e.target.value)}
      />
      {errors[name] ? (
        <span className="field-error" id={`${id}-${name}-error`} data-testid={`feed-${name}-error`}>
          <span aria-hidden="true">✖ </span>
          {errors[name]}
        </span>
      ) : null}
    </div>
  );

  const tokenLabel = draft.format === 'taskrouter' ? 'Twilio auth token' : 'Bearer token';

  return (
    <form className="feed-form" data-testid="feed-form" aria-labelledby={`${id}-title`} noValidate onSubmit={submit}>
      <h2 className="panel__title" id={`${id}-title`}>
        Add feed
      </h2>
      {field('name', 'Name', { type: 'text', autoComplete: 'off', spellCheck: false, placeholder: 'e.g. asterisk-main' })}
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} data-testid="feed-kind" value={draft.kind} onChange={(e) => setKind(e.target.value as FeedKind)}>
            <option value="file">File (followed)</option>
            <option value="webhook">Webhook (pushed)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-format`}>Format</label>
          <select id={`${id}-format`} data-testid="feed-format" value={draft.format} onChange={(e) => set('format', e.target.value as FeedFormat)}>
            {FORMATS_BY_KIND[draft.kind].map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABEL[f]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {draft.kind === 'file'
        ? field('path', 'File path on the host', { type: 'text', autoComplete: 'off', spellCheck: false, placeholder: '/var/log/asterisk/queue_log' })
        : field('token', tokenLabel, { type: 'password', autoComplete: 'new-password' })}
      <AbandonMappingFields format={draft.format} value={draft.abandon} onChange={(abandon) => set('abandon', abandon)} testIdPrefix="feed" subject="this feed" />
      {field(
        'heartbeat',
        <>
          Heartbeat, seconds <span className="field__hint">(optional: quiet this long = stale)</span>
        </>,
        { type: 'number', inputMode: 'numeric', min: HEARTBEAT_MIN_SECONDS, max: HEARTBEAT_MAX_SECONDS, step: 1 },
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="feed-add" disabled={busy}>
          {busy ? 'Adding…' : 'Add feed'}
        </button>
        {serverError && (
          <span className="form-error" role="alert" data-testid="feed-form-error">
            <span aria-hidden="true">✖ </span>
            {serverError}
          </span>
        )}
        {added && (
          <span className="form-ok" role="status" data-testid="feed-form-added">
            <span aria-hidden="true">✓ </span>
            Feed {added.name} added
            {added.kind === 'webhook' && added.webhookPath ? (
              <>
                {' '}
                — senders post to <code>{added.webhookPath}</code>
              </>
            ) : null}
          </span>
        )}
      </div>
    </form>
  );
}
