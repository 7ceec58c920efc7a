import { useClient, useConnectionState } from './api/client-context';
import { FeedsView } from './features/feeds/feeds-view';
import { FloorView } from './features/floor/floor-view';
import { StandardsView } from './features/standards/standards-view';
import { useFloorSnapshot } from './features/floor/use-floor-snapshot';
import { FrozenBanner, useFrozen } from './features/nav/frozen-banner';
import { ViewBoundary } from './features/nav/view-boundary';
import { useHashView } from './features/nav/view-route';

export function App() {
  const client = useClient();
  const connection = useConnectionState();
  const { snapshot, receivedAt, error } = useFloorSnapshot(client);
  const view = useHashView();
  const frozen = useFrozen(receivedAt);

  if (!snapshot) {
    return (
      <div className="loading" role="status" data-testid="loading">
        <h1 className="product-name">Floorboard</h1>
        <p>{error ? `Cannot load the floor: ${error}. Retrying when the host is back…` : 'Loading the floor…'}</p>
      </div>
    );
  }
  const props = { snapshot, connection, receivedAt };
  return (
    <div className={frozen ? 'app app--frozen' : 'app'}>
      {frozen && receivedAt !== null && <FrozenBanner at={snapshot.now} timeZone={snapshot.center.timeZone} receivedAt={receivedAt} connection={connection} />}
      <ViewBoundary key={view}>
        {view === 'feeds' ? <FeedsView {...props} /> : view === 'standards' ? <StandardsView {...props} /> : <FloorView {...props} />}
      </ViewBoundary>
    </div>
  );
}
