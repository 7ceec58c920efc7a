/**
 * The viewer tokens table (migrations 011, 017): name, the SHA-256 of the secret, whether agents show by name, when it
 * was made, when it expires, when it was last used, and the board a screen's token is bound to (null: a plain viewer
 * token). The access service (core/access) decides what they mean.
 */
import type { AccessTokenView } from '../../shared/api';
import type { Db } from './database';
import type { StoreReader, StoreWriter } from './store';

const COLUMNS = 'name, names, created_at AS createdAt, expires_at AS expiresAt, last_used_at AS lastUsedAt, board';
type Row = Omit<AccessTokenView, 'names'> & { names: number };
const view = (r: Row): AccessTokenView => ({ ...r, names: r.names === 1 });

export function accessTokenReads(db: Db): Pick<StoreReader, 'accessTokens' | 'accessTokenByHash'> {
  const s = {
    all: db.prepare<[], Row>(`SELECT ${COLUMNS} FROM access_tokens ORDER BY name`),
    byHash: db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM access_tokens WHERE hash = ?`),
  };
  return {
    accessTokens: () => s.all.all().map(view),
    accessTokenByHash: (hash) => {
      const r = s.byHash.get(hash);
      return r === undefined ? null : view(r);
    },
  };
}

export function accessTokenWrites(db: Db): Pick<StoreWriter, 'addAccessToken' | 'removeAccessToken' | 'touchAccessToken'> {
  const s = {
    insert: db.prepare(`INSERT INTO access_tokens (name, hash, names, created_at, expires_at, board) VALUES (@name, @hash, @names, @createdAt, @expiresAt, @board)`),
    remove: db.prepare<[string]>('DELETE FROM access_tokens WHERE name = ?'),
    touch: db.prepare<[number, string]>('UPDATE access_tokens SET last_used_at = ? WHERE name = ?'),
  };
  return {
    addAccessToken: (t) => void s.insert.run({ ...t, names: t.names ? 1 : 0, board: t.board ?? null }),
    removeAccessToken: (name) => s.remove.run(name).changes > 0,
    touchAccessToken: (name, at) => void s.touch.run(at, name),
  };
}
