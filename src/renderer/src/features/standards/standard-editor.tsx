import { useId, useState } from 'react';
import type { Standard, StandardWindow, Tier, Unit, WhatIfResult } from '../../../../shared/standards';
import { STANDARD_METRICS, STANDARD_WINDOWS, TIERS } from '../../../../shared/standards';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/client-context';
import { useAllows } from '../access/session';
import { CHANNEL_LABEL } from '../floor/channels';
import { fieldUnit, formatFigure, fromField, resultLook, TIER_LABEL, toField, WINDOW_LABEL } from './standard-look';

interface StandardEditorProps {
  standard: Standard;
  /** Errors of the last save by path in the set; this editor shows those under `path`. */
  errors: ReadonlyMap<string, string>;
  path: string;
  onSave: (next: Standard) => Promise<void>;
  onCancel: () => void;
}

/** Metrics whose threshold T the standard sets. */
const HAS_THRESHOLD = new Set(['service-level', 'first-response-within']);

/**
 * Edits one standard's tiers, threshold and window. The engine checks the whole set (one validator for the
 * screen, the API and files): what it refuses comes back by path and shows next to the field; nothing is saved.
 */
export function StandardEditor({ standard, errors, path, onSave, onCancel }: StandardEditorProps) {
  const id = useId();
  const unit = STANDARD_METRICS[standard.metric].unit;
  const [tiers, setTiers] = useState<Record<Tier, string>>(() => ({
    expected: toField(standard.tiers.expected, unit),
    desired: toField(standard.tiers.desired, unit),
    delight: toField(standard.tiers.delight, unit),
  }));
  const [threshold, setThreshold] = useState(standard.options.thresholdSeconds === undefined ? '' : String(standard.options.thresholdSeconds));
  const [window, setWindow] = useState<StandardWindow>(standard.window);
  const [busy, setBusy] = useState(false);
  const [local, setLocal] = useState<Map<string, string>>(new Map());
  const [preview, setPreview] = useState<WhatIfResult | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const client = useClient();
  const mayPreview = useAllows('standards/what-if');

  const errorAt = (field: string) => local.get(field) ?? errors.get(`${path}.${field}`);
  const errorText = (field: string) => {
    const e = errorAt(field);
    return e ? (
      <span className="field-error" id={`${id}-${field}-error`} data-testid={`standard-error-${field}`}>
        <span aria-hidden="true">✖ </span>
        {e}
      </span>
    ) : null;
  };
  const aria = (field: string) => ({ 'aria-invalid': errorAt(field) ? true : undefined, 'aria-describedby': errorAt(field) ? `${id}-${field}-error` : undefined });

  /** The standard as drafted, or null with the fields' errors shown. */
  const draft = (): Standard | null => {
    const bad = new Map<string, string>();
    const values = {} as Record<Tier, number>;
    for (const t of TIERS) {
      const v = fromField(tiers[t], unit);
      if (tiers[t].trim() === '' || !Number.isFinite(v)) bad.set(`tiers.${t}`, 'a number is needed');
      values[t] = v;
    }
    const T = threshold.trim() === '' ? undefined : Number(threshold);
    if (T !== undefined && !Number.isFinite(T)) bad.set('options.thresholdSeconds', 'a number of seconds is needed');
    setLocal(bad);
    return bad.size > 0 ? null : { ...standard, window, tiers: values, options: { ...standard.options, thresholdSeconds: T } };
  };

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const next = draft();
    if (!next) return;
    setBusy(true);
    try {
      await onSave(next);
    } finally {
      setBusy(false);
    }
  };

  /** What the drafted standard would have given today and over the last 7 days, next to the one in force. */
  const showPreview = async () => {
    const next = draft();
    if (!next) return;
    setPreviewError(null);
    try {
      setPreview(await client.call('standards/what-if', { standard: next }));
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) {
        setLocal(new Map(e.issues.map((i) => [i.path.replace(/^standard\./, ''), i.message])));
        setPreviewError('The draft is not valid: see the fields.');
      } else setPreviewError(e instanceof Error ? e.message : String(e));
      setPreview(null);
    }
  };

  return (
    <form className="standard-editor" onSubmit={submit} noValidate aria-label={`Edit ${standard.name}`} data-testid={`editor-${standard.id}`}>
      <fieldset className="standard-editor__tiers">
        <legend>
          Tiers ({standard.comparator === 'at-least' ? 'at least: higher is better' : 'at most: lower is better'}), in {fieldUnit(unit)}
        </legend>
        {TIERS.map((t) => (
          <label key={t} className="field">
            <span className="field__label">{TIER_LABEL[t]}</span>
            <input
              inputMode="decimal"
              value={tiers[t]}
              onChange={(e) => setTiers((x) => ({ ...x, [t]: e.target.value }))}
              data-testid={`tier-${t}`}
              {...aria(`tiers.${t}`)}
            />
            {errorText(`tiers.${t}`)}
          </label>
        ))}
      </fieldset>
      {HAS_THRESHOLD.has(standard.metric) && (
        <label className="field">
          <span className="field__label">Threshold T (seconds)</span>
          <input inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} data-testid="threshold" {...aria('options.thresholdSeconds')} />
          {errorText('options.thresholdSeconds')}
        </label>
      )}
      <label className="field">
        <span className="field__label">Window</span>
        <select value={window} onChange={(e) => setWindow(e.target.value as StandardWindow)} data-testid="window">
          {STANDARD_WINDOWS.map((w) => (
            <option key={w} value={w}>
              {WINDOW_LABEL[w] ?? w}
            </option>
          ))}
        </select>
        {errorText('window')}
      </label>
      <div className="standard-editor__actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="save-standard">
          {busy ? 'Saving…' : 'Save'}
        </button>
        {mayPreview && (
          <button type="button" className="button" onClick={() => void showPreview()} data-testid="preview-standard">
            What if?
          </button>
        )}
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {previewError && (
        <p className="field-error" role="alert">
          {previewError}
        </p>
      )}
      {preview && <WhatIfTable result={preview} unit={unit} />}
    </form>
  );
}

const columnOf = (key: string) => (key === 'center' ? 'Center' : key.startsWith('queue:') ? key.slice(6) : CHANNEL_LABEL[key as keyof typeof CHANNEL_LABEL]);

/** Current and proposed figures and tiers, per period and column. */
function WhatIfTable({ result, unit }: { result: WhatIfResult; unit: Unit }) {
  const cell = (r: WhatIfResult['periods'][number]['proposed'][number] | undefined) =>
    r ? (
      <>
        <strong>{formatFigure(r.figure, unit)}</strong> <span aria-hidden="true">{resultLook(r).icon}</span> {resultLook(r).text}
      </>
    ) : (
      '—'
    );
  return (
    <table className="what-if" data-testid="what-if">
      <caption>What if: the figures and tiers as the standard is, and as drafted (nothing saved)</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col">Column</th>
          <th scope="col">As it is</th>
          <th scope="col">As drafted</th>
        </tr>
      </thead>
      <tbody>
        {result.periods.flatMap((p) =>
          p.proposed.map((r) => (
            <tr key={`${p.label}-${r.key}`} data-testid={`what-if-${p.label.replace(/ /g, '-')}-${r.key}`}>
              <th scope="row">{p.label}</th>
              <td>{columnOf(r.key)}</td>
              <td data-status={p.current?.find((c) => c.key === r.key)?.status ?? 'none'}>{cell(p.current?.find((c) => c.key === r.key))}</td>
              <td data-status={r.status}>{cell(r)}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
