import type { AlertsSummary } from '../../../../shared/standards';
import { VIEW_HASH } from '../nav/view-route';

/** The header's alert badge: open alerts not acknowledged nor snoozed, a link to where they are handled. */
export function AlertBadge({ alerts }: { alerts: AlertsSummary | undefined }) {
  if (!alerts || alerts.open.length === 0) return null;
  const n = alerts.unacknowledged;
  return (
    <a
      href={`${VIEW_HASH.standards}`}
      className={`alert-badge${n > 0 ? ' alert-badge--active' : ''}`}
      data-testid="alert-badge"
      data-count={n}
      title={`${alerts.open.length} open alert${alerts.open.length === 1 ? '' : 's'}`}
    >
      <span aria-hidden="true">⚑</span> {n > 0 ? `${n} ALERT${n === 1 ? '' : 'S'}` : `${alerts.open.length} open, seen`}
    </a>
  );
}
