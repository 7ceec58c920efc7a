/**
 * Scheduled reports, run by the app and the headless host on the center's clock. Every minute, each schedule's
 * latest due time (its cron in the center's zone, croner) that is at least its settle delay old and not before the
 * schedule was made is run once: the process that inserts the run's row claims it (several processes may share the
 * database). A run missed while nothing ran (the app closed over Monday 06:00) is that latest due time, so it runs once
 * at the next start; older missed ones are not run again. The files are written under temporary names and renamed
 * into `<folder>/<schedule>/<period>/`; the folders of runs beyond `keep` are removed. A failure (an unwritable folder)
 * is logged and recorded with its reason; the next due time tries again, and no partial file is left.
 * A schedule with recipients then mails the files (report-mail.ts); the mail's outcome is kept apart from the files'.
 * A failed mail is logged, its run stays done with its files, and the next run sends it again (after its own, and
 * only if its own went); a run whose mail has not gone is not pruned, so its files are there to send.
 */
import { Cron } from 'croner';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Clock, Timer } from '../clock';
import { safely } from '../clock';
import type { ReportSchedule, ReportScheduleStore } from '../store/report-schedules';
import type { ReportFormat } from './report-files';
import type { MailSender, RunMail } from './report-mail';
import type { CenterCalendar } from './report-period';
import { resolvePeriod } from './report-request';
import type { ReportRunner } from './report-runner';

const CHECK_MS = 60_000;
/** How far back a due time is looked for (a schedule runs at least monthly in practice). */
const LOOK_BACK_MS = 45 * 86_400_000;
const MAX_OCCURRENCES = 50_000;

export interface ReportSchedulerOptions {
  store: ReportScheduleStore;
  runner: ReportRunner;
  /** The center's clock (due times, periods). */
  clock: Clock;
  calendar: CenterCalendar;
  shortAbandonSeconds: number;
  /** The wall clock's now, written into the files. */
  wallNow: () => number;
  /** Mails a run's files to its schedule's recipients (none: a schedule with recipients logs that it cannot). */
  mail?: MailSender;
  log?: (message: string) => void;
}

/** The latest occurrence of the schedule's cron at or before `bound`, not before `notBefore`; null: none. */
export function latestDue(cron: string, timeZone: string, bound: number, notBefore: number): number | null {
  const job = new Cron(cron, { timezone: timeZone, paused: true });
  let at = new Date(Math.max(notBefore, bound - LOOK_BACK_MS) - 1);
  let last: number | null = null;
  for (let i = 0; i < MAX_OCCURRENCES; i++) {
    const next = job.nextRun(at);
    if (next === null || next.getTime() > bound) break;
    last = next.getTime();
    at = next;
  }
  job.stop();
  return last;
}

/** The first occurrence of the cron after `after` (epoch ms), in the zone; null: none. */
export function nextDue(cron: string, timeZone: string, after: number): number | null {
  const job = new Cron(cron, { timezone: timeZone, paused: true });
  const next = job.nextRun(new Date(after));
  job.stop();
  return next?.getTime() ?? null;
}

/** A cron pattern croner reads, or the reason it does not. */
export function cronProblem(cron: string, timeZone: string): string | null {
  try {
    new Cron(cron, { timezone: timeZone, paused: true }).stop();
    return null;
  } catch (e) {
    return `"${cron.slice(0, 60)}" is not a cron pattern (${(e as Error).message}); e.g. "0 6 * * 1" for Mondays at 06:00`;
  }
}

