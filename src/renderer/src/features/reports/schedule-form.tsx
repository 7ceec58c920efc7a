import { useState } from 'react';
import { REPORT_PRESETS } from '../../../../shared/api';
import type { ReportScheduleView } from '../../../../shared/api-reports';
import { useClient } from '../../api/client-context';
import { errorsByField, TextField, useFieldErrors } from './form-fields';
import { PERIOD_LABEL } from './report-request';
import { CRON_EXAMPLES, NEW_SCHEDULE, scheduleArgs, scheduleFieldOf, type ScheduleField, type ScheduleForm } from './schedule-request';

interface ScheduleFormProps {
  /** The formats the host writes. */
  formats: readonly string[];
  /** A browser: the folder is on the host machine, not on this computer (said on the form). */
  runtime: 'desktop' | 'browser';
  timeZone: string;
  onAdded: (schedule: ReportScheduleView) => void;
  onCancel: () => void;
}

/**
 * A new schedule: when (a cron in the center's zone, with examples), the period and files, the folder and who is
 * mailed. The host checks every field (the CLI's checks); what it refuses is said next to that field.
 */
export function ScheduleFormPanel({ formats, runtime, timeZone, onAdded, onCancel }: ScheduleFormProps) {
  const client = useClient();
  const [form, setForm] = useState<ScheduleForm>(NEW_SCHEDULE);
  const [errors, setErrors] = useState<Map<ScheduleField | 'form', string>>(new Map());
  const [busy, setBusy] = useState(false);
  const { error, invalid } = useFieldErrors(errors, 'schedule');
  const set = (change: Partial<ScheduleForm>) => setForm({ ...form, ...change });

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const read = scheduleArgs(form);
    if (!read.ok) return setErrors(read.errors);
    setBusy(true);
    try {
      onAdded(await client.call('reports/schedule-add', read.args));
      setErrors(new Map());
      setForm(NEW_SCHEDULE);
    } catch (e) {
      setErrors(errorsByField(e, scheduleFieldOf));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="report-form schedule-form" aria-label="New schedule" noValidate onSubmit={submit} data-testid="schedule-form">
      <div className="field-row">
        <TextField label="Name" hint="Also the name of its folder: “weekly review”" problem={error('name')} value={form.name} onChange={(e) => set({ name: e.target.value })} maxLength={64} data-testid="schedule-name" {...invalid('name')} />
        <TextField label={`When (cron, ${timeZone})`} hint="minute hour day month weekday" problem={error('cron')} value={form.cron} onChange={(e) => set({ cron: e.target.value })} className="schedule-form__cron" data-testid="schedule-cron" {...invalid('cron')} />
      </div>
      <div className="report-form__choices" role="group" aria-label="Examples">
        {CRON_EXAMPLES.map((x) => (
          <button key={x.cron} type="button" className="button schedule-form__example" onClick={() => set({ cron: x.cron })} aria-pressed={form.cron === x.cron}>
            {x.words}
          </button>
        ))}
      </div>
      <div className="field-row">
        <label className="field">
          <span className="field__label">Period of each run</span>
          <select value={form.period} onChange={(e) => set({ period: e.target.value as ScheduleForm['period'] })} data-testid="schedule-period">
            {REPORT_PRESETS.map((p) => (
              <option key={p} value={p}>
                {PERIOD_LABEL[p]}
              </option>
            ))}
          </select>
          {error('period')}
        </label>
        <fieldset className="field report-form__group">
          <legend className="field__label">Files</legend>
          <div className="report-form__choices">
            {formats.map((f) => (
              <label key={f} className="choice">
                <input type="checkbox" checked={form.formats.includes(f)} onChange={(e) => set({ formats: e.target.checked ? [...form.formats, f] : form.formats.filter((x) => x !== f) })} data-testid={`schedule-format-${f}`} />
                <span>{f.toUpperCase()}</span>
              </label>
            ))}
            <label className="choice">
              <input type="checkbox" checked={form.agents} onChange={(e) => set({ agents: e.target.checked })} />
              <span>Agents</span>
            </label>
          </div>
          {error('formats')}
        </fieldset>
      </div>
      <TextField
        label="Folder"
        hint={`${runtime === 'browser' ? 'A full path on the host machine, where Floorboard runs: not on this computer.' : 'A full path on this computer.'} Each run writes NAME/PERIOD/ in it.`}
        problem={error('folder')}
        value={form.folder}
        onChange={(e) => set({ folder: e.target.value })}
        placeholder="/srv/floorboard/reports"
        data-testid="schedule-folder"
        {...invalid('folder')}
      />
      <TextField
        label="Mail the files to"
        hint="Optional, through the SMTP server below. Over 20 MiB, the mail says where the files are."
        problem={error('recipients')}
        value={form.recipients}
        onChange={(e) => set({ recipients: e.target.value })}
        placeholder="manager@example.com, qa@example.com"
        data-testid="schedule-recipients"
        {...invalid('recipients')}
      />
      <div className="field-row">
        <TextField label="Runs kept" problem={error('keep')} value={form.keep} onChange={(e) => set({ keep: e.target.value })} inputMode="numeric" data-testid="schedule-keep" {...invalid('keep')} />
        <TextField label="Wait after the time (minutes)" hint="For late events" problem={error('settleMinutes')} value={form.settleMinutes} onChange={(e) => set({ settleMinutes: e.target.value })} inputMode="numeric" data-testid="schedule-settle" {...invalid('settleMinutes')} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="schedule-add">
          Add schedule
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        {error('form')}
      </div>
    </form>
  );
}
