import type { ReactNode } from 'react';
import type { Channel, ContactMetrics } from '../../../../shared/api';
import { formatCount, formatDuration, formatPercent } from '../../../../shared/format';
import { isAsync } from './channels';
import { Metric } from './metric';

type Figures = ContactMetrics & { waitingNow: number; longestWaitNowSeconds: number };

/** One figure of a tile: which number, how it reads, and what it means (its tooltip). */
interface Figure {
  label: string;
  of: keyof Figures;
  format: (value: number | null) => string;
  testId: string;
  title?: string;
}

const SERVICE_LEVEL: Figure = {
  label: 'SL',
  of: 'serviceLevel',
  format: formatPercent,
  testId: 'metric-sl',
  title: 'Service level today: answered within threshold T / (answered + abandoned − short abandons)',
};
const KEY_FIGURES: readonly Figure[] = [
  { label: 'Waiting', of: 'waitingNow', format: formatCount, testId: 'metric-waiting' },
  { label: 'Longest wait', of: 'longestWaitNowSeconds', format: formatDuration, testId: 'metric-longest-wait', title: 'Oldest contact waiting now' },
];
const MINOR_FIGURES: readonly Figure[] = [
  { label: 'ASA', of: 'asaSeconds', format: formatDuration, testId: 'metric-asa', title: 'Average speed of answer today' },
  { label: 'Abandon', of: 'abandonRate', format: formatPercent, testId: 'metric-abandon', title: 'Abandon rate today, short abandons excluded' },
  { label: 'Offered', of: 'offered', format: formatCount, testId: 'metric-offered', title: 'Contacts queued today' },
];
/** Async channels only: they are judged on first response too. */
const FIRST_RESPONSE: Figure = { label: '1st response', of: 'avgFirstResponseSeconds', format: formatDuration, testId: 'metric-first-response', title: 'Average first response today' };

function figure(f: Figure, m: Figures, size: 'key' | 'minor', suffix?: ReactNode) {
  const raw = m[f.of];
  return <Metric key={f.testId} size={size} label={f.label} value={f.format(raw)} raw={raw} testId={f.testId} title={f.title} suffix={suffix} />;
}

interface TileFiguresProps {
  channel: Channel;
  metrics: Figures;
  /** "T 20s", or a range when a channel's queues differ. */
  thresholdLabel: string;
}

/** The figures every channel and queue tile shows, in the same places. */
export function TileFigures({ channel, metrics: m, thresholdLabel }: TileFiguresProps) {
  return (
    <>
      <div className="tile__key">
        {figure(SERVICE_LEVEL, m, 'key', <> · {thresholdLabel}</>)}
        {KEY_FIGURES.map((f) => figure(f, m, 'key'))}
      </div>
      <div className="tile__minor">
        {MINOR_FIGURES.map((f) => figure(f, m, 'minor'))}
        {isAsync(channel) && figure(FIRST_RESPONSE, m, 'minor')}
      </div>
    </>
  );
}
