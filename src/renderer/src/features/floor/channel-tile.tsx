import type { Channel, ChannelLive, QueueLive } from '../../../../shared/api';
import { STANDARD_METRICS, type StandardResult, type StandardsEvaluation } from '../../../../shared/standards';
import { formatFigure, WINDOW_LABEL } from '../standards/standard-look';
import { standardsVerdict } from '../standards/standards-verdict';
import { formatCount } from '../../../../shared/format';
import { CHANNEL_LABEL } from './channels';
import { judgeStatus, type StatusVerdict } from './status';
import { StatusBadge } from './status-badge';
import { thresholdLabel } from './threshold-label';
import { TileFigures } from './tile-figures';

interface ChannelTileProps {
  channel: Channel;
  /** Absent when the engine reports nothing for this channel. */
  live: ChannelLive | undefined;
  /** This channel's queues: their thresholds label the service level and judge the longest wait. */
  queues: QueueLive[];
  /**
   * The standards evaluated on this channel (null from a host that evaluates none): the tile takes the state of
   * the weakest one measured.
   */
  standards?: StandardResult[] | null;
  /** "Open until 20:00" or "Closed · opens Mon 08:00" by the channel's published hours; null when none. */
  hours?: string | null;
  /** The evaluated standards' names and metrics, to name the one that holds the tile below target. */
  definitions?: StandardsEvaluation['definitions'];
}

const NO_QUEUES: StatusVerdict = { status: 'idle', icon: '○', text: 'no queues' };

export function ChannelTile({ channel, live, queues, standards, hours, definitions }: ChannelTileProps) {
  const hasQueues = queues.length > 0 || (live?.queues ?? 0) > 0;
  const closed = hours?.startsWith('Closed') ?? false;
  const afterHoursWaiting = closed ? (live?.waitingNow ?? 0) : 0;
  const fromStandards = live && hasQueues && standards ? standardsVerdict(standards) : null;
  const cause = fromStandards?.cause ?? null;
  const causeDefinition = cause ? definitions?.[cause.standardId] : undefined;
  // a metric this renderer does not know (a newer host) is named without its figure
  const causeUnit = causeDefinition && causeDefinition.metric in STANDARD_METRICS ? STANDARD_METRICS[causeDefinition.metric].unit : null;
  // the tile's big figures are today's and now: a cause measured over another window says which, beside its figure
  const causeWindow = causeDefinition?.window ? WINDOW_LABEL[causeDefinition.window] : null;
  const verdict: StatusVerdict =
    live && hasQueues
      ? fromStandards
        ? fromStandards
        : judgeStatus({
          serviceLevel: live.serviceLevel,
          // A channel's queues can have different thresholds: judge each queue's wait against its own.
          overThreshold: queues.some((q) => q.longestWaitNowSeconds > q.thresholdSeconds),
            hasTraffic: live.offered > 0 || live.waitingNow > 0,
          })
      : NO_QUEUES;

  return (
    <article
      className={`tile tile--channel tile--${verdict.status}`}
      data-testid={`channel-tile-${channel}`}
      data-status={verdict.status}
      aria-label={`${CHANNEL_LABEL[channel]}: ${verdict.text}${causeWindow ? ` (${causeWindow})` : ''}`}
    >
      <header className="tile__head">
        <h2 className="tile__title">{CHANNEL_LABEL[channel]}</h2>
        <StatusBadge verdict={verdict} />
      </header>
      {hours && (
        <p className={`tile__hours${closed ? ' tile__hours--closed' : ''}`} data-testid="channel-hours">
          {hours}
          {afterHoursWaiting > 0 && (
            // contacts keep arriving when the channel is closed: a CLOSED tile must not hide that they wait
            <strong className="tile__after-hours" data-testid="after-hours">
              {' '}· after hours: {formatCount(afterHoursWaiting)} waiting
            </strong>
          )}
        </p>
      )}
      {cause && causeDefinition && (
        <p className="tile__cause explained" data-testid="channel-cause" title={cause.basis} tabIndex={0} data-explain={cause.basis} aria-description={cause.basis}>
          {causeWindow && <span className="tile__cause-window">{causeWindow[0].toUpperCase() + causeWindow.slice(1)}: </span>}
          {causeUnit && (
            <>
              <strong>{formatFigure(cause.figure, causeUnit)}</strong> against{' '}
            </>
          )}
          “{causeDefinition.name}”
        </p>
      )}
      {live && hasQueues ? (
        <>
          <TileFigures channel={channel} metrics={live} thresholdLabel={thresholdLabel(queues.map((q) => q.thresholdSeconds))} />
          <p className="tile__agents" data-testid="channel-agents">
            <span className="metric__label">Agents</span> <strong>{formatCount(live.agents.available)}</strong> available ·{' '}
            <strong>{formatCount(live.agents['on-contact'])}</strong> on contact ·{' '}
            <strong>{formatCount(live.agents['after-contact-work'])}</strong> wrap-up
          </p>
        </>
      ) : (
        <p className="tile__empty">No queues on this channel</p>
      )}
    </article>
  );
}
