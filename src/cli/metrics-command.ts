/**
 * `npm run cli -- metrics`: the figures of a window [from, to) from a database, read only (no engine; a missing file
 * refused), one row per center, queue, channel, local day, 30-minute interval or agent, as a table, JSON or CSV.
 * The same classifier as the live floor, `metrics/window` and the reports.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { agentFigures, readAgentTime, stateTimesIn } from '../core/metrics/agent-time';
import { emptyWindowFigures, windowMetrics, storedMetrics } from '../core/metrics/window-metrics';
import { DEFAULT_SHORT_ABANDON_SECONDS } from '../core/model/types';
import { reportAgents } from '../core/reports/report-agents';
import { safeCsv } from '../core/reports/report-csv';
import { openStoreReader } from '../core/store/open-store-reader';
import { isValidTimeZone, nextBusinessDayStart, businessDayStart } from '../core/time/business-day';
import { localTimes } from '../core/time/local-times';
import { parseIsoInstant } from '../core/time/iso-instant';
import { defaultTimeZone } from '../core/floorboard';
import { SERVICE_LEVEL_FORMULAS, type GroupBy, type MetricsRow, type ServiceLevelFormula } from '../shared/api';
import { formatCount, formatDuration, formatPercent, formatThreshold } from '../shared/format';
import { defaultDbPath } from './paths';
import { textTable } from './text-table';

const BY = ['center', 'queue', 'channel', 'day', 'interval', 'agent'] as const;
const INTERVAL_MINUTES = 30;
/** A window split by interval has at most this many rows (a month of 30-minute intervals is 1,488). */
const MAX_INTERVAL_ROWS = 5_000;

interface MetricsFlags {
  db?: string;
  simulated?: boolean;
  from: string;
  to: string;
  by: (typeof BY)[number];
  formula: ServiceLevelFormula;
  threshold?: number;
  shortAbandon?: number;
  timeZone?: string;
  json?: boolean;
  output: 'table' | 'json' | 'csv';
}

const seconds = (name: string, max: number, what: string) => (v: string) => {
  const n = Number(v);
  if (!(Number.isFinite(n) && n >= 0 && n <= max)) throw new InvalidArgumentError(`${name} must be ${what}.`);
  return n;
};

function instantIn(v: string, zone: string): number {
  const r = parseIsoInstant(v, zone);
  if (!r.ok) throw new InvalidArgumentError(`${r.reason}.`);
  return r.ms;
}

/** The window cut at each local day (or 30-minute interval) in the zone: [start, end) with its label. */
function slices(from: number, to: number, by: 'day' | 'interval', zone: string, resetHour: number): { key: string; from: number; to: number }[] {
  const out: { key: string; from: number; to: number }[] = [];
  const local = localTimes(zone);
  let start = from;
  while (start < to) {
    const next = by === 'day' ? nextBusinessDayStart(businessDayStart(start, zone, resetHour), zone, resetHour) : local.intervalStart(start, INTERVAL_MINUTES) + INTERVAL_MINUTES * 60_000;
    const end = Math.min(next, to);
    const key = by === 'day' ? local.date(start) : DateTime.fromMillis(start, { zone }).toFormat('yyyy-MM-dd HH:mm');
    out.push({ key, from: start, to: end });
    if (out.length > MAX_INTERVAL_ROWS) throw new InvalidArgumentError(`--by ${by}: the window has more than ${MAX_INTERVAL_ROWS} of them; ask for a shorter one`);
    start = end;
  }
  return out;
}

