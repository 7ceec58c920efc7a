/**
 * Where a report is built: in a worker thread on its own read-only connection to the database file, so a long build
 * never holds the floor's thread (its pushes, feeds and webhooks go on); or, for an in-memory database (tests),
 * which no other connection can open, in this thread, yielding between stages. Cancelling terminates the worker;
 * in-process, it stops at the next stage.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StoreReader } from '../store/store';
import { buildReportFiles, type ReportBuildRequest, type ReportBuildResult, type ReportProgress } from './report-build';
import type { ReportWorkerData, ReportWorkerMessage } from './report-worker';

interface ReportRun {
  result: Promise<ReportBuildResult>;
  cancel(): void;
}

export type ReportRunner = (request: ReportBuildRequest, progress: ReportProgress) => ReportRun;

/**
 * The worker's entry as the runtime has it: the desktop app's bundle names its own (electron.vite.config.ts builds
 * out/main/report-worker.js); from source (the CLI and `serve` through tsx, the tests), report-worker.ts, loaded
 * through tsx, which a worker does not inherit from its parent (Node 20: `--import tsx` in a worker's execArgv
 * comes too late for its entry, so a two-line bootstrap registers tsx and then imports the entry).
 */
export type ReportWorkerEntry = { file: string } | 'source';

export class ReportCancelled extends Error {
  override readonly name = 'ReportCancelled';
  constructor() {
    super('cancelled');
  }
}

/**
 * A week of a million contacts is a million objects made and dropped within seconds: with V8's default young
 * generation a worker spent 3.9 s of a 9 s build in the garbage collector; 96 MiB (32 MiB semi-spaces) took the
 * build from 8.9 to 7.6 s on the 1M-contact bench (docs/benchmarks.md). The old generation keeps its default.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 96 };

function startWorker(entry: ReportWorkerEntry, data: ReportWorkerData): Worker {
  if (entry !== 'source') return new Worker(entry.file, { workerData: data, resourceLimits: RESOURCE_LIMITS });
  const source = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'report-worker.ts')).href;
  // tsx's ESM entry (its CommonJS one imports the ESM one by a path that does not exist in 4.23)
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: data, resourceLimits: RESOURCE_LIMITS });
}

const asBuffer = (f: string | Uint8Array) => (typeof f === 'string' ? f : Buffer.from(f.buffer, f.byteOffset, f.byteLength));

/** Builds in a worker thread on the database file at `dbPath`. */
export function workerRunner(o: { dbPath: string; nativeBinding?: string; entry: ReportWorkerEntry }): ReportRunner {
  return (request, progress) => {
    const worker = startWorker(o.entry, { dbPath: o.dbPath, nativeBinding: o.nativeBinding, request });
    let cancelled = false;
    const result = new Promise<ReportBuildResult>((resolve, reject) => {
      let settled = false;
      const settle = (f: () => void) => {
        if (settled) return;
        settled = true;
        f();
        void worker.terminate();
      };
      worker.on('message', (m: ReportWorkerMessage) => {
        if (m.kind === 'progress') progress(m.progress, m.stage);
        else if (m.kind === 'done') settle(() => resolve({ ...m.result, files: Object.fromEntries(Object.entries(m.result.files).map(([k, v]) => [k, asBuffer(v)])) }));
        else settle(() => reject(new Error(m.message)));
      });
      worker.on('error', (e) => settle(() => reject(e)));
      worker.on('exit', (code) => settle(() => reject(cancelled ? new ReportCancelled() : new Error(`the report's worker stopped (exit code ${code})`))));
    });
    return {
      result,
      cancel() {
        cancelled = true;
        void worker.terminate();
      },
    };
  };
}

/** Builds in this thread (an in-memory database: tests), a turn of the event loop between stages. */
export function inProcessRunner(store: StoreReader): ReportRunner {
  return (request, progress) => {
    let cancelled = false;
    const result = (async () => {
      await new Promise((r) => setImmediate(r));
      return buildReportFiles(store, request, (p, stage) => {
        if (cancelled) throw new ReportCancelled();
        progress(p, stage);
      });
    })();
    return { result, cancel: () => (cancelled = true) };
  };
}
