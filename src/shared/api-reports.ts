/**
 * The reports part of the one API contract (src/shared/api.ts merges it into `Api` and re-exports its types): a
 * period's preview and its export as files, built off the floor's thread; the schedules that write (and mail) them
 * at set times, their run log, and the center's SMTP server (docs/reports.md).
 */
import type { Channel, ContactMetrics, FamilyMetrics } from './api';

/** The presets the Reports screen offers, resolved by the host in the center's calendar and on its clock. */
export const REPORT_PRESETS = ['last-week', 'this-week', 'last-month'] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

/**
 * A report's period: an ISO week (begun on the center's first day of the week), business days from one date to
 * another (YYYY-MM-DD, `to` exclusive, as in `metrics`), or a preset (the center's today decides what "last week" is).
 */
export type ReportPeriodArgs = { week: string } | { from: string; to: string } | { preset: ReportPreset };

/** Every contact (both lists empty or no scope), or the union of these channels and queues. */
export interface ReportScopeArgs {
  channels: Channel[];
  queues: string[];
}

/** A report's period as built: its label ("2026-W09", "2026-03-01 to 2026-04-01"), its instants, its zone. */
interface ReportPeriodView {
  label: string;
  from: number;
  /** Exclusive. */
  to: number;
  timeZone: string;
}

/** A group's figures in a report: responsiveness, handling, outcomes and agent time (as `metrics/window` gives them). */
export type ReportSummaryFigures = ContactMetrics & FamilyMetrics;

export interface ReportPreview {
  period: ReportPeriodView;
  /** No contact in the period and scope. */
  empty: boolean;
  center: ReportSummaryFigures;
  channels: (ReportSummaryFigures & { channel: Channel })[];
  /** The file formats this host writes (csv, xlsx...): the export form offers these. */
  formats: string[];
}

type ReportJobState = 'running' | 'done' | 'failed' | 'cancelled';

/** An export, as its one client polls it (`reports/job`): no push goes to anyone else. */
export interface ReportJob {
  id: string;
  state: ReportJobState;
  /** 0-1, with what is being done now ("building the figures", "writing xlsx"). */
  progress: number;
  stage: string;
  period: ReportPeriodView;
  formats: string[];
  /** Done: the files, each downloadable from the host at /reports/<id>/<name> until `expiresAt`. */
  files: { name: string; bytes: number }[];
  /** The desktop app: the folder the files were written to (`reports/reveal` shows it); null elsewhere. */
  folder: string | null;
  error: string | null;
  startedAt: number;
  finishedAt: number | null;
  /** When the host forgets the job and its files (epoch ms); null while it runs. */
  expiresAt: number | null;
}

/** How the SMTP connection is secured: TLS from the start (465), STARTTLS required (587), or none (a local relay). */
export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

/** The center's SMTP server as any client sees it: never its password, only whether one is set. */
export interface SmtpSettingsView {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string | null;
  passwordSet: boolean;
  from: string;
  updatedAt: number;
}

/** `password` omitted: the stored one is kept; null: none. */
interface SmtpSettingsArgs {
  host: string;
  port: number;
  security: SmtpSecurity;
  user?: string | null;
  password?: string | null;
  from: string;
}

/**
 * A run's mail: sent with the files attached; sent without them (over the size cap: the mail says where they are);
 * failed (its error kept; the next run sends it again). Null: the schedule mails nobody.
 */
export type ReportMailStatus = 'sent' | 'sent-without-files' | 'failed';

/** One run of a schedule, for its due time (the center's clock): its files' outcome, then its mail's. */
export interface ReportRunView {
  dueAt: number;
  finishedAt: number | null;
  status: 'running' | 'done' | 'failed';
  error: string | null;
  /** Where its files are (on the host); null for a failed run (it leaves none). */
  folder: string | null;
  mailStatus: ReportMailStatus | null;
  mailError: string | null;
  mailedAt: number | null;
}

/** A schedule as added (`reports/schedule-add`): what to report, when, and where the files go. */
export interface ReportScheduleArgs {
  /** 1-64 letters, digits, spaces, ".", "-" or "_": also its folder's name. */
  name: string;
  /** Five-field cron in the center's zone: "0 6 * * 1" is Mondays at 06:00. */
  cron: string;
  period: ReportPreset;
  formats: string[];
  scope?: ReportScopeArgs;
  agents?: boolean;
  /** An absolute folder on the host (in a browser too: the files are written where the host runs). */
  folder: string;
  /** Mailed the files after each run (none: no mail). */
  recipients?: string[];
  /** Runs whose files are kept (default 8). */
  keep?: number;
  /** Minutes after the due time before the run (late events arrive; default 60). */
  settleMinutes?: number;
}

export interface ReportScheduleView extends Required<Omit<ReportScheduleArgs, 'scope'>> {
  scope: ReportScopeArgs;
  /** The cron in words ("Mondays at 06:00"), or null where it has no short reading (show the cron). */
  description: string | null;
  /** When its next run starts (the next due time and its settle delay), on the center's clock; null: never. */
  nextRunAt: number | null;
  lastRun: ReportRunView | null;
}

/** Reports: built off the floor's thread, exported as files (docs/reports.md, "From the app and the browser"). */
export interface ReportsApi {
  /** The summary of a period and scope, for the screen (built like an export, no files). */
  'reports/preview': (args: { period: ReportPeriodArgs; scope?: ReportScopeArgs }) => Promise<ReportPreview>;
  /**
   * Start an export: answers the job at once; poll `reports/job` for its progress and files. `agents: false` leaves
   * the agents section (names, handle times, not-ready time) out of every file.
   */
  'reports/export': (args: { period: ReportPeriodArgs; scope?: ReportScopeArgs; formats: string[]; agents?: boolean }) => ReportJob;
  'reports/job': (args: { id: string }) => ReportJob;
  /** Stop a running export (its worker is terminated); a finished one is left as it is. */
  'reports/cancel': (args: { id: string }) => ReportJob;
  /** The desktop app only: show the job's own folder in the file manager (no path is taken from the caller). */
  'reports/reveal': (args: { id: string }) => { shown: string };
  /** The schedules, with the center's zone their times are in. */
  'reports/schedules': (args: Record<string, never>) => { timeZone: string; schedules: ReportScheduleView[] };
  /** Add a schedule; the running host picks it up at its next minute's check (no restart). */
  'reports/schedule-add': (args: ReportScheduleArgs) => ReportScheduleView;
  /** Remove a schedule and its run log (its files stay). */
  'reports/schedule-remove': (args: { name: string }) => { removed: string };
  /** A schedule's last runs, the newest first (default 10). */
  'reports/runs': (args: { name: string; limit?: number }) => ReportRunView[];
  /** The center's SMTP server (no password), or null: none set, schedules cannot mail. */
  'reports/smtp-get': (args: Record<string, never>) => SmtpSettingsView | null;
  'reports/smtp-set': (args: SmtpSettingsArgs) => SmtpSettingsView;
  'reports/smtp-clear': (args: Record<string, never>) => { cleared: boolean };
}
