import type { FloorSnapshot } from '../../../../shared/api';
import type { ConnectionState } from '../../api/client';
import { ThemeToggle } from '../theme/theme-toggle';
import { CenterClock } from './center-clock';
import { ConnectionStatus } from './connection-status';
import { IngestStatus } from './ingest-status';
import { LastEvent } from './last-event';

interface FloorHeaderProps {
  snapshot: FloorSnapshot;
  connection: ConnectionState;
  receivedAt: number | null;
}

export function FloorHeader({ snapshot, connection, receivedAt }: FloorHeaderProps) {
  return (
    <header className="floor-header">
      <div className="floor-header__brand">
        <h1 className="product-name">Floorboard</h1>
        <span className="center-name">{snapshot.center.name}</span>
      </div>
      {snapshot.simulated && (
        <span className="simulated-badge" data-testid="simulated-badge" title="Figures come from the simulator, not a real floor">
          <span aria-hidden="true">◇</span> SIMULATED FLOOR
        </span>
      )}
      <CenterClock now={snapshot.now} timeZone={snapshot.center.timeZone} />
      <div className="floor-header__status">
        <LastEvent snapshot={snapshot} />
        <IngestStatus ingest={snapshot.ingest} />
        <ConnectionStatus state={connection} receivedAt={receivedAt} />
        <ThemeToggle />
      </div>
    </header>
  );
}
