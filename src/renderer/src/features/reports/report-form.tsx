import { CHANNELS } from '../../../../shared/api';
import { CHANNEL_LABEL } from '../floor/channels';
import { useFieldErrors } from './form-fields';
import { PERIOD_CHOICES, PERIOD_LABEL, type ReportField, type ReportForm } from './report-request';

interface ReportFormProps {
  form: ReportForm;
  onChange: (form: ReportForm) => void;
  /** The queues the floor knows (the snapshot's), to pick from. */
  queues: readonly string[];
  /** The formats the host writes (from its preview answer); none yet: the form waits for it. */
  formats: readonly string[];
  errors: ReadonlyMap<ReportField, string>;
  busy: boolean;
  onPreview: () => void;
  onExport: () => void;
}

const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...list, item] : list.filter((x) => x !== item));

/** The period, the scope and the formats of a report, each with the host's refusal said next to it. */
export function ReportFormPanel({ form, onChange, queues, formats, errors, busy, onPreview, onExport }: ReportFormProps) {
  const { id, error, invalid } = useFieldErrors(errors, 'report');
  const set = (change: Partial<ReportForm>) => onChange({ ...form, ...change });

  return (
    <form className="report-form" aria-label="Report" noValidate onSubmit={(e) => (e.preventDefault(), onExport())} data-testid="report-form">
      <fieldset className="report-form__group">
        <legend className="report-form__legend">Period</legend>
        <div className="report-form__choices" role="radiogroup" aria-label="Period">
          {PERIOD_CHOICES.map((p) => (
            <label key={p} className="choice">
              <input type="radio" name={`${id}-period`} checked={form.period === p} onChange={() => set({ period: p })} data-testid={`report-period-${p}`} />
              <span>{PERIOD_LABEL[p]}</span>
            </label>
          ))}
        </div>
        {form.period === 'custom' && (
          <div className="field-row">
            <label className="field">
              <span className="field__label">First day</span>
              <input type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} data-testid="report-from" {...invalid('from')} />
              {error('from')}
            </label>
            <label className="field">
              <span className="field__label">Up to (not included)</span>
              <input type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} data-testid="report-to" {...invalid('to')} />
              <span className="field__hint">The day after the last one, as in metrics</span>
              {error('to')}
            </label>
          </div>
        )}
        {error('period')}
      </fieldset>

      <fieldset className="report-form__group">
        <legend className="report-form__legend">Scope</legend>
        <span className="field__hint">Nothing ticked: every contact. Otherwise the contacts of any channel or queue ticked.</span>
        <div className="report-form__choices" data-testid="report-channels">
          {CHANNELS.map((c) => (
            <label key={c} className="choice">
              <input type="checkbox" checked={form.channels.includes(c)} onChange={(e) => set({ channels: toggle(form.channels, c, e.target.checked) })} data-testid={`report-channel-${c}`} />
              <span>{CHANNEL_LABEL[c]}</span>
            </label>
          ))}
        </div>
        {queues.length > 0 && (
          <div className="report-form__queues" role="group" aria-label="Queues" data-testid="report-queues">
            {queues.map((q) => (
              <label key={q} className="choice">
                <input type="checkbox" checked={form.queues.includes(q)} onChange={(e) => set({ queues: toggle(form.queues, q, e.target.checked) })} />
                <span>{q}</span>
              </label>
            ))}
          </div>
        )}
        {error('scope')}
      </fieldset>

      <fieldset className="report-form__group">
        <legend className="report-form__legend">Files</legend>
        <div className="report-form__choices" data-testid="report-formats">
          {formats.map((f) => (
            <label key={f} className="choice">
              <input type="checkbox" checked={form.formats.includes(f)} onChange={(e) => set({ formats: toggle(form.formats, f, e.target.checked) })} data-testid={`report-format-${f}`} />
              <span>{f.toUpperCase()}</span>
            </label>
          ))}
        </div>
        {error('formats')}
        <label className="choice">
          <input type="checkbox" checked={form.agents} onChange={(e) => set({ agents: e.target.checked })} data-testid="report-agents" />
          <span>Agents</span>
        </label>
        <span className="field__hint">Names, handle times and not-ready time per agent. Untick where privacy rules keep them out of reports.</span>
      </fieldset>

      <div className="form-actions">
        <button type="button" className="button" onClick={onPreview} disabled={busy} data-testid="report-preview-button">
          Preview
        </button>
        <button type="submit" className="button button--primary" disabled={busy || form.formats.length === 0} data-testid="report-export">
          Export
        </button>
        {error('form')}
      </div>
    </form>
  );
}
