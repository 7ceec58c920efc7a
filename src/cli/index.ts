/**
 * The command line: npm run cli -- <command>. Every command is a thin wrapper over the core.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { createReadStream, createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import { openFloorboard, defaultTimeZone } from '../core/floorboard';
import { canonicalEvent, toEventLine } from '../core/model/events';
import { FEED_FORMATS, type FeedFormat } from '../core/ingest/adapter';
import { createAdapter } from '../core/ingest/adapters';
import { parseFeedSpec } from '../core/feeds/feed-spec';
import { checkSameFile } from '../core/feeds/imports';
import { ABANDON_TRIGGERS } from '../core/ingest/taskrouter';
import { MAX_BATCH_LINE_LENGTH } from '../core/ingest/taskrouter-read';
import { MAX_LINE_LENGTH } from '../core/ingest/source-lines';
import { columnMapping, parseColumnMapping, type CsvMapping } from '../core/ingest/csv';
import { BUILT_IN_CSV_MAPPINGS } from '../core/ingest/csv-mappings';
import { requiredAgents } from '../core/metrics/erlang-c';
import { standardsInForce } from '../core/standards/standards-store';
import { openStoreReader } from '../core/store/open-store-reader';
import { formatOfPath, parseStandards, serializeStandards } from '../core/standards/standards-file';
import { createSimulator } from '../core/simulator/simulator';
import { backupDatabase } from '../core/store/backup';
import { adminSecretPath } from '../core/access/admin-secret';
import type { SurgeSpec } from '../core/ingest/simulated-feed';
import { businessDayStart, isValidTimeZone } from '../core/time/business-day';
import { parseIsoInstant } from '../core/time/iso-instant';
import type { QueueSetting } from '../core/feeds/queue-settings';
import { allowHostName } from '../server/allowed-hosts';
import { startHost } from '../server/host';
import { collectGarbage } from '../server/release-memory';
import { CHANNELS, type AbandonMapping, type Channel, type IngestSummary } from '../shared/api';
import { formatDuration, formatPercent, formatThreshold } from '../shared/format';
import { registerAccessCommands } from './access-commands';
import { registerBoardsCommands } from './boards-commands';
import { registerBoardTokenCommands } from './board-token-commands';
import { createBoardsService } from '../core/boards/boards-store';
import { boardVersionReads, boardVersionWrites } from '../core/store/boards';
import { registerCenterCommands } from './center-commands';
import { registerReportCommand } from './report-command';
import { registerMetricsCommand } from './metrics-command';
import { registerScheduleCommands } from './schedule-commands';
import { cappedLines } from './capped-lines';
import { registerRetentionCommands } from './retention-commands';
import { defaultDbPath, RENDERER_DIR } from './paths';
import pkg from '../../package.json';

const BATCH_LINES = 5000;

/** The center's zone for a command reading a database: the flag, else the database's setting, else the machine's. */
function centerZone(flag: string | undefined, store: { centerSettings(): { timeZone: string | null } }): string {
  return flag ?? store.centerSettings().timeZone ?? defaultTimeZone();
}

/** The login URL for the host's own address (a host on every interface is opened on loopback here). */
function adminLoginUrl(hostUrl: string, secret: string): string {
  const url = new URL(hostUrl);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = '127.0.0.1';
  url.searchParams.set('token', secret);
  return url.href;
}

function loadCsvMapping(spec: string | undefined): CsvMapping {
  if (!spec) throw new InvalidArgumentError('--format csv needs --mapping NAME or FILE');
  const builtIn = BUILT_IN_CSV_MAPPINGS[spec];
  if (builtIn) return builtIn();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(resolve(spec), 'utf8'));
  } catch (e) {
    throw new InvalidArgumentError(`--mapping ${spec}: not a built-in mapping, and not a readable JSON file (${(e as Error).message})`);
  }
  const r = parseColumnMapping(json);
  if (!r.ok) throw new InvalidArgumentError(`--mapping ${spec}: ${r.reason}`);
  return columnMapping(r.mapping);
}

