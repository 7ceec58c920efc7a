/**
 * A report's comparison with earlier periods: the same span moved back one period at a time (a week: the weeks
 * before; dates: as many days before), the center's figures of each from the store's SQL tallies (the classifier
 * metrics/window uses; a scoped report from the period's contacts), the previous one first, with every family the
 * summary has (the agent time of the scope as the report's own: agent-time.ts scopedStateTimes).
 */
import type { ContactMetrics, FamilyMetrics, ServiceLevelFormula } from '../../shared/api';
import { DateTime } from 'luxon';
import { agentFigures, scopedStateTimes, type AgentTime } from '../metrics/agent-time';
import { emptyWindowFigures, metricsForContacts, storedMetrics } from '../metrics/window-metrics';
import type { StoreReader } from '../store/store';
import { businessDayStart } from '../time/business-day';
import type { ReportPeriod } from './report-period';
import { inScope, type ReportScope } from './report-scope';

export interface TrendPoint {
  /** The earlier period's first and last local days. */
  label: string;
  from: number;
  to: number;
  figures: ContactMetrics & FamilyMetrics;
}

/** The period `n` spans back: its days shifted in the zone (DST-correct), starting at the same local hour. */
function shifted(p: ReportPeriod, n: number, resetHour: number): { from: number; to: number } {
  const days = Math.round(DateTime.fromMillis(p.to, { zone: p.timeZone }).diff(DateTime.fromMillis(p.from, { zone: p.timeZone }), 'days').days);
  const back = (at: number) => businessDayStart(DateTime.fromMillis(at, { zone: p.timeZone }).minus({ days: days * n }).plus({ hours: 1 }).toMillis(), p.timeZone, resetHour);
  return { from: back(p.from), to: back(p.to) };
}

/** Where the earliest of the `periods` before the report's period starts. */
export function reportTrendStart(period: ReportPeriod, resetHour: number, periods: number): number {
  return periods > 0 ? shifted(period, periods, resetHour).from : period.from;
}

export function reportTrend(
  store: Pick<StoreReader, 'contactTallies' | 'contactsQueuedBetween' | 'queues'>,
  o: { period: ReportPeriod; scope: ReportScope; resetHour: number; shortAbandonSeconds: number; formula?: ServiceLevelFormula; periods: number; agents: AgentTime },
): TrendPoint[] {
  const unscoped = o.scope.channels.length === 0 && o.scope.queues.length === 0;
  return Array.from({ length: o.periods }, (_, i) => {
    const { from, to } = shifted(o.period, i + 1, o.resetHour);
    const window = { from, to, shortAbandonSeconds: o.shortAbandonSeconds, formula: o.formula, by: 'center' as const };
    // the whole center from the SQL tallies; a scope from its contacts
    const [row] = unscoped ? storedMetrics(store as StoreReader, window, o.agents) : metricsForContacts(store.contactsQueuedBetween(from, to).filter((c) => inScope(c, o.scope)), store.queues(), window);
    const figures = { ...(row === undefined ? emptyWindowFigures(o.formula) : withoutKey(row)), ...agentFigures(scopedStateTimes(o.agents, from, to, o.scope)) };
    const day = (at: number) => DateTime.fromMillis(at, { zone: o.period.timeZone }).toISODate() ?? '';
    return { label: `${day(from)} to ${day(DateTime.fromMillis(to, { zone: o.period.timeZone }).minus({ days: 1 }).toMillis())}`, from, to, figures };
  });
}

function withoutKey(row: TrendPoint['figures'] & { key: string }): TrendPoint['figures'] {
  const m: Partial<TrendPoint['figures'] & { key: string }> = { ...row };
  delete m.key;
  return m as TrendPoint['figures'];
}
