/**
 * `npm run bench -- scale [--against REV] [--weeks small,large] [--scales 13,50] [--rounds N]` (issue 17; or the
 * variables SCALE_AGAINST, SCALE_WEEKS, SCALE_SCALES, SCALE_ROUNDS): the two queue_log weeks of the table,
 * made by bench/queue-log-gen.ts (cached, bench/scale-data.ts) and ending now, imported by the CLI and served by the
 * headless host, each in fresh child processes on fresh databases (bench/scale-run.ts). With --against REV the same
 * measurements of REV run in the same run, from a temporary git worktree of it that shares this checkout's
 * node_modules and built renderer, printed side by side with the targets; with --rounds N each figure is the
 * median of N runs of each checkout, taken in turns.
 *
 * The weeks: the simulator's scale 13 gives the table's 977k lines (973k) and scale 50 its 3.9 M (3.89 M). The
 * simulator's roster is 52 agents a scale unit (676 and 2,600 agents) and queue_log carries its 3 voice queues only.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cachedWeek, weekEndingAt, type WeekSpec } from './scale-data';
import { measureEngine, measureHost, measureImport, type EngineFigures, type HostFigures, type ImportFigures } from './scale-run';

type Report = (name: string, value: string) => void;

const ROOT = resolve(import.meta.dirname, '..');
const WEEKS: Record<'small' | 'large', WeekSpec> = {
  small: { label: 'the 977k-line week', scale: 13, days: 7 },
  large: { label: 'the 3.9 M-line week', scale: 50, days: 7 },
};

interface Figures {
  imported: ImportFigures;
  host: HostFigures;
  engine: EngineFigures;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const count = (n: number) => (n >= 1e6 ? `${fmt(n / 1e6, 2)} M` : `${fmt(n / 1e3, 0)}k`);
const mb = (kb: number) => `${fmt(kb / 1024)} MB`;
const s = (ms: number) => `${fmt(ms / 1000, 1)} s`;
const rate = (f: ImportFigures) => f.lines / (f.ms / 1000);

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** A detached worktree of `rev` beside this checkout's node_modules; removed by the returned function. */
function worktreeOf(rev: string): { dir: string; remove: () => void } {
  const parent = mkdtempSync(join(tmpdir(), 'floorboard-scale-against-'));
  const dir = join(parent, 'checkout');
  execFileSync('git', ['worktree', 'add', '--detach', dir, rev], { cwd: ROOT, stdio: 'ignore' });
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'));
  // the in-process probe uses only openFloorboard and the handlers: the same file measures either engine
  copyFileSync(join(ROOT, 'bench', 'scale-engine.ts'), join(dir, 'bench', 'scale-engine.ts'));
  const remove = () => {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT, stdio: 'ignore' });
    rmSync(parent, { recursive: true, force: true });
  };
  return { dir, remove };
}

async function measure(checkout: string, file: string, work: string, tag: string): Promise<Figures> {
  const db = join(work, `${tag}.db`);
  const imported = await measureImport(checkout, db, file);
  const host = await measureHost(checkout, join(ROOT, 'out', 'renderer'), db);
  const engine = await measureEngine(checkout, db);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  return { imported, host, engine };
}

/** Each figure's median over the rounds (figure by figure: the medians may come from different rounds). */
function medians<T>(runs: T[]): T {
  const first = runs[0] as unknown;
  if (typeof first === 'number') return [...(runs as number[])].sort((a, b) => a - b)[Math.floor(runs.length / 2)] as T;
  if (Array.isArray(first)) return first.map((_, i) => medians(runs.map((r) => (r as unknown[])[i]))) as T;
  return Object.fromEntries(Object.keys(first as object).map((k) => [k, medians(runs.map((r) => (r as Record<string, unknown>)[k]))])) as T;
}

function row(name: string, f: Figures): string {
  const i = f.imported;
  return `| ${name} | ${count(i.lines)} | ${count(i.contacts)} | ${count(i.agentStates)} | ${i.agents} / ${f.host.floorAgents} agents, ${i.queues} / ${f.host.floorQueues} queues | ${s(i.ms)} (${fmt(rate(i) / 1000)}k lines/s) | ${mb(i.peakKb)} | ${s(f.host.firstSnapshotMs)} (serving ${s(f.host.servingMs)}) | ${s(f.host.weekMs)} | ${mb(f.host.rssKb)} (at complete ${mb(f.host.readyRssKb)}, peak ${mb(f.host.peakKb)}) |`;
}

const mark = (ok: boolean) => (ok ? 'pass' : 'MISS');

function targets(name: string, small: Figures | undefined, large: Figures | undefined): string[] {
  const out: string[] = [];
  const t = (ok: boolean, what: string) => out.push(`  ${mark(ok).padEnd(4)} ${name}: ${what}`);
  if (small) {
    t(small.host.firstSnapshotMs < 2000, `small week, host start to first snapshot ${s(small.host.firstSnapshotMs)} < 2 s`);
    t(small.host.rssKb < 300 * 1024, `small week, host RSS at rest after start ${mb(small.host.rssKb)} < 300 MB`);
  }
  if (large) {
    t(large.host.firstSnapshotMs < 2000, `large week, host start to first snapshot ${s(large.host.firstSnapshotMs)} < 2 s`);
    t(large.host.weekMs < 10_000, `large week, the week's figures complete ${s(large.host.weekMs)} < 10 s`);
    t(large.host.rssKb < 500 * 1024, `large week, host RSS at rest after start ${mb(large.host.rssKb)} < 500 MB`);
    t(large.imported.peakKb < 700 * 1024, `large week, CLI import peak RSS ${mb(large.imported.peakKb)} < 700 MB`);
    if (small) t(rate(large.imported) >= 0.8 * rate(small.imported), `import lines/s large / small ${fmt(rate(large.imported) / rate(small.imported), 2)} >= 0.8`);
    const e = large.engine;
    t(e.tick[1] < 10, `large week, tick (engine.snapshot) p95 ${fmt(e.tick[1], 1)} ms < 10 ms (p50 ${fmt(e.tick[0], 1)})`);
    t(e.evaluate[1] < 20, `large week, standards evaluation p95 ${fmt(e.evaluate[1], 1)} ms < 20 ms (p50 ${fmt(e.evaluate[0], 1)})`);
    t(e.whatIf < 2000, `large week, what-if ${fmt(e.whatIf)} ms < 2,000 ms`);
  }
  return out;
}

