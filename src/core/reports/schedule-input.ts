/**
 * What a report schedule may be, checked once for the CLI and the API (each problem at its field, for a form), and
 * its cron read in words for a listing. A cron is read by croner in the center's zone; its form does not depend
 * on the zone, so it is checked in UTC where the zone is not at hand (the API's schema).
 */
import { REPORT_FORMATS } from './report-files';
import { cronProblem } from './report-schedules';
import { recipientProblems } from './mail-settings';

const SCHEDULE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;
export const KEEP_RUNS = { min: 1, max: 520, default: 8 };
export const SETTLE_MINUTES = { min: 0, max: 24 * 60, default: 60 };

export interface ScheduleInput {
  name: string;
  cron: string;
  formats: readonly string[];
  folder: string;
  recipients: readonly string[];
  keep: number;
  settleMinutes: number;
}

const isWhole = (n: number, range: { min: number; max: number }) => Number.isInteger(n) && n >= range.min && n <= range.max;

/** Every problem of a schedule, each at its field ("name", "recipients.1"). `folder` must be absolute (on the host). */
export function scheduleProblems(x: ScheduleInput, timeZone = 'UTC'): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const add = (path: string, message: string | null) => void (message && problems.push({ path, message }));
  if (!SCHEDULE_NAME.test(x.name)) add('name', `"${x.name.slice(0, 80)}" is not a schedule name: 1-64 letters, digits, spaces, ".", "-" or "_", starting with a letter or digit`);
  add('cron', cronProblem(x.cron, timeZone));
  if (x.formats.length === 0) add('formats', 'choose at least one format');
  for (const f of x.formats) if (!(REPORT_FORMATS as readonly string[]).includes(f)) add('formats', `${f.slice(0, 20)}: one of ${REPORT_FORMATS.join(', ')}`);
  if (new Set(x.formats).size !== x.formats.length) add('formats', 'a format is listed twice');
  if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(x.folder) || x.folder.length > 4096 || x.folder.includes('\0')) add('folder', 'a full path of a folder on the host, e.g. /srv/reports or C:\\Reports');
  problems.push(...recipientProblems(x.recipients));
  if (!isWhole(x.keep, KEEP_RUNS)) add('keep', `the runs kept: a whole number from ${KEEP_RUNS.min} to ${KEEP_RUNS.max}`);
  if (!isWhole(x.settleMinutes, SETTLE_MINUTES)) add('settleMinutes', `the settle delay: a whole number of minutes from ${SETTLE_MINUTES.min} to ${SETTLE_MINUTES.max}`);
  return problems;
}

const DAYS = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** "Mondays at 06:00", "Mondays to Fridays at 06:00", "every day at 06:00", "the 1st of each month at 06:00"; null: no short reading. */
export function describeCron(cron: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5 || !/^\d{1,2}$/.test(fields[0]) || !/^\d{1,2}$/.test(fields[1])) return null;
  const [minute, hour, day, month, weekday] = fields;
  if (Number(minute) > 59 || Number(hour) > 23 || month !== '*') return null;
  const at = `at ${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
  if (day === '*' && weekday === '*') return `every day ${at}`;
  if (/^\d{1,2}$/.test(day) && Number(day) >= 1 && Number(day) <= 31 && weekday === '*') return `the ${ordinal(Number(day))} of each month ${at}`;
  if (day !== '*') return null;
  if (/^[0-7]$/.test(weekday)) return `${DAYS[Number(weekday)]} ${at}`;
  const range = /^([0-7])-([0-7])$/.exec(weekday);
  if (range && Number(range[1]) < Number(range[2])) return `${DAYS[Number(range[1])]} to ${DAYS[Number(range[2])]} ${at}`;
  if (/^[0-7](,[0-7])+$/.test(weekday)) return `${weekday.split(',').map((d) => DAYS[Number(d)]).join(', ')} ${at}`;
  return null;
}
