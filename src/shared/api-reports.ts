/**
 * The reports part of the one API contract (src/shared/api.ts merges it into `Api` and re-exports its types): a
 * period's preview and its export as files, built off the floor's thread (docs/reports.md).
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
}
