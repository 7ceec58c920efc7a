/**
 * The board a new center has, `floor`: what a wall of a contact center shows first, read from across the room.
 * Page 1, the live state: the center's headline figures, the four channels, the contacts waiting longest and the
 * open alerts. Page 2, the day so far: the intraday chart and agents by state. 30 s a page, dark (a TV in a lit
 * room), agents' names hidden (a wall is seen by visitors). It can be changed, not removed (docs/boards.md).
 */
import { CHANNELS } from '../../shared/api';
import type { Board, HeadlineFigure } from '../../shared/boards';

export const DEFAULT_BOARD_NAME = 'floor';
/** What a supervisor looks up first: is the center on target, how many wait, for how long, who can take them. */
const FLOOR_FIGURES: HeadlineFigure[] = ['service-level', 'waiting', 'longest-wait', 'agents-available'];

export function defaultBoard(): Board {
  return {
    name: DEFAULT_BOARD_NAME,
    title: 'Floor',
    theme: 'dark',
    showNames: false,
    jumpOnBreach: false,
    pages: [
      {
        title: 'Now',
        columns: 12,
        rows: 6,
        dwellSeconds: 30,
        tiles: [
          { kind: 'headline', column: 1, row: 1, columnSpan: 12, rowSpan: 1, figures: [...FLOOR_FIGURES] },
          // one tile a channel, in the floor's order (a tile never moves on the wall)
          ...CHANNELS.map((channel, i) => ({ kind: 'channel' as const, column: 1 + 3 * i, row: 2, columnSpan: 3, rowSpan: 3, channel })),
          { kind: 'waiting', column: 1, row: 5, columnSpan: 8, rowSpan: 2 },
          { kind: 'alerts', column: 9, row: 5, columnSpan: 4, rowSpan: 2 },
        ],
      },
      {
        title: 'Today',
        columns: 12,
        rows: 6,
        dwellSeconds: 30,
        tiles: [
          { kind: 'intraday', column: 1, row: 1, columnSpan: 8, rowSpan: 6 },
          { kind: 'agents', column: 9, row: 1, columnSpan: 4, rowSpan: 6 },
        ],
      },
    ],
  };
}
