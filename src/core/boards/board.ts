/**
 * A board, checked: the one validator of the Boards screen, the API and imported files. It guarantees what the
 * display relies on: every tile inside its page's grid, no two tiles of a page on the same cell, each tile carrying
 * exactly the fields of its kind (a `channel` tile its channel, a `standard` tile its standard and column, a
 * `headline` tile 1-4 distinct figures, a `message` tile its text), and the bounds of BOARD_LIMITS. Every problem
 * is reported at its path ("pages.0.tiles.3.channel"), all of them at once, for a form or a file to name.
 */
import { z } from 'zod';
import { CHANNELS } from '../../shared/api';
import { BOARD_LIMITS, BOARD_NAME, BOARD_THEMES, HEADLINE_FIGURES, TILE_KINDS, type Board as BoardContract, type BoardPage, type BoardTile, type TileKind } from '../../shared/boards';

/** The fields only some kinds of tile take, and which kinds need them. */
const KIND_FIELDS = {
  channel: ['channel'],
  queue: ['queue'],
  headline: ['figures'],
  standard: ['standardId', 'standardKey'],
  agents: [],
  waiting: [],
  intraday: [],
  alerts: [],
  message: ['text'],
} as const satisfies Record<TileKind, readonly (keyof BoardTile)[]>;
const KIND_SPECIFIC: readonly (keyof BoardTile)[] = ['channel', 'queue', 'figures', 'standardId', 'standardKey', 'text'];

/** A standard's column, as the standards' results name it: the center, a channel, or `queue:NAME`. */
const STANDARD_KEY = new RegExp(`^(center|${CHANNELS.join('|')}|queue:.{1,200})$`, 's');

const aTile = (kind: TileKind) => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} tile`;

const cell = (what: string, max: number) => z.number().int(`${what} is a whole number`).min(1, `${what} starts at 1`).max(max, `${what} is at most ${max}`);

const tileSchema = z
  .object({
    kind: z.enum(TILE_KINDS),
    column: cell('a column', BOARD_LIMITS.gridColumns),
    row: cell('a row', BOARD_LIMITS.gridRows),
    columnSpan: cell('a column span', BOARD_LIMITS.gridColumns).default(1),
    rowSpan: cell('a row span', BOARD_LIMITS.gridRows).default(1),
    title: z.string().trim().min(1, 'a title cannot be empty (leave it out for the default)').max(80).optional(),
    channel: z.enum(CHANNELS).optional(),
    queue: z.string().min(1, 'a queue name is needed').max(200).optional(),
    standardId: z.string().min(1).max(64).optional(),
    standardKey: z.string().regex(STANDARD_KEY, 'a column is "center", a channel or "queue:NAME"').optional(),
    figures: z
      .array(z.enum(HEADLINE_FIGURES))
      .min(1, 'a headline tile shows at least one figure')
      .max(BOARD_LIMITS.headlineFigures, `a headline tile shows at most ${BOARD_LIMITS.headlineFigures} figures`)
      .optional(),
    text: z.string().trim().min(1, 'a message cannot be empty').max(BOARD_LIMITS.messageLength, `a message is at most ${BOARD_LIMITS.messageLength} characters`).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const needed: readonly (keyof BoardTile)[] = KIND_FIELDS[t.kind];
    for (const field of needed) if (t[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `${aTile(t.kind)} needs "${field}"` });
    for (const field of KIND_SPECIFIC) {
      if (t[field] !== undefined && !needed.includes(field)) ctx.addIssue({ code: 'custom', path: [field], message: `${aTile(t.kind)} takes no "${field}"` });
    }
    t.figures?.forEach((f, i) => {
      if (t.figures!.indexOf(f) < i) ctx.addIssue({ code: 'custom', path: ['figures', i], message: `"${f}" is shown twice` });
    });
  });

/** Whether two tiles share a cell. */
function overlap(a: BoardTile, b: BoardTile): boolean {
  return a.column < b.column + b.columnSpan && b.column < a.column + a.columnSpan && a.row < b.row + b.rowSpan && b.row < a.row + a.rowSpan;
}

const pageSchema = z
  .object({
    title: z.string().trim().min(1, 'a page needs a title').max(80),
    columns: cell('a page\'s columns', BOARD_LIMITS.gridColumns),
    rows: cell('a page\'s rows', BOARD_LIMITS.gridRows),
    dwellSeconds: z
      .number()
      .int('whole seconds')
      .min(BOARD_LIMITS.dwellSeconds.min, `at least ${BOARD_LIMITS.dwellSeconds.min} s`)
      .max(BOARD_LIMITS.dwellSeconds.max, `at most ${BOARD_LIMITS.dwellSeconds.max} s`)
      .default(30),
    tiles: z.array(tileSchema).min(1, 'a page shows at least one tile').max(BOARD_LIMITS.tilesPerPage, `a page holds at most ${BOARD_LIMITS.tilesPerPage} tiles`),
  })
  .strict()
  .superRefine((p, ctx) => {
    p.tiles.forEach((t, i) => {
      const lastColumn = t.column + t.columnSpan - 1;
      const lastRow = t.row + t.rowSpan - 1;
      if (lastColumn > p.columns) ctx.addIssue({ code: 'custom', path: ['tiles', i, t.column > p.columns ? 'column' : 'columnSpan'], message: `the tile reaches column ${lastColumn}, outside the page's ${p.columns}` });
      if (lastRow > p.rows) ctx.addIssue({ code: 'custom', path: ['tiles', i, t.row > p.rows ? 'row' : 'rowSpan'], message: `the tile reaches row ${lastRow}, outside the page's ${p.rows}` });
      const other = p.tiles.findIndex((o, j) => j < i && overlap(o, t));
      if (other >= 0) ctx.addIssue({ code: 'custom', path: ['tiles', i], message: `overlaps tile ${other} (${p.tiles[other].kind} at column ${p.tiles[other].column}, row ${p.tiles[other].row})` });
    });
  });

export const boardSchema = z
  .object({
    name: z.string().regex(BOARD_NAME, 'a board name is 1-64 lowercase letters, digits, "-" or "_", starting with a letter or digit'),
    title: z.string().trim().min(1, 'a board needs a title').max(120),
    theme: z.enum(BOARD_THEMES).default('dark'),
    showNames: z.boolean().default(false),
    jumpOnBreach: z.boolean().default(false),
    pages: z.array(pageSchema).min(1, 'a board has at least one page').max(BOARD_LIMITS.pages, `a board has at most ${BOARD_LIMITS.pages} pages`),
  })
  .strict();

export type Board = BoardContract;

// The schemas give exactly the contract's types (src/shared/boards.ts): change one, the build breaks.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchContract: [Same<z.output<typeof tileSchema>, BoardTile>, Same<z.output<typeof pageSchema>, BoardPage>, Same<z.output<typeof boardSchema>, BoardContract>] = [true, true, true];
void schemasMatchContract;
