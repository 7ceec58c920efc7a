/**
 * The saved versions of the standards set: each in force from its `validFrom` until a later one; never changed
 * once saved. The version in force is found by id first, so a large set's body is read only when needed.
 */
import type { Db } from './database';
import type { StoredStandardsVersion, StoreReader, StoreWriter } from './store';

const COLUMNS = 'id, valid_from AS validFrom, body, note, saved_at AS savedAt';

export function standardsVersionReads(db: Db): Pick<StoreReader, 'standardsIdAt' | 'standardsVersion' | 'standardsHistory'> {
  const s = {
    history: db.prepare<[number], StoredStandardsVersion>(`SELECT ${COLUMNS} FROM standards_versions ORDER BY valid_from DESC, id DESC LIMIT ?`),
    idAt: db.prepare<[number], { id: number }>(
      'SELECT id FROM standards_versions WHERE valid_from <= ? ORDER BY valid_from DESC, id DESC LIMIT 1',
    ),
    latestId: db.prepare<[], { id: number }>('SELECT id FROM standards_versions ORDER BY valid_from DESC, id DESC LIMIT 1'),
    byId: db.prepare<[number], StoredStandardsVersion>(`SELECT ${COLUMNS} FROM standards_versions WHERE id = ?`),
  };
  return {
    standardsIdAt: (at) => (s.idAt.get(at) ?? s.latestId.get())?.id ?? null,
    standardsVersion: (id) => s.byId.get(id) ?? null,
    standardsHistory: (limit) => s.history.all(limit),
  };
}

export function standardsVersionWrites(db: Db): Pick<StoreWriter, 'saveStandards'> {
  const insert = db.prepare('INSERT INTO standards_versions (valid_from, body, note, saved_at) VALUES (?, ?, ?, ?)');
  return { saveStandards: (body, validFrom, note, savedAt) => Number(insert.run(validFrom, body, note, savedAt).lastInsertRowid) };
}
