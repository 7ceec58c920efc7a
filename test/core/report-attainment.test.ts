/**
 * The report's judgements (issue 15, point 1): each headline figure against its standard's tiers, the consistency
 * across channels with the worst channel's driver, and the worst intervals, on a hand-made Monday (2026-W10, UTC).
 */
import { describe, expect, it } from 'vitest';
import { reportCsvFiles } from '../../src/core/reports/report-csv';
import { ev, T0 } from '../helpers/events';
import { weekReportOf } from '../helpers/report';

type Ev = ReturnType<typeof ev.queued>;


/** `n` calls queued from `start` (seconds after Monday 09:00), one a minute: the first `within` answered after 10 s, the rest abandoned after 40 s. */
function calls(prefix: string, start: number, n: number, within: number): Ev[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `${prefix}${i}`;
    const q = start + 60 * i;
    return i < within ? [ev.queued(q, id), ev.answered(q + 10, id), ev.ended(q + 100, id)] : [ev.queued(q, id), ev.abandoned(q + 40, id)];
  }).flat();
}

describe('the report judges', () => {
  // 09:00: 10 calls, 9 answered within T (90 %); 09:30: 12 calls, 6 answered (50 %); 10:00: 4 calls, none answered (too few to rank)
  const report = weekReportOf([ev.queue('Billing', 'voice', 20), ...calls('a', 0, 10, 9), ...calls('b', 1800, 12, 6), ...calls('c', 3600, 4, 0)], T0 + 8 * 86_400_000);

  it('the worst intervals by service level, among those with 10 contacts or more', () => {
    expect(report.attainment.worstIntervals.map((i) => [i.start, i.offered, i.serviceLevel])).toEqual([
      ['09:30', 12, 0.5],
      ['09:00', 10, 0.9],
    ]);
    expect(report.findings.map((f) => f.text)).toContain('The worst interval was 2026-03-02 09:30 on voice: 50% service level of 12 offered.');
  });

  it('each headline figure against its standard: voice alone, the voice standard judges the service level', () => {
    // 15 answered within T of 26 offered, 11 abandoned after 40 s: SL 15/26, abandon rate 11/26
    const judged = Object.fromEntries(report.attainment.summary.map((j) => [j.column, [j.standardId, j.value, j.status]]));
    expect(judged.service_level).toEqual(['voice-service-level', 15 / 26, 'breach']);
    expect(judged.abandon_rate).toEqual(['abandon-rate', 11 / 26, 'breach']);
    // no survey and no agent state in the period: judged, with nothing to judge
    expect(judged.csat).toEqual(['csat', null, 'no-data']);
    expect(judged.not_ready_share).toEqual(['not-ready', null, 'no-data']);
  });

  it('the consistency across channels, the worst channel and its driver, in consistency.csv', () => {
    const voice = report.attainment.consistency.channels.find((c) => c.channel === 'voice')!;
    expect(voice.offered).toBe(26);
    expect(report.attainment.consistency.worst).toMatchObject({ channel: 'voice', driver: 'abandons', detail: 'abandon rate 42.3% on voice' });
    const csv = reportCsvFiles(report)['consistency.csv'].replace(/^\ufeff/, '').split('\n');
    expect(csv[0]).toBe('period,channel,attainment,offered,standards_measured,consistency_index,worst,driver,detail');
    expect(csv.find((l) => l.startsWith('2026-W10,voice,'))).toMatch(/^2026-W10,voice,[\d.]+,26,\d+,,yes,\w/);
    expect(reportCsvFiles(report)['worst-intervals.csv']).toContain('2026-W10,1,2026-03-02,09:30,voice,12,6,6,0.5,10');
  });
});
