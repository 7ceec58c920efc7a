/** The center's headline figures, one to four side by side (two by two on a tall tile), each as large as fits. */
import type { FloorSnapshot } from '../../../../shared/api';
import { BOARD_LIMITS, type BoardTile } from '../../../../shared/boards';
import { BoardTileFrame } from './board-tile-frame';
import { HEADLINE_LABEL, headlineValue } from './headline-figures';

const DEFAULT_FIGURES = ['service-level', 'waiting', 'longest-wait', 'answered'] as const;

export function HeadlineTile({ snapshot, tile }: { snapshot: FloorSnapshot; tile: BoardTile }) {
  const figures = (tile.figures?.length ? tile.figures : DEFAULT_FIGURES).slice(0, BOARD_LIMITS.headlineFigures);
  return (
    <BoardTileFrame tile={tile} title={tile.title ?? 'Center today'}>
      <dl className="board-headline" style={{ ['--figures' as string]: figures.length }}>
        {figures.map((figure) => {
          const value = headlineValue(snapshot, figure);
          return (
            <div key={figure} className="board-headline__figure" data-testid={`board-headline-${figure}`} style={{ ['--chars' as string]: Math.max(3, value.length) }}>
              <dd>{value}</dd>
              <dt>{HEADLINE_LABEL[figure]}</dt>
            </div>
          );
        })}
      </dl>
    </BoardTileFrame>
  );
}
