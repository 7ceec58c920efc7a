/**
 * A board on a wall: the board's current page full screen from the live snapshot, rotating, shifting a few
 * pixels now and then, reloading every few hours. Nothing on it takes focus or a pointer (no control, no link,
 * the cursor hidden): it is read from across the room, never used.
 */
import { useEffect, type CSSProperties } from 'react';
import { useConnectionState } from '../../api/client-context';
import type { ApiClient } from '../../api/client';
import { useFrozen } from '../nav/frozen-banner';
import { useFloorSnapshot } from '../floor/use-floor-snapshot';
import { formatHourMinute } from '../../../../shared/format';
import { BoardFrozen, BoardWaiting } from './board-notices';
import { BoardPageView } from './board-page';
import { applyBoardTheme } from './board-theme';
import { useBoard } from './use-board';
import { useBoardRotation } from './use-board-rotation';
import { usePixelShift, useScheduledReload } from './use-board-upkeep';
import type { Board } from '../../../../shared/boards';
import type { FloorSnapshot } from '../../../../shared/api';
import './board.css';
import './board-lists.css';

const reloadPage = () => window.location.reload();

interface BoardScreenProps {
  client: ApiClient;
  name: string;
  /** The page's reload (tests pass a spy). */
  reload?: () => void;
}

export function BoardScreen({ client, name, reload = reloadPage }: BoardScreenProps) {
  const { board, problem } = useBoard(client, name);
  const { snapshot, receivedAt } = useFloorSnapshot(client);
  const connection = useConnectionState();
  useScheduledReload(connection === 'live' && problem !== 'host-down', reload);
  useEffect(() => {
    if (board) applyBoardTheme(board.theme);
  }, [board]);

  if (!board || !snapshot) return <BoardWaiting name={name} problem={connection === 'signed-out' ? (client.signedOut()?.message ?? problem) : problem} />;
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
