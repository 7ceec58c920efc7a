import { useCallback, useEffect, useState } from 'react';
import type { ReportRunView, ReportScheduleView, SmtpSettingsView } from '../../../../shared/api-reports';
import { useClient } from '../../api/client-context';
import { ScheduleFormPanel } from './schedule-form';
import { ScheduleList } from './schedule-list';
import { SmtpForm } from './smtp-form';

/** How many runs the log shows. */
const RUNS_SHOWN = 10;

/**
 * The Reports screen's schedules: the list with each one's next run in the center's zone, Add (a form), Remove, a
 * run log per schedule, and the SMTP server they mail through. The host runs a schedule added here from its next
 * minute on; no restart.
 */
export function SchedulesPanel({ formats, runtime }: { formats: readonly string[]; runtime: 'desktop' | 'browser' }) {
  const client = useClient();
  const [list, setList] = useState<{ timeZone: string; schedules: ReportScheduleView[] } | null>(null);
  const [smtp, setSmtp] = useState<SmtpSettingsView | null | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<{ name: string; runs: ReportRunView[] | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fail = (e: unknown) => setProblem(e instanceof Error ? e.message : String(e));

  const load = useCallback(() => {
    client.call('reports/schedules', {}).then(setList, fail);
    client.call('reports/smtp-get', {}).then(setSmtp, fail);
  }, [client]);
  useEffect(load, [load]);

  const showRuns = (name: string) => {
    if (open?.name === name) return setOpen(null);
    setOpen({ name, runs: null });
    client.call('reports/runs', { name, limit: RUNS_SHOWN }).then((runs) => setOpen({ name, runs }), fail);
  };
  const remove = (name: string) => {
    if (open?.name === name) setOpen(null);
    client.call('reports/schedule-remove', { name }).then(load, fail);
  };

  const timeZone = list?.timeZone ?? 'UTC';
  return (
    <section className="panel report-schedules" aria-labelledby="report-schedules-title" data-testid="report-schedules">
      <h2 className="panel__title" id="report-schedules-title">
        Schedules
        <span className="report-summary__bounds">times in {timeZone}</span>
      </h2>
      {problem && (
        <p className="banner banner--warn" role="alert">
          {problem}
        </p>
      )}
      {list && <ScheduleList schedules={list.schedules} timeZone={timeZone} open={open} onRuns={showRuns} onRemove={remove} />}
      {adding ? (
        <ScheduleFormPanel
          formats={formats}
          runtime={runtime}
          timeZone={timeZone}
          onAdded={() => {
            setAdding(false);
            load();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <div className="form-actions">
          <button type="button" className="button button--primary" onClick={() => setAdding(true)} data-testid="schedule-new">
            New schedule
          </button>
        </div>
      )}
      <h3 className="report-form__legend">Mail server (SMTP)</h3>
      {smtp !== undefined && <SmtpForm key={smtp?.updatedAt ?? 0} settings={smtp} timeZone={timeZone} onSaved={setSmtp} />}
    </section>
  );
}
