import type { ReportPreset } from '../../../../shared/api';
import type { ReportScheduleArgs } from '../../../../shared/api-reports';

/** What the new-schedule form holds, as typed (numbers and the recipients' list are read when it is sent). */
export interface ScheduleForm {
  name: string;
  cron: string;
  period: ReportPreset;
  formats: string[];
  agents: boolean;
  folder: string;
  /** Addresses separated by commas, spaces or lines. */
  recipients: string;
  keep: string;
  settleMinutes: string;
}

export type ScheduleField = 'name' | 'cron' | 'period' | 'formats' | 'folder' | 'recipients' | 'keep' | 'settleMinutes';

export const NEW_SCHEDULE: ScheduleForm = { name: '', cron: '0 6 * * 1', period: 'last-week', formats: ['pdf', 'xlsx'], agents: true, folder: '', recipients: '', keep: '8', settleMinutes: '60' };

/** Crons offered as one click, each as the host will say it. */
export const CRON_EXAMPLES: readonly { cron: string; words: string }[] = [
  { cron: '0 6 * * 1', words: 'Mondays at 06:00' },
  { cron: '0 6 * * *', words: 'every day at 06:00' },
  { cron: '0 6 1 * *', words: 'the 1st of each month at 06:00' },
];

const FIELDS: readonly string[] = ['name', 'cron', 'period', 'formats', 'folder', 'recipients', 'keep', 'settleMinutes'];

/** The field an issue of the host's belongs to ("recipients.1": the recipients). */
export function scheduleFieldOf(path: string): ScheduleField | 'form' {
  const head = path.split('.')[0];
  return FIELDS.includes(head) ? (head as ScheduleField) : 'form';
}

const recipientsOf = (text: string) => text.split(/[\s,;]+/).filter((a) => a !== '');

/** The arguments of `reports/schedule-add`, or the fields that are not whole numbers (checked here: JSON has no NaN). */
export function scheduleArgs(f: ScheduleForm): { ok: true; args: ReportScheduleArgs } | { ok: false; errors: Map<ScheduleField, string> } {
  const errors = new Map<ScheduleField, string>();
  for (const field of ['keep', 'settleMinutes'] as const) if (!/^\d{1,5}$/.test(f[field].trim())) errors.set(field, 'a whole number');
  if (errors.size > 0) return { ok: false, errors };
  const recipients = recipientsOf(f.recipients);
  return {
    ok: true,
    args: { name: f.name.trim(), cron: f.cron.trim(), period: f.period, formats: f.formats, agents: f.agents, folder: f.folder.trim(), keep: Number(f.keep), settleMinutes: Number(f.settleMinutes), ...(recipients.length > 0 ? { recipients } : {}) },
  };
}
