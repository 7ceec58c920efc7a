/**
 * The report's staffing, coverage and cover, worked out by hand on a tiny floor: Monday 2 March 2026 in UTC, the
 * default standards (voice 80 % within 20 s; voice and chat open weekdays 08:00-20:00), two voice agents, twelve
 * calls.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/reports/report-model';
import { datePeriod } from '../../src/core/reports/report-period';
import { reportFeeds, staleSpans } from '../../src/core/reports/report-feeds';
import { weeklyHours } from '../../src/core/reports/report-cover';
import { testEngine } from '../helpers/engine';

const DAY = Date.parse('2026-03-02T00:00:00Z');
const H = 3_600_000;
const MIN = 60_000;

function tinyFloor() {
  const t = testEngine(DAY + 30 * H);
  const events: object[] = [
    { type: 'agent.state', ts: DAY + 8 * H, agentId: 'a1', state: 'available', capacity: { voice: 1 } },
    { type: 'agent.state', ts: DAY + 12 * H, agentId: 'a1', state: 'offline', capacity: { voice: 1 } },
    { type: 'agent.state', ts: DAY + 9 * H, agentId: 'a2', state: 'available', capacity: { voice: 1 } },
    { type: 'agent.state', ts: DAY + 9.5 * H, agentId: 'a2', state: 'not-ready', capacity: { voice: 1 } },
    { type: 'agent.state', ts: DAY + 10 * H, agentId: 'a2', state: 'offline', capacity: { voice: 1 } },
  ];
  // 10 calls of 180 s from 09:00, one at 10:00; one at 21:00 (closed) abandoned after 30 s
  const calls = [...Array.from({ length: 10 }, (_, i) => DAY + 9 * H + i * 2 * MIN), DAY + 10 * H];
  calls.forEach((q, i) => {
    events.push({ type: 'contact.queued', ts: q, contactId: `c${i}`, queue: 'Sales', channel: 'voice' });
    events.push({ type: 'contact.answered', ts: q + 5000, contactId: `c${i}`, agentId: 'a1' });
    events.push({ type: 'contact.ended', ts: q + 185_000, contactId: `c${i}` });
  });
  events.push({ type: 'contact.queued', ts: DAY + 21 * H, contactId: 'late', queue: 'Sales', channel: 'voice' });
  events.push({ type: 'contact.abandoned', ts: DAY + 21 * H + 30_000, contactId: 'late' });
  t.engine.ingestNdjson('history', events.map((e, i) => ({ position: i + 1, text: JSON.stringify({ v: 1, ...e }) })));
  const period = datePeriod('2026-03-02', '2026-03-03', { timeZone: 'UTC', resetHour: 0, weekStart: 'monday' });
  if (!period.ok) throw new Error(period.reason);
  const report = buildReport(t.engine.store, { period: period.period, scope: { channels: [], queues: [] }, shortAbandonSeconds: 5, now: DAY + 30 * H });
  t.close();
  return report;
}

describe('report staffing, coverage and cover', () => {
  const r = tinyFloor();

  it('gives staffed against required per interval by Erlang C, and counts the short intervals', () => {
    const voice = r.staffing.rows.filter((x) => x.channel === 'voice');
    expect(voice).toHaveLength(48);
    const at = (hhmm: string) => voice.find((x) => x.start === hhmm)!;
    // 09:00: 10 calls x 180 s in 1800 s = 1 erlang. N = 2: C = 1/3, SL = 1 - 1/3 x e^(-20/180) = 70.2 %; N = 3:
    // C = 0.0909, SL = 1 - 0.0909 x e^(-40/180) = 92.7 % >= 80 %: 3 required; a1 and a2 staffed all through: 2
    expect(at('09:00')).toMatchObject({ day: '2026-03-02', arrivals: 10, ahtSeconds: 180, required: 3, staffed: 2, short: true });
    // 09:30: a2 not ready (not staffed), a1 available: 1; no load
    expect(at('09:30')).toMatchObject({ arrivals: 0, required: 0, staffed: 1, short: false });
    // 10:00: 1 call, 0.1 erlang: 1 agent gives 1 - 0.1 x e^(-0.9 x 20/180) = 91 %: 1 required, a1 staffed
    expect(at('10:00')).toMatchObject({ arrivals: 1, required: 1, staffed: 1, short: false });
    // 21:00: 1 call, no handle time in the interval: the period's 180 s; 1 required, nobody staffed
    expect(at('21:00')).toMatchObject({ arrivals: 1, ahtSeconds: 180, required: 1, staffed: 0, short: true });
    const basis = r.staffing.basis.find((b) => b.channel === 'voice')!;
    expect(basis).toEqual({ channel: 'voice', standard: expect.stringContaining('oice') as string, target: 0.8, thresholdSeconds: 20, concurrency: 1, intervalsWithLoad: 3, understaffed: 2, worstShortfall: 1 });
  });

  it('gives the share of published hours covered and the contacts outside them', () => {
    // voice opens 08:00-20:00 (12 h); a1 staffed 08:00-12:00 covers 4 h (a2 only within them): 1/3; the 21:00 call is outside
    expect(r.coverage.find((c) => c.channel === 'voice')).toEqual({
      channel: 'voice', calendar: expect.any(String) as string, minimumStaff: 1, openSeconds: 12 * 3600, coveredSeconds: 4 * 3600, coverage: 1 / 3, offered: 12, outsideHours: 1,
    });
  });

  it('states the calendars, the thresholds and the feeds on the cover', () => {
    const voiceChat = r.cover.calendars.find((c) => c.channels.includes('voice'))!;
    expect(voiceChat).toMatchObject({ timeZone: 'UTC', weeklyHours: 'Mon-Fri 08:00-20:00; Sat 09:00-13:00', holidays: [], openSecondsInPeriod: 12 * 3600 });
    expect(r.cover.thresholds).toContainEqual({ queue: 'Sales', channel: 'voice', standard: null, thresholdSeconds: 20, source: 'channel default' });
    expect(r.cover.thresholds.some((x) => x.source === 'standard' && x.channel === 'voice' && x.thresholdSeconds === 20)).toBe(true);
    expect(r.cover.feeds).toEqual([{ name: 'history', kind: 'import', format: 'ndjson', heartbeatSeconds: null, abandonMapping: null, pausedNow: false, staleSpans: null, staleSeconds: null, quarantinedInPeriod: 0, quarantinedAll: 0 }]);
  });
});

describe('feed gaps', () => {
  it('finds the stale spans: open time beyond the heartbeat since the last line', () => {
    // open [10, 40) and [60, 100), heartbeat 15, lines at 20 and 70. [0, 20): 10 open, not stale; [20, 70): 20 open
    // to 40 (stale from 35), then stale at once from 60; [70, 100): 30 open, stale from 85
    expect(staleSpans([20, 70], { start: 0, end: 100 }, [{ start: 10, end: 40 }, { start: 60, end: 100 }], 15)).toEqual([
      { start: 35, end: 40 },
      { start: 60, end: 70 },
      { start: 85, end: 100 },
    ]);
  });

  it('judges a configured feed from its creation to now, and counts its quarantined lines in the period', () => {
    const feed = { id: 1, name: 'pbx', kind: 'file' as const, format: 'queue_log' as const, path: '/x', token: null, heartbeatSeconds: 60, mapping: '{}', paused: false, createdAt: 1000 * 60_000 };
    const rows = reportFeeds(
      {
        feeds: () => [feed],
        sources: () => [{ name: 'pbx', format: 'queue_log', createdAt: 0 }, { name: 'old.csv', format: 'csv', createdAt: 0 }],
        linesReceivedBetween: (_s, from, to) => [1010, 1011, 1030].map((m) => m * 60_000).filter((t) => t >= from && t < to),
        quarantinedBetween: (s) => (s === 'pbx' ? 2 : 0),
        quarantinedCount: (s) => (s === 'pbx' ? 5 : 7),
      },
      // period [900 min, 1100 min), now at 1040 min, always open: judged over [1000, 1040): silences of 10, 1, 19, 10 min
      { from: 900 * 60_000, to: 1100 * 60_000, now: 1040 * 60_000, open: null },
    );
    // stale: 1001-1010 (9 min), 1012-1030 (18), 1031-1040 (9)
    expect(rows[0].staleSpans).toEqual([[1001, 1010], [1012, 1030], [1031, 1040]].map(([a, b]) => ({ start: a * 60_000, end: b * 60_000 })));
    expect(rows[0]).toMatchObject({ kind: 'file', heartbeatSeconds: 60, staleSeconds: 36 * 60, quarantinedInPeriod: 2, quarantinedAll: 5 });
    expect(rows[1]).toMatchObject({ name: 'old.csv', kind: 'import', staleSpans: null, quarantinedAll: 7 });
  });

  it('says a calendar week in words', () => {
    expect(weeklyHours({ '1': ['08:00-20:00'], '2': ['08:00-20:00'], '3': ['08:00-20:00'], '5': ['08:00-12:00', '13:00-17:00'], '6': ['09:00-13:00'] })).toBe(
      'Mon-Wed 08:00-20:00; Fri 08:00-12:00, 13:00-17:00; Sat 09:00-13:00',
    );
  });
});
