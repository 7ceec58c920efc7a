import type { QueueLive } from '../../../../shared/api';
import { CHANNEL_LABEL } from './channels';
import { judgeStatus } from './status';
import { StatusBadge } from './status-badge';
import { thresholdLabel } from './threshold-label';
import { TileFigures } from './tile-figures';

/** `targets`: the tiers of the channel's service-level standard (fixed 70 % / 80 % without one). */
export function QueueTile({ queue, targets }: { queue: QueueLive; targets?: { expected: number; desired: number } }) {
  const verdict = judgeStatus({
    serviceLevel: queue.serviceLevel,
    targets,
    overThreshold: queue.longestWaitNowSeconds > queue.thresholdSeconds,
    hasTraffic: queue.offered > 0 || queue.waitingNow > 0,
  });
  return (
    <article
      className={`tile tile--queue tile--${verdict.status}`}
      data-testid={`queue-tile-${queue.name}`}
      data-status={verdict.status}
      aria-label={`Queue ${queue.name}: ${verdict.text}`}
    >
      <header className="tile__head">
        <h3 className="tile__title">
          {queue.name} <span className="tile__channel">{CHANNEL_LABEL[queue.channel]}</span>
        </h3>
        <StatusBadge verdict={verdict} />
      </header>
      <TileFigures channel={queue.channel} metrics={queue} thresholdLabel={thresholdLabel([queue.thresholdSeconds])} />
    </article>
  );
}
