import type { FloorSnapshot } from '../../../../shared/api';
import type { ConnectionState } from '../../api/client';
import { SessionBadge } from '../access/session-badge';
import { ViewNav } from '../nav/view-nav';
import type { View } from '../nav/view-route';
import { ThemeToggle } from '../theme/theme-toggle';
import { AlertBadge } from '../standards/alert-badge';
import { CenterClock } from './center-clock';
import { ConnectionStatus } from './connection-status';
import { IngestStatus } from './ingest-status';
import { LastEvent } from './last-event';

interface FloorHeaderProps {
  snapshot: FloorSnapshot;
  connection: ConnectionState;
  receivedAt: number | null;
  /** The screen showing this header; the floor unless told. */
  view?: View;
}

export function FloorHeader({ snapshot, connection, receivedAt, view = 'floor' }: FloorHeaderProps) {
  return (
    <header className="floor-header">
      <div className="floor-header__brand">
        <h1 className="product-name">Floorboard</h1>
        <span className="center-name">{snapshot.center.name}</span>
      </div>
      <ViewNav current={view} />
      <SessionBadge />
      {snapshot.simulated && (
        <span className="badge simulated-badge" data-testid="simulated-badge" title="Figures come from the simulator, not a real floor">
          <span aria-hidden="true">◇</span> SIMULATED<span className="simulated-badge__words"> FLOOR</span>
        </span>
      )}
      <CenterClock now={snapshot.now} timeZone={snapshot.center.timeZone} />
      <div className="floor-header__status">
        <AlertBadge alerts={snapshot.alerts} />
        <LastEvent snapshot={snapshot} />
        <IngestStatus ingest={snapshot.ingest} />
        <ConnectionStatus state={connection} receivedAt={receivedAt} />
        <ThemeToggle />
      </div>
    </header>
  );
}
