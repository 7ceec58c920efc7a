import type { ReportJob } from '../../../../shared/api';
import { formatCount } from '../../../../shared/format';

interface ReportJobPanelProps {
  job: ReportJob;
  /** The desktop app shows the folder; a browser downloads each file from the host. */
  runtime: 'desktop' | 'browser';
  onCancel: () => void;
  onReveal: () => void;
  revealError: string | null;
}

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${formatCount(Math.round(bytes / 1024))} KB`);

/** An export under way (its progress, Cancel), then its files or what went wrong. */
export function ReportJobPanel({ job, runtime, onCancel, onReveal, revealError }: ReportJobPanelProps) {
  const percent = Math.round(job.progress * 100);
  return (
    <section className="panel report-job" aria-labelledby="report-job-title" data-testid="report-job" data-state={job.state}>
      <h2 className="panel__title" id="report-job-title">
        Export of {job.period.label}
      </h2>
      <div className="report-job__progress">
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label="Export progress" data-testid="report-progress">
          <div className="progress__bar" style={{ width: `${percent}%` }} />
        </div>
        <span className="report-job__stage" data-testid="report-stage">
          {job.state === 'running' ? `${percent}% · ${job.stage}` : job.state === 'done' ? `Done · ${job.files.length} files` : job.state === 'cancelled' ? 'Cancelled' : 'Failed'}
        </span>
        {job.state === 'running' && (
          <button type="button" className="button button--danger" onClick={onCancel} data-testid="report-cancel">
            Cancel
          </button>
        )}
      </div>
      {job.state === 'failed' && (
        <p className="banner banner--warn" role="alert" data-testid="report-failed">
          The export failed: {job.error}
        </p>
      )}
      {job.state === 'done' && (
        <>
          <ul className="report-files" data-testid="report-files">
            {job.files.map((f) => (
              <li key={f.name} className="report-files__file" data-testid="report-file" data-file={f.name}>
                {runtime === 'browser' ? (
                  <a href={`/reports/${encodeURIComponent(job.id)}/${encodeURIComponent(f.name)}`} download={f.name}>
                    {f.name}
                  </a>
                ) : (
                  <span>{f.name}</span>
                )}
                <span className="report-files__size">{size(f.bytes)}</span>
              </li>
            ))}
          </ul>
          {runtime === 'desktop' && job.folder !== null && (
            <div className="form-actions">
              <span className="report-job__folder" data-testid="report-folder">
                Saved in <code>{job.folder}</code>
              </span>
              <button type="button" className="button" onClick={onReveal} data-testid="report-reveal">
                Show in folder
              </button>
              {revealError && <span className="field-error">{revealError}</span>}
            </div>
          )}
          {runtime === 'browser' && <p className="field__hint">The host keeps these files for 30 minutes.</p>}
        </>
      )}
    </section>
  );
}