export function registerMetricsCommand(program: Command): void {
  program
    .command('metrics')
    .description('Print the metrics of a window [from, to) computed from a database (read only).')
    .option('--db <path>', "SQLite database (default: the user data folder's floorboard.db)")
    .option('--simulated', "the simulated floor's database instead")
    .requiredOption('--from <iso>', 'window start (ISO-8601; without an offset: in the center\'s zone)')
    .requiredOption('--to <iso>', 'window end (ISO-8601, exclusive)')
    .addOption(new Option('--by <group>', 'one row per').choices(BY).default('center'))
    .addOption(new Option('--formula <variant>', 'service-level formula (docs/metrics.md)').choices(SERVICE_LEVEL_FORMULAS).default('floorboard'))
    .option('--threshold <seconds>', "T for every queue (default: each queue's own)", seconds('--threshold', 30 * 86_400, 'a number of seconds from 0 to 30 days'))
    .option('--short-abandon <seconds>', 'abandons shorter than this are short (default 5)', seconds('--short-abandon', 3600, 'a number of seconds from 0 to 3600'))
    .option('--time-zone <zone>', "the zone of --from/--to without an offset, and of days and intervals (default: the center's, see `center set`)")
    .addOption(new Option('--output <format>', 'table, json or csv').choices(['table', 'json', 'csv']).default('table'))
    .option('--json', 'print JSON (as --output json)')
    .action((o: MetricsFlags) => {
      if (o.timeZone !== undefined && !isValidTimeZone(o.timeZone)) throw new InvalidArgumentError(`--time-zone: unknown time zone "${o.timeZone.slice(0, 60)}"`);
      const output = o.json ? 'json' : o.output;
      // read only, no engine: nothing is written, no feed or tick starts, a missing file is refused (not created)
      const store = openStoreReader({ path: resolve(o.db ?? defaultDbPath(Boolean(o.simulated))) });
      try {
        const center = store.centerSettings();
        const zone = o.timeZone ?? center.timeZone ?? defaultTimeZone();
        const [from, to] = [instantIn(o.from, zone), instantIn(o.to, zone)];
        if (from >= to) throw new InvalidArgumentError('--from must be before --to');
        const window = { formula: o.formula, thresholdSeconds: o.threshold, shortAbandonSeconds: o.shortAbandon ?? DEFAULT_SHORT_ABANDON_SECONDS };
        if (o.by === 'agent') return printAgents(reportAgents(store, store.contactsQueuedBetween(from, to), { from, to }), output);
        const grouped = o.by === 'day' || o.by === 'interval';
        const base = windowMetrics(store, { from, to, by: grouped ? 'center' : (o.by as GroupBy), ...window });
        // the agent-state time read once for every day or interval
        const agents = grouped ? readAgentTime(store, from) : undefined;
        const rows: MetricsRow[] = agents
          ? // each day or interval counts the contacts that entered the queue in it, their outcomes judged at the window's end, as the reports
            // (every one listed, a quiet one with zeros and its agent time)
            slices(from, to, o.by as 'day' | 'interval', zone, center.resetHour ?? 0).map((s) => ({
              ...(storedMetrics(store, { ...s, by: 'center', at: to, ...window }, agents)[0] ?? { ...emptyWindowFigures(o.formula), ...agentFigures(stateTimesIn(agents, s.from, s.to)) }),
              key: s.key,
            }))
          : base.rows;
        const report = { ...base, by: o.by, timeZone: zone, rows };
        if (output === 'json') return console.log(JSON.stringify(report, null, 2));
        if (output === 'csv') return void process.stdout.write(csv(o.by, rows));
        const t = report.definition.thresholdSeconds;
        console.log(`${report.from} to ${report.to} (${zone}); service level (${report.definition.formula}) = ${report.definition.serviceLevel}; T = ${typeof t === 'number' ? formatThreshold(t) : t}; short abandons < ${formatThreshold(report.definition.shortAbandonSeconds)}`);
        console.log(
          textTable(
            rows.map((m) => ({
              [o.by]: m.key,
              offered: formatCount(m.offered),
              answered: formatCount(m.answered),
              abandoned: formatCount(m.abandoned),
              'service level': formatPercent(m.serviceLevel),
              ASA: formatDuration(m.asaSeconds),
              'abandon rate': formatPercent(m.abandonRate),
              'longest wait': formatDuration(m.longestWaitSeconds),
              AHT: formatDuration(m.ahtSeconds),
              CSAT: formatPercent(m.csat),
              NPS: formatCount(m.nps === null ? null : Math.round(m.nps)),
              FCR: formatPercent(m.fcr),
              occupancy: formatPercent(m.occupancy),
              'not ready': formatPercent(m.notReadyShare),
            })),
          ),
        );
      } finally {
        store.close();
      }
    });
}

/** CSV as the reports write it: rates 0-1, seconds, NPS -100 to 100, text cells that would run as formulas prefixed with '. */
function csv(by: string, rows: MetricsRow[]): string {
  const columns = [
    'offered', 'answered', 'abandoned', 'shortAbandoned', 'leftOtherwise', 'waiting', 'answeredWithinThreshold', 'serviceLevel', 'asaSeconds', 'abandonRate', 'longestWaitSeconds', 'firstResponses', 'avgFirstResponseSeconds',
    'handled', 'ahtSeconds', 'csat', 'csatAnswers', 'nps', 'npsAnswers', 'fcr', 'resolved', 'staffedSeconds', 'occupancy', 'notReadyShare',
  ] as const;
  return safeCsv([by, ...columns.map((c) => c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`))], rows.map((r) => [r.key, ...columns.map((c) => r[c])]));
}

function printAgents(rows: ReturnType<typeof reportAgents>, output: 'table' | 'json' | 'csv'): void {
  if (output === 'json') return console.log(JSON.stringify(rows, null, 2));
  if (output === 'csv') {
    process.stdout.write(safeCsv(['agent_id', 'agent', 'handled', 'aht_seconds', 'occupancy', 'not_ready_share'], rows.map((a) => [a.agentId, a.name, a.handled, a.ahtSeconds, a.occupancy, a.notReadyShare])));
    return;
  }
  console.log(textTable(rows.map((a) => ({ agent: a.name, handled: formatCount(a.handled), AHT: formatDuration(a.ahtSeconds), occupancy: formatPercent(a.occupancy), 'not ready': formatPercent(a.notReadyShare) }))));
}
