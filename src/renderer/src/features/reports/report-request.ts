import { REPORT_PRESETS, type Channel, type ReportPeriodArgs, type ReportPreset, type ReportScopeArgs } from '../../../../shared/api';

/** What the Reports form holds: a preset or custom dates, the scope, the formats. */
export interface ReportForm {
  period: ReportPreset | 'custom';
  /** Custom: the first day and the day after the last one (YYYY-MM-DD, as the date inputs give them). */
  from: string;
  to: string;
  channels: Channel[];
  queues: string[];
  formats: string[];
  /** The agents section (names, handle times, not-ready time) in the files. */
  agents: boolean;
}

export const PERIOD_CHOICES: readonly (ReportPreset | 'custom')[] = [...REPORT_PRESETS, 'custom'];
export const PERIOD_LABEL: Record<ReportPreset | 'custom', string> = { 'last-week': 'Last week', 'this-week': 'This week', 'last-month': 'Last month', custom: 'From … to …' };

/** A field of the form an error is shown next to. */
export type ReportField = 'period' | 'from' | 'to' | 'scope' | 'formats' | 'form';

export function periodArgs(f: ReportForm): ReportPeriodArgs {
  return f.period === 'custom' ? { from: f.from, to: f.to } : { preset: f.period };
}

/** No channel and no queue ticked: every contact. */
export function scopeArgs(f: ReportForm): ReportScopeArgs | undefined {
  return f.channels.length === 0 && f.queues.length === 0 ? undefined : { channels: f.channels, queues: f.queues };
}

/** The field an issue of the host's (its path in the arguments: "period.to", "formats") belongs to. */
export function fieldOf(path: string): ReportField {
  if (path === 'period.from' || path === 'period.to') return path.slice('period.'.length) as ReportField;
  if (path.startsWith('period')) return 'period';
  if (path.startsWith('scope')) return 'scope';
  if (path.startsWith('formats')) return 'formats';
  return 'form';
}