export function createReportScheduler(o: ReportSchedulerOptions) {
  let timer: Timer | null = null;
  const running = new Set<number>();

  function write(schedule: ReportSchedule, label: string, files: Record<string, string | Uint8Array>): string {
    const folder = join(schedule.folder, schedule.name.replace(/[^A-Za-z0-9 ._-]/g, '_'), label.replace(/[^A-Za-z0-9 ._-]/g, '_'));
    mkdirSync(folder, { recursive: true });
    const written: string[] = [];
    try {
      for (const [name, content] of Object.entries(files)) {
        const temporary = join(folder, `.${name}.${process.pid}.part`);
        writeFileSync(temporary, content);
        renameSync(temporary, join(folder, name));
        written.push(name);
      }
    } catch (e) {
      for (const name of written) rmSync(join(folder, name), { force: true });
      throw e;
    }
    return folder;
  }

  function prune(schedule: ReportSchedule): void {
    const runs = o.store.runs(schedule.id, 1000).filter((r) => r.status === 'done' && r.folder !== null);
    for (const r of runs.slice(schedule.keep)) if (r.mailStatus !== 'failed') rmSync(r.folder!, { recursive: true, force: true });
  }

  /** Mails one done run's files; records and logs how it went; whether it went. */
  async function mailRun(schedule: ReportSchedule, dueAt: number, mail: RunMail): Promise<boolean> {
    try {
      if (!o.mail) throw new Error('this process cannot send mail');
      o.store.mailed(schedule.id, dueAt, o.wallNow(), await o.mail(mail), null);
      return true;
    } catch (e) {
      const reason = (e as Error).message;
      o.store.mailed(schedule.id, dueAt, o.wallNow(), 'failed', reason);
      o.log?.(`report schedule "${schedule.name}": the mail of ${mail.period} failed: ${reason}; the files are in ${mail.folder}, the next run sends it again`);
      return false;
    }
  }

  /** Earlier runs whose mail failed, sent again now their schedule's server took this run's (their files kept). */
  async function mailAgain(schedule: ReportSchedule, exceptDueAt: number): Promise<void> {
    for (const r of o.store.unmailed(schedule.id)) {
      if (r.dueAt === exceptDueAt || r.folder === null || !existsSync(r.folder)) continue;
      const files = readdirSync(r.folder)
        .filter((name) => !name.startsWith('.'))
        .map((name) => ({ name, bytes: statSync(join(r.folder!, name)).size }));
      if (!(await mailRun(schedule, r.dueAt, { schedule: schedule.name, period: basename(r.folder), recipients: schedule.recipients, folder: r.folder, files }))) return;
    }
  }

  /** Builds and writes the run's files; records the outcome; the folder and files written, or null (failed). */
  async function writeRun(schedule: ReportSchedule, dueAt: number): Promise<RunMail | null> {
    try {
      const period = resolvePeriod({ preset: schedule.period }, dueAt, o.calendar);
      const request = {
        options: { period, scope: schedule.scope, shortAbandonSeconds: o.shortAbandonSeconds, resetHour: o.calendar.resetHour, agents: schedule.agents },
        formats: schedule.formats as ReportFormat[],
        created: o.wallNow(),
      };
      const built = await o.runner(request, () => {}).result;
      const folder = write(schedule, period.label, built.files);
      o.store.finish(schedule.id, dueAt, o.wallNow(), 'done', null, folder);
      o.log?.(`report schedule "${schedule.name}": ${period.label} written to ${folder}`);
      const files = Object.entries(built.files).map(([name, content]) => ({ name, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength }));
      return { schedule: schedule.name, period: period.label, recipients: schedule.recipients, folder, files };
    } catch (e) {
      const reason = (e as Error).message;
      o.store.finish(schedule.id, dueAt, o.wallNow(), 'failed', reason, null);
      o.log?.(`report schedule "${schedule.name}" failed: ${reason}; the next due time tries again`);
      return null;
    }
  }

  async function run(schedule: ReportSchedule, dueAt: number): Promise<void> {
    running.add(schedule.id);
    try {
      const written = await writeRun(schedule, dueAt);
      if (written === null) return;
      // the files are safe from here on: a mail or a prune that fails is logged, the run stays done
      if (schedule.recipients.length > 0 && (await mailRun(schedule, dueAt, written))) await mailAgain(schedule, dueAt);
      prune(schedule);
    } catch (e) {
      o.log?.(`report schedule "${schedule.name}": ${(e as Error).message}`);
    } finally {
      running.delete(schedule.id);
    }
  }

  /** Starts what is due now; resolves when those runs are done (tests await it). */
  async function check(): Promise<void> {
    const now = o.clock.now();
    const started: Promise<void>[] = [];
    for (const s of o.store.schedules()) {
      if (running.has(s.id)) continue;
      const due = latestDue(s.cron, o.calendar.timeZone, now - s.settleMinutes * 60_000, s.createdAt);
      if (due === null || o.store.run(s.id, due) !== null) continue;
      if (!o.store.claim(s.id, due, o.wallNow())) continue;
      started.push(run(s, due));
    }
    await Promise.all(started);
  }

  return {
    check,
    start() {
      const tick = () => safely(() => void check().catch((e: Error) => o.log?.(`report schedules: ${e.message}`)), (e) => o.log?.(`report schedules: ${e.message}`));
      tick();
      timer = o.clock.setInterval(tick, CHECK_MS);
    },
    stop() {
      timer?.clear();
      timer = null;
    },
  };
}
