import type { ReactNode } from 'react';

interface MetricProps {
  label: string;
  /** Already formatted ("82%", "1:05", "—"); the element carrying `testId` holds exactly this text. */
  value: string;
  /** The raw figure, for tests and tooling that want the number rather than its formatting. */
  raw?: number | null;
  testId: string;
  size?: 'key' | 'minor';
  /** Context shown after the value, e.g. the threshold next to service level. */
  suffix?: ReactNode;
  title?: string;
}

export function Metric({ label, value, raw, testId, size = 'minor', suffix, title }: MetricProps) {
  // an explanation is reachable by keyboard too: the figure takes focus and shows it (.explained, floor.css)
  const explained = title ? { tabIndex: 0, 'data-explain': title, 'aria-description': title } : {};
  return (
    <div className={`metric metric--${size}${title ? ' explained' : ''}`} title={title} {...explained}>
      <span className="metric__label">{label}</span>{' '}
      <span className="metric__value" data-testid={testId} data-value={raw ?? ''}>
        {value}
      </span>
      {suffix != null && <span className="metric__suffix">{suffix}</span>}
    </div>
  );
}
