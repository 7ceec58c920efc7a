/**
 * npm run cli -- retention: each kind's retention and its oldest row kept (read only), `retention set KIND DAYS`
 * (taken up by a running host at its next daily purge) and `retention purge` (now, in the same chunks as the
 * host's). docs/security.md "Data lifecycle" says what each kind is and why its minimum.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { resolve } from 'node:path';
import { systemClock } from '../core/clock';
import { defaultTimeZone } from '../core/floorboard';
import { appliedMigrations, DatabaseVersionError, openDatabase, refuseUnknownMigrations } from '../core/store/database';
import { openReadOnly } from '../core/store/open-store-reader';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, oldestKept, RETENTION_KINDS, retentionSettings, setRetentionDays } from '../core/store/retention';
import { createRetentionPurge } from '../core/store/retention-purge';
import { createStoreReader } from '../core/store/store-reader';
import type { StoredCenter } from '../core/center/center-settings';
import { isValidTimeZone } from '../core/time/business-day';
import { formatCount } from '../shared/format';
import { defaultDbPath } from './paths';
import { textTable } from './text-table';

const RETENTION_MIGRATION = '010-retention';
const day = (at: number | null) => (at === null ? '-' : new Date(at).toISOString().slice(0, 10));

/** The flags' calendar, else the center's stored in the database (center set), else the machine's zone and midnight. */
function calendarOf(o: { timeZone?: string; resetHour?: string }, stored: StoredCenter) {
  const timeZone = o.timeZone ?? stored.timeZone ?? defaultTimeZone();
  if (!isValidTimeZone(timeZone)) throw new InvalidArgumentError(`--time-zone: unknown time zone "${o.timeZone}"`);
  const hour = o.resetHour ?? String(stored.resetHour ?? 0);
  const resetHour = Number(hour);
  if (!/^\d{1,2}$/.test(hour) || resetHour > 23) throw new InvalidArgumentError(`--reset-hour: a whole hour 0-23 (got "${hour}")`);
  return { timeZone, resetHour };
}

/** The database named by --db, or the real floor's (never the simulated one's). */
const dbPathOf = (o: { db?: string }) => resolve(o.db ?? defaultDbPath(false));

export function registerRetentionCommands(program: Command): void {
  const retention = program
    .command('retention')
    .description(`Days each kind of data is kept (${RETENTION_KINDS.join(', ')}) and the oldest row kept; "retention set" and "retention purge" change them.`)
    // --db belongs to `retention` and is read by its subcommands too (optsWithGlobals): a subcommand's own --db
    // would be taken by this one first
    .option('--db <path>', 'SQLite database (default: the app\'s)')
    .configureHelp({ showGlobalOptions: true })
    .action((o: { db?: string }) => {
      // read only: nothing is written, so it may run beside the host
      const path = dbPathOf(o);
      const db = openReadOnly({ path });
      try {
        const applied = appliedMigrations(db)!;
        refuseUnknownMigrations(applied, path);
        if (!applied.some((m) => m.name === RETENTION_MIGRATION)) throw new DatabaseVersionError(`The database ${path} was written by an older version of Floorboard: open it once with Floorboard to bring it up to date.`);
        const settings = retentionSettings(db);
        const oldest = oldestKept(db);
        console.log(
          textTable(
            RETENTION_KINDS.map((kind) => ({
              kind,
              days: `${settings[kind].days}${settings[kind].isDefault ? ' (default)' : ''}`,
              'oldest kept': day(oldest[kind]),
            })),
          ),
        );
      } finally {
        db.close();
      }
    });

  retention
    .command('set')
    .argument('<kind>', RETENTION_KINDS.join(' | '))
    .argument('<days>', `whole days, ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}`)
    .description('Keep one kind this many days; a running host applies it at its next daily purge.')
    .action((kind: string, days: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals<{ db?: string }>();
      const db = openDatabase({ path: dbPathOf(o) });
      try {
        const r = setRetentionDays(db, kind, days, Date.now());
        console.log(`${r.kind}: kept ${r.days} days (from the next purge)`);
      } finally {
        db.close();
      }
    });

  retention
    .command('purge')
    .option('--time-zone <zone>', "the center's IANA time zone (default: the database's, see `center set`)")
    .option('--reset-hour <h>', 'local hour at which "today" restarts (default: the database\'s)')
    .description('Purge now what is older than its retention (as the host does once a day) and print what went.')
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<{ db?: string; timeZone?: string; resetHour?: string }>();
      const db = openDatabase({ path: dbPathOf(o) });
      try {
        const calendar = calendarOf(o, createStoreReader(db).centerSettings());
        const clock = systemClock();
        const r = await createRetentionPurge({ db, clock, wall: clock, calendar }).runNow();
        const settings = retentionSettings(db);
        console.log(
          textTable(
            RETENTION_KINDS.map((kind) => ({
              kind,
              days: String(settings[kind].days),
              'older than': day(r.cutoffs[kind]),
              purged: formatCount(r.counts[kind]),
            })),
          ),
        );
        console.log(`${r.chunks} chunks, the longest ${r.longestChunkMs.toFixed(1)} ms`);
      } finally {
        db.close();
      }
    });
}
