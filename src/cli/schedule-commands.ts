/**
 * `npm run cli -- schedule add|list|remove`: scheduled reports kept in the database; the app and the headless host
 * run them on the center's clock (core/reports/report-schedules.ts). Read again at every check: a schedule added
 * while `serve` runs is picked up within a minute.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { resolve } from 'node:path';
import { cronProblem } from '../core/reports/report-schedules';
import { REPORT_FORMATS } from '../core/reports/report-files';
import { parseScope } from '../core/reports/report-model';
import { openDatabase } from '../core/store/database';
import { reportScheduleStore, type SchedulePeriod } from '../core/store/report-schedules';
import { createStoreReader } from '../core/store/store-reader';
import { defaultTimeZone } from '../core/floorboard';
import { dbOptions, dbPathOf, type DbOption } from './db-option';
import { textTable } from './text-table';

const when = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z');

function withStore<T>(o: DbOption, work: (store: ReturnType<typeof reportScheduleStore>, zone: string) => T): T {
  const db = openDatabase({ path: dbPathOf(o) });
  try {
    return work(reportScheduleStore(db), createStoreReader(db).centerSettings().timeZone ?? defaultTimeZone());
  } finally {
    db.close();
  }
}

export function registerScheduleCommands(program: Command): void {
  const schedule = program.command('schedule').description('Reports written on a schedule by the app and the headless host (docs/reports.md).');
  dbOptions(schedule.command('add').argument('<name>', 'a name for the schedule'))
    .description('Add a schedule: the report of a period, written into a folder at each due time.')
    .requiredOption('--cron <pattern>', 'when, in the center\'s zone: "0 6 * * 1" is Mondays at 06:00')
    .addOption(new Option('--period <which>', 'the period each run reports').choices(['last-week', 'this-week', 'last-month']).default('last-week'))
    .option('--format <list>', `formats, comma-separated: ${REPORT_FORMATS.join(', ')}`, 'pdf,xlsx')
    .option('--scope <list>', 'channel:NAME and queue:NAME, comma-separated (default: every contact)')
    .option('--no-agents', 'leave the agents section out')
    .requiredOption('--folder <dir>', 'where each run writes <name>/<period>/')
    .option('--keep <n>', 'runs whose files are kept', (v) => {
      const n = Number(v);
      if (!(Number.isInteger(n) && n >= 1 && n <= 520)) throw new InvalidArgumentError('--keep must be a whole number from 1 to 520.');
      return n;
    }, 8)
    .option('--settle-minutes <n>', 'minutes after the due time before the run (late events)', (v) => {
      const n = Number(v);
      if (!(Number.isInteger(n) && n >= 0 && n <= 24 * 60)) throw new InvalidArgumentError('--settle-minutes must be a whole number from 0 to 1440.');
      return n;
    }, 60)
    .action((name: string, o: DbOption & { cron: string; period: SchedulePeriod; format: string; scope?: string; agents: boolean; folder: string; keep: number; settleMinutes: number }) => {
      if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/.test(name)) throw new InvalidArgumentError(`"${name.slice(0, 80)}" is not a schedule name: 1-64 letters, digits, spaces, ".", "-" or "_"`);
      const formats = o.format.split(',').map((f) => f.trim());
      for (const f of formats) if (!(REPORT_FORMATS as readonly string[]).includes(f)) throw new InvalidArgumentError(`--format ${f}: one of ${REPORT_FORMATS.join(', ')}`);
      const scope = parseScope(o.scope);
      if (!scope.ok) throw new InvalidArgumentError(scope.reason);
      withStore(o, (store, zone) => {
        const problem = cronProblem(o.cron, zone);
        if (problem) throw new InvalidArgumentError(`--cron ${problem}`);
        if (store.schedules().some((s) => s.name === name)) throw new InvalidArgumentError(`a schedule named "${name}" exists already`);
        store.add({ name, cron: o.cron, period: o.period, formats, scope: scope.scope, agents: o.agents, folder: resolve(o.folder), keep: o.keep, settleMinutes: o.settleMinutes, createdAt: Date.now() });
        console.log(`schedule "${name}": ${o.period} at "${o.cron}" (${zone}), ${formats.join(', ')}, into ${resolve(o.folder)}`);
      });
    });
  dbOptions(schedule.command('list'))
    .description('The schedules with their last run: when, status and error.')
    .action((o: DbOption) =>
      withStore(o, (store) => {
        const rows = store.schedules().map((s) => {
          const [last] = store.runs(s.id, 1);
          return { name: s.name, when: s.cron, period: s.period, formats: s.formats.join(','), folder: s.folder, 'last run': last ? `${when(last.dueAt)} ${last.status}${last.error ? `: ${last.error.slice(0, 80)}` : ''}` : '-' };
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
}
