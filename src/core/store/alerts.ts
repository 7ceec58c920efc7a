/**
 * The alert log: one row per breach episode of a standard on one column, written when it fires and updated when
 * it is acknowledged, snoozed or resolved. Read back as the API's AlertView.
 */
import type { AlertView } from '../../shared/standards';
import type { Db } from './database';
import type { StoreReader, StoreWriter } from './store';

const COLUMNS = `id, standard_id AS standardId, standard_name AS standardName, key, channel, queue,
  breach_started_at AS breachStartedAt, fired_at AS firedAt, resolved_at AS resolvedAt,
  acknowledged_at AS acknowledgedAt, snoozed_until AS snoozedUntil, figure, basis`;

export function alertReads(db: Db): Pick<StoreReader, 'alert' | 'openAlerts' | 'recentAlerts' | 'alertsOverlapping'> {
  const s = {
    byId: db.prepare<[number], AlertView>(`SELECT ${COLUMNS} FROM alerts WHERE id = ?`),
    open: db.prepare<[], AlertView>(`SELECT ${COLUMNS} FROM alerts WHERE resolved_at IS NULL ORDER BY fired_at DESC, id DESC`),
    recent: db.prepare<[number], AlertView>(`SELECT ${COLUMNS} FROM alerts ORDER BY fired_at DESC, id DESC LIMIT ?`),
    overlapping: db.prepare<[number, number], AlertView>(
      `SELECT ${COLUMNS} FROM alerts WHERE breach_started_at < ? AND (resolved_at IS NULL OR resolved_at >= ?) ORDER BY breach_started_at, id`,
    ),
  };
  return {
    alert: (id) => s.byId.get(id) ?? null,
    openAlerts: () => s.open.all(),
    recentAlerts: (limit) => s.recent.all(limit),
    alertsOverlapping: (from, to) => s.overlapping.all(to, from),
  };
}

export function alertWrites(db: Db): Pick<StoreWriter, 'insertAlert' | 'resolveAlert' | 'acknowledgeAlert' | 'snoozeAlert'> {
  const s = {
    insert: db.prepare(
      `INSERT INTO alerts (standard_id, standard_name, key, channel, queue, breach_started_at, fired_at, figure, basis)
       VALUES (@standardId, @standardName, @key, @channel, @queue, @breachStartedAt, @firedAt, @figure, @basis)`,
    ),
    resolve: db.prepare('UPDATE alerts SET resolved_at = ? WHERE id = ?'),
    acknowledge: db.prepare('UPDATE alerts SET acknowledged_at = coalesce(acknowledged_at, ?) WHERE id = ?'),
    snooze: db.prepare('UPDATE alerts SET snoozed_until = ? WHERE id = ?'),
  };
  return {
    insertAlert: (a) => Number(s.insert.run(a).lastInsertRowid),
    resolveAlert: (id, at) => void s.resolve.run(at, id),
    acknowledgeAlert: (id, at) => void s.acknowledge.run(at, id),
    snoozeAlert: (id, until) => void s.snooze.run(until, id),
  };
}
