/**
 * `reports/schedules`, `schedule-add`, `schedule-remove`, `runs`, `smtp-*`: the report schedules and their run log,
 * and the center's SMTP server, as the Reports screen edits them. A schedule added here is in the database the
 * scheduler reads at every minute's check, so the running engine picks it up without a restart. The SMTP password
 * goes in and never comes out: every answer is the store's view of it (`passwordSet`).
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Handlers } from '../../../shared/api';
import type { ReportRunView, ReportScheduleView } from '../../../shared/api-reports';
import { nextDue } from '../../reports/report-schedules';
import { describeCron, KEEP_RUNS, SETTLE_MINUTES } from '../../reports/schedule-input';
import type { ReportSchedule, ReportScheduleRun, ReportScheduleStore } from '../../store/report-schedules';
import type { SmtpSettingsStore } from '../../store/smtp-settings';
import { RefusedError } from '../refused';

export type ReportScheduleMethod = 'reports/schedules' | 'reports/schedule-add' | 'reports/schedule-remove' | 'reports/runs' | 'reports/smtp-get' | 'reports/smtp-set' | 'reports/smtp-clear';

export interface ReportScheduleHandlerDeps {
  schedules: ReportScheduleStore;
  smtp: SmtpSettingsStore;
  /** The center's zone: cron times are read in it. */
  timeZone: string;
  /** The center's clock: when the next run is. */
  centerNow: () => number;
  /** The wall clock: when a schedule or a setting was made. */
  wallNow: () => number;
}

const DEFAULT_RUNS = 10;

const runView = (r: ReportScheduleRun): ReportRunView => ({ dueAt: r.dueAt, finishedAt: r.finishedAt, status: r.status, error: r.error, folder: r.folder, mailStatus: r.mailStatus, mailError: r.mailError, mailedAt: r.mailedAt });

/**
 * Why the host could not write into `folder`, or null: the folder, or the nearest folder above it that exists (the
 * run makes the rest), must be a folder the host may write into. Checked when added, so a typo is said at once
 * rather than at Monday 06:00; the run checks again (a folder may go away).
 */
function folderProblem(folder: string): string | null {
  let at = folder;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  try {
    if (!statSync(at).isDirectory()) return `${at} is a file, not a folder`;
    accessSync(at, constants.W_OK);
    return null;
  } catch (e) {
    return `the host cannot write into ${at} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
}

export function reportScheduleHandlers(d: ReportScheduleHandlerDeps): Pick<Handlers<'reports'>, ReportScheduleMethod> {
  const view = (s: ReportSchedule): ReportScheduleView => {
    const due = nextDue(s.cron, d.timeZone, Math.max(d.centerNow() - s.settleMinutes * 60_000, s.createdAt - 1));
    const [last] = d.schedules.runs(s.id, 1);
    return {
      name: s.name,
      cron: s.cron,
      description: describeCron(s.cron),
      period: s.period,
      formats: s.formats,
      scope: s.scope,
      agents: s.agents,
      folder: s.folder,
      recipients: s.recipients,
      keep: s.keep,
      settleMinutes: s.settleMinutes,
      nextRunAt: due === null ? null : due + s.settleMinutes * 60_000,
      lastRun: last ? runView(last) : null,
    };
  };
  const named = (name: string): ReportSchedule => {
    const s = d.schedules.schedules().find((x) => x.name === name);
    if (!s) throw new RefusedError(`no schedule named "${name}"`);
    return s;
  };
  return {
    'reports/schedules': () => ({ timeZone: d.timeZone, schedules: d.schedules.schedules().map(view) }),
    'reports/schedule-add': (a) => {
      if (d.schedules.schedules().some((s) => s.name === a.name)) throw new RefusedError(`a schedule named "${a.name}" exists already`, [{ path: 'name', message: 'a schedule of this name exists already' }]);
      const problem = folderProblem(a.folder);
      if (problem) throw new RefusedError(problem, [{ path: 'folder', message: problem }]);
      d.schedules.add({
        name: a.name,
        cron: a.cron,
        period: a.period,
        formats: a.formats,
        scope: { channels: a.scope?.channels ?? [], queues: a.scope?.queues ?? [] },
        agents: a.agents ?? true,
        folder: a.folder,
        recipients: a.recipients ?? [],
        keep: a.keep ?? KEEP_RUNS.default,
        settleMinutes: a.settleMinutes ?? SETTLE_MINUTES.default,
        createdAt: d.centerNow(),
      });
      return view(named(a.name));
    },
    'reports/schedule-remove': ({ name }) => {
      if (!d.schedules.remove(name)) throw new RefusedError(`no schedule named "${name}"`);
      return { removed: name };
    },
    'reports/runs': ({ name, limit }) => d.schedules.runs(named(name).id, limit ?? DEFAULT_RUNS).map(runView),
    'reports/smtp-get': () => d.smtp.view(),
    'reports/smtp-set': (a) => {
      const stored = d.smtp.settings();
      const user = a.user || null;
      // omitted: the stored password, for the same login only (another login with it would fail at the first mail)
      const password = a.password !== undefined ? a.password || null : stored !== null && stored.user === user ? stored.password : null;
      if (password !== null && user === null) throw new RefusedError('a password needs a user name', [{ path: 'user', message: 'a password needs a user name' }]);
      d.smtp.set({ host: a.host, port: a.port, security: a.security, user, password, from: a.from }, d.wallNow());
      return d.smtp.view()!;
    },
    'reports/smtp-clear': () => ({ cleared: d.smtp.clear() }),
  };
}
