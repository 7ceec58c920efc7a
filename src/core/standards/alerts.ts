/**
 * Alerts: one per breach episode of a standard on one column (center, channel or queue), with hysteresis.
 *
 *   quiet --breach--> breaching --still breached after `afterSeconds`--> firing (the alert is written)
 *   breaching --not breached--> quiet (a blip: no alert)
 *   firing --not breached--> clearing --not breached for `clearAfterSeconds`--> quiet (the alert resolves)
 *   clearing --breached again--> firing (the same episode, the same alert)
 *
 * "Breached" is a figure below the expected tier. A column without data holds its state: a feed gap neither
 * fires nor resolves anything. Time is the engine's clock at each evaluation, and windows end at that clock, so a
 * feed that replays history (yesterday's events, or last week's file) moves no window of today's floor and fires
 * nothing; a breach must also be seen on two evaluations `afterSeconds` apart, never on a single one.
 * A standard disabled (`alert.enabled: false`) or removed resolves its open alerts.
 */
import type { AlertsSummary, AlertView, StandardsEvaluation, StandardsSet } from '../../shared/standards';
import type { StoreWriter } from '../store/store';

interface Episode {
  phase: 'breaching' | 'firing' | 'clearing';
  since: number;
  alertId: number | null;
  breachStartedAt: number;
}

export class AlertMonitor {
  private readonly episodes = new Map<string, Episode>();
  /** The open alerts as stored (the log is written through; every snapshot reads these, not the table). */
  private readonly open = new Map<number, AlertView>();
  /** The standards by id of the set last updated with (the same object while its version is in force). */
  private byId = new Map<string, StandardsSet['standards'][number]>();
  private byIdOf: StandardsSet | null = null;

  constructor(private readonly store: StoreWriter) {
    // alerts open when the engine stopped are still firing: their episode goes on
    for (const a of store.openAlerts()) {
      this.episodes.set(`${a.standardId}|${a.key}`, { phase: 'firing', since: a.firedAt, alertId: a.id, breachStartedAt: a.breachStartedAt });
      this.open.set(a.id, a);
    }
  }

  /** An alert of the log as stored now, or null. */
  alert(id: number): AlertView | null {
    return this.store.alert(id);
  }

  acknowledge(id: number, at: number): AlertView | null {
    this.store.acknowledgeAlert(id, at);
    return this.refresh(id);
  }

  /** Snooze until an instant (null: wake it now). */
  snooze(id: number, until: number | null): AlertView | null {
    this.store.snoozeAlert(id, until);
    return this.refresh(id);
  }

  private refresh(id: number): AlertView | null {
    const v = this.alert(id);
    if (v && this.open.has(id)) this.open.set(id, v);
    return v;
  }

  /** Advance every episode to this evaluation; returns the alerts fired by it. */
  update(set: StandardsSet, ev: StandardsEvaluation): AlertView[] {
    const now = ev.at;
    const fired: AlertView[] = [];
    if (this.byIdOf !== set) this.byId = new Map(set.standards.map((s) => [s.id, s]));
    this.byIdOf = set;
    const byId = this.byId;
    const seen = new Set<string>();
    for (const r of ev.results) {
      const s = byId.get(r.standardId);
      if (!s || !s.alert.enabled) continue;
      const key = `${r.standardId}|${r.key}`;
      seen.add(key);
      if (r.status === 'no-data') continue;
      const breached = r.status === 'breach';
      const e = this.episodes.get(key);
      if (!e) {
        if (breached) this.episodes.set(key, { phase: 'breaching', since: now, alertId: null, breachStartedAt: now });
        continue;
      }
      if (e.phase === 'breaching') {
        if (!breached) this.episodes.delete(key);
        else if (now - e.since >= s.alert.afterSeconds * 1000 && now > e.since) {
          const id = this.store.insertAlert({ standardId: s.id, standardName: s.name, key: r.key, channel: r.channel, queue: r.queue, breachStartedAt: e.breachStartedAt, firedAt: now, figure: r.figure, basis: r.basis });
          this.episodes.set(key, { ...e, phase: 'firing', since: now, alertId: id });
          const v = this.alert(id)!;
          this.open.set(id, v);
          fired.push(v);
        }
      } else if (e.phase === 'firing') {
        if (!breached) this.episodes.set(key, { ...e, phase: 'clearing', since: now });
      } else if (breached) this.episodes.set(key, { ...e, phase: 'firing', since: now });
      else if (now - e.since >= s.alert.clearAfterSeconds * 1000) this.resolve(key, e, now);
    }
    // standards removed or no longer alerting: their episodes end
    for (const [key, e] of this.episodes) {
      const standardId = key.slice(0, key.indexOf('|'));
      if (!seen.has(key) && (!byId.has(standardId) || !byId.get(standardId)!.alert.enabled)) this.resolve(key, e, now);
    }
    return fired;
  }

  private resolve(key: string, e: Episode, now: number): void {
    if (e.alertId !== null) {
      this.store.resolveAlert(e.alertId, now);
      this.open.delete(e.alertId);
    }
    this.episodes.delete(key);
  }

  summary(now: number): AlertsSummary {
    const open = [...this.open.values()].sort((a, b) => b.firedAt - a.firedAt || b.id - a.id);
    return { open, unacknowledged: open.filter((a) => a.acknowledgedAt === null && (a.snoozedUntil === null || a.snoozedUntil <= now)).length };
  }
}
