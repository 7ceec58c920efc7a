/**
 * Queues as configured by queue.config events: channel, time zone and service-level threshold T. A later
 * config without a time zone keeps the one stored.
 */
import type { CanonicalEvent } from '../model/events';
import { DEFAULT_SL_THRESHOLD_SECONDS, queueSeenIn, type Channel, type QueueConfig } from '../model/types';
import type { Db } from './database';
import type { StoreReader } from './store';

export function queueReads(db: Db): Pick<StoreReader, 'queues' | 'queuesSeenSince'> {
  const all = db.prepare<[], QueueConfig>(
    'SELECT name, channel, time_zone AS timeZone, sl_threshold_seconds AS slThresholdSeconds FROM queues ORDER BY name',
  );
  // by the queued_at index: a restart reads a week of contacts' queues once, not the whole history
  const seen = db.prepare<[number], { name: string; channel: Channel }>(
    `SELECT queue AS name, min(channel) AS channel FROM contacts
     WHERE queued_at >= ? AND queue IS NOT NULL AND channel IS NOT NULL AND queue NOT IN (SELECT name FROM queues)
     GROUP BY queue ORDER BY queue`,
  );
  return {
    queues: () => all.all(),
    queuesSeenSince: (from) => seen.all(from).map((q) => queueSeenIn(q.name, q.channel)),
  };
}

export function queueWrite(db: Db): (e: Extract<CanonicalEvent, { type: 'queue.config' }>) => void {
  const upsert = db.prepare(
    `INSERT INTO queues (name, channel, time_zone, sl_threshold_seconds) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET channel = excluded.channel,
       time_zone = coalesce(excluded.time_zone, time_zone), sl_threshold_seconds = excluded.sl_threshold_seconds`,
  );
  return (e) => void upsert.run(e.queue, e.channel, e.timeZone ?? null, e.slThresholdSeconds ?? DEFAULT_SL_THRESHOLD_SECONDS[e.channel]);
}
