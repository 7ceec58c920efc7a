/**
 * A report's standards section: the standards in force at the period's end (from the saved versions; with
 * `standards: 'current'`, the ones in force now) evaluated over the whole period with the live floor's evaluation
 * (standards/evaluate.ts, as the what-if does for the last 7 days): every standard's figure per column and the tier it
 * reached, the attainment per channel, the consistency index and the worst channel with its driver. Agent-time
 * standards (occupancy, not-ready, coverage) are not evaluated for a past period (no agent facts are passed): they
 * show as no-data.
 */
import { CHANNELS, type Channel } from '../../shared/api';
import type { Standard, StandardsEvaluation, StandardsSet, Tier } from '../../shared/standards';
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
  /**
   * Per channel, the tiers of the service-level standard that judges it (the channel's own, else the center's): the
   * heat map's colours judge each interval by them. A channel no service-level standard judges is absent.
   */
  serviceLevelTiers: Partial<Record<Channel, { standard: string; tiers: Record<Tier, number> }>>;
}

function serviceLevelTiers(standards: readonly Standard[]): ReportStandards['serviceLevelTiers'] {
  const sl = standards.filter((s) => s.metric === 'service-level');
  const center = sl.find((s) => s.scope.kind === 'center');
  const tiers: ReportStandards['serviceLevelTiers'] = {};
  for (const channel of CHANNELS) {
    const own = sl.find((s) => s.scope.kind === 'channel' && s.scope.channel === channel) ?? center;
    if (own) tiers[channel] = { standard: own.name, tiers: { ...own.tiers } };
  }
  return tiers;
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
    serviceLevelTiers: serviceLevelTiers(inForce.set.standards),
  };
}
