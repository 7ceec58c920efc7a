/**
 * `npm run cli -- center show|set`: the center's settings in the database (core/center/center-settings.ts), read by
 * the app, the host and every command on it (the console's Center screen sets them too, through `center/set`).
 * A running app or host applies a change at its next start.
 */
import { Command, InvalidArgumentError } from 'commander';
import { centerProblems, WEEK_STARTS, type CenterSettings, type WeekStart } from '../core/center/center-settings';
import { openDatabase } from '../core/store/database';
import { createStoreWriter } from '../core/store/store-writer';
import { dbOptions, dbPathOf, type DbOption } from './db-option';

function checked<K extends keyof CenterSettings>(key: K, flag: string) {
  return (v: string): CenterSettings[K] => {
    const value = (key === 'resetHour' ? Number(v) : v) as CenterSettings[K];
    const problems = centerProblems({ [key]: value });
    if (problems.length > 0) throw new InvalidArgumentError(`${flag} ${v}: ${problems[0]}`);
    return value;
  };
}

export function registerCenterCommands(program: Command): void {
  const center = program.command('center').description("The center's name, time zone, start of day and first day of the week, kept in the database.");
  dbOptions(center.command('show'))
    .description('Print the stored settings (JSON); a setting never stored prints null (its default applies).')
    .action((o: DbOption) => {
      const db = openDatabase({ path: dbPathOf(o) });
      try {
        console.log(JSON.stringify(createStoreWriter(db).centerSettings()));
      } finally {
        db.close();
      }
    });
  dbOptions(center.command('set'))
    .description('Store settings; the others are kept. The app and `serve` apply them at their next start.')
    .option('--name <name>', "the center's name, shown on the console and the reports", checked('name', '--name'))
    .option('--time-zone <zone>', 'its IANA time zone (e.g. Asia/Jerusalem)', checked('timeZone', '--time-zone'))
    .option('--reset-hour <h>', 'the local hour "today" starts (0-23)', checked('resetHour', '--reset-hour'))
    .option('--week-start <day>', `the first day of its week: ${WEEK_STARTS.join(', ')}`, checked('weekStart', '--week-start'))
    .action((o: DbOption & { name?: string; timeZone?: string; resetHour?: number; weekStart?: WeekStart }) => {
      const change: Partial<CenterSettings> = {};
      if (o.name !== undefined) change.name = o.name;
      if (o.timeZone !== undefined) change.timeZone = o.timeZone;
      if (o.resetHour !== undefined) change.resetHour = o.resetHour;
      if (o.weekStart !== undefined) change.weekStart = o.weekStart;
      if (Object.keys(change).length === 0) throw new InvalidArgumentError('nothing to set: give --name, --time-zone, --reset-hour or --week-start');
      const db = openDatabase({ path: dbPathOf(o) });
      try {
        const store = createStoreWriter(db);
        store.saveCenterSettings(change, Date.now());
        console.log(JSON.stringify(store.centerSettings()));
      } finally {
        db.close();
      }
    });
}
