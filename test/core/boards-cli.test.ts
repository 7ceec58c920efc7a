/**
 * `npm run cli -- boards ...` end to end (issue 16, point 1): a board exported to YAML, edited and imported is its new
 * version and exports back as edited; an invalid file prints each problem at its path, exits non-zero and saves
 * nothing; `floor` cannot be removed, another board can.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { openDatabase } from '../../src/core/store/database';
import { tempDbPath } from '../helpers/engine';
import { ROOT } from '../helpers/host';

const cliArgs = (args: string[]) => [join(ROOT, 'scripts', 'cli.mjs'), ...args];
const cli = (...args: string[]) => execFileSync(process.execPath, cliArgs(args), { cwd: ROOT, encoding: 'utf8' });

describe('CLI boards', () => {
  it('export -> edit -> import is a new version; an invalid file changes nothing; floor stays', () => {
    const db = tempDbPath();
    openDatabase({ path: db }).close();
    const yaml = join(db, '..', 'floor.yaml');
    expect(JSON.parse(cli('boards', 'export', 'floor', yaml, '--db', db))).toMatchObject({ name: 'floor', version: 1, pages: 2 });

    const edited = YAML.parse(readFileSync(yaml, 'utf8'));
    edited.name = 'lobby';
    edited.pages[0].dwellSeconds = 20;
    writeFileSync(yaml, YAML.stringify(edited));
    expect(JSON.parse(cli('boards', 'import', yaml, '--db', db, '--note', 'the lobby TV'))).toEqual({ name: 'lobby', version: 1, pages: 2 });
    expect(JSON.parse(cli('boards', 'import', yaml, '--db', db))).toEqual({ name: 'lobby', version: 2, pages: 2 });
    const json = join(db, '..', 'lobby.json');
    cli('boards', 'export', 'lobby', json, '--db', db);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(edited);
    expect(cli('boards', 'list', '--db', db)).toMatch(/^floor\s+Floor\s+1\s.*\nlobby\s+Floor\s+2\s/m);

    edited.pages[0].tiles[1].column = 2; // voice now covers columns 2-4, chat's first; alerts (from column 9) 9 wide
    edited.pages[0].tiles[6].columnSpan = 9;
    writeFileSync(yaml, YAML.stringify(edited));
    const refused = spawnSync(process.execPath, cliArgs(['boards', 'import', yaml, '--db', db]), { cwd: ROOT, encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('pages.0.tiles.2: overlaps tile 1 (channel at column 2, row 2)');
    expect(refused.stderr).toContain("pages.0.tiles.6.columnSpan: the tile reaches column 17, outside the page's 12");
    expect(refused.stderr).toMatch(/2 problems; nothing saved/);
    expect(cli('boards', 'list', '--db', db)).toMatch(/^lobby\s+Floor\s+2\s/m);

    expect(spawnSync(process.execPath, cliArgs(['boards', 'remove', 'floor', '--db', db]), { cwd: ROOT, encoding: 'utf8' }).stderr).toMatch(/can be changed, not removed/);
    expect(JSON.parse(cli('boards', 'remove', 'lobby', '--db', db))).toEqual({ removed: 'lobby', screensRevoked: 0 });
    expect(cli('boards', 'list', '--db', db)).not.toMatch(/lobby/);
  }, 180_000); // ten runs of the CLI, each starting tsx
});
