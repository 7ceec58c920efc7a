import { useClient, useConnectionState } from './api/client-context';
import { FloorView } from './features/floor/floor-view';
import { useFloorSnapshot } from './features/floor/use-floor-snapshot';

export function App() {
  const client = useClient();
  const connection = useConnectionState();
  const { snapshot, receivedAt, error } = useFloorSnapshot(client);

  if (!snapshot) {
    return (
      <div className="loading" role="status" data-testid="loading">
        <h1 className="product-name">Floorboard</h1>
        <p>{error ? `Cannot load the floor: ${error}. Retrying when the host is back…` : 'Loading the floor…'}</p>
      </div>
    );
  }
  return <FloorView snapshot={snapshot} connection={connection} receivedAt={receivedAt} />;
}
