/**
 * The scale benchmark's measurements of one checkout (its scripts/cli.mjs) on one week, each in a fresh child
 * process on a fresh database: the CLI import (time, lines/s, peak RSS), the row counts it left, and the headless
 * host's start on that database (to its first snapshot, to the week's figures, its memory then, and the API's tick,
 * standards evaluation and what-if round trips), and the same three in process (bench/scale-engine.ts). Every child
 * is killed at its timeout (SCALE_TIMEOUT_S, default 600); the host listens on loopback only.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const TIMEOUT_MS = Number(process.env.SCALE_TIMEOUT_S ?? 600) * 1000;
const POLL_MS = 50;
/** How long the host rests after its week is in before its RSS is read (see HostFigures.rssKb). */
const REST_MS = 2000;

export interface ImportFigures {
  ms: number;
  lines: number;
  /** Peak resident memory of the CLI process (VmHWM, KiB). */
  peakKb: number;
  contacts: number;
  agentStates: number;
  /** Distinct agents in agent_states, distinct queues in contacts. */
  agents: number;
  queues: number;
}

/** The engine in process on the week (bench/scale-engine.ts): tick and evaluation p50/p95 of 200, what-if median (ms). */
export interface EngineFigures {
  tick: [number, number];
  evaluate: [number, number];
  whatIf: number;
}

export interface HostFigures {
  /** Spawn to the "serving" line. */
  servingMs: number;
  /** Spawn to the first answered floor/snapshot. */
  firstSnapshotMs: number;
  /** Spawn to the first snapshot whose week figures are complete (weekFiguresReady). */
  weekMs: number;
  /** VmRSS when the week's figures were complete (KiB). */
  readyRssKb: number;
  /**
   * VmRSS at rest after start: REST_MS after the week's figures were complete, no call meanwhile (the pages the
   * host's collection after the fill frees go back to the system over about a second); VmHWM then (KiB).
   */
  rssKb: number;
  peakKb: number;
  /** floor/snapshot, standards/evaluate round trips over HTTP (p50, p95 of 50, ms); what-if (median of 3, ms). */
  tick: [number, number];
  evaluate: [number, number];
  whatIf: number;
  /** Rows on the floor in the first complete snapshot: agents (today's) and queues. */
  floorAgents: number;
  floorQueues: number;
}

const status = (pid: number, field: string): number => {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // gone
  }
};

/** Runs `checkout`/bench/scale-engine.ts on the imported database (the file must be there: copied into a worktree). */
export async function measureEngine(checkout: string, db: string): Promise<EngineFigures> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(checkout, 'bench', 'scale-engine.ts'), db], { cwd: checkout, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC' } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
  const code = await new Promise<number | null>((ok) => child.on('exit', ok));
  clearTimeout(timer);
  const last = out.trim().split('\n').pop() ?? '';
  if (code !== 0 || !last.startsWith('{')) throw new Error(`engine figures failed (exit ${code}) in ${checkout}:\n${out.slice(-2000)}`);
  return JSON.parse(last) as EngineFigures;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** `node scripts/cli.mjs ingest --format queue_log --db DB FILE` in `checkout`; the peak from VmHWM polled every 50 ms. */
export async function measureImport(checkout: string, db: string, file: string): Promise<ImportFigures> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(checkout, 'scripts', 'cli.mjs'), 'ingest', '--format', 'queue_log', '--db', db, file], { cwd: checkout, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC' } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let peakKb = 0;
  const poll = setInterval(() => (peakKb = Math.max(peakKb, status(child.pid!, 'VmHWM'))), POLL_MS);
  const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
  const code = await new Promise<number | null>((ok) => child.on('exit', ok));
  const ms = performance.now() - t0;
  clearInterval(poll);
  clearTimeout(timer);
  if (code !== 0) throw new Error(`import failed (exit ${code}) in ${checkout}:\n${out.slice(-2000)}`);
  const summary = JSON.parse(out.slice(out.indexOf('{'))) as { lines: number };
  return { ms, lines: summary.lines, peakKb, ...rowCounts(db) };
}

function rowCounts(path: string): Pick<ImportFigures, 'contacts' | 'agentStates' | 'agents' | 'queues'> {
  const db = new Database(path, { readonly: true });
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  try {
    const distinct = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      contacts: count('contacts'),
      agentStates: count('agent_states'),
      agents: distinct('SELECT count(DISTINCT agent_id) AS n FROM agent_states'),
      queues: distinct('SELECT count(DISTINCT queue) AS n FROM contacts'),
    };
  } finally {
    db.close();
  }
}

