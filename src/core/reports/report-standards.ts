/**
 * A report's standards section: the standards in force at the period's end (from the saved versions; with
 * `standards: 'current'`, the ones in force now) evaluated over the whole period with the live floor's evaluation
 * (standards/evaluate.ts, as the what-if does for the last 7 days): every standard's figure per column and the tier it
 * reached, the attainment per channel, the consistency index and the worst channel with its driver. Agent-time
 * standards (occupancy, not-ready, coverage) are not evaluated for a past period (no agent facts are passed): they
 * show as no-data.
 */
import type { StandardsEvaluation, StandardsSet } from '../../shared/standards';
import type { Contact, QueueConfig } from '../model/types';
import { evaluateStandards } from '../standards/evaluate';
import { standardsInForce } from '../standards/standards-store';
import type { StoreReader } from '../store/store';
import type { ReportPeriod } from './report-period';

export interface ReportStandards {
  /** Which standards judged the period, and why those. */
  version: number;
  validFrom: string;
  judgedBy: 'in force at the period end' | 'in force now';
  /** The set itself: its calendars and the targets staffing is sized for. */
  set: StandardsSet;
  evaluation: Pick<StandardsEvaluation, 'results' | 'definitions' | 'channels' | 'consistencyIndex' | 'worst'>;
}

export function reportStandards(
  store: Pick<StoreReader, 'standardsIdAt' | 'standardsVersion'>,
  o: { period: ReportPeriod; contacts: readonly Contact[]; queues: QueueConfig[]; judgedBy: 'period-end' | 'current'; now: number },
): ReportStandards {
  const { from, to, timeZone } = o.period;
  const inForce = standardsInForce(store, o.judgedBy === 'current' ? o.now : to - 1, timeZone);
  const e = evaluateStandards(inForce.set, inForce.version, {
    now: to,
    dayStart: from,
    weekStart: from,
    timeZone,
    intervalMinutes: 30,
    contacts: o.contacts,
    queues: o.queues,
    waitingNow: [],
    agents: null,
    period: { from },
  });
  return {
    version: inForce.version,
    validFrom: inForce.validFrom,
    judgedBy: o.judgedBy === 'current' ? 'in force now' : 'in force at the period end',
    set: inForce.set,
    evaluation: { results: e.results, definitions: e.definitions, channels: e.channels, consistencyIndex: e.consistencyIndex, worst: e.worst },
  };
}
