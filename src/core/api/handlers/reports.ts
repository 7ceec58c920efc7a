/**
 * `reports/*`: a period's preview and its export as files, both built off the floor's thread (core/reports/
 * report-jobs.ts). `reports/reveal` only where the runtime can show a folder (the desktop app): it resolves the job's
 * own folder and takes no path from the caller.
 */
import type { Handlers, ReportScopeArgs } from '../../../shared/api';
import type { CenterCalendar } from '../../reports/report-period';
import type { ReportFormat } from '../../reports/report-files';
import { REPORT_FORMATS } from '../../reports/report-files';
import type { ReportJobs } from '../../reports/report-jobs';
import type { ReportOptions } from '../../reports/report-model';
import { resolvePeriod } from '../../reports/report-request';
import type { ReportScheduleMethod } from './reports-schedules';

export interface ReportsHandlerDeps {
  jobs: ReportJobs;
  calendar: CenterCalendar;
  /** The center's clock: what "last week" means. */
  centerNow: () => number;
  shortAbandonSeconds: number;
  /** The desktop app: show this file in its folder (shell.showItemInFolder). */
  reveal?: (file: string) => void;
}

/** The exports' handlers (the schedules' are in reports-schedules.ts). */
type ReportsHandlers = Omit<Handlers<'reports'>, 'reports/reveal' | ReportScheduleMethod> & Partial<Pick<Handlers<'reports'>, 'reports/reveal'>>;

export function reportsHandlers(d: ReportsHandlerDeps): ReportsHandlers {
  const options = (period: Parameters<typeof resolvePeriod>[0], scope: ReportScopeArgs | undefined): ReportOptions => ({
    period: resolvePeriod(period, d.centerNow(), d.calendar),
    scope: { channels: scope?.channels ?? [], queues: scope?.queues ?? [] },
    shortAbandonSeconds: d.shortAbandonSeconds,
    resetHour: d.calendar.resetHour,
    now: d.centerNow(),
  });
  const handlers: ReportsHandlers = {
    'reports/preview': async ({ period, scope }) => {
      const o = options(period, scope);
      const r = await d.jobs.preview(o);
      return { period: { ...o.period }, empty: r.empty, center: r.center, channels: r.channels, formats: [...REPORT_FORMATS] };
    },
    'reports/export': ({ period, scope, formats, agents }) => d.jobs.start({ options: { ...options(period, scope), agents: agents ?? true }, formats: formats as ReportFormat[] }),
    'reports/job': ({ id }) => d.jobs.job(id),
    'reports/cancel': ({ id }) => d.jobs.cancel(id),
  };
  const reveal = d.reveal;
  if (reveal) {
    handlers['reports/reveal'] = ({ id }) => {
      const { folder, first } = d.jobs.folder(id);
      reveal(first);
      return { shown: folder };
    };
  }
  return handlers;
}
