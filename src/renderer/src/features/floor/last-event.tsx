import type { FloorSnapshot } from '../../../../shared/api';
import { formatElapsed } from '../../../../shared/format';
import { secondsSinceLastEvent } from './staleness';

export function LastEvent({ snapshot }: { snapshot: FloorSnapshot }) {
  const ago = secondsSinceLastEvent(snapshot);
  return (
    <div className="header-item" data-testid="last-event">
      <span className="header-item__label">Last event</span>
      <span className="header-item__value">{ago == null ? 'none yet' : `${formatElapsed(ago)} ago`}</span>
    </div>
  );
}
