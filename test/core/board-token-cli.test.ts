/**
 * `boards token create|list|revoke` in-process on a database file, with a board lookup standing in for the boards'
 * store: the token printed once with the board's path, screens listed with their board and last seen, revoked by
 * name, and a board that does not exist refused.
 */
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccess } from '../../src/core/access/access';
import { fixedAdminSecret } from '../../src/core/access/admin-secret';
import { openDatabase } from '../../src/core/store/database';
import { createStoreWriter } from '../../src/core/store/store-writer';
import { registerBoardTokenCommands } from '../../src/cli/board-token-commands';
import type { Board } from '../../src/shared/boards';
import { tempDbPath } from '../helpers/engine';

const LOBBY: Board = { name: 'lobby', title: 'Lobby', theme: 'dark', showNames: false, jumpOnBreach: false, pages: [] };

async function cli(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerBoardTokenCommands(program, () => (name) => (name === 'lobby' ? LOBBY : null));
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  try {
    await program.parseAsync(['node', 'cli', ...args]);
  } finally {
    log.mockRestore();
  }
  return out.join('\n');
}

afterEach(() => vi.restoreAllMocks());

describe('boards token', () => {
  it('makes a screen, lists it with its last sight, revokes it; refuses a board that does not exist', async () => {
    const db = tempDbPath();
    openDatabase({ path: db }).close();
    const made = await cli('boards', 'token', 'create', 'lobby', '--name', 'lobby tv', '--db', db, '--url', 'http://10.0.0.5:4400/');
    const token = /^\s+(fbv_\S+)$/m.exec(made)![1];
    expect(made).toContain(`path: /board/lobby?token=${token}`);
    expect(made).toContain(`link: http://10.0.0.5:4400/board/lobby?token=${token}`);
    expect(await cli('boards', 'token', 'create', 'lobby', '--db', db)).toContain('screen "lobby-1" of board "lobby"');
    // the host authenticating the screen is what "last seen" records
    const handle = openDatabase({ path: db });
    const caller = createAccess({ store: createStoreWriter(handle), secret: fixedAdminSecret(), now: () => Date.UTC(2026, 0, 5, 9, 30), screens: { boardOf: () => LOBBY, cut: (s) => s } }).authenticate(token);
    handle.close();
    expect(caller).toEqual({ role: 'viewer', token: 'lobby tv', names: false, board: 'lobby' });
    const list = await cli('boards', 'token', 'list', 'lobby', '--db', db);
    expect(list).toMatch(/lobby tv\s+lobby\s+\S+ \S+\s+2026-01-05 09:30Z/);
    expect(list).toMatch(/lobby-1\s+lobby\s+\S+ \S+\s+-/);
    expect(await cli('boards', 'token', 'revoke', 'lobby tv', '--db', db)).toBe('revoked screen "lobby tv"');
    expect(await cli('boards', 'token', 'list', '--db', db)).not.toContain('lobby tv');
    await expect(cli('boards', 'token', 'create', 'nowhere', '--db', db)).rejects.toThrow(/no board named "nowhere"/);
  });
});
