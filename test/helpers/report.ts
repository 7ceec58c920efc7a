/** A report of week 2026-W10 (UTC, weeks from Monday) over canonical events, built on a fresh in-memory engine. */
import { buildReport, type Report } from '../../src/core/reports/report-model';
import { weekPeriod } from '../../src/core/reports/report-period';
import { testEngine } from './engine';
import { lines, T0, type ev } from './events';

export function weekReportOf(events: ReturnType<typeof ev.queued>[], now = T0): Report {
  const t = testEngine(now, { timeZone: 'UTC' });
  t.engine.ingestNdjson('pbx', lines(events));
  const period = weekPeriod('2026-W10', { timeZone: 'UTC', resetHour: 0, weekStart: 'monday' });
  if (!period.ok) throw new Error(period.reason);
  const report = buildReport(t.engine.store, { period: period.period, scope: { channels: [], queues: [] }, shortAbandonSeconds: 5 });
  t.close();
  return report;
}
