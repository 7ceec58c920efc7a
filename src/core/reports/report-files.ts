/**
 * A report's files in the formats asked for, by name: the one place the CLI, the API and the schedules turn a Report
 * into bytes, so all of them give the same files.
 */
import { reportCsvFiles } from './report-csv';
import type { Report } from './report-model';

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface ReportFileOptions {
  /** The report's time (epoch ms), written into the files that record one (same input, same bytes). */
  created: number;
  /** The PDF's paper (default A4). */
  paper?: PaperSize;
  /** An identifier of this report, in the PDF's footer and info. */
  id?: string;
  /** The center's name, on the PDF's cover and header. */
  centerName?: string;
}

export async function reportFiles(report: Report, formats: readonly ReportFormat[], o: ReportFileOptions): Promise<Record<string, string | Buffer>> {
  const files: Record<string, string | Buffer> = {};
  if (formats.includes('csv')) Object.assign(files, reportCsvFiles(report));
  if (formats.includes('xlsx')) {
    // loaded when asked for too: exceljs cost every start 0.23 s and about 20 MB held for nothing
    const { reportXlsx } = await import('./report-xlsx');
    files['report.xlsx'] = await reportXlsx(report, o.created);
  }
  if (formats.includes('pdf')) {
    // loaded when asked for: pdfkit, ECharts and bidi-js took every CLI command 1.5 - 2 s longer to start
    const { reportPdf } = await import('./report-pdf');
    files['report.pdf'] = await reportPdf(report, { created: o.created, paper: o.paper ?? 'A4', id: o.id, centerName: o.centerName });
  }
  return files;
}
