import type { Channel, ContactMetrics } from '../../../../shared/api';
import { formatCount, formatDuration, formatPercent } from '../../../../shared/format';
import { isAsync } from './channels';
import { Metric } from './metric';

interface TileFiguresProps {
  channel: Channel;
  metrics: ContactMetrics & { waitingNow: number; longestWaitNowSeconds: number };
  /** "T 20s", or a range when a channel's queues differ. */
  thresholdLabel: string;
}

/** The figures every channel and queue tile shows, in the same places. */
export function TileFigures({ channel, metrics: m, thresholdLabel }: TileFiguresProps) {
  return (
    <>
      <div className="tile__key">
        <Metric
          size="key"
          label="SL"
          value={formatPercent(m.serviceLevel)}
          raw={m.serviceLevel}
          testId="metric-sl"
          suffix={<> · {thresholdLabel}</>}
          title="Service level today: answered within threshold T / (answered + abandoned − short abandons)"
        />
        <Metric size="key" label="Waiting" value={formatCount(m.waitingNow)} raw={m.waitingNow} testId="metric-waiting" />
        <Metric
          size="key"
          label="Longest wait"
          value={formatDuration(m.longestWaitNowSeconds)}
          raw={m.longestWaitNowSeconds}
          testId="metric-longest-wait"
          title="Oldest contact waiting now"
        />
      </div>
      <div className="tile__minor">
        <Metric label="ASA" value={formatDuration(m.asaSeconds)} raw={m.asaSeconds} testId="metric-asa" title="Average speed of answer today" />
        <Metric label="Abandon" value={formatPercent(m.abandonRate)} raw={m.abandonRate} testId="metric-abandon" title="Abandon rate today, short abandons excluded" />
        <Metric label="Offered" value={formatCount(m.offered)} raw={m.offered} testId="metric-offered" title="Contacts queued today" />
        {isAsync(channel) && (
          <Metric
            label="1st response"
            value={formatDuration(m.avgFirstResponseSeconds)}
            raw={m.avgFirstResponseSeconds}
            testId="metric-first-response"
            title="Average first response today"
          />
        )}
      </div>
    </>
  );
}
