/**
 * One standard's cell on a board: its figure in its unit, its tier as word, icon and colour, and
 * what the figure is made of (its basis, as the Standards screen shows it).
 */
import type { FloorSnapshot } from '../../../../shared/api';
import type { BoardTile } from '../../../../shared/boards';
import { STANDARD_METRICS } from '../../../../shared/standards';
import { formatFigure, resultLook, STATUS_LOOK } from '../standards/standard-look';
import { BoardTileFrame } from './board-tile-frame';

export function StandardTile({ snapshot, tile }: { snapshot: FloorSnapshot; tile: BoardTile }) {
  const result = snapshot.standards?.results.find((r) => r.standardId === tile.standardId && r.key === tile.standardKey);
  const definition = tile.standardId ? snapshot.standards?.definitions?.[tile.standardId] : undefined;
  const unit = definition && definition.metric in STANDARD_METRICS ? STANDARD_METRICS[definition.metric].unit : 'score';
  const look = result ? resultLook(result) : STATUS_LOOK['no-data'];
  const column = tile.standardKey?.replace(/^queue:/, '') ?? '';
  return (
    <BoardTileFrame tile={tile} title={tile.title ?? `${definition?.name ?? tile.standardId ?? 'Standard'} · ${column}`} verdict={{ status: look.tone, icon: look.icon, text: look.text }}>
      <p className="board-big" data-testid="board-standard-figure">
        <span className="board-big__value">{formatFigure(result?.figure ?? null, unit)}</span>
        <span className="board-big__label">{result?.basis ?? 'not measured'}</span>
      </p>
    </BoardTileFrame>
  );
}
