/**
 * Boards (issue 16, point 1): the one validator (grid, overlap, kind-specific fields, limits, every issue at its
 * path), board files in JSON and YAML with their JSON Schema, and the default `floor` board.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boardSchema } from '../../src/core/boards/board';
import { boardJsonSchema, checkBoard, parseBoard, serializeBoard } from '../../src/core/boards/board-file';
import { defaultBoard } from '../../src/core/boards/default-board';
import type { BoardTile } from '../../src/shared/boards';
import { ROOT } from '../helpers/host';

function board(tiles: Partial<BoardTile>[], page: { columns?: number; rows?: number } = {}): unknown {
  return { name: 'lobby', title: 'Lobby', pages: [{ title: 'One', columns: page.columns ?? 4, rows: page.rows ?? 2, tiles }] };
}
const issuesOf = (doc: unknown) => {
  const r = checkBoard(doc);
  if (r.ok) throw new Error('accepted');
  return r.issues;
};

describe('a board', () => {
  it('is accepted with its defaults filled: dark, names hidden, no jump, 30 s a page, spans of 1', () => {
    const r = checkBoard(board([{ kind: 'alerts', column: 1, row: 1 }]));
    expect(r).toMatchObject({ ok: true, board: { theme: 'dark', showNames: false, jumpOnBreach: false, pages: [{ dwellSeconds: 30, tiles: [{ columnSpan: 1, rowSpan: 1 }] }] } });
  });

  it('refuses two tiles on the same cell, naming the later tile and the one it overlaps', () => {
    // tile 0 covers columns 1-2 of rows 1-2; tile 1 starts at column 2, row 2: the cell (2, 2) is both's
    const issues = issuesOf(board([{ kind: 'alerts', column: 1, row: 1, columnSpan: 2, rowSpan: 2 }, { kind: 'agents', column: 2, row: 2, columnSpan: 3 }, { kind: 'intraday', column: 3, row: 1, columnSpan: 2 }]));
    expect(issues).toEqual([{ path: 'pages.0.tiles.1', message: 'overlaps tile 0 (alerts at column 1, row 1)' }]);
  });

  it('accepts tiles that touch without overlapping', () => {
    expect(checkBoard(board([{ kind: 'alerts', column: 1, row: 1, columnSpan: 2, rowSpan: 2 }, { kind: 'agents', column: 3, row: 1, columnSpan: 2, rowSpan: 2 }])).ok).toBe(true);
  });

  it('refuses a tile outside its page grid, at the field that takes it out', () => {
    // a 4 x 2 page: columns 3 + 3 - 1 = 5 > 4; row 3 > 2
    expect(issuesOf(board([{ kind: 'alerts', column: 3, row: 1, columnSpan: 3 }, { kind: 'agents', column: 1, row: 3 }]))).toEqual([
      { path: 'pages.0.tiles.0.columnSpan', message: "the tile reaches column 5, outside the page's 4" },
      { path: 'pages.0.tiles.1.row', message: "the tile reaches row 3, outside the page's 2" },
    ]);
  });

  it("requires each kind's fields and refuses the others'", () => {
    const issues = issuesOf(
      board(
        [
          { kind: 'channel', column: 1, row: 1 },
          { kind: 'standard', column: 2, row: 1, standardId: 'voice-sl' },
          { kind: 'queue', column: 3, row: 1, queue: 'Sales', channel: 'voice' },
          { kind: 'message', column: 4, row: 1 },
          { kind: 'agents', column: 1, row: 2, text: 'hello' },
        ],
        { columns: 4, rows: 2 },
      ),
    );
    expect(issues).toEqual([
      { path: 'pages.0.tiles.0.channel', message: 'a channel tile needs "channel"' },
      { path: 'pages.0.tiles.1.standardKey', message: 'a standard tile needs "standardKey"' },
      { path: 'pages.0.tiles.2.channel', message: 'a queue tile takes no "channel"' },
      { path: 'pages.0.tiles.3.text', message: 'a message tile needs "text"' },
      { path: 'pages.0.tiles.4.text', message: 'an agents tile takes no "text"' },
    ]);
  });

  it('checks headline figures (1-4, distinct), a message (1-280 characters) and a standard column', () => {
    const tiles = [
      { kind: 'headline' as const, column: 1, row: 1, figures: ['waiting', 'asa', 'waiting'] as BoardTile['figures'] },
      { kind: 'headline' as const, column: 2, row: 1, figures: ['waiting', 'asa', 'answered', 'occupancy', 'abandon-rate'] as BoardTile['figures'] },
      { kind: 'headline' as const, column: 3, row: 1, figures: [] },
      { kind: 'message' as const, column: 4, row: 1, text: 'x'.repeat(281) },
      { kind: 'standard' as const, column: 1, row: 2, standardId: 'sl', standardKey: 'fax' },
    ];
    expect(issuesOf(board(tiles)).map((i) => i.path)).toEqual(['pages.0.tiles.0.figures.2', 'pages.0.tiles.1.figures', 'pages.0.tiles.2.figures', 'pages.0.tiles.3.text', 'pages.0.tiles.4.standardKey']);
    expect(checkBoard(board([{ kind: 'message', column: 1, row: 1, text: 'x'.repeat(280) }, { kind: 'standard', column: 2, row: 1, standardId: 'sl', standardKey: 'queue:Sales EU' }])).ok).toBe(true);
  });

  it('keeps to the limits: name, pages, tiles a page, grid size, dwell time', () => {
    const page = (n: number) => ({ title: 'P', columns: 12, rows: 12, dwellSeconds: 4, tiles: Array.from({ length: n }, (_, i) => ({ kind: 'alerts', column: 1 + (i % 12), row: 1 + Math.floor(i / 12) })) });
    const paths = issuesOf({ name: 'Lobby TV', title: 'Lobby', pages: [page(25), { title: 'P', columns: 13, rows: 0, tiles: [] }] }).map((i) => i.path);
    expect(paths).toEqual(['name', 'pages.0.dwellSeconds', 'pages.0.tiles', 'pages.1.columns', 'pages.1.rows', 'pages.1.tiles']);
    const thirteen = Array.from({ length: 13 }, () => ({ ...page(1), dwellSeconds: 30 }));
    expect(issuesOf({ name: 'lobby', title: 'Lobby', pages: thirteen })).toEqual([{ path: 'pages', message: 'a board has at most 12 pages' }]);
    expect(checkBoard({ name: 'l'.repeat(64), title: 'Lobby', pages: [{ ...page(24), dwellSeconds: 3600 }, ...thirteen.slice(1, 12)] }).ok).toBe(true);
  });

  it('refuses a field it does not know, at its path', () => {
    expect(issuesOf({ ...(board([{ kind: 'alerts', column: 1, row: 1 }]) as object), colour: 'red' })).toEqual([{ path: '', message: expect.stringMatching(/colour/) }]);
  });
});

describe('board files', () => {
  it('read back the same board from JSON and from YAML', () => {
    for (const format of ['json', 'yaml'] as const) expect(parseBoard(serializeBoard(defaultBoard(), format), format)).toEqual({ ok: true, board: defaultBoard() });
  });

  it('that are not JSON or YAML say so, with no board', () => {
    expect(parseBoard('{"name": ', 'json')).toMatchObject({ ok: false, issues: [{ path: '', message: expect.stringMatching(/^not JSON/) }] });
    expect(parseBoard('name: [a', 'yaml')).toMatchObject({ ok: false, issues: [{ path: '', message: expect.stringMatching(/^not YAML/) }] });
  });

  it('have their JSON Schema in docs/boards.schema.json, as the validator defines it', () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'docs', 'boards.schema.json'), 'utf8'));
    expect(doc).toEqual(JSON.parse(JSON.stringify(boardJsonSchema())));
  });
});

describe('the default board, floor', () => {
  it('is valid, with the four channels, headline figures, the waiting list and alerts, then the chart and agents', () => {
    const floor = defaultBoard();
    expect(boardSchema.parse(floor)).toEqual(floor);
    expect(floor).toMatchObject({ name: 'floor', theme: 'dark', showNames: false });
    expect(floor.pages.map((p) => p.tiles.map((t) => t.channel ?? t.kind))).toEqual([
      ['headline', 'voice', 'chat', 'email', 'message', 'waiting', 'alerts'],
      ['intraday', 'agents'],
    ]);
    expect(floor.pages.map((p) => p.dwellSeconds)).toEqual([30, 30]);
  });
});
