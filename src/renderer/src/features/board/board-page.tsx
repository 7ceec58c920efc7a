/**
 * One page of a board: a CSS grid of the page's columns by rows, each tile in its cell and spans. The grid's
 * tracks are minmax(0, 1fr), so no tile's content can push the page past the screen.
 */
import type { FloorSnapshot } from '../../../../shared/api';
import type { Board, BoardPage, BoardTile } from '../../../../shared/boards';
import { AgentsTile } from './agents-tile';
import { HeadlineTile } from './headline-tile';
import { IntradayTile } from './intraday-tile';
import { StandardTile } from './standard-tile';
import { AlertsTile, MessageTile } from './ticker-tiles';
import { TrafficTile } from './traffic-tile';
import { WaitingTile } from './waiting-tile';

function TileView({ board, snapshot, tile }: { board: Board; snapshot: FloorSnapshot; tile: BoardTile }) {
  switch (tile.kind) {
    case 'channel':
    case 'queue':
      return <TrafficTile snapshot={snapshot} tile={tile} />;
    case 'headline':
      return <HeadlineTile snapshot={snapshot} tile={tile} />;
    case 'standard':
      return <StandardTile snapshot={snapshot} tile={tile} />;
    case 'agents':
      return <AgentsTile snapshot={snapshot} tile={tile} showNames={board.showNames} />;
    case 'waiting':
      return <WaitingTile snapshot={snapshot} tile={tile} />;
    case 'intraday':
      return <IntradayTile snapshot={snapshot} tile={tile} theme={board.theme} />;
    case 'alerts':
      return <AlertsTile snapshot={snapshot} tile={tile} />;
    case 'message':
      return <MessageTile tile={tile} />;
  }
}

export function BoardPageView({ board, page, snapshot }: { board: Board; page: BoardPage; snapshot: FloorSnapshot }) {
  return (
    <div
      className="board-page"
      style={{ gridTemplateColumns: `repeat(${page.columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${page.rows}, minmax(0, 1fr))` }}
      data-testid="board-page"
    >
      {page.tiles.map((tile, i) => (
        <TileView key={`${tile.kind}:${tile.column}:${tile.row}:${i}`} board={board} snapshot={snapshot} tile={tile} />
      ))}
    </div>
  );
}
