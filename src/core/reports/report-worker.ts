/**
 * The worker thread's entry (report-runner.ts starts it): builds one report on its own read-only connection, so the
 * floor's thread goes on pushing and ingesting meanwhile. Messages out: progress, then the result (the files'
 * buffers transferred, not copied) or the error. Cancelling terminates the thread; SQLite's read transaction ends
 * with it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openStoreReader } from '../store/open-store-reader';
import { buildReportFiles, type ReportBuildRequest } from './report-build';

export interface ReportWorkerData {
  dbPath: string;
  nativeBinding?: string;
  request: ReportBuildRequest;
}

export type ReportWorkerMessage =
  | { kind: 'progress'; progress: number; stage: string }
  | { kind: 'done'; result: Awaited<ReturnType<typeof buildReportFiles>> }
  | { kind: 'failed'; message: string };

const data = workerData as ReportWorkerData;
const port = parentPort!;
const send = (m: ReportWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

try {
  const store = openStoreReader({ path: data.dbPath, nativeBinding: data.nativeBinding });
  try {
    const result = await buildReportFiles(store, data.request, (progress, stage) => send({ kind: 'progress', progress, stage }));
    const buffers = Object.values(result.files).filter((f): f is Uint8Array => typeof f !== 'string');
    // a Buffer may be a view into Node's shared pool: transfer only those that own their memory
    send({ kind: 'done', result }, buffers.filter((b) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength).map((b) => b.buffer as ArrayBuffer));
  } finally {
    store.close();
  }
} catch (e) {
  send({ kind: 'failed', message: (e as Error).message });
}
