/**
 * Configured feeds (file tails and webhooks) as stored: what the engine starts again after a restart.
 */
import type { Db } from './database';
import type { StoredFeed, StoreReader, StoreWriter } from './store';

export function feedReads(db: Db): Pick<StoreReader, 'feeds'> {
  const all = db.prepare<[], Omit<StoredFeed, 'paused'> & { paused: number }>(
    `SELECT id, name, kind, format, path, token, heartbeat_seconds AS heartbeatSeconds, mapping, paused, created_at AS createdAt
     FROM feeds ORDER BY id`,
  );
  return { feeds: () => all.all().map((f) => ({ ...f, paused: f.paused !== 0 })) };
}

export function feedWrites(db: Db, now: () => number): Pick<StoreWriter, 'addFeed' | 'setFeedPaused' | 'updateFeed' | 'removeFeed'> {
  const s = {
    insert: db.prepare(
      `INSERT INTO feeds (name, kind, format, path, token, heartbeat_seconds, mapping, paused, created_at)
       VALUES (@name, @kind, @format, @path, @token, @heartbeatSeconds, @mapping, 0, @createdAt)`,
    ),
    setPaused: db.prepare('UPDATE feeds SET paused = ? WHERE name = ?'),
    update: db.prepare('UPDATE feeds SET token = ?, heartbeat_seconds = ?, mapping = ? WHERE name = ?'),
    remove: db.prepare('DELETE FROM feeds WHERE name = ?'),
  };
  return {
    addFeed: (f) => void s.insert.run({ ...f, createdAt: now() }),
    setFeedPaused: (name, paused) => void s.setPaused.run(paused ? 1 : 0, name),
    updateFeed: (name, token, heartbeatSeconds, mapping) => void s.update.run(token, heartbeatSeconds, mapping, name),
    removeFeed: (name) => void s.remove.run(name),
  };
}
