import { describe, expect, it } from 'vitest';
import { DatabaseVersionError, openDatabase } from '../../src/core/store/database';
import { MIGRATIONS } from '../../src/core/store/migrations';
import { tempDbPath } from '../helpers/engine';

describe('database', () => {
  it('applies every migration once, in WAL mode', () => {
    const path = tempDbPath();
    const db = openDatabase({ path });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const again = openDatabase({ path });
    const applied = again.prepare('SELECT id, name FROM __migrations__ ORDER BY id').all();
    expect(applied).toEqual(MIGRATIONS.map(({ id, name }) => ({ id, name })));
    again.close();
  });

  it('refuses a database written by a newer version, with a clear message, and leaves it untouched', () => {
    const path = tempDbPath();
    const db = openDatabase({ path });
    db.prepare('INSERT INTO __migrations__ (id, name, applied_at) VALUES (?, ?, ?)').run(999, '999-from-the-future', 0);
    db.close();
    expect(() => openDatabase({ path })).toThrow(DatabaseVersionError);
    expect(() => openDatabase({ path })).toThrow(/newer or different version of Floorboard.*999-from-the-future/);
  });
});
