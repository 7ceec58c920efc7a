/**
 * The scale benchmark's weeks (issue 17): queue_log weeks from bench/queue-log-gen.ts, generated once per
 * (scale, days, generator version) into a cache folder and reused; each run copies one with every line's epoch
 * moved by the same offset, so that the week's last line falls at the run's "now" and the whole week lies in the
 * days the engine holds. Written and shifted a day or a line at a time: a 4 M-line week is never held whole.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { simulatedQueueLogDays } from './queue-log-gen';

/** The generator's version: a hash of its sources (this folder's generator and the simulator), so that a change
 * to either remakes the cached weeks instead of measuring stale ones. */
function generatorVersion(): string {
  const simulator = join(ROOT, 'src', 'core', 'simulator');
  const files = [join(ROOT, 'bench', 'queue-log-gen.ts'), ...readdirSync(simulator).sort().map((f) => join(simulator, f))];
  const hash = createHash('sha256');
  for (const f of files) hash.update(readFileSync(f));
  return hash.digest('hex').slice(0, 12);
}
/** A Monday at midnight UTC, the other queue_log benchmarks' start: the cached weeks are the same lines as theirs. */
const ORIGIN = Date.parse('2026-03-02T00:00:00Z');

const ROOT = resolve(import.meta.dirname, '..');
const DATA_DIR = process.env.SCALE_DATA_DIR ?? join(tmpdir(), 'floorboard-bench-scale');

export interface WeekSpec {
  label: string;
  /** The simulator's `scale` (1 = 52 rostered agents; see docs in bench/scale.ts). */
  scale: number;
  days: number;
}

export interface CachedWeek {
  path: string;
  lines: number;
  bytes: number;
  /** Epoch ms of the first and the last line, as generated (before any shift). */
  firstMs: number;
  lastMs: number;
}

const epochMs = (line: string) => Math.round(Number(line.slice(0, line.indexOf('|'))) * 1000);

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise((ok) => out.once('drain', ok));
}

async function close(out: Writable): Promise<void> {
  await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
}

/** The week as generated, from the cache or made now (and kept) when missing. */
export async function cachedWeek(spec: WeekSpec, log: (m: string) => void): Promise<CachedWeek> {
  mkdirSync(DATA_DIR, { recursive: true });
  const name = `queue_log-scale${spec.scale}-days${spec.days}-gen`;
  const path = join(DATA_DIR, `${name}${generatorVersion()}.log`);
  const metaPath = `${path}.json`;
  if (existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as CachedWeek;
    if (statSync(path).size === meta.bytes) return { ...meta, path };
  }
  // weeks of an older generator at this scale: never read again
  for (const f of readdirSync(DATA_DIR)) if (f.startsWith(name)) rmSync(join(DATA_DIR, f), { force: true });
  log(`  generating ${spec.label} (scale ${spec.scale}, ${spec.days} days) into ${path} ...`);
  const t = performance.now();
  const part = `${path}.part`;
  const out = createWriteStream(part);
  let lines = 0;
  let bytes = 0;
  let firstMs = NaN;
  let lastMs = NaN;
  for (const day of simulatedQueueLogDays(ORIGIN, spec.days, spec.scale)) {
    if (day.length === 0) continue;
    if (Number.isNaN(firstMs)) firstMs = epochMs(day[0]);
    lastMs = epochMs(day[day.length - 1]);
    const text = `${day.join('\n')}\n`;
    lines += day.length;
    bytes += Buffer.byteLength(text);
    await write(out, text);
  }
  await close(out);
  renameSync(part, path);
  const meta: CachedWeek = { path, lines, bytes, firstMs, lastMs };
  writeFileSync(metaPath, JSON.stringify(meta));
  log(`  generated ${lines.toLocaleString('en-US')} lines in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return meta;
}

/**
 * A copy of the week moved so that its last line is at `now` (every first field + the same whole milliseconds;
 * the call ids that carry a time are names, left as they are). Returns the copy's path.
 */
export async function weekEndingAt(week: CachedWeek, now: number, path: string): Promise<string> {
  const offset = now - week.lastMs;
  const out = createWriteStream(path);
  const rl = createInterface({ input: createReadStream(week.path, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let chunk: string[] = [];
  for await (const line of rl) {
    const bar = line.indexOf('|');
    chunk.push(`${((epochMs(line) + offset) / 1000).toFixed(3)}${line.slice(bar)}`);
    if (chunk.length === 10_000) {
      await write(out, `${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) await write(out, `${chunk.join('\n')}\n`);
  await close(out);
  return path;
}
