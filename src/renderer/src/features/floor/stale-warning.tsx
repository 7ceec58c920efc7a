import type { FloorSnapshot } from '../../../../shared/api';
import { formatElapsed } from '../../../../shared/format';
import { isStale, secondsSinceLastEvent } from './staleness';

/** A banner, not a hint: a quiet feed looks exactly like a quiet floor unless the board says so. */
export function StaleWarning({ snapshot }: { snapshot: FloorSnapshot }) {
  if (!isStale(snapshot)) return null;
  const ago = secondsSinceLastEvent(snapshot);
  return (
    <div className="banner banner--alert" role="alert" data-testid="stale-warning">
      <span className="banner__icon" aria-hidden="true">
        ⚠
      </span>
      {ago == null ? 'No events received yet' : `No events for ${formatElapsed(ago)}`} — data may be stale
    </div>
  );
}