export async function benchScale(report: Report, args: string[]): Promise<void> {
  const against = argValue(args, '--against') ?? process.env.SCALE_AGAINST;
  // --scales SMALL,LARGE (or SCALE_SCALES): other simulator scales for the two weeks
  const scales = (argValue(args, '--scales') ?? process.env.SCALE_SCALES)?.split(',').map(Number);
  if (scales?.[0]) WEEKS.small.scale = scales[0];
  if (scales?.[1]) WEEKS.large.scale = scales[1];
  const rounds = Math.max(1, Math.min(9, Number(argValue(args, '--rounds') ?? process.env.SCALE_ROUNDS ?? 1) || 1));
  const chosen = (argValue(args, '--weeks') ?? process.env.SCALE_WEEKS ?? 'small,large').split(',') as (keyof typeof WEEKS)[];
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('no built renderer: run npx electron-vite build first');
  const other = against ? worktreeOf(against) : null;
  const work = mkdtempSync(join(tmpdir(), 'floorboard-bench-scale-run-'));
  const results: Partial<Record<keyof typeof WEEKS, { current: Figures; before?: Figures }>> = {};
  try {
    // the start's fixed part (tsx compiling the sources, the server's own start) on an empty database
    const empty = async (checkout: string) => (await measureHost(checkout, join(ROOT, 'out', 'renderer'), join(work, `empty-${checkout === ROOT ? 'current' : 'before'}.db`))).firstSnapshotMs;
    if (other) report(`scale: host start to first snapshot, empty database, ${against} (s)`, fmt((await empty(other.dir)) / 1000, 1));
    report('scale: host start to first snapshot, empty database, this checkout (s)', fmt((await empty(ROOT)) / 1000, 1));
    for (const name of chosen) {
      const spec = WEEKS[name];
      const week = await cachedWeek(spec, console.log);
      const now = Date.now();
      const file = await weekEndingAt(week, now, join(work, `${name}.log`));
      console.log(`  ${name} week: ${spec.label} (simulator scale ${spec.scale}, ${spec.days} days), ${fmt(week.lines)} lines ending ${new Date(now).toISOString()}`);
      // the two checkouts in turn, first one then the other, so that neither always gets the colder machine
      const currents: Figures[] = [];
      const befores: Figures[] = [];
      for (let round = 0; round < rounds; round++) {
        const beforeFirst = (chosen.indexOf(name) + round) % 2 === 0;
        if (other && beforeFirst) befores.push(await measure(other.dir, file, work, `${name}-before`));
        currents.push(await measure(ROOT, file, work, `${name}-current`));
        if (other && !beforeFirst) befores.push(await measure(other.dir, file, work, `${name}-before`));
      }
      results[name] = { current: medians(currents), before: other ? medians(befores) : undefined };
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    other?.remove();
  }
  console.log('\n| week | lines | contacts | agent states | agents, queues (stored / on the floor) | CLI import | import peak RSS | host start to first snapshot | week figures complete | host RSS at rest after start |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const name of chosen) {
    const r = results[name]!;
    if (r.before) console.log(row(`${name}, ${against}`, r.before));
    console.log(row(`${name}, this checkout`, r.current));
  }
  for (const name of chosen) {
    const r = results[name]!;
    const h = r.current.host;
    const e = r.current.engine;
    report(`scale ${name}: in process, tick / evaluate p50, p95 (ms)`, `${fmt(e.tick[0], 1)}, ${fmt(e.tick[1], 1)} / ${fmt(e.evaluate[0], 1)}, ${fmt(e.evaluate[1], 1)}`);
    report(`scale ${name}: in process, what-if (ms)`, fmt(e.whatIf));
    report(`scale ${name}: over HTTP, tick / evaluate p50, p95 (ms)`, `${fmt(h.tick[0], 1)}, ${fmt(h.tick[1], 1)} / ${fmt(h.evaluate[0], 1)}, ${fmt(h.evaluate[1], 1)}`);
    report(`scale ${name}: over HTTP, what-if (ms)`, fmt(h.whatIf));
    if (r.before) {
      report(`scale ${name}: first snapshot, this / ${against}`, fmt(h.firstSnapshotMs / r.before.host.firstSnapshotMs, 2));
      report(`scale ${name}: host RSS, this / ${against}`, fmt(h.rssKb / r.before.host.rssKb, 2));
      report(`scale ${name}: import lines/s, this / ${against}`, fmt(rate(r.current.imported) / rate(r.before.imported), 2));
      report(`scale ${name}: import peak RSS, this / ${against}`, fmt(r.current.imported.peakKb / r.before.imported.peakKb, 2));
    }
  }
  console.log('\nTargets (issue 17):');
  const before = (n: keyof typeof WEEKS) => results[n]?.before;
  if (against) for (const l of targets(against, before('small'), before('large'))) console.log(l);
  for (const l of targets('this checkout', results.small?.current, results.large?.current)) console.log(l);
}
