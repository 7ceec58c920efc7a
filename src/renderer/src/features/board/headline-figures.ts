/**
 * The center's headline figures, summed over its channels from one snapshot: each reads as the console's
 * figures do (shared/format.ts). Service level and abandon rate are recomputed from the channels' parts rather
 * than averaged, so a quiet channel's 100 % does not lift a busy one's 60 %.
 */
import type { FloorSnapshot } from '../../../../shared/api';
import type { HeadlineFigure } from '../../../../shared/boards';
import { formatCount, formatDuration, formatPercent } from '../../../../shared/format';

export const HEADLINE_LABEL: Record<HeadlineFigure, string> = {
  'service-level': 'Service level',
  waiting: 'Waiting',
  'longest-wait': 'Longest wait',
  answered: 'Answered',
  'abandon-rate': 'Abandoned',
  asa: 'Avg answer',
  'agents-available': 'Available',
  occupancy: 'Occupancy',
};

function sum(snapshot: FloorSnapshot, of: (c: FloorSnapshot['channels'][number]) => number): number {
  return snapshot.channels.reduce((total, c) => total + of(c), 0);
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function headlineValue(snapshot: FloorSnapshot, figure: HeadlineFigure): string {
  const resolved = sum(snapshot, (c) => c.answered + c.abandoned - c.shortAbandoned);
  switch (figure) {
    case 'service-level':
      return formatPercent(ratio(sum(snapshot, (c) => c.answeredWithinThreshold), resolved));
    case 'waiting':
      return formatCount(sum(snapshot, (c) => c.waitingNow));
    case 'longest-wait':
      return formatDuration(Math.max(0, ...snapshot.channels.map((c) => c.longestWaitNowSeconds)));
    case 'answered':
      return formatCount(sum(snapshot, (c) => c.answered));
    case 'abandon-rate':
      return formatPercent(ratio(sum(snapshot, (c) => c.abandoned - c.shortAbandoned), resolved));
    case 'asa':
      return formatDuration(ratio(sum(snapshot, (c) => (c.asaSeconds ?? 0) * c.answered), sum(snapshot, (c) => c.answered)));
    case 'agents-available':
      return formatCount(snapshot.agentsByState.available);
    case 'occupancy':
      return formatPercent(snapshot.occupancy);
  }
}
