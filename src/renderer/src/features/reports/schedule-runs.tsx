import type { ReportRunView } from '../../../../shared/api-reports';
import { formatDateTime } from '../../../../shared/format';
import { TableHead } from './table-head';

const STATUS: Record<ReportRunView['status'], string> = { running: 'Running', done: 'Written', failed: 'Failed' };
const MAIL: Record<NonNullable<ReportRunView['mailStatus']>, string> = { sent: 'Sent', 'sent-without-files': 'Sent, files too large to attach', failed: 'Failed: sent again at the next run' };

/** A schedule's last runs, newest first: the due time in the center's zone, the files' outcome and folder, the mail's. */
export function ScheduleRuns({ runs, timeZone }: { runs: readonly ReportRunView[]; timeZone: string }) {
  if (runs.length === 0) return <p className="schedule-runs__empty" data-testid="schedule-runs-empty">No run yet.</p>;
  return (
    <table className="report-table schedule-runs" data-testid="schedule-runs">
      <TableHead titles={['Due', 'Files', 'Mail', 'Folder or error']} />
      <tbody>
        {runs.map((r) => (
          <tr key={r.dueAt} data-testid="schedule-run" data-status={r.status}>
            <td>{formatDateTime(r.dueAt, timeZone)}</td>
            <td className={`schedule-status schedule-status--${r.status}`}>{STATUS[r.status]}</td>
            <td className={r.mailStatus === 'failed' ? 'schedule-status schedule-status--failed' : undefined}>
              {r.mailStatus === null ? '—' : MAIL[r.mailStatus]}
              {r.mailError && <div className="schedule-runs__error">{r.mailError}</div>}
            </td>
            <td className="schedule-runs__where">{r.error ? <span className="schedule-runs__error">{r.error}</span> : <code>{r.folder ?? '—'}</code>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
