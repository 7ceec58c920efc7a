/**
 * Starts the real headless host (`floorboard serve`) as a child process on a free port, with a real SQLite
 * file, and stops it with SIGTERM. Used by the Playwright tests and the benchmarks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningHost {
  url: string;
  /** The admin login URL the host printed (the secret in its `token` parameter). */
  loginUrl: string;
  /** The install's admin secret (`Authorization: Bearer` it for the API). */
  adminSecret: string;
  dbPath: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<number | null>;
}

export const ROOT = resolve(import.meta.dirname ?? '.', '..', '..');

export async function startHost(args: string[] = [], options: { dbPath?: string; timeoutMs?: number } = {}): Promise<RunningHost> {
  const dbPath = options.dbPath ?? join(mkdtempSync(join(tmpdir(), 'floorboard-e2e-')), 'floor.db');
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), 'serve', '--port', '0', '--db', dbPath, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const [url, loginUrl] = await new Promise<[string, string]>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`host did not start:\n${out}`)), options.timeoutMs ?? 60_000);
    const check = () => {
      const m = /serving (http:\/\/\S+)[\s\S]*admin login: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok([m[1], m[2]]);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => fail(new Error(`host exited with ${code}:\n${out}`)));
  });
  return {
    url,
    loginUrl,
    adminSecret: new URL(loginUrl).searchParams.get('token') ?? '',
    dbPath,
    process: child,
    output: () => out,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) return ok(child.exitCode);
        child.once('exit', (code) => ok(code));
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The real Anonymous Bank month (February 1999), kept in the repository (test/fixtures/anonymous-bank, with its
 * SOURCE.md) so that the tests and benchmarks need nothing outside it; the same file as ../shared/data.
 */
export const BANK_FILE = join(ROOT, 'test', 'fixtures', 'anonymous-bank', 'calls-1999-02.tsv');

/**
 * A busy late morning on the simulated floor, the same whenever the tests run: the host's center clock starts at
 * this instant (`serve --test-start-at`, tests only) in the center's zone `LATE_MORNING_ZONE`.
 */
export const LATE_MORNING = ['--time-zone', 'Europe/London', '--test-start-at', '2026-03-03T11:00:00Z'];
export const LATE_MORNING_ZONE = 'Europe/London';
