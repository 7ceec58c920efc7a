/**
 * A report's files in the formats asked for, by name: the one place the CLI, the API and the schedules turn a Report
 * into bytes, so all of them give the same files.
 */
import { reportCsvFiles } from './report-csv';
import type { Report } from './report-model';
import { reportXlsx } from './report-xlsx';

export const REPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `created`: the report's time (epoch ms), written into the files that record one (same input, same bytes). */
export async function reportFiles(report: Report, formats: readonly ReportFormat[], created: number): Promise<Record<string, string | Buffer>> {
  const files: Record<string, string | Buffer> = {};
  if (formats.includes('csv')) Object.assign(files, reportCsvFiles(report));
  if (formats.includes('xlsx')) files['report.xlsx'] = await reportXlsx(report, created);
  return files;
}
