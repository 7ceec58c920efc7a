import { formatThreshold } from '../../../../shared/format';

/** "T 20s" when all queues share a threshold, "T 20s–90s" when they differ, "T —" with no queue. */
export function thresholdLabel(thresholdsSeconds: number[]): string {
  if (thresholdsSeconds.length === 0) return 'T —';
  const low = Math.min(...thresholdsSeconds);
  const high = Math.max(...thresholdsSeconds);
  return low === high ? `T ${formatThreshold(low)}` : `T ${formatThreshold(low)}–${formatThreshold(high)}`;
}
