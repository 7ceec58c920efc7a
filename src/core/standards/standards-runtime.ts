/**
 * The standards as the engine runs them: the version in force, the last evaluation (redone when it is older
 * than STANDARDS_EVERY_MS or the clock went back, and at once after a save), the settled contacts' figures kept
 * between evaluations, and the alert monitor each evaluation advances. It holds no timer: the engine's tick calls
 * `refresh`, so standards and alerts advance with the clock whether or not anyone is watching.
 */
import type { AlertView, StandardsEvaluation, StandardsVersion } from '../../shared/standards';
import type { Clock } from '../clock';
import type { ContactChanges } from '../metrics/recent-contacts';
import type { StoreWriter } from '../store/store';
import { AlertMonitor } from './alerts';
import { EvaluationCache, evaluateStandards, type FloorFacts } from './evaluate';
import type { StandardsSet } from './standard';
import { createStandardsService, type StandardsService } from './standards-store';

/** Standards are evaluated again at most this often (their windows are minutes to a week long). */
const STANDARDS_EVERY_MS = 5000;

export interface StandardsRuntimeDeps {
  store: StoreWriter;
  clock: Clock;
  timeZone: string;
  /** The floor at an instant (floor-facts.ts). */
  facts(now: number): FloorFacts;
  /** The contacts changed since the last call, or null when not known (RecentContacts.takeChanges). */
  takeChanges(): ContactChanges | null;
  /** Alerts an evaluation fired. */
  onFired(alerts: AlertView[]): void;
}

export interface StandardsRuntime {
  readonly service: StandardsService;
  readonly alerts: AlertMonitor;
  /** Evaluate the standards in force on the floor at `now`, and advance the alerts. */
  evaluate(now: number): StandardsEvaluation;
  /** Evaluate again when the last evaluation is older than STANDARDS_EVERY_MS (or the clock went back). */
  refresh(now: number): void;
  /** The last evaluation, made now when there is none. */
  latest(now: number): StandardsEvaluation;
  /** Save a new version in force from now; the next snapshot evaluates it. */
  save(set: StandardsSet, note: string | null, validFrom?: number): StandardsVersion;
}

export function createStandardsRuntime(d: StandardsRuntimeDeps): StandardsRuntime {
  const service = createStandardsService(d.store, { now: () => d.clock.now(), timeZone: d.timeZone });
  const passes = new EvaluationCache();
  const alerts = new AlertMonitor(d.store);
  let last: StandardsEvaluation | null = null;

  function evaluate(now: number): StandardsEvaluation {
    const v = service.at(now);
    const facts = d.facts(now);
    // the settled contacts' figures of today's and the week's windows carry over from the last evaluation
    facts.cache = { passes, changed: d.takeChanges(), rulesKey: `${v.version}|${JSON.stringify(facts.queues)}` };
    last = evaluateStandards(v.set, v.version, facts);
    const fired = alerts.update(v.set, last);
    if (fired.length > 0) d.onFired(fired);
    return last;
  }

  return {
    service,
    alerts,
    evaluate,
    refresh(now) {
      if (last === null || now - last.at >= STANDARDS_EVERY_MS || now < last.at) evaluate(now);
    },
    latest: (now) => last ?? evaluate(now),
    save(set, note, validFrom) {
      const v = service.save(set, note, validFrom);
      last = null;
      return v;
    },
  };
}
