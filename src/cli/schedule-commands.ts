/**
 * `npm run cli -- schedule add|list|remove`: scheduled reports kept in the database; the app and the headless host
 * run them on the center's clock (core/reports/report-schedules.ts). Read again at every check: a schedule added
 * while `serve` runs is picked up within a minute. `schedule smtp` sets the server the runs mail through.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { resolve } from 'node:path';
import { KEEP_RUNS, scheduleProblems, SETTLE_MINUTES } from '../core/reports/schedule-input';
import { REPORT_FORMATS } from '../core/reports/report-files';
import { parseScope } from '../core/reports/report-model';
import { openDatabase, type Db } from '../core/store/database';
import { reportScheduleStore, type ReportScheduleRun, type SchedulePeriod } from '../core/store/report-schedules';
import { createStoreReader } from '../core/store/store-reader';
import { defaultTimeZone } from '../core/floorboard';
import { dbOptions, dbPathOf, type DbOption } from './db-option';
import { registerSmtpCommands } from './schedule-smtp-commands';
import { textTable } from './text-table';

/** A problem's field as the flag that set it. */
const FLAG_OF: Record<string, string> = { name: 'name', cron: '--cron', formats: '--format', folder: '--folder', recipients: '--mail-to', keep: '--keep', settleMinutes: '--settle-minutes' };

const when = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z');

/** Opens the named database for one command, with the center's zone (cron times are read in it). */
function withDb<T>(o: DbOption, work: (db: Db, zone: string) => T): T {
  const db = openDatabase({ path: dbPathOf(o) });
  try {
    return work(db, createStoreReader(db).centerSettings().timeZone ?? defaultTimeZone());
  } finally {
    db.close();
  }
}
const withStore = <T>(o: DbOption, work: (store: ReturnType<typeof reportScheduleStore>, zone: string) => T): T => withDb(o, (db, zone) => work(reportScheduleStore(db), zone));

const lastRun = (r: ReportScheduleRun | undefined) => {
  if (!r) return '-';
  const mail = r.mailStatus === null ? '' : `, mail ${r.mailStatus}${r.mailError ? `: ${r.mailError.slice(0, 80)}` : ''}`;
  return `${when(r.dueAt)} ${r.status}${r.error ? `: ${r.error.slice(0, 80)}` : ''}${mail}`;
};

export function registerScheduleCommands(program: Command): void {
  const schedule = program.command('schedule').description('Reports written on a schedule by the app and the headless host (docs/reports.md).');
  dbOptions(schedule.command('add').argument('<name>', 'a name for the schedule'))
    .description('Add a schedule: the report of a period, written into a folder (and mailed) at each due time.')
    .requiredOption('--cron <pattern>', 'when, in the center\'s zone: "0 6 * * 1" is Mondays at 06:00')
    .addOption(new Option('--period <which>', 'the period each run reports').choices(['last-week', 'this-week', 'last-month']).default('last-week'))
    .option('--format <list>', `formats, comma-separated: ${REPORT_FORMATS.join(', ')}`, 'pdf,xlsx')
    .option('--scope <list>', 'channel:NAME and queue:NAME, comma-separated (default: every contact)')
    .option('--no-agents', 'leave the agents section out')
    .requiredOption('--folder <dir>', 'where each run writes <name>/<period>/')
    .option('--mail-to <list>', 'addresses, comma-separated, mailed the files after each run (through "schedule smtp set")')
    .option('--keep <n>', 'runs whose files are kept', String(KEEP_RUNS.default))
    .option('--settle-minutes <n>', 'minutes after the due time before the run (late events)', String(SETTLE_MINUTES.default))
    .action((name: string, o: DbOption & { cron: string; period: SchedulePeriod; format: string; scope?: string; agents: boolean; folder: string; mailTo?: string; keep: string; settleMinutes: string }) => {
      const scope = parseScope(o.scope);
      if (!scope.ok) throw new InvalidArgumentError(scope.reason);
      const input = {
        name,
        cron: o.cron,
        formats: o.format.split(',').map((f) => f.trim()),
        folder: resolve(o.folder),
        recipients: o.mailTo === undefined ? [] : o.mailTo.split(',').map((a) => a.trim()).filter((a) => a !== ''),
        keep: Number(o.keep),
        settleMinutes: Number(o.settleMinutes),
      };
      withStore(o, (store, zone) => {
        const problems = scheduleProblems(input, zone);
        if (problems.length > 0) throw new InvalidArgumentError(problems.map((p) => `${FLAG_OF[p.path.split('.')[0]] ?? p.path} ${p.message}`).join('; '));
        if (store.schedules().some((s) => s.name === name)) throw new InvalidArgumentError(`a schedule named "${name}" exists already`);
        store.add({ ...input, period: o.period, scope: scope.scope, agents: o.agents, createdAt: Date.now() });
        const mailed = input.recipients.length > 0 ? `, mailed to ${input.recipients.join(', ')}` : '';
        console.log(`schedule "${name}": ${o.period} at "${o.cron}" (${zone}), ${input.formats.join(', ')}, into ${input.folder}${mailed}`);
      });
    });
  dbOptions(schedule.command('list'))
    .description('The schedules with their last run: when, status and error.')
    .action((o: DbOption) =>
      withStore(o, (store) => {
        const rows = store.schedules().map((s) => {
          const [last] = store.runs(s.id, 1);
          return { name: s.name, when: s.cron, period: s.period, formats: s.formats.join(','), folder: s.folder, 'mail to': s.recipients.join(', ') || '-', 'last run': lastRun(last) };
        });
        console.log(rows.length === 0 ? 'no schedules' : textTable(rows));
      }),
    );
  dbOptions(schedule.command('remove').argument('<name>', "the schedule's name"))
    .description('Remove a schedule (its files stay).')
    .action((name: string, o: DbOption) =>
      withStore(o, (store) => {
        if (!store.remove(name)) throw new Error(`no schedule named "${name.slice(0, 80)}"`);
        console.log(`removed "${name}"`);
      }),
    );
  registerSmtpCommands(schedule, withDb);
}
