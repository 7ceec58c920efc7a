/**
 * A board on a wall: the board's current page full screen from the live snapshot, rotating, shifting a few
 * pixels now and then, reloading every few hours. Nothing on it takes focus or a pointer (no control, no link,
 * the cursor hidden): it is read from across the room, never used. Refused by the host (signed out), it pairs
 * itself when it never had a credential, and says its access was revoked when it had one.
 */
import { useEffect, type CSSProperties } from 'react';
import { useConnectionState } from '../../api/client-context';
import type { ApiClient } from '../../api/client';
import { useFrozen } from '../nav/frozen-banner';
import { useFloorSnapshot } from '../floor/use-floor-snapshot';
import { formatHourMinute } from '../../../../shared/format';
import { screenTokenOf } from '../../api/http-transport';
import { BoardFrozen, BoardRevoked, BoardWaiting } from './board-notices';
import { BoardPairing } from './board-pairing';
import { BoardPageView } from './board-page';
import { applyBoardTheme } from './board-theme';
import { useBoard } from './use-board';
import { useBoardRotation } from './use-board-rotation';
import { usePixelShift, useScheduledReload } from './use-board-upkeep';
import type { PairingPorts } from './use-pairing';
import type { Board } from '../../../../shared/boards';
import type { FloorSnapshot } from '../../../../shared/api';
import './board.css';
import './board-lists.css';
import './board-access.css';

const reloadPage = () => window.location.reload();
const BROWSER: PairingPorts = { fetch: (input, init) => fetch(input, init), replace: (url) => window.location.replace(url) };

interface BoardScreenProps {
  client: ApiClient;
  name: string;
  /** The page's reload (tests pass a spy). */
  reload?: () => void;
  /** The page's address (its screen token, if any, is in it) and the browser's fetch and location (tests: fakes). */
  pageUrl?: string;
  pairingPorts?: PairingPorts;
}

export function BoardScreen({ client, name, reload = reloadPage, pageUrl = window.location.href, pairingPorts = BROWSER }: BoardScreenProps) {
  const { board, problem } = useBoard(client, name);
  const { snapshot, receivedAt } = useFloorSnapshot(client);
  const connection = useConnectionState();
  useScheduledReload(connection === 'live' && problem !== 'host-down', reload);
  useEffect(() => {
    if (board) applyBoardTheme(board.theme);
  }, [board]);

  if (connection === 'signed-out') {
    // a page that never had a credential pairs; one whose token stopped working (now or before a reload) was revoked
    const hadAccess = client.signedOut()?.ended === true || screenTokenOf(pageUrl) !== undefined;
    return hadAccess ? <BoardRevoked name={name} /> : <BoardPairing name={name} pageUrl={pageUrl} ports={pairingPorts} />;
  }
  if (!board || !snapshot) return <BoardWaiting name={name} problem={problem} />;
  return <BoardShown board={board} snapshot={snapshot} receivedAt={receivedAt} />;
}

function BoardShown({ board, snapshot, receivedAt }: { board: Board; snapshot: FloorSnapshot; receivedAt: number | null }) {
  const pageIndex = useBoardRotation(board, snapshot);
  const [dx, dy] = usePixelShift();
  const frozen = useFrozen(receivedAt);
  const page = board.pages[pageIndex];
  const style: CSSProperties = { transform: `translate(${dx}px, ${dy}px)` };
  return (
    <div className={`board${frozen ? ' board--frozen' : ''}`} data-testid="board" data-page={pageIndex} data-theme-name={board.theme}>
      <div className="board__frame" style={style}>
        <header className="board__head">
          <span className="board__title">{board.title}</span>
          <span className="board__page">
            {page.title}
            {board.pages.length > 1 && ` · ${pageIndex + 1}/${board.pages.length}`}
          </span>
          <span className="board__clock">{formatHourMinute(snapshot.now, snapshot.center.timeZone)}</span>
        </header>
        {page && <BoardPageView board={board} page={page} snapshot={snapshot} />}
      </div>
      {frozen && receivedAt !== null && <BoardFrozen at={snapshot.now} timeZone={snapshot.center.timeZone} receivedAt={receivedAt} />}
    </div>
  );
}
