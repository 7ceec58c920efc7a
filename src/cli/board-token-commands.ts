/**
 * `npm run cli -- boards token ...`: screens (viewer tokens bound to a board, one per TV) from the command line, on
 * a database `serve` or the app may have open: a screen made here works at the host's next request, one revoked here
 * has its socket closed within seconds. The token is printed once, with the board's path (and its full link with
 * --url): it stays in the TV's address, since kiosks lose cookies.
 */
import { Command, InvalidArgumentError } from 'commander';
import { TOKEN_NAME } from '../core/access/access';
import { createScreens, type Screens } from '../core/access/screens';
import { openDatabase, type Db } from '../core/store/database';
import { createStoreWriter } from '../core/store/store-writer';
import type { Board } from '../shared/boards';
import { when } from './access-commands';
import { dbOptions, dbPathOf, type DbOption } from './db-option';
import { textTable } from './text-table';

/** The boards of a database, by name (core/boards' store). */
export type BoardLookup = (db: Db) => (name: string) => Board | null;

function screenName(v: string): string {
  if (!TOKEN_NAME.test(v)) throw new InvalidArgumentError(`"${v.slice(0, 80)}" is not a screen name: 1-64 letters, digits, spaces, ".", "-" or "_", starting with a letter or digit`);
  return v;
}

/** Adds `token create|list|revoke` to the `boards` command (made here if the boards' own commands did not yet). */
export function registerBoardTokenCommands(program: Command, boardsOf: BoardLookup): void {
  const boards = program.commands.find((c) => c.name() === 'boards') ?? program.command('boards').description('Wall displays\' boards and their screens (docs/boards.md).');
  const token = boards.command('token').description('Screens: viewer tokens bound to one board, one per TV (docs/security.md).');

  function withScreens<T>(o: DbOption, work: (screens: Screens) => T): T {
    const db = openDatabase({ path: dbPathOf(o) });
    try {
      return work(createScreens({ store: createStoreWriter(db), now: Date.now, boardOf: boardsOf(db) }));
    } finally {
      db.close();
    }
  }

  dbOptions(token.command('create').argument('<board>', 'the board the screen shows'))
    .description('Make a screen\'s token and print it once, with the board\'s path.')
    .option('--name <screen>', 'the screen\'s name (default: BOARD-N)', screenName)
    .option('--url <url>', 'the console\'s address, to print the full link (e.g. http://10.0.0.5:4400/)')
    .action(async (board: string, o: DbOption & { name?: string; url?: string }) => {
      const made = withScreens(o, (s) => s.create(board, o.name));
      console.log(`screen "${made.screen.screen}" of board "${board}":`);
      console.log(`  ${made.token}`);
      console.log(`  path: ${made.path}`);
      if (o.url !== undefined) console.log(`  link: ${new URL(made.path, o.url).href}`);
      console.log('It is shown this once: open the link on the screen (the token stays in its address).');
    });

  dbOptions(token.command('list').argument('[board]', 'only this board\'s screens'))
    .description('The screens, with their board, when each was made and last seen (written at most once a minute).')
    .action(async (board: string | undefined, o: DbOption) => {
      const list = withScreens(o, (s) => s.handlers['boards/screens']({ board }));
      if (list.length === 0) return console.log(board === undefined ? 'no screens' : `no screens of board "${board}"`);
      console.log(textTable(list.map((x) => ({ screen: x.screen, board: x.board, created: when(x.createdAt), 'last seen': when(x.lastSeenAt) }))));
    });

  dbOptions(token.command('revoke').argument('<screen>', 'the screen\'s name'))
    .description('Revoke a screen: refused at once, its board closed within seconds saying its access was revoked.')
    .action(async (screen: string, o: DbOption) => {
      const r = withScreens(o, (s) => s.handlers['boards/revoke-screen']({ screen }));
      console.log(`revoked screen "${r.revoked}"`);
    });
}
