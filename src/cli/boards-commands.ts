/**
 * `npm run cli -- boards list|export|import|remove`: the wall displays' boards in the database (docs/boards.md),
 * through the same handlers as the API, so the CLI refuses what the Boards screen refuses. A board file is JSON or
 * YAML by its extension; an invalid one prints each problem at its path, saves nothing and exits non-zero.
 */
import { Command, InvalidArgumentError } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { boardsHandlers } from '../core/api/handlers/boards';
import { parseBoard, serializeBoard } from '../core/boards/board-file';
import { createBoardsService } from '../core/boards/boards-store';
import { formatOfPath, type StandardsFormat } from '../core/standards/standards-file';
import { boardVersionReads, boardVersionWrites } from '../core/store/boards';
import { openDatabase } from '../core/store/database';
import { dbOptions, dbPathOf, type DbOption } from './db-option';
import { textTable } from './text-table';

/** The boards' handlers on the database named (which must exist), closed when `work` returns. */
async function onBoards<T>(o: DbOption, work: (handlers: ReturnType<typeof boardsHandlers>) => T | Promise<T>): Promise<T> {
  const db = openDatabase({ path: dbPathOf(o) });
  const boards = createBoardsService({ ...boardVersionReads(db), ...boardVersionWrites(db) }, { now: Date.now });
  return Promise.resolve(work(boardsHandlers({ boards }))).finally(() => db.close());
}

function fileFormat(file: string): StandardsFormat {
  const format = formatOfPath(file);
  if (!format) throw new InvalidArgumentError(`${file}: name a .json, .yaml or .yml file`);
  return format;
}

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z';

export function registerBoardsCommands(program: Command): void {
  const boards = program.command('boards').description('Wall displays\' boards: list them, export one to a file, import one, remove one (docs/boards.md).');

  dbOptions(boards.command('list'))
    .description('Print every board with its version in force.')
    .action((o: DbOption) =>
      onBoards(o, (h) => {
        const rows = h['boards/list']({}).map((b) => ({ name: b.name, title: b.title, version: String(b.version), saved: when(b.savedAt), pages: String(b.pages), screens: String(b.screens) }));
        console.log(textTable(rows));
      }),
    );

  dbOptions(boards.command('export').argument('<name>', "the board's name").argument('<file>', 'a .json, .yaml or .yml file to write'))
    .description("Write a board's version in force to a file.")
    .action((name: string, file: string, o: DbOption) => {
      const format = fileFormat(file);
      return onBoards(o, (h) => {
        const v = h['boards/get']({ name });
        writeFileSync(resolve(file), serializeBoard(v.board, format));
        console.log(JSON.stringify({ file: resolve(file), name: v.name, version: v.version, pages: v.board.pages.length }));
      });
    });

  dbOptions(boards.command('import').argument('<file>', 'a .json, .yaml or .yml board file'))
    .option('--note <text>', 'why (kept with the version)')
    .description('Check a board file and save it as the new version of its board (a new name makes a new board); an invalid file changes nothing.')
    .action((file: string, o: DbOption & { note?: string }) => {
      const parsed = parseBoard(readFileSync(resolve(file), 'utf8'), fileFormat(file));
      if (!parsed.ok) {
        for (const i of parsed.issues.slice(0, 40)) console.error(`${file}: ${i.path || '(file)'}: ${i.message}`);
        throw new Error(`${file}: ${parsed.issues.length} problem${parsed.issues.length === 1 ? '' : 's'}; nothing saved`);
      }
      return onBoards(o, (h) => {
        const v = h['boards/save']({ board: parsed.board, note: o.note ?? `imported from ${file}` });
        console.log(JSON.stringify({ name: v.name, version: v.version, pages: v.board.pages.length }));
      });
    });

  dbOptions(boards.command('remove').argument('<name>', "the board's name"))
    .description('Remove a board and its versions (floor can be changed, not removed).')
    .action((name: string, o: DbOption) => onBoards(o, (h) => console.log(JSON.stringify(h['boards/remove']({ name })))));
}