/** --queue-channel QUEUE=CHANNEL[:TIME_ZONE], e.g. "Billing EU=voice:Europe/Paris". */
function parseQueueSettings(specs: string[]): Record<string, QueueSetting> {
  const out: Record<string, QueueSetting> = {};
  for (const spec of specs) {
    const i = spec.lastIndexOf('=');
    const [channel, timeZone] = spec.slice(i + 1).split(/:(.*)/s) as [Channel, string | undefined];
    if (i <= 0 || !CHANNELS.includes(channel)) throw new InvalidArgumentError(`--queue-channel ${spec}: expected QUEUE=${CHANNELS.join('|')}[:TIME_ZONE]`);
    if (timeZone !== undefined && !isValidTimeZone(timeZone)) throw new InvalidArgumentError(`--queue-channel ${spec}: unknown time zone "${timeZone}"`);
    out[spec.slice(0, i)] = timeZone === undefined ? { channel } : { channel, timeZone };
  }
  return out;
}

/** --surge CHANNEL,AFTER_MINUTES,MINUTES,FACTOR, e.g. "voice,0,30,6". */
function parseSurge(spec: string): SurgeSpec {
  const [channel, after, minutes, factor] = spec.split(',');
  const n = [after, minutes, factor].map(Number);
  if (!CHANNELS.includes(channel as Channel) || n.some((x) => !Number.isFinite(x)) || n[0] < 0 || n[1] <= 0 || n[2] < 1 || n[2] > 50) {
    throw new InvalidArgumentError(`--surge ${spec}: expected CHANNEL,AFTER_MINUTES,MINUTES,FACTOR with CHANNEL one of ${CHANNELS.join(', ')}, MINUTES > 0 and FACTOR from 1 to 50`);
  }
  return { channel: channel as Channel, afterMinutes: n[0], minutes: n[1], factor: n[2] };
}

function abandonMappingOf(o: { abandonOn?: string; exitWithKey?: 'left' | 'abandoned' }): AbandonMapping | undefined {
  if (o.abandonOn === undefined && o.exitWithKey === undefined) return undefined;
  const abandonOn = o.abandonOn
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const x of abandonOn ?? []) {
    if (!(ABANDON_TRIGGERS as readonly string[]).includes(x)) throw new InvalidArgumentError(`--abandon-on: "${x}" is not one of ${ABANDON_TRIGGERS.join(', ')}`);
  }
  return { abandonOn: abandonOn as AbandonMapping['abandonOn'], exitWithKey: o.exitWithKey };
}

/** `--feed-dir` folders: each must exist and be a folder, so a typo does not silently refuse every feed. */
function feedDirsOf(dirs: string[]): string[] {
  return dirs.map((d) => {
    const dir = resolve(d);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InvalidArgumentError(`--feed-dir ${d}: not a folder`);
    return dir;
  });
}

