/**
 * How a queue tile is judged (today's service level), and a channel tile when the host evaluates no standards
 * (an older host). Channel tiles take their state from the configured standards (standards/standards-verdict.ts);
 * queue tiles judge their service level by the tiers of the channel's service-level standard (its expected and
 * desired), else by fixed targets, 70 % and 80 %:
 *
 * - ALERT when service level is below expected (70 %).
 * - WARN when service level is below desired (80 %), or someone has waited longer than the threshold right now.
 * - OK otherwise.
 * - IDLE when there is no service level yet (nothing left the queue) and nobody waits beyond the threshold.
 *
 * Service level is compared as the whole percentage the tile displays, so a tile never reads
 * "SL 80 %" next to "at risk".
 */
import { wholePercent } from '../../../../shared/format';

type TileStatus = 'ok' | 'warn' | 'alert' | 'idle';

/** Service level at or above this is on target. */
export const SL_TARGET = 0.8;
/** Service level below this is an alert. */
const SL_ALERT_BELOW = 0.7;

export interface StatusInput {
  serviceLevel: number | null;
  /** The service-level standard's tiers for the channel, in place of the fixed 70 % / 80 %. */
  targets?: { expected: number; desired: number };
  /** Someone waiting now has waited longer than the queue's threshold. */
  overThreshold: boolean;
  /** Anything offered today or waiting now. */
  hasTraffic: boolean;
}

export interface StatusVerdict {
  status: TileStatus;
  icon: string;
  text: string;
}

export function judgeStatus({ serviceLevel, overThreshold, hasTraffic, targets }: StatusInput): StatusVerdict {
  if (serviceLevel != null) {
    const pct = wholePercent(serviceLevel);
    if (pct < wholePercent(targets?.expected ?? SL_ALERT_BELOW)) return { status: 'alert', icon: '✖', text: 'below target' };
    if (pct < wholePercent(targets?.desired ?? SL_TARGET) || overThreshold) return { status: 'warn', icon: '▲', text: 'at risk' };
    return { status: 'ok', icon: '✓', text: 'on target' };
  }
  if (overThreshold) return { status: 'warn', icon: '▲', text: 'at risk' };
  return hasTraffic ? { status: 'idle', icon: '○', text: 'no SL yet' } : { status: 'idle', icon: '○', text: 'idle' };
}
