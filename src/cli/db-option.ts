/** `--db PATH` or `--simulated` for the commands that act on an existing database (access, center). */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultDbPath } from './paths';

export interface DbOption {
  db?: string;
  simulated?: boolean;
}

/** The database named, which must exist: these commands never create one. */
export function dbPathOf(o: DbOption): string {
  const path = resolve(o.db ?? defaultDbPath(Boolean(o.simulated)));
  if (!existsSync(path)) throw new Error(`no database at ${path} (start the app or "serve" once, or pass --db PATH)`);
  return path;
}

export function dbOptions(c: Command): Command {
  return c.option('--db <path>', "the database (default: the user data folder's floorboard.db)").option('--simulated', "the simulated floor's database (npm run serve's) instead");
}
