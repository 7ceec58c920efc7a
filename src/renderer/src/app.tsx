import { useClient, useConnectionState } from './api/client-context';
import { FeedsView } from './features/feeds/feeds-view';
import { FloorView } from './features/floor/floor-view';
import { StandardsView } from './features/standards/standards-view';
import { useFloorSnapshot } from './features/floor/use-floor-snapshot';
import { useHashView } from './features/nav/view-route';

export function App() {
  const client = useClient();
  const connection = useConnectionState();
  const { snapshot, receivedAt, error } = useFloorSnapshot(client);
  const view = useHashView();

  if (!snapshot) {
    return (
      <div className="loading" role="status" data-testid="loading">
        <h1 className="product-name">Floorboard</h1>
        <p>{error ? `Cannot load the floor: ${error}. Retrying when the host is back…` : 'Loading the floor…'}</p>
      </div>
    );
  }
  if (view === 'feeds') return <FeedsView snapshot={snapshot} connection={connection} receivedAt={receivedAt} />;
  if (view === 'standards') return <StandardsView snapshot={snapshot} connection={connection} receivedAt={receivedAt} />;
  return <FloorView snapshot={snapshot} connection={connection} receivedAt={receivedAt} />;
}
