/**
 * One report built and written, stage by stage, telling its progress: the same steps in a worker thread
 * (report-worker.ts) and in-process (an in-memory database, which a worker cannot open). Each format is written on
 * its own, so the progress moves between them; the files are the ones `reportFiles` gives the CLI.
 */
import type { ReportSummaryFigures } from '../../shared/api';
import type { StoreReader } from '../store/store';
import { buildReport, type ReportOptions } from './report-model';
import { reportFiles, type ReportFormat } from './report-files';

export interface ReportBuildRequest {
  options: ReportOptions;
  formats: readonly ReportFormat[];
  /** The report's time (epoch ms), written into the files that record one. */
  created: number;
}

export interface ReportBuildResult {
  empty: boolean;
  center: ReportSummaryFigures;
  channels: (ReportSummaryFigures & { channel: ReportOptions['scope']['channels'][number] })[];
  files: Record<string, string | Uint8Array>;
}

export type ReportProgress = (progress: number, stage: string) => void;

/** The figures take the first half of the bar, the files the rest, a format each. */
export async function buildReportFiles(store: StoreReader, r: ReportBuildRequest, progress: ReportProgress): Promise<ReportBuildResult> {
  progress(0.05, 'building the figures');
  const report = buildReport(store, r.options);
  const files: Record<string, string | Uint8Array> = {};
  for (const [i, format] of r.formats.entries()) {
    progress(0.5 + (0.5 * i) / r.formats.length, `writing ${format}`);
    Object.assign(files, await reportFiles(report, [format], { created: r.created }));
  }
  progress(1, 'done');
  return { empty: report.empty, center: report.center, channels: report.channels, files };
}
