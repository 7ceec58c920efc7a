import { useCallback, useEffect, useRef, useState } from 'react';
import type { FloorSnapshot, ReportJob, ReportPreview } from '../../../../shared/api';
import type { ConnectionState } from '../../api/client';
import { useClient } from '../../api/client-context';
import { FloorHeader } from '../floor/floor-header';
import { errorsByField } from './form-fields';
import { ReportFormPanel } from './report-form';
import { ReportJobPanel } from './report-job-panel';
import { fieldOf, periodArgs, scopeArgs, type ReportField, type ReportForm } from './report-request';
import { ReportSummary } from './report-summary';
import { SchedulesPanel } from './schedules-panel';
import './reports.css';

interface ReportsViewProps {
  snapshot: FloorSnapshot;
  connection: ConnectionState;
  receivedAt: number | null;
}

/** A running export is asked about this often (its progress goes to this page only: no push). */
const POLL_MS = 300;

const INITIAL: ReportForm = { period: 'last-week', from: '', to: '', channels: [], queues: [], formats: ['csv'], agents: true };

/** The host's refusal, each issue next to its field; anything else under the buttons. */
const errorsOf = (e: unknown): Map<ReportField, string> => errorsByField(e, fieldOf);

/**
 * The admin's Reports screen: a period (presets or dates), a scope and formats; a preview of the summary; an export
 * built on the host off the floor's thread, with its progress and Cancel, then its files: downloads in a browser,
 * the folder and "Show in folder" in the desktop app. Below, the schedules that write (and mail) reports unattended.
 */
export function ReportsView({ snapshot, connection, receivedAt }: ReportsViewProps) {
  const client = useClient();
  const [form, setForm] = useState<ReportForm>(INITIAL);
  const [preview, setPreview] = useState<ReportPreview | null>(null);
  const [formats, setFormats] = useState<string[]>([]);
  const [errors, setErrors] = useState<Map<ReportField, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<ReportJob | null>(null);
  const [revealError, setRevealError] = useState<string | null>(null);
  const formRef = useRef(form);
  formRef.current = form;

  const runPreview = useCallback(async () => {
    setBusy(true);
    try {
      const f = formRef.current;
      const p = await client.call('reports/preview', { period: periodArgs(f), ...(scopeArgs(f) ? { scope: scopeArgs(f) } : {}) });
      setPreview(p);
      setFormats(p.formats);
      setErrors(new Map());
    } catch (e) {
      setPreview(null);
      setErrors(errorsOf(e));
    } finally {
      setBusy(false);
    }
  }, [client]);
  useEffect(() => void runPreview(), [runPreview]);

  // a running job is polled until it ends; leaving the screen stops polling (the job runs on, kept for a while)
  const running = job?.state === 'running' ? job.id : null;
  useEffect(() => {
    if (running === null) return;
    const timer = setInterval(() => {
      client.call('reports/job', { id: running }).then(setJob, (e: unknown) => setErrors(errorsOf(e)));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [client, running]);

  const exportReport = async () => {
    setBusy(true);
    setRevealError(null);
    try {
      const f = formRef.current;
      setJob(await client.call('reports/export', { period: periodArgs(f), formats: f.formats, agents: f.agents, ...(scopeArgs(f) ? { scope: scopeArgs(f) } : {}) }));
      setErrors(new Map());
    } catch (e) {
      setErrors(errorsOf(e));
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    if (job) client.call('reports/cancel', { id: job.id }).then(setJob, (e: unknown) => setErrors(errorsOf(e)));
  };
  const reveal = () => {
    if (job) client.call('reports/reveal', { id: job.id }).then(() => setRevealError(null), (e: unknown) => setRevealError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <div className="floor reports-screen" data-testid="reports-view">
      <FloorHeader snapshot={snapshot} connection={connection} receivedAt={receivedAt} view="reports" />
      <main className="reports-main">
        <section className="panel reports-form-panel">
          <ReportFormPanel
            form={form}
            onChange={setForm}
            queues={[...new Set(snapshot.queues.map((q) => q.name))].sort()}
            formats={formats}
            errors={errors}
            busy={busy || running !== null}
            onPreview={() => void runPreview()}
            onExport={() => void exportReport()}
          />
        </section>
        <div className="reports-results">
          {preview && <ReportSummary preview={preview} />}
          {job && <ReportJobPanel job={job} runtime={client.runtime} onCancel={cancel} onReveal={reveal} revealError={revealError} />}
        </div>
        {formats.length > 0 && <SchedulesPanel formats={formats} runtime={client.runtime} />}
      </main>
    </div>
  );
}
