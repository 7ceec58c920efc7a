/**
 * The box every board tile is drawn in: its place on the page's grid (the tile's cell and spans), a title, and
 * when the tile judges something, its status as an icon and a word on a band of the status colour (never colour
 * alone). Each box is a size container: the type inside scales with the box, not with the screen.
 */
import type { ReactNode } from 'react';
import type { BoardTile } from '../../../../shared/boards';
import type { StatusVerdict } from '../floor/status';

interface BoardTileFrameProps {
  tile: BoardTile;
  title: string;
  verdict?: StatusVerdict;
  children: ReactNode;
}

export function BoardTileFrame({ tile, title, verdict, children }: BoardTileFrameProps) {
  const status = verdict?.status ?? 'none';
  return (
    <article
      className={`board-tile board-tile--${tile.kind} board-tile--${status}`}
      style={{ gridColumn: `${tile.column} / span ${tile.columnSpan}`, gridRow: `${tile.row} / span ${tile.rowSpan}` }}
      data-testid={`board-tile-${tile.kind}`}
      data-status={status}
      aria-label={verdict ? `${title}: ${verdict.text}` : title}
    >
      <header className="board-tile__head">
        <h2 className="board-tile__title">{title}</h2>
        {verdict && (
          <span className={`board-status board-status--${verdict.status}`} data-testid="board-status">
            <span aria-hidden="true">{verdict.icon}</span> {verdict.text}
          </span>
        )}
      </header>
      <div className="board-tile__body">{children}</div>
    </article>
  );
}
