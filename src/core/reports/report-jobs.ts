/**
 * Report exports as jobs: started at once, built off the floor's thread (report-runner.ts), polled by the one client
 * that asked (`reports/job`: no push to anyone else), cancellable, and kept for a while for the files to be fetched.
 *
 * Bounds (docs/reports.md): at most MAX_RUNNING builds at once, previews included (the next is refused, not
 * queued); a finished job and its files are kept KEEP_MS, at most KEEP_FINISHED of them and KEEP_BYTES of files in
 * all, the oldest forgotten first. Expiry is judged whenever the jobs are touched: no timer to stop.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportJob } from '../../shared/api';
import { RefusedError } from '../api/refused';
import type { ReportBuildRequest, ReportBuildResult } from './report-build';
import type { ReportPeriod } from './report-period';
import { ReportCancelled, type ReportRunner } from './report-runner';

export const MAX_RUNNING = 2;
export const KEEP_MS = 30 * 60_000;
export const KEEP_FINISHED = 8;
const KEEP_BYTES = 64 * 1024 * 1024;

export interface ReportJobsOptions {
  runner: ReportRunner;
  /** The wall clock (ms): a job's times and its expiry. */
  now: () => number;
  /** The desktop app: the folder a period's files are written to (made if missing); none: kept in memory only. */
  folderFor?: (period: ReportPeriod) => string;
}

interface Entry {
  view: ReportJob;
  files: Map<string, string | Buffer>;
  cancel: () => void;
}

const bytesOf = (content: string | Buffer | Uint8Array) => (typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength);

/** Writes each file under a temporary name, then renames it: a reader never sees half a file. */
async function writeFolder(folder: string, files: Map<string, string | Buffer>): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    for (const [name, content] of files) {
      const temporary = join(folder, `${name}.${process.pid}.part`);
      await writeFile(temporary, content);
      await rename(temporary, join(folder, name));
    }
  } catch (e) {
    throw new Error(`cannot write the files into ${folder} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
  }
}

export function createReportJobs(o: ReportJobsOptions) {
  const jobs = new Map<string, Entry>();
  let running = 0;

  function sweep(): void {
    const now = o.now();
    const finished = [...jobs.values()].filter((e) => e.view.state !== 'running').sort((a, b) => (a.view.finishedAt ?? 0) - (b.view.finishedAt ?? 0));
    let bytes = finished.reduce((sum, e) => sum + e.view.files.reduce((s, f) => s + f.bytes, 0), 0);
    for (const [i, e] of finished.entries()) {
      const over = finished.length - i > KEEP_FINISHED || bytes > KEEP_BYTES;
      if (!over && (e.view.expiresAt ?? Infinity) > now) continue;
      bytes -= e.view.files.reduce((s, f) => s + f.bytes, 0);
      jobs.delete(e.view.id);
    }
  }

  /** A build slot, or the reason there is none. */
  function claim(): () => void {
    sweep();
    if (running >= MAX_RUNNING) throw new RefusedError(`${running} reports are being built already: wait for one to finish, or cancel it`);
    running++;
    let released = false;
    return () => {
      if (!released) running--;
      released = true;
    };
  }

  function entry(id: string): Entry {
    sweep();
    const e = jobs.get(id);
    if (!e) throw new RefusedError(`no report job "${id.slice(0, 40)}": it never existed, or it ended over ${KEEP_MS / 60_000} minutes ago and was forgotten`);
    return e;
  }

  const copy = (e: Entry): ReportJob => ({ ...e.view, files: [...e.view.files], formats: [...e.view.formats] });

  return {
    /** Builds the figures only (no file), in a slot like an export. */
    async preview(options: ReportBuildRequest['options']): Promise<ReportBuildResult> {
      const release = claim();
      try {
        return await o.runner({ options, formats: [], created: o.now() }, () => {}).result;
      } finally {
        release();
      }
    },

    /** Starts an export; the files record the time it was asked (the wall clock). */
    start(asked: Omit<ReportBuildRequest, 'created'>): ReportJob {
      const release = claim();
      const id = randomBytes(9).toString('base64url');
      const request: ReportBuildRequest = { ...asked, created: o.now() };
      const run = o.runner(request, (progress, stage) => {
        if (e.view.state === 'running') Object.assign(e.view, { progress, stage });
      });
      const e: Entry = {
        view: { id, state: 'running', progress: 0, stage: 'starting', period: { ...request.options.period }, formats: [...request.formats], files: [], folder: null, error: null, startedAt: o.now(), finishedAt: null, expiresAt: null },
        files: new Map(),
        cancel: run.cancel,
      };
      jobs.set(id, e);
      const finish = (change: Partial<ReportJob>) => {
        if (e.view.state !== 'running') return; // cancelled meanwhile: it stays so
        const finishedAt = o.now();
        Object.assign(e.view, { ...change, finishedAt, expiresAt: finishedAt + KEEP_MS });
        sweep();
      };
      run.result.then(
        async (result) => {
          if (e.view.state !== 'running') return;
          for (const [name, content] of Object.entries(result.files)) e.files.set(name, typeof content === 'string' ? content : Buffer.from(content));
          const files = [...e.files].map(([name, content]) => ({ name, bytes: bytesOf(content) }));
          const folder = o.folderFor?.(request.options.period) ?? null;
          if (folder !== null) {
            Object.assign(e.view, { stage: 'saving the files', progress: 1 });
            try {
              await writeFolder(folder, e.files);
            } catch (error) {
              return finish({ state: 'failed', error: (error as Error).message, stage: 'failed' });
            }
          }
          finish({ state: 'done', progress: 1, stage: 'done', files, folder });
        },
        (error: unknown) => {
          if (error instanceof ReportCancelled) finish({ state: 'cancelled', stage: 'cancelled' });
          else finish({ state: 'failed', stage: 'failed', error: (error as Error).message });
        },
      )
        // the slot is free once the build has stopped: finished, failed, or its worker gone after a cancel
        .finally(release);
      return copy(e);
    },

    job: (id: string): ReportJob => copy(entry(id)),

    cancel(id: string): ReportJob {
      const e = entry(id);
      if (e.view.state === 'running') {
        e.cancel();
        Object.assign(e.view, { state: 'cancelled', stage: 'cancelled', finishedAt: o.now(), expiresAt: o.now() + KEEP_MS });
      }
      return copy(e);
    },

    /** A finished job's file, by its name in the job (never a path); null when there is none. */
    file(id: string, name: string): { content: string | Buffer; bytes: number } | null {
      sweep();
      const e = jobs.get(id);
      const content = e?.view.state === 'done' ? e.files.get(name) : undefined;
      return content === undefined ? null : { content, bytes: bytesOf(content) };
    },

    /** The folder a finished job's files were written to (the desktop app), with its first file. */
    folder(id: string): { folder: string; first: string } {
      const e = entry(id);
      if (e.view.state !== 'done' || e.view.folder === null) throw new RefusedError('this report was not saved to a folder');
      return { folder: e.view.folder, first: join(e.view.folder, e.view.files[0]?.name ?? '') };
    },

    /** Stops every build (the runtime is closing). */
    close(): void {
      for (const e of jobs.values()) if (e.view.state === 'running') e.cancel();
      jobs.clear();
    },
  };
}

export type ReportJobs = ReturnType<typeof createReportJobs>;
