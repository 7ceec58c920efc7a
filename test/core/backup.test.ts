/**
 * `backup`: a consistent copy of a database in use, through SQLite's online backup, on its own read-only
 * connection; never over an existing file, never of another program's file.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/core/store/backup';
import { openStoreReader } from '../../src/core/store/open-store-reader';
import { testEngine, tempDbPath } from '../helpers/engine';
import { at, ev, lines } from '../helpers/events';
import { ROOT } from '../helpers/host';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

function liveFloor() {
  const path = tempDbPath();
  const t = testEngine(at(0), {}, path);
  cleanup.push(t.close);
  t.engine.ingestNdjson('crm', lines([ev.queued(0, 'A'), ev.queued(10, 'B'), ev.answered(20, 'A', 'agent-1')]));
  return { ...t, path };
}

describe('backup', () => {
  it('copies a database in use as it stands, and the copy opens as a Floorboard database', async () => {
    const { engine, path } = liveFloor();
    const to = join(path, '..', 'copy.db');
    const r = await backupDatabase({ from: path, to });
    expect(r.pages).toBeGreaterThan(0);
    // the engine keeps writing after the copy; the copy holds what was there at its instant
    engine.ingestNdjson('crm', [{ position: 4, text: JSON.stringify(ev.queued(30, 'C')) }]);
    const copy = openStoreReader({ path: to });
    try {
      expect(copy.contactsQueuedBetween(0, Number.MAX_SAFE_INTEGER).map((c) => c.id).sort()).toEqual(['A', 'B']);
      expect(copy.checkpoint('crm')).toBe(3);
    } finally {
      copy.close();
    }
    expect(engine.store.checkpoint('crm')).toBe(4);
  });

  it('refuses a missing database, an existing destination and another program\u2019s file, and writes nothing', async () => {
    const { path } = liveFloor();
    const dir = join(path, '..');
    await expect(backupDatabase({ from: join(dir, 'nope.db'), to: join(dir, 'a.db') })).rejects.toThrow(/no database at/);
    expect(existsSync(join(dir, 'a.db'))).toBe(false);
    writeFileSync(join(dir, 'kept.db'), 'precious');
    await expect(backupDatabase({ from: path, to: join(dir, 'kept.db') })).rejects.toThrow(/exists already/);
    expect(readFileSync(join(dir, 'kept.db'), 'utf8')).toBe('precious');
    const other = join(dir, 'other.db');
    const o = new Database(other);
    o.exec('CREATE TABLE foo (x)');
    o.close();
    await expect(backupDatabase({ from: other, to: join(dir, 'b.db') })).rejects.toThrow(/not a Floorboard database/);
    expect(existsSync(join(dir, 'b.db'))).toBe(false);
  });

  it('runs from the command line while the database is open elsewhere', () => {
    const { path } = liveFloor();
    const to = join(path, '..', 'cli-copy.db');
    const out = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), 'backup', to, '--db', path], { cwd: ROOT, encoding: 'utf8' }));
    expect(out).toMatchObject({ backup: to });
    expect(out.bytes).toBeGreaterThan(0);
    const copy = openStoreReader({ path: to });
    expect(copy.totals().accepted).toBe(3);
    copy.close();
  });
});
