/**
 * Report benchmarks (issue 15): the Anonymous Bank week 1999-W06 built from its database and written as PDF, XLSX and
 * CSV, and a long PDF (the same week's figures under 300 queue names, a fifth of them Chinese): time and size. The
 * first PDF of a process pays for loading pdfkit's font engine, ECharts and the font files; it is shown apart.
 */
import { readFileSync } from 'node:fs';
import { manualClock } from '../src/core/clock';
import { createEngine } from '../src/core/engine';
import { createCsvAdapter } from '../src/core/ingest/csv';
import { anonymousBankMapping } from '../src/core/ingest/csv-anonymous-bank';
import { numberLines } from '../src/core/ingest/source-lines';
import { reportCsvFiles } from '../src/core/reports/report-csv';
import { buildReport, type Report } from '../src/core/reports/report-model';
import { weekPeriod } from '../src/core/reports/report-period';
import { reportPdf } from '../src/core/reports/report-pdf';
import { reportXlsx } from '../src/core/reports/report-xlsx';
import { openDatabase } from '../src/core/store/database';
import { tempDbPath } from '../test/helpers/engine';
import { BANK_FILE } from '../test/helpers/host';

type Print = (name: string, value: string) => void;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const RUNS = 5;

async function timed<T>(make: () => Promise<T> | T): Promise<{ ms: number[]; last: T }> {
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    last = await make();
    ms.push(performance.now() - t);
  }
  return { ms, last: last as T };
}
const range = (ms: number[]) => `${fmt(Math.min(...ms), 0)} – ${fmt(Math.max(...ms), 0)}`;

function bankWeek(): { report: Report; buildMs: number } {
  const db = openDatabase({ path: tempDbPath() });
  const engine = createEngine({ db, clock: manualClock(Date.parse('1999-03-01T12:00:00Z')), center: { name: 'bench', timeZone: 'Asia/Jerusalem', resetHour: 0 }, dbPath: 'bench', version: 'bench', runtime: 'node' });
  engine.ingestWith(createCsvAdapter(anonymousBankMapping()), 'calls-1999-02.tsv', numberLines(readFileSync(BANK_FILE, 'utf8')));
  const period = weekPeriod('1999-W06', { timeZone: 'Asia/Jerusalem', resetHour: 0, weekStart: 'sunday' });
  if (!period.ok) throw new Error(period.reason);
  const t = performance.now();
  const report = buildReport(engine.store, { period: period.period, scope: { channels: [], queues: [] }, shortAbandonSeconds: 5 });
  const buildMs = performance.now() - t;
  engine.stop();
  db.close();
  return { report, buildMs };
}

export async function benchReports(print: Print): Promise<void> {
  const { report, buildMs } = bankWeek();
  print('report: Anonymous Bank week, build from the db (ms)', fmt(buildMs, 0));
  const created = Date.parse('2026-12-07T08:00:00Z');
  let t = performance.now();
  const first = await reportPdf(report, { created, paper: 'A4' });
  print('report: first PDF of the process (ms)', fmt(performance.now() - t, 0));
  const pdf = await timed(() => reportPdf(report, { created, paper: 'A4' }));
  print(`report: PDF, A4, 3 pages (ms, ${RUNS} runs)`, range(pdf.ms));
  print('report: PDF size (KB)', fmt(first.length / 1000, 1));
  const xlsx = await timed(() => reportXlsx(report, created));
  print(`report: XLSX (ms, ${RUNS} runs)`, range(xlsx.ms));
  print('report: XLSX size (KB)', fmt(xlsx.last.length / 1000, 1));
  const csv = await timed(() => reportCsvFiles(report));
  print(`report: CSV, 4 files (ms, ${RUNS} runs)`, range(csv.ms));

  // 300 queues (a fifth with Chinese names: the CJK font is parsed and subset) x the week's days
  const queues = Array.from({ length: 300 }, (_, i) => ({ ...report.queues[i % report.queues.length], queue: i % 5 === 0 ? `销售 ${i}` : `Queue ${i}` }));
  const long: Report = { ...report, queues };
  t = performance.now();
  const longFirst = await reportPdf(long, { created, paper: 'A4' });
  print('report: PDF, 300 queues, first with the CJK font (ms)', fmt(performance.now() - t, 0));
  const longPdf = await timed(() => reportPdf(long, { created, paper: 'A4' }));
  const pages = Number(/\/Type \/Pages\n\/Count (\d+)/.exec(longFirst.toString('latin1'))?.[1] ?? NaN);
  print(`report: PDF, 300 queues, ${pages} pages (ms, ${RUNS} runs)`, range(longPdf.ms));
  print('report: PDF, 300 queues, size (KB)', fmt(longFirst.length / 1000, 1));
}
