/**
 * A report's totals against metrics/window (issue 15, must show): a simulated week (every channel, surveys, chats'
 * follow-ups) reported, then every section checked against metrics/window or the SQL tallies for the same window and
 * scope: the center, each channel, each queue, each day (its contacts judged at the week's end, as the report does),
 * the intervals adding up to the days, the abandons to the abandoned, the trend's previous week to its own window;
 * with every family: AHT, CSAT, NPS, FCR and their bases, and the agent time (occupancy, not-ready share) where the
 * grouping has it (the center, a channel, a channel's day; a queue has none).
 */
import { describe, expect, it } from 'vitest';
import { storedMetrics } from '../../src/core/metrics/window-metrics';
import { canonicalEvent, toEventLine } from '../../src/core/model/events';
import { buildReport } from '../../src/core/reports/report-model';
import { weekPeriod } from '../../src/core/reports/report-period';
import { createSimulator } from '../../src/core/simulator/simulator';
import { testEngine } from '../helpers/engine';

const WEEK_START = Date.parse('2026-03-02T00:00:00Z');
const DAY = 86_400_000;
const COUNTS = ['offered', 'answered', 'abandoned', 'shortAbandoned', 'leftOtherwise', 'waiting', 'answeredWithinThreshold', 'handled', 'csatAnswers', 'npsAnswers', 'resolved'] as const;
const pick = (m: Record<(typeof COUNTS)[number], number>) => Object.fromEntries(COUNTS.map((k) => [k, m[k]]));
const FIGURES = ['serviceLevel', 'asaSeconds', 'ahtSeconds', 'csat', 'nps', 'fcr', 'staffedSeconds', 'occupancy', 'notReadyShare'] as const;
type Figures = Record<(typeof FIGURES)[number], number | null>;
/** Each figure of `a` as `b`'s, to the last digits a different order of summing can change. */
function expectFigures(a: Figures, b: Figures, what: string): void {
  for (const k of FIGURES) {
    if (b[k] === null) expect(a[k], `${what} ${k}`).toBeNull();
    else expect(a[k], `${what} ${k}`).toBeCloseTo(b[k]!, 9);
  }
}

describe('a simulated week reported', () => {
  it('has in every section the totals metrics/window gives for the same window', () => {
    const t = testEngine(WEEK_START + 8 * DAY, { timeZone: 'UTC' }, ':memory:', { recentDays: 1 });
    // two weeks: the one reported and the one before (the trend's previous period)
    const sim = createSimulator({ seed: 3, start: WEEK_START - 7 * DAY, timeZone: 'UTC', scale: 0.15 });
    const events = sim.advanceTo(WEEK_START + 7 * DAY);
    const lines = events.map((e, i) => ({ position: i + 1, text: toEventLine(canonicalEvent.parse(e)) }));
    for (let i = 0; i < lines.length; i += 5000) t.engine.ingestNdjson('sim', lines.slice(i, i + 5000));
    const period = weekPeriod('2026-W10', { timeZone: 'UTC', resetHour: 0, weekStart: 'monday' });
    if (!period.ok) throw new Error(period.reason);
    const { from, to } = period.period;
    const r = buildReport(t.engine.store, { period: period.period, scope: { channels: [], queues: [] }, shortAbandonSeconds: 5 });
    expect(r.center.offered).toBeGreaterThan(1000);
    const window = (by: 'center' | 'queue' | 'channel', w = { from, to }) => t.engine.handlers['metrics/window']({ from: new Date(w.from).toISOString(), to: new Date(w.to).toISOString(), by }).rows;

    const [center] = window('center');
    expect(pick(r.center)).toEqual(pick(center));
    expectFigures(r.center, center, 'center');
    expect(r.center.occupancy).not.toBeNull();
    expect(r.center.csat).not.toBeNull();
    expect(r.center.fcr).not.toBeNull();
    expect(r.center.ahtSeconds).not.toBeNull();
    for (const row of window('channel')) {
      const c = r.channels.find((x) => x.channel === row.key)!;
      expect(pick(c), row.key).toEqual(pick(row));
      expectFigures(c, row, row.key);
    }
    for (const row of window('queue')) {
      const rows = r.queues.filter((q) => q.queue === row.key);
      const sum = Object.fromEntries(COUNTS.map((k) => [k, rows.reduce((n, q) => n + q[k], 0)]));
      expect(sum, row.key).toEqual(pick(row));
      for (const q of rows) expect([q.staffedSeconds, q.occupancy, q.notReadyShare], q.queue).toEqual([null, null, null]);
      expect([row.staffedSeconds, row.occupancy, row.notReadyShare], row.key).toEqual([null, null, null]);
    }
    for (let d = 0; d < 7; d++) {
      const day = { from: from + d * DAY, to: from + (d + 1) * DAY };
      const [m] = storedMetrics(t.engine.store, { ...day, at: to, by: 'center', shortAbandonSeconds: 5 });
      const rows = r.days.filter((x) => x.day === new Date(day.from).toISOString().slice(0, 10));
      const sum = Object.fromEntries(COUNTS.map((k) => [k, rows.reduce((n, x) => n + x[k], 0)]));
      expect(sum, `day ${d}`).toEqual(pick(m));
      for (const m of storedMetrics(t.engine.store, { ...day, at: to, by: 'channel', shortAbandonSeconds: 5 })) {
        const row = rows.find((x) => x.channel === m.key)!;
        expect(pick(row), `day ${d} ${m.key}`).toEqual(pick(m));
        expectFigures(row, m, `day ${d} ${m.key}`);
      }
      const inIntervals = r.intervals.filter((i) => i.day === rows[0].day).reduce((n, i) => n + i.offered, 0);
      expect(inIntervals, `day ${d} intervals`).toBe(m.offered);
    }
    expect(r.abandons.reduce((n, b) => n + b.abandoned, 0)).toBe(r.center.abandoned);
    const [previous] = window('center', { from: from - 7 * DAY, to: from });
    expect(pick(r.trend[0].figures)).toEqual(pick(previous));
    expectFigures(r.trend[0].figures, previous, 'previous week');
    t.close();
  }, 120_000);
});
