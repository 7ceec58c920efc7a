import { useClient, useConnectionState } from './api/client-context';
import { AccessView } from './features/access/access-view';
import { BoardsAdminView } from './features/boards-admin/boards-admin-view';
import { BoardScreen } from './features/board/board-screen';
import { boardNameFrom } from './features/board/board-route';
import { callerAllows, SessionProvider } from './features/access/session';
import { SignInScreen } from './features/access/sign-in-screen';
import { useCaller } from './features/access/use-caller';
import { CenterView } from './features/center/center-view';
import { FeedsView } from './features/feeds/feeds-view';
import { FloorView } from './features/floor/floor-view';
import { ReportsView } from './features/reports/reports-view';
import { StandardsView } from './features/standards/standards-view';
import { useFloorSnapshot } from './features/floor/use-floor-snapshot';
import { FrozenBanner, useFrozen } from './features/nav/frozen-banner';
import { PageTitle } from './features/nav/page-title';
import { ViewBoundary } from './features/nav/view-boundary';
import { useHashView, VIEW_METHOD } from './features/nav/view-route';

/** A wall display's board (`/board/NAME`, `#/board/NAME`) or the console. */
export function App() {
  const client = useClient();
  const board = boardNameFrom(window.location);
  return board === null ? <Console /> : <BoardScreen client={client} name={board} />;
}

function Console() {
  const client = useClient();
  const connection = useConnectionState();
  const caller = useCaller(client);
  const { snapshot, receivedAt, error } = useFloorSnapshot(client);
  const asked = useHashView();
  const frozen = useFrozen(receivedAt);

  if (connection === 'signed-out') return <SignInScreen signedOut={client.signedOut()} />;
  if (!snapshot || !caller) {
    return (
      <div className="loading" role="status" data-testid="loading">
        <h1 className="product-name">Floorboard</h1>
        <p>{error ? `Cannot load the floor: ${error}. Retrying when the host is back…` : 'Loading the floor…'}</p>
      </div>
    );
  }
  // a screen the caller may not use (a viewer's bookmark of #/feeds) shows the floor, as an unknown hash does
  const view = callerAllows(caller, VIEW_METHOD[asked]) ? asked : 'floor';
  const props = { snapshot, connection, receivedAt };
  return (
    <SessionProvider caller={caller}>
      <div className={frozen ? 'app app--frozen' : 'app'}>
        <PageTitle view={view} alerts={snapshot.alerts} />
        {frozen && receivedAt !== null && <FrozenBanner at={snapshot.now} timeZone={snapshot.center.timeZone} receivedAt={receivedAt} connection={connection} />}
        <ViewBoundary key={view}>
          {view === 'feeds' ? (
            <FeedsView {...props} />
          ) : view === 'standards' ? (
            <StandardsView {...props} />
          ) : view === 'reports' ? (
            <ReportsView {...props} />
          ) : view === 'access' ? (
            <AccessView {...props} />
          ) : view === 'boards' ? (
            <BoardsAdminView {...props} />
          ) : view === 'center' ? (
            <CenterView {...props} />
          ) : (
            <FloorView {...props} />
          )}
        </ViewBoundary>
      </div>
    </SessionProvider>
  );
}