const number = (name: string, check: (n: number) => boolean, what: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || !check(n)) throw new InvalidArgumentError(`${name} must be ${what}.`);
  return n;
};
const allowHost = (v: string, previous: string[]) => {
  try {
    return [...previous, allowHostName(v)];
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
};
/** An ISO-8601 date-time flag: checked here, read later in the center's zone when it has no offset. */
const isoInstant = (v: string) => {
  const r = parseIsoInstant(v, 'UTC');
  if (!r.ok) throw new InvalidArgumentError(`${r.reason}.`);
  return v;
};
const timeZoneArg = (v: string) => {
  if (!isValidTimeZone(v)) throw new InvalidArgumentError(`unknown time zone "${v.slice(0, 60)}" (use an IANA name such as Europe/London).`);
  return v;
};
const instantIn = (v: string, zone: string) => {
  const r = parseIsoInstant(v, zone);
  if (!r.ok) throw new InvalidArgumentError(`"${v}": ${r.reason}.`);
  return r.ms;
};

const program = new Command()
  .name('floorboard')
  .description('Floorboard: a live console for call-center floor supervisors.')
  .version(pkg.version)
  .showHelpAfterError();

program
  .command('serve')
  .description('Serve the console and its API over HTTP/WebSocket (loopback by default); Ctrl-C stops it.')
  .option('--port <n>', 'port (0 = any free port)', number('--port', (n) => Number.isInteger(n) && n >= 0 && n < 65536, 'a port number'), 4400)
  .option('--host <address>', 'address to bind (0.0.0.0 exposes it on the LAN)', '127.0.0.1')
  .option('--db <path>', 'SQLite database (default: the user data folder)')
  .option('--simulate', 'run the built-in simulated floor')
  .option('--no-simulate', 'no simulated floor: only real feeds (the default)')
  .option('--speed <x>', 'simulated clock speed (1 = real time)', number('--speed', (n) => n > 0 && n <= 3600, 'between 0 and 3600'), 1)
  .option('--seed <n>', 'simulation seed', number('--seed', Number.isInteger, 'a whole number'), 42)
  .option('--scale <x>', 'simulated center size (1 = about 50 agents)', number('--scale', (n) => n > 0 && n <= 100, 'between 0 and 100'), 1)
  .option('--surge <spec...>', 'simulated floor: a scripted surge CHANNEL,AFTER_MINUTES,MINUTES,FACTOR (e.g. voice,0,30,6: six times the voice calls for 30 min from now)')
  .option('--time-zone <zone>', "the center's IANA time zone for this run (default: the database's, see `center set`; at first start the machine's)")
  .option('--reset-hour <h>', 'local hour at which "today" restarts, for this run (default: the database\'s; at first start 0)', number('--reset-hour', (n) => Number.isInteger(n) && n >= 0 && n <= 23, 'a whole hour 0-23'))
  .option('--renderer <dir>', 'built renderer to serve', RENDERER_DIR)
  .option(
    '--feed <spec...>',
    'a feed to run (kept in the database): [NAME=]FORMAT:PATH follows a file, [NAME=]FORMAT:webhook accepts posts on /feeds/NAME ' +
      '(secret in $FLOORBOARD_TOKEN_<NAME>); append @SECONDS for the heartbeat',
  )
  .option('--feed-dir <dir...>', 'file feeds may only follow files inside these folders (symlinks resolved); without it, any regular file')
  .option('--queue-channel <queue=channel...>', 'a queue\'s channel and time zone where the feed does not declare them: QUEUE=CHANNEL[:ZONE] (queue_log queues are voice by default)')
  .option('--public-url <url>', 'the base URL webhook senders call, when behind a proxy (Twilio signs the exact URL); its host is answered too')
  .option('--allow-host <name>', 'another name this host answers to (a proxy\'s, a DNS alias); repeatable. Loopback, the listening addresses and the machine\'s hostname are answered anyway', allowHost, [] as string[])
  .option('--trust-proxy <address>', 'a reverse proxy whose X-Forwarded-For/-Proto is believed (its address, e.g. 127.0.0.1); repeatable. Without it a forwarded request counts as remote', (v: string, p: string[]) => [...p, v], [] as string[])
  .option('--abandon-on <events>', `taskrouter feeds: events that end a waiting task as abandoned, comma-separated (${ABANDON_TRIGGERS.join(', ')}); default task.canceled,task.transfer-failed`)
  .addOption(new Option('--exit-with-key <outcome>', 'queue_log feeds: EXITWITHKEY counts as left the queue (as Asterisk) or abandoned').choices(['left', 'abandoned']))
  // tests only: the center's clock starts at this instant (at the simulated speed), whatever the wall says
  .addOption(new Option('--test-start-at <iso>').argParser(isoInstant).hideHelp())
  .action(async (o) => {
    const dbPath = resolve(o.db ?? defaultDbPath(Boolean(o.simulate)));
    const specs = ((o.feed ?? []) as string[]).map((spec) => {
      try {
        const f = { ...parseFeedSpec(spec, process.env), mapping: abandonMappingOf(o) };
        return f.path ? { ...f, path: resolve(f.path) } : f;
      } catch (e) {
        throw new InvalidArgumentError((e as Error).message);
      }
    });
    const fb = openFloorboard({
      dbPath,
      runtime: 'node',
      version: pkg.version,
      // the live floor first, the last days read behind it
      fillWeekAfterStart: true,
      afterWeekFill: collectGarbage,
      center: { timeZone: o.timeZone, resetHour: o.resetHour },
      simulate: o.simulate ? { seed: o.seed, speed: o.speed, scale: o.scale, surges: ((o.surge ?? []) as string[]).map(parseSurge) } : null,
      startAt: o.testStartAt === undefined ? undefined : instantIn(o.testStartAt, o.timeZone ?? 'UTC'),
      queues: parseQueueSettings(o.queueChannel ?? []),
      feedDirs: feedDirsOf(o.feedDir ?? []),
      log: (m) => console.error(m),
    });
    let host;
    try {
      for (const spec of specs) fb.engine.feeds.ensure(spec);
      host = await startHost({
        engine: fb.engine,
        dispatch: fb.dispatch,
        rendererDir: resolve(o.renderer),
        port: o.port,
        host: o.host,
        publicUrl: o.publicUrl,
        allowHosts: o.allowHost,
        trustProxy: o.trustProxy,
        access: fb.access,
        reports: fb.reports,
        pairing: fb.pairing,
      });
    } catch (e) {
      fb.close();
      throw e;
    }
    // before the first line: a supervisor that stops the host as soon as it reads "serving" gets a clean stop
    const running = host;
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal}: stopping`);
      await running.close();
      fb.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
    console.log(`Floorboard is serving ${host.url}`);
    console.log(`  admin login: ${adminLoginUrl(host.url, fb.access.adminSecret())}`);
    console.log(`  database: ${dbPath} (admin secret in ${adminSecretPath(dbPath)})`);
    for (const f of fb.engine.feeds.statuses()) {
      console.log(`  feed ${f.name}: ${f.kind} ${f.format} ${f.path ?? `${host.url.replace(/\/$/, '')}${f.webhookPath}`}${f.state === 'paused' ? ' (paused)' : f.state === 'error' ? ` (not followed: ${f.message})` : ''}`);
    }
    console.log(`  ${o.simulate ? `simulated floor (seed ${o.seed}, speed x${o.speed})` : 'real feeds only (no simulation)'}; center ${fb.center.name}, time zone ${fb.center.timeZone}, day from ${fb.center.resetHour}:00, week from ${fb.center.weekStart}`);
  });

program
  .command('ingest')
  .description('Ingest feed files into a database and print a JSON summary.')
  .requiredOption('--db <path>', 'SQLite database')
  .addOption(new Option('--format <format>', 'feed format').choices([...FEED_FORMATS]).default('ndjson'))
  .option('--mapping <name|file>', `CSV column mapping: a built-in one (${Object.keys(BUILT_IN_CSV_MAPPINGS).join(', ')}) or a saved mapping file`)
  .option('--queue-channel <queue=channel...>', 'a queue\'s channel and time zone where the feed does not declare them: QUEUE=CHANNEL[:ZONE] (queue_log queues are voice by default)')
  .option('--trust-proxy <address>', 'a reverse proxy whose X-Forwarded-For/-Proto is believed (its address, e.g. 127.0.0.1); repeatable. Without it a forwarded request counts as remote', (v: string, p: string[]) => [...p, v], [] as string[])
  .option('--abandon-on <events>', `taskrouter: events that end a waiting task as abandoned, comma-separated (${ABANDON_TRIGGERS.join(', ')}); default task.canceled,task.transfer-failed`)
  .addOption(new Option('--exit-with-key <outcome>', 'queue_log: EXITWITHKEY counts as left the queue (as Asterisk) or abandoned').choices(['left', 'abandoned']))
  .argument('<files...>', 'files to ingest')
  .action(async (files: string[], o) => {
    const csvMapping = o.format === 'csv' ? loadCsvMapping(o.mapping) : undefined;
    const fb = openFloorboard({ dbPath: resolve(o.db), runtime: 'node', version: pkg.version, queues: parseQueueSettings(o.queueChannel ?? []), recentDays: 0 });
    const total: IngestSummary & { files: number; lines: number; ignored: Record<string, number> } = { files: 0, lines: 0, accepted: 0, events: 0, duplicates: 0, quarantined: 0, errors: [], ignored: {} };
    const started = performance.now();
    try {
      for (const file of files) {
        const source = resolve(file);
        const adapter = createAdapter(o.format as FeedFormat, fb.engine.adapterContext, { csvMapping, abandonMapping: abandonMappingOf(o) });
        // a line over the adapter's limit is kept to one character more: the adapter quarantines its beginning
        const keep = (o.format === 'taskrouter' ? MAX_BATCH_LINE_LENGTH : MAX_LINE_LENGTH) + 1;
        const rl = cappedLines(createReadStream(source, { highWaterMark: 64 * 1024 }), keep);
        let batch: { position: number; text: string }[] = [];
        let position = 0;
        const flush = () => {
          const r = fb.engine.ingestWith(adapter, source, batch);
          total.accepted += r.accepted;
          total.events += r.events;
          total.duplicates += r.duplicates;
          total.quarantined += r.quarantined;
          for (const e of r.errors) if (total.errors.length < 20) total.errors.push({ ...e, file: source } as (typeof total.errors)[number]);
          batch = [];
        };
        for await (const text of rl) {
          // a file that is not the one ingested before under this path: its lines would all count as duplicates
          if (position === 0) checkSameFile((src, pos) => fb.engine.store.lineAt(src, pos), source, text);
          batch.push({ position: ++position, text });
          if (batch.length >= BATCH_LINES) flush();
        }
        flush();
        for (const [kind, n] of adapter.ignored ?? []) total.ignored[kind] = (total.ignored[kind] ?? 0) + n;
        total.files++;
        total.lines += position;
      }
    } finally {
      fb.close();
    }
    console.log(JSON.stringify({ ...total, seconds: Number(((performance.now() - started) / 1000).toFixed(3)) }, null, 2));
  });

program
  .command('staffing')
  .description('Agents required for a service-level target (Erlang C), and the service level they give.')
  .requiredOption('--calls <n>', 'contacts arriving in the interval', number('--calls', (n) => n >= 0, 'a number >= 0'))
  .option('--interval-minutes <m>', 'interval length', number('--interval-minutes', (n) => n > 0 && n <= 1440, 'between 0 and 1440'), 30)
  .requiredOption('--aht <seconds>', 'average handle time', number('--aht', (n) => n > 0, 'a number of seconds > 0'))
  .option('--target <share>', 'service-level target, 0-1', number('--target', (n) => n > 0 && n < 1, 'between 0 and 1, e.g. 0.8'), 0.8)
  .option('--threshold <seconds>', 'answered within this many seconds', number('--threshold', (n) => n >= 0, 'a number of seconds >= 0'), 20)
  .option('--max-occupancy <share>', 'highest occupancy accepted, 0-1', number('--max-occupancy', (n) => n > 0 && n <= 1, 'in (0, 1]'))
  .option('--concurrency <k>', 'conversations an agent holds at once (chat)', number('--concurrency', (n) => Number.isInteger(n) && n >= 1 && n <= 20, 'a whole number from 1 to 20'), 1)
  .option('--json', 'print JSON')
  .action((o) => {
    const r = requiredAgents({
      arrivals: o.calls,
      intervalSeconds: o.intervalMinutes * 60,
      ahtSeconds: o.aht,
      target: o.target,
      thresholdSeconds: o.threshold,
      maxOccupancy: o.maxOccupancy,
      concurrency: o.concurrency,
    });
    const out = {
      agents: r.agents,
      serviceLevel: r.serviceLevel,
      asaSeconds: r.asaSeconds,
      probabilityOfWaiting: r.probabilityOfWaiting,
      occupancy: r.occupancy,
      trafficErlangs: r.trafficErlangs,
      concurrency: r.concurrency,
      input: { calls: o.calls, intervalMinutes: o.intervalMinutes, ahtSeconds: o.aht, target: o.target, thresholdSeconds: o.threshold, maxOccupancy: o.maxOccupancy ?? null },
      definition: r.definition,
    };
    if (o.json) console.log(JSON.stringify(out, null, 2));
    else {
      console.log(
        `${r.agents} agents for ${o.calls} contacts in ${formatThreshold(o.intervalMinutes * 60)} at ${formatDuration(o.aht)} AHT (${r.trafficErlangs.toFixed(2)} Erlangs): ` +
          `${formatPercent(r.serviceLevel)} within ${formatThreshold(o.threshold)} (target ${formatPercent(o.target)}), ASA ${formatDuration(r.asaSeconds)}, occupancy ${formatPercent(r.occupancy)}`,
      );
      console.log(r.definition);
    }
  });

const standardsCommand = program.command('standards').description('Export or import the service standards (JSON or YAML, by the file extension).');

standardsCommand
  .command('export')
  .argument('<file>', 'a .json, .yaml or .yml file to write')
  .requiredOption('--db <path>', 'SQLite database')
  .option('--at <iso>', 'the standards in force at this instant (default: now)', isoInstant)
  .description('Write the standards in force (and their business-hours calendars) to a file.')
  .action((file: string, o) => {
    const format = formatOfPath(file);
    if (!format) throw new InvalidArgumentError(`${file}: name a .json, .yaml or .yml file`);
    // read only, as metrics: the version in force from the stored versions, the defaults when none is stored
    const store = openStoreReader({ path: resolve(o.db) });
    try {
      const zone = centerZone(undefined, store);
      const v = standardsInForce(store, o.at === undefined ? Date.now() : instantIn(o.at, zone), zone);
      writeFileSync(resolve(file), serializeStandards(v.set, format));
      console.log(JSON.stringify({ file: resolve(file), version: v.version, validFrom: v.validFrom, standards: v.set.standards.length, calendars: v.set.calendars.length }));
    } finally {
      store.close();
    }
  });

standardsCommand
  .command('import')
  .argument('<file>', 'a .json, .yaml or .yml standards file')
  .requiredOption('--db <path>', 'SQLite database')
  .option('--note <text>', 'why (kept with the version)')
  .option('--valid-from <iso>', "in force from this past date or instant (in the center's zone without an offset) until the next later version: imported history judged by the standards it had")
  .description('Check a standards file and save it as the new version, in force from now (or --valid-from); an invalid file changes nothing.')
  .action(async (file: string, o) => {
    const format = formatOfPath(file);
    if (!format) throw new InvalidArgumentError(`${file}: name a .json, .yaml or .yml file`);
    const parsed = parseStandards(readFileSync(resolve(file), 'utf8'), format);
    if (!parsed.ok) {
      for (const i of parsed.issues.slice(0, 20)) console.error(`${file}: ${i.path || '(file)'}: ${i.message}`);
      throw new Error(`${file}: ${parsed.issues.length} problem${parsed.issues.length === 1 ? '' : 's'}; nothing saved`);
    }
    const fb = openFloorboard({ dbPath: resolve(o.db), runtime: 'node', version: pkg.version });
    try {
      const r = await fb.dispatch('standards/save', { set: parsed.set, note: o.note ?? `imported from ${file}`, ...(o.validFrom === undefined ? {} : { validFrom: o.validFrom }) });
      if (!r.ok) throw new Error(r.error.message);
      const v = r.value;
      console.log(JSON.stringify({ version: v.version, validFrom: v.validFrom, standards: v.set.standards.length, calendars: v.set.calendars.length }));
    } finally {
      fb.close();
    }
  });

program
  .command('backup')
  .argument('<file>', 'the new file to write (never overwritten)')
  .requiredOption('--db <path>', 'SQLite database to copy (it may be in use by the app or the host)')
  .description('Copy a database consistently while it is in use (SQLite online backup); prints pages and bytes.')
  .action(async (file: string, o) => {
    const r = await backupDatabase({ from: resolve(o.db), to: resolve(file) });
    console.log(JSON.stringify({ backup: resolve(file), ...r }));
  });

program
  .command('simulate')
  .description('Write a simulated floor as a native NDJSON feed file.')
  .requiredOption('--out <file>', 'output file')
  .option('--hours <h>', 'hours to simulate', number('--hours', (n) => n > 0 && n <= 24 * 31, 'between 0 and 744'), 8)
  .option('--seed <n>', 'seed', number('--seed', Number.isInteger, 'a whole number'), 42)
  .option('--scale <x>', 'center size (1 = about 50 agents)', number('--scale', (n) => n > 0 && n <= 100, 'between 0 and 100'), 1)
  .option('--start <iso>', 'start instant (default: the start of today in the time zone)', isoInstant)
  .option('--time-zone <zone>', "the center's IANA time zone", timeZoneArg, defaultTimeZone())
  .action(async (o) => {
    const start = o.start ? instantIn(o.start, o.timeZone) : businessDayStart(Date.now(), o.timeZone, 0);
    const sim = createSimulator({ seed: o.seed, start, timeZone: o.timeZone, scale: o.scale });
    const out = createWriteStream(resolve(o.out), 'utf8');
    const end = start + o.hours * 3600_000;
    let n = 0;
    for (let t = start; t < end; ) {
      t = Math.min(end, t + 3600_000);
      const chunk = sim.advanceTo(t).map((e) => toEventLine(canonicalEvent.parse(e))).join('\n');
      if (chunk && !out.write(chunk + '\n')) await once(out, 'drain');
      n += chunk ? chunk.split('\n').length : 0;
    }
    out.end();
    await once(out, 'finish');
    console.log(JSON.stringify({ out: resolve(o.out), events: n, from: new Date(start).toISOString(), to: new Date(end).toISOString() }));
  });

registerAccessCommands(program);
registerCenterCommands(program);
registerReportCommand(program);
registerMetricsCommand(program);
registerScheduleCommands(program);
registerRetentionCommands(program);
registerBoardsCommands(program);
registerBoardTokenCommands(program, (db) => {
  const boards = createBoardsService({ ...boardVersionReads(db), ...boardVersionWrites(db) }, { now: Date.now });
  return (name) => boards.get(name)?.board ?? null;
});

program.parseAsync().catch((e: Error) => {
  console.error(`floorboard: ${e.message}`);
  process.exit(1);
});