interface Snapshot {
  agents: unknown[];
  queues: unknown[];
  standards: { loadingFrom?: number } | null;
}

/**
 * Whether a snapshot carries the week's figures: the standards evaluated (the defaults include week windows) and no
 * longer marked "loading the last 7 days" (`loadingFrom`, set while the host reads the week after start-up; revisions
 * before that change never set it, their first snapshot already has the week).
 */
function weekFiguresReady(snapshot: Snapshot): boolean {
  return snapshot.standards !== null && snapshot.standards !== undefined && snapshot.standards.loadingFrom === undefined;
}

/** `serve --port 0 --no-simulate --time-zone UTC --renderer DIR --db DB` in `checkout`, measured, then stopped. */
export async function measureHost(checkout: string, rendererDir: string, db: string): Promise<HostFigures> {
  const t0 = performance.now();
  const since = () => performance.now() - t0;
  const child = spawn(process.execPath, [join(checkout, 'scripts', 'cli.mjs'), 'serve', '--port', '0', '--host', '127.0.0.1', '--db', db, '--no-simulate', '--time-zone', 'UTC', '--renderer', rendererDir], {
    cwd: checkout,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: 'UTC' },
  });
  let out = '';
  let exited = false;
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  child.on('exit', () => (exited = true));
  const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
  try {
    let servingMs = 0;
    let m: RegExpExecArray | null = null;
    while (!(m = /serving (http:\/\/\S+)[\s\S]*admin login: (http:\/\/\S+)/.exec(out))) {
      if (exited) throw new Error(`host exited before serving:\n${out.slice(-2000)}`);
      await sleep(10);
    }
    servingMs = since();
    const base = m[1];
    const secret = new URL(m[2]).searchParams.get('token') ?? '';
    const call = async <T>(name: string, args: unknown = {}): Promise<T | null> => {
      const r = await fetch(new URL(`api/${name}`, base), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify(args) }).catch(() => null);
      if (!r || !r.ok) return null;
      return ((await r.json()) as { value: T }).value;
    };
    let firstSnapshotMs = 0;
    let weekMs = 0;
    let snap: Snapshot | null = null;
    while (weekMs === 0) {
      if (exited) throw new Error(`host exited:\n${out.slice(-2000)}`);
      snap = await call<Snapshot>('floor/snapshot');
      if (snap !== null && firstSnapshotMs === 0) firstSnapshotMs = since();
      if (snap !== null && weekFiguresReady(snap)) weekMs = since();
      else await sleep(POLL_MS);
    }
    const floor = { floorAgents: snap!.agents.length, floorQueues: snap!.queues.length };
    const readyRssKb = status(child.pid!, 'VmRSS');
    await sleep(REST_MS);
    const rssKb = status(child.pid!, 'VmRSS');
    const peakKb = status(child.pid!, 'VmHWM');
    return { servingMs, firstSnapshotMs, weekMs, readyRssKb, rssKb, peakKb, ...floor, ...(await apiTimes(call)) };
  } finally {
    clearTimeout(timer);
    if (!exited) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await new Promise((ok) => (exited ? ok(null) : child.once('exit', ok)));
      clearTimeout(killer);
    }
  }
}

type Call = <T>(name: string, args?: unknown) => Promise<T | null>;
interface StandardLike {
  id: string;
  tiers: Record<string, number>;
}

/** The earlier issues' engine figures, here through the API on the loaded week (so with JSON and loopback). */
async function apiTimes(call: Call): Promise<Pick<HostFigures, 'tick' | 'evaluate' | 'whatIf'>> {
  const timed = async (name: string, args: unknown = {}, n = 50) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      if ((await call(name, args)) === null) throw new Error(`${name} failed`);
      times.push(performance.now() - t);
    }
    return times;
  };
  await timed('floor/snapshot', {}, 5); // warm up
  const tick = await timed('floor/snapshot');
  const evaluate = await timed('standards/evaluate');
  const current = await call<{ set: { standards: StandardLike[] } }>('standards/get');
  const abandon = current?.set.standards.find((s) => s.id === 'abandon-rate');
  let whatIf = NaN;
  if (abandon) whatIf = percentile(await timed('standards/what-if', { standard: { ...abandon, tiers: { expected: 0.12, desired: 0.1, delight: 0.05 } } }, 3), 50);
  return { tick: [percentile(tick, 50), percentile(tick, 95)], evaluate: [percentile(evaluate, 50), percentile(evaluate, 95)], whatIf };
}
