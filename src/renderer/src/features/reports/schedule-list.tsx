import { Fragment, useState } from 'react';
import type { ReportRunView, ReportScheduleView } from '../../../../shared/api-reports';
import { formatDateTime } from '../../../../shared/format';
import { PERIOD_LABEL } from './report-request';
import { ScheduleRuns } from './schedule-runs';
import { TableHead } from './table-head';

interface ScheduleListProps {
  schedules: readonly ReportScheduleView[];
  timeZone: string;
  /** The schedule whose run log is open, and its runs (null while they load). */
  open: { name: string; runs: ReportRunView[] | null } | null;
  onRuns: (name: string) => void;
  onRemove: (name: string) => void;
}

const lastRunText = (r: ReportRunView | null) => (r === null ? 'Not run yet' : r.status === 'failed' || r.mailStatus === 'failed' ? 'Failed' : r.status === 'running' ? 'Running' : 'Done');

/** The schedules: when (in words, else the cron), what, where to and to whom, the next run in the center's zone. */
export function ScheduleList({ schedules, timeZone, open, onRuns, onRemove }: ScheduleListProps) {
  if (schedules.length === 0) return <p className="report-summary__empty" data-testid="schedules-empty">No schedule yet.</p>;
  return (
    <table className="report-table schedule-list" data-testid="schedule-list">
      <TableHead titles={['Name', 'When', 'Reports', 'To', 'Next run', 'Last run', '']} />
      <tbody>
        {schedules.map((s) => (
          <Fragment key={s.name}>
            <tr data-testid="schedule-row" data-schedule={s.name}>
              <th scope="row" className="report-table__label">
                {s.name}
              </th>
              <td>
                {s.description ?? <code>{s.cron}</code>}
                {s.description && <div className="schedule-list__cron">{s.cron}</div>}
              </td>
              <td>
                {PERIOD_LABEL[s.period]}
                <div className="schedule-list__cron">{s.formats.map((f) => f.toUpperCase()).join(', ')}</div>
              </td>
              <td className="schedule-list__where">
                <code>{s.folder}</code>
                {s.recipients.length > 0 && <div>{s.recipients.join(', ')}</div>}
              </td>
              <td>{s.nextRunAt === null ? '—' : formatDateTime(s.nextRunAt, timeZone)}</td>
              <td className={lastRunText(s.lastRun) === 'Failed' ? 'schedule-status schedule-status--failed' : undefined}>{lastRunText(s.lastRun)}</td>
              <td>
                <div className="schedule-list__actions">
                  <button type="button" className="button" aria-expanded={open?.name === s.name} onClick={() => onRuns(s.name)} data-testid="schedule-runs-button">
                    Run log
                  </button>
                  <RemoveControl name={s.name} onRemove={onRemove} />
                </div>
              </td>
            </tr>
            {open?.name === s.name && (
              <tr className="schedule-list__log">
                <td colSpan={7}>{open.runs === null ? 'Loading…' : <ScheduleRuns runs={open.runs} timeZone={timeZone} />}</td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

/** "Remove", then a confirmation in place (its files stay; its run log goes). */
function RemoveControl({ name, onRemove }: { name: string; onRemove: (name: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)} data-testid="schedule-remove">
        Remove
      </button>
    );
  }
  return (
    <span className="form-actions" role="group" aria-label={`Remove ${name}?`}>
      <span>Remove “{name}”? Its files stay.</span>
      <button type="button" className="button button--danger" onClick={() => onRemove(name)} data-testid="schedule-remove-confirm">
        Yes, remove
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </span>
  );
}
