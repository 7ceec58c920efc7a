/**
 * `npm run cli -- report`: the weekly review's files from a database, read only (no engine; a missing database
 * refused), in the center's calendar stored in it (`--time-zone` overrides the zone for this run).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultCenter } from '../core/center/center-settings';
import { DEFAULT_SHORT_ABANDON_SECONDS } from '../core/model/types';
import { buildReport, parseScope } from '../core/reports/report-model';
import { PAPER_SIZES, REPORT_FORMATS, reportFiles, type PaperSize, type ReportFormat } from '../core/reports/report-files';
import { datePeriod, weekPeriod } from '../core/reports/report-period';
import { openStoreReader } from '../core/store/open-store-reader';
import { isValidTimeZone } from '../core/time/business-day';
import { defaultDbPath } from './paths';


interface ReportFlags {
  db?: string;
  simulated?: boolean;
  week?: string;
  from?: string;
  to?: string;
  timeZone?: string;
  scope?: string;
  format: string;
  shortAbandon?: number;
  paper: PaperSize;
  out: string;
  standards: 'period-end' | 'current';
  agents: boolean;
}

/** Writes each file under a temporary name, then renames it: a reader never sees half a file. */
function writeFiles(dir: string, files: Record<string, string | Buffer>): { file: string; bytes: number }[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new Error(`--out ${dir}: cannot make the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return Object.entries(files).map(([name, content]) => {
    const file = join(dir, name);
    const temporary = `${file}.${process.pid}.part`;
    try {
      writeFileSync(temporary, content);
      renameSync(temporary, file);
    } catch (e) {
      throw new Error(`--out ${dir}: cannot write ${name} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    return { file, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.length };
  });
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('Write the weekly review of a period as files (CSV: one a section; XLSX: a sheet a section; PDF: paginated, with a chart; docs/reports.md).')
    .option('--db <path>', "SQLite database (default: the user data folder's floorboard.db)")
    .option('--simulated', "the simulated floor's database instead")
    .option('--week <iso-week>', 'an ISO week, e.g. 2026-W48, begun on the center\'s first day of the week')
    .option('--from <date>', 'first day (YYYY-MM-DD), with --to')
    .option('--to <date>', 'the day after the last one (exclusive, as in metrics)')
    .option('--time-zone <zone>', "the center's zone for this run (default: the database's)")
    .option('--scope <list>', 'channel:NAME and queue:NAME, comma-separated: their union (default: every contact)')
    .addOption(new Option('--format <list>', `file formats, comma-separated: ${REPORT_FORMATS.join(', ')}`).default('csv'))
    .option('--short-abandon <seconds>', `abandons shorter than this are short (default ${DEFAULT_SHORT_ABANDON_SECONDS})`, (v) => {
      const n = Number(v);
      if (!(n >= 0 && n <= 3600)) throw new InvalidArgumentError('--short-abandon must be a number of seconds from 0 to 3600.');
      return n;
    })
    .addOption(new Option('--standards <which>', 'judge by the standards in force at the period end (default) or by those in force now').choices(['period-end', 'current']).default('period-end'))
    .option('--no-agents', 'leave the agents section out (names, handle times, not-ready time)')
    .addOption(
      new Option('--paper <size>', `the PDF's paper: ${PAPER_SIZES.map((p) => p.toLowerCase()).join(' or ')}`).default('A4', 'a4').argParser((v) => {
        const paper = PAPER_SIZES.find((p) => p.toLowerCase() === v.toLowerCase());
        if (!paper) throw new InvalidArgumentError(`--paper ${v.slice(0, 20)}: write ${PAPER_SIZES.map((p) => p.toLowerCase()).join(' or ')}`);
        return paper;
      }),
    )
    .requiredOption('--out <dir>', 'the folder to write the files into (made if missing)')
    .action(async (o: ReportFlags) => {
      const formats = o.format.split(',').map((f) => f.trim());
      for (const f of formats) if (!(REPORT_FORMATS as readonly string[]).includes(f)) throw new InvalidArgumentError(`--format ${f}: this version writes ${REPORT_FORMATS.join(', ')}`);
      if (o.timeZone !== undefined && !isValidTimeZone(o.timeZone)) throw new InvalidArgumentError(`--time-zone: unknown time zone "${o.timeZone.slice(0, 60)}"`);
      if ((o.week === undefined) === (o.from === undefined && o.to === undefined)) throw new InvalidArgumentError('give either --week 2026-W48, or --from DATE --to DATE');
      const scope = parseScope(o.scope);
      if (!scope.ok) throw new InvalidArgumentError(scope.reason);
      const store = openStoreReader({ path: resolve(o.db ?? defaultDbPath(Boolean(o.simulated))) });
      try {
        const stored = store.centerSettings();
        const fallback = defaultCenter('Contact center', Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
        const calendar = { timeZone: o.timeZone ?? stored.timeZone ?? fallback.timeZone, resetHour: stored.resetHour ?? 0, weekStart: stored.weekStart ?? fallback.weekStart };
        const period = o.week !== undefined ? weekPeriod(o.week, calendar) : datePeriod(o.from ?? '', o.to ?? '', calendar);
        if (!period.ok) throw new InvalidArgumentError(period.reason);
        const report = buildReport(store, { period: period.period, scope: scope.scope, shortAbandonSeconds: o.shortAbandon ?? DEFAULT_SHORT_ABANDON_SECONDS, resetHour: calendar.resetHour, standards: o.standards, now: Date.now(), agents: o.agents });
        const files = writeFiles(resolve(o.out), await reportFiles(report, formats as ReportFormat[], { created: Date.now(), paper: o.paper, centerName: stored.name ?? undefined }));
        console.log(JSON.stringify({ period: period.period.label, from: new Date(period.period.from).toISOString(), to: new Date(period.period.to).toISOString(), timeZone: calendar.timeZone, empty: report.empty, offered: report.center.offered, files }));
      } finally {
        store.close();
      }
    });
}
