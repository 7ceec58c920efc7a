/** Report schedules and their runs (migrations 014, 015), read and written for core/reports/report-schedules.ts. */
import type { Channel } from '../../shared/api';
import type { ReportMailStatus, ReportRunView } from '../../shared/api-reports';
import type { Db } from './database';

export type SchedulePeriod = 'last-week' | 'this-week' | 'last-month';

export interface ReportSchedule {
  id: number;
  name: string;
  /** Five-field cron, in the center's time zone ("0 6 * * 1": Mondays at 06:00). */
  cron: string;
  period: SchedulePeriod;
  formats: string[];
  scope: { channels: Channel[]; queues: string[] };
  agents: boolean;
  /** The folder each run writes a folder into (schedule name / period label). */
  folder: string;
  /** Mailed each run's files (empty: no mail). */
  recipients: string[];
  /** Runs whose files are kept (older runs' folders are removed). */
  keep: number;
  /** Minutes after a due time before the run starts (late events arrive). */
  settleMinutes: number;
  createdAt: number;
}

/** A run as stored: the run log's view (shared/api-reports.ts) and which schedule's, claimed when. */
export interface ReportScheduleRun extends ReportRunView {
  scheduleId: number;
  claimedAt: number;
}

interface ScheduleRow {
  id: number;
  name: string;
  cron: string;
  period: SchedulePeriod;
  formats: string;
  scope: string;
  agents: number;
  folder: string;
  recipients: string;
  keep: number;
  settle_minutes: number;
  created_at: number;
}

const RUN_COLUMNS = 'schedule_id AS scheduleId, due_at AS dueAt, claimed_at AS claimedAt, finished_at AS finishedAt, status, error, folder, mail_status AS mailStatus, mail_error AS mailError, mailed_at AS mailedAt';

export function reportScheduleStore(db: Db) {
  const s = {
    all: db.prepare<[], ScheduleRow>('SELECT * FROM report_schedules ORDER BY name'),
    add: db.prepare(
      'INSERT INTO report_schedules (name, cron, period, formats, scope, agents, folder, recipients, keep, settle_minutes, created_at) VALUES (@name, @cron, @period, @formats, @scope, @agents, @folder, @recipients, @keep, @settleMinutes, @createdAt)',
    ),
    remove: db.prepare<[string]>('DELETE FROM report_schedules WHERE name = ?'),
    claim: db.prepare<[number, number, number]>("INSERT INTO report_runs (schedule_id, due_at, claimed_at, status) VALUES (?, ?, ?, 'running') ON CONFLICT DO NOTHING"),
    finish: db.prepare<[number, string, string | null, string | null, number, number]>('UPDATE report_runs SET finished_at = ?, status = ?, error = ?, folder = ? WHERE schedule_id = ? AND due_at = ?'),
    runs: db.prepare<[number, number], ReportScheduleRun>(`SELECT ${RUN_COLUMNS} FROM report_runs WHERE schedule_id = ? ORDER BY due_at DESC LIMIT ?`),
    run: db.prepare<[number, number], ReportScheduleRun>(`SELECT ${RUN_COLUMNS} FROM report_runs WHERE schedule_id = ? AND due_at = ?`),
    mailed: db.prepare<[string, string | null, number, number, number]>('UPDATE report_runs SET mail_status = ?, mail_error = ?, mailed_at = ? WHERE schedule_id = ? AND due_at = ?'),
    unmailed: db.prepare<[number], ReportScheduleRun>(`SELECT ${RUN_COLUMNS} FROM report_runs WHERE schedule_id = ? AND status = 'done' AND mail_status = 'failed' ORDER BY due_at`),
  };
  const toSchedule = (r: ScheduleRow): ReportSchedule => ({
    id: r.id,
    name: r.name,
    cron: r.cron,
    period: r.period,
    formats: JSON.parse(r.formats) as string[],
    scope: JSON.parse(r.scope) as ReportSchedule['scope'],
    agents: r.agents === 1,
    folder: r.folder,
    recipients: JSON.parse(r.recipients) as string[],
    keep: r.keep,
    settleMinutes: r.settle_minutes,
    createdAt: r.created_at,
  });
  return {
    schedules: () => s.all.all().map(toSchedule),
    add: (x: Omit<ReportSchedule, 'id'>) => void s.add.run({ ...x, formats: JSON.stringify(x.formats), scope: JSON.stringify(x.scope), recipients: JSON.stringify(x.recipients), agents: x.agents ? 1 : 0 }),
    remove: (name: string) => s.remove.run(name).changes > 0,
    /** Whether this process won the run (another process may have claimed it first). */
    claim: (scheduleId: number, dueAt: number, at: number) => s.claim.run(scheduleId, dueAt, at).changes === 1,
    finish: (scheduleId: number, dueAt: number, at: number, status: 'done' | 'failed', error: string | null, folder: string | null) => void s.finish.run(at, status, error, folder, scheduleId, dueAt),
    runs: (scheduleId: number, limit: number) => s.runs.all(scheduleId, limit),
    run: (scheduleId: number, dueAt: number) => s.run.get(scheduleId, dueAt) ?? null,
    /** A done run's mail outcome (its files' outcome stays as it was). */
    mailed: (scheduleId: number, dueAt: number, at: number, status: ReportMailStatus, error: string | null) => void s.mailed.run(status, error, at, scheduleId, dueAt),
    /** Done runs whose mail failed, the oldest first: sent again at the schedule's next run. */
    unmailed: (scheduleId: number) => s.unmailed.all(scheduleId),
  };
}

export type ReportScheduleStore = ReturnType<typeof reportScheduleStore>;
