/**
 * How a standard's figure and tier read on screen: the figure in its unit (shares as percentages), the tier as
 * a word and an icon (never by color alone), and the tone the cell and the tiles take from it.
 */
import { formatDuration, formatPercent } from '../../../../shared/format';
import { WEEK_LOADING, type StandardResult, type Tier, type Unit } from '../../../../shared/standards';

type Tone = 'ok' | 'warn' | 'alert' | 'idle';

export interface StatusLook {
  tone: Tone;
  icon: string;
  text: string;
}

export const STATUS_LOOK: Record<StandardResult['status'], StatusLook> = {
  delight: { tone: 'ok', icon: '★', text: 'delight' },
  desired: { tone: 'ok', icon: '✓', text: 'on target' },
  expected: { tone: 'warn', icon: '▲', text: 'below target' },
  breach: { tone: 'alert', icon: '✖', text: 'below expected' },
  'no-data': { tone: 'idle', icon: '○', text: 'no data' },
};

/** A result without a figure because the host is still reading its window's days (StandardsEvaluation.loadingFrom). */
const LOADING_LOOK: StatusLook = { tone: 'idle', icon: '…', text: 'loading' };

/** How a result reads: its status's look, or "loading" while its window's days are still being read. */
export const resultLook = (r: Pick<StandardResult, 'status' | 'basis'>): StatusLook => (r.status === 'no-data' && r.basis === WEEK_LOADING ? LOADING_LOOK : STATUS_LOOK[r.status]);

/** Worst first: the order in which statuses decide a tile's state. */
export const STATUS_ORDER: readonly StandardResult['status'][] = ['breach', 'expected', 'desired', 'delight', 'no-data'];

export const TIER_LABEL: Record<Tier, string> = { expected: 'Expected', desired: 'Desired', delight: 'Delight' };

export function formatFigure(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  switch (unit) {
    case 'share':
      return formatPercent(value, 1);
    case 'seconds':
      return formatDuration(value);
    case 'agents':
      return value > 0 ? `+${value}` : `${value}`;
    case 'score':
      return value.toFixed(0);
  }
}

/** A tier's value as the editor shows it: shares in percent, the rest as stored. */
export const toField = (value: number, unit: Unit): string => (unit === 'share' ? String(Math.round(value * 10_000) / 100) : String(value));
export const fromField = (text: string, unit: Unit): number => (unit === 'share' ? Number(text) / 100 : Number(text));
export const fieldUnit = (unit: Unit): string => (unit === 'share' ? '%' : unit === 'seconds' ? 's' : unit === 'agents' ? 'agents' : 'points');

/** "Open until 20:00" / "Closed · opens Thu 09:00", in the center's zone; null when the channel publishes no hours. */
export function hoursLabel(h: { open: boolean; nextChange: number | null; calendar: string | null } | undefined, timeZone: string): string | null {
  if (!h || h.calendar === null) return null;
  const at = (ms: number) => new Date(ms).toLocaleString('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit' });
  if (h.open) return h.nextChange === null ? 'Open' : `Open until ${at(h.nextChange)}`;
  return h.nextChange === null ? 'Closed' : `Closed · opens ${at(h.nextChange)}`;
}

/** A standard's window in words, as the matrix and the editor show it. */
export const WINDOW_LABEL: Record<string, string> = {
  'rolling-15m': 'last 15 minutes',
  'rolling-30m': 'last 30 minutes',
  'rolling-60m': 'last 60 minutes',
  interval: 'this interval',
  today: 'today',
  week: 'last 7 days',
};
