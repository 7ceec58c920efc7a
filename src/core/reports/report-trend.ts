/**
 * A report's comparison with earlier periods: the same span moved back one period at a time (a week: the weeks
 * before; dates: as many days before), the center's figures of each from the store's SQL tallies (the classifier
 * metrics/window uses; a scoped report from the period's contacts), the previous one first. AHT is not in the trend
 * (it needs each contact's handle time).
 */
import type { ContactMetrics, ServiceLevelFormula } from '../../shared/api';
import { DateTime } from 'luxon';
import { metricsForContacts, storedMetrics } from '../metrics/window-metrics';
import { metricsFromTally, emptyTally } from '../metrics/contact-metrics';
import type { StoreReader } from '../store/store';
import { businessDayStart } from '../time/business-day';
import type { ReportPeriod } from './report-period';
import { inScope, type ReportScope } from './report-scope';

export interface TrendPoint {
  /** The earlier period's first and last local days. */
  label: string;
  from: number;
  to: number;
  figures: ContactMetrics;
}

/** The period `n` spans back: its days shifted in the zone (DST-correct), starting at the same local hour. */
function shifted(p: ReportPeriod, n: number, resetHour: number): { from: number; to: number } {
  const days = Math.round(DateTime.fromMillis(p.to, { zone: p.timeZone }).diff(DateTime.fromMillis(p.from, { zone: p.timeZone }), 'days').days);
  const back = (at: number) => businessDayStart(DateTime.fromMillis(at, { zone: p.timeZone }).minus({ days: days * n }).plus({ hours: 1 }).toMillis(), p.timeZone, resetHour);
  return { from: back(p.from), to: back(p.to) };
}

export function reportTrend(
  store: Pick<StoreReader, 'contactTallies' | 'contactsQueuedBetween' | 'queues'>,
  o: { period: ReportPeriod; scope: ReportScope; resetHour: number; shortAbandonSeconds: number; formula?: ServiceLevelFormula; periods: number },
): TrendPoint[] {
  const unscoped = o.scope.channels.length === 0 && o.scope.queues.length === 0;
  return Array.from({ length: o.periods }, (_, i) => {
    const { from, to } = shifted(o.period, i + 1, o.resetHour);
    const window = { from, to, shortAbandonSeconds: o.shortAbandonSeconds, formula: o.formula };
    // the whole center from the SQL tallies; a scope from its contacts
    let figures: ContactMetrics;
    if (unscoped) figures = withoutKey(storedMetrics(store as StoreReader, { ...window, by: 'center' })[0]) ?? metricsFromTally(emptyTally(), 0, o.formula);
    else figures = scopedFigures(store, window, o.scope);
    const day = (at: number) => DateTime.fromMillis(at, { zone: o.period.timeZone }).toISODate() ?? '';
    return { label: `${day(from)} to ${day(DateTime.fromMillis(to, { zone: o.period.timeZone }).minus({ days: 1 }).toMillis())}`, from, to, figures };
  });
}

function withoutKey(row: (ContactMetrics & { key: string }) | undefined): ContactMetrics | undefined {
  if (row === undefined) return undefined;
  const m: Partial<ContactMetrics & { key: string }> = { ...row };
  delete m.key;
  return m as ContactMetrics;
}

/** A scoped period: its contacts read and classified as the report's own (exact for any union of channels and queues). */
function scopedFigures(store: Pick<StoreReader, 'contactsQueuedBetween' | 'queues'>, w: { from: number; to: number; shortAbandonSeconds: number; formula?: ServiceLevelFormula }, scope: ReportScope): ContactMetrics {
  const contacts = store.contactsQueuedBetween(w.from, w.to).filter((c) => inScope(c, scope));
  return withoutKey(metricsForContacts(contacts, store.queues(), { ...w, by: 'center' })[0]) ?? metricsFromTally(emptyTally(), 0, w.formula);
}
