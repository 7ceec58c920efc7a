/**
 * The weekly review (issue 15, first sections as CSV): the Anonymous Bank month imported with its mapping, then
 * `report --week 1999-W06 --time-zone Asia/Jerusalem` on a Sunday-start center, checked per queue against the raw
 * rows; a simulated day's report against metrics/window; the CSV's formula escaping and the CLI's refusals.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCsvAdapter } from '../../src/core/ingest/csv';
import { anonymousBankMapping } from '../../src/core/ingest/csv-anonymous-bank';
import { numberLines } from '../../src/core/ingest/source-lines';
import { buildReport } from '../../src/core/reports/report-model';
import { reportCsvFiles } from '../../src/core/reports/report-csv';
import { weekPeriod } from '../../src/core/reports/report-period';
import { expected } from '../helpers/anonymous-bank';
import { testEngine } from '../helpers/engine';
import { ev, lines, T0 } from '../helpers/events';
import { BANK_FILE, ROOT } from '../helpers/host';

const cli = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const rowsOf = (file: string) => parse(readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];

let out: string;
let bankDb: string;
let summary: { period: string; from: string; to: string; empty: boolean; files: { file: string; bytes: number }[] };
beforeAll(() => {
  const db = (bankDb = join(mkdtempSync(join(tmpdir(), 'fb-report-')), 'bank.db'));
  const t = testEngine(Date.parse('1999-03-01T12:00:00Z'), { timeZone: 'Asia/Jerusalem' }, db);
  t.engine.ingestWith(createCsvAdapter(anonymousBankMapping()), 'calls-1999-02.tsv', numberLines(readFileSync(BANK_FILE, 'utf8')));
  t.close();
  cli('center', 'set', '--db', db, '--week-start', 'sunday', '--name', 'Anonymous Bank');
  out = join(mkdtempSync(join(tmpdir(), 'fb-report-out-')), 'week-06');
  summary = JSON.parse(cli('report', '--db', db, '--week', '1999-W06', '--time-zone', 'Asia/Jerusalem', '--format', 'csv,xlsx', '--out', out));
}, 120_000);

describe('the Anonymous Bank week 1999-W06 (real data)', () => {
  it('covers Sunday 7 to Saturday 13 February, local time, and writes one file a section', () => {
    expect(summary).toMatchObject({ period: '1999-W06', from: '1999-02-06T22:00:00.000Z', to: '1999-02-13T22:00:00.000Z', empty: false });
    expect(readdirSync(out).sort()).toEqual([
      'abandons.csv', 'agents-not-ready.csv', 'agents.csv', 'alerts.csv', 'calendars.csv', 'channels.csv', 'consistency.csv', 'coverage.csv', 'days.csv', 'definitions.csv', 'feed-gaps.csv',
      'feeds.csv', 'findings.csv', 'intervals.csv', 'queues.csv', 'report.xlsx', 'staffing.csv', 'standards.csv', 'summary-standards.csv', 'summary.csv', 'thresholds.csv', 'trend.csv',
      'worst-intervals.csv',
    ]);
    expect(readFileSync(join(out, 'queues.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("gives per queue the raw rows' offered, answered and abandoned exactly, and their service level and ASA", () => {
    const { byQueue } = expected((day) => day >= 7 && day <= 13);
    const rows = rowsOf(join(out, 'queues.csv'));
    expect(Object.keys(rows[0]).slice(0, 11)).toEqual(['period', 'queue', 'channel', 'offered', 'answered', 'abandoned', 'short_abandoned', 'left_otherwise', 'waiting', 'answered_within_threshold', 'service_level']);
    expect(rows.map((r) => r.queue).sort()).toEqual([...byQueue.keys()].sort());
    for (const r of rows) {
      const t = byQueue.get(r.queue)!;
      expect([r.period, r.channel], r.queue).toEqual(['1999-W06', 'voice']);
      expect([r.offered, r.answered, r.abandoned, r.short_abandoned].map(Number), r.queue).toEqual([t.offered, t.answered, t.abandoned, t.short]);
      expect(Number(r.service_level), r.queue).toBeCloseTo(t.within / (t.answered + t.abandoned - t.short), 12);
      expect(Number(r.asa_seconds), r.queue).toBeCloseTo(t.waitSum / t.answered, 9);
      expect(Number(r.abandon_rate), r.queue).toBeCloseTo((t.abandoned - t.short) / (t.answered + t.abandoned - t.short), 12);
      expect(Number(r.aht_seconds), r.queue).toBeGreaterThan(0);
    }
    const days = rowsOf(join(out, 'days.csv'));
    expect(days.map((d) => d.day)).toEqual(['1999-02-07', '1999-02-08', '1999-02-09', '1999-02-10', '1999-02-11', '1999-02-12', '1999-02-13']);
    const perDay = (day: number) => [...expected((d) => d === day).byQueue.values()].reduce((n, t) => n + t.offered, 0);
    expect(days.map((d) => Number(d.offered))).toEqual([7, 8, 9, 10, 11, 12, 13].map(perDay));
  });
});

describe('the week against the weeks before it, and against its standards', () => {
  it('gives the previous week from the raw rows, and nothing for the weeks before February', () => {
    const trend = rowsOf(join(out, 'trend.csv'));
    expect(trend.map((t) => t.period)).toEqual(['1999-01-31 to 1999-02-06', '1999-01-24 to 1999-01-30', '1999-01-17 to 1999-01-23', '1999-01-10 to 1999-01-16', '1999-01-03 to 1999-01-09']);
    const previous = [...expected((day) => day >= 0 && day <= 6).byQueue.values()];
    const sum = (k: 'offered' | 'answered' | 'abandoned') => previous.reduce((n, t) => n + t[k], 0);
    expect([trend[0].offered, trend[0].answered, trend[0].abandoned].map(Number)).toEqual([sum('offered'), sum('answered'), sum('abandoned')]);
    expect(trend.slice(1).map((t) => t.offered)).toEqual(['0', '0', '0', '0']);
  });

  it('judges the week by the standards in force at its end, each figure with the tier it reached', () => {
    const standards = rowsOf(join(out, 'standards.csv'));
    expect(standards.length).toBeGreaterThan(4);
    for (const r of standards) expect(['breach', 'expected', 'desired', 'delight', 'no-data'], r.standard_id).toContain(r.tier);
    // the voice service level standard measures the same contacts as the channels file, with the standard's T
    const sl = standards.find((r) => r.metric === 'service-level' && r.column === 'voice');
    const voice = rowsOf(join(out, 'channels.csv')).find((c) => c.channel === 'voice')!;
    expect(Number(sl!.figure)).toBeCloseTo(Number(voice.service_level), 12);
    expect(sl!.tier).toBe('breach'); // 53 % against the default 80 % expected of the Anonymous Bank's February
    expect(sl!.basis).toMatch(/answered within 20s of \d+ offered/);
  });
});

describe('the week by interval, its abandons and what changed', () => {
  it('splits each day into 30-minute intervals that add up to the day', () => {
    const intervals = rowsOf(join(out, 'intervals.csv'));
    expect(intervals.every((i) => /^\d\d:(00|30)$/.test(i.start))).toBe(true);
    for (const d of rowsOf(join(out, 'days.csv'))) {
      const inDay = intervals.filter((i) => i.day === d.day && i.channel === d.channel);
      expect(inDay.reduce((n, i) => n + Number(i.offered), 0), d.day).toBe(Number(d.offered));
      expect(inDay.reduce((n, i) => n + Number(i.answered), 0), d.day).toBe(Number(d.answered));
    }
  });

  it('sizes staffing on the intervals\' arrivals, and counts contacts outside published hours', () => {
    const staffing = rowsOf(join(out, 'staffing.csv'));
    const intervals = rowsOf(join(out, 'intervals.csv'));
    // every interval of the week (7 days x 48) per channel; its arrivals are the interval's offered
    expect(staffing.filter((x) => x.channel === 'voice')).toHaveLength(7 * 48);
    for (const i of intervals) expect(staffing.find((x) => x.day === i.day && x.start === i.start && x.channel === i.channel)?.arrivals, `${i.day} ${i.start}`).toBe(i.offered);
    // the history holds no agent states: nobody staffed, so every interval with load and an AHT is short
    expect(staffing.filter((x) => x.required !== '' && Number(x.required) > 0).every((x) => x.staffed === '0' && x.short === 'yes')).toBe(true);
    const [voice] = rowsOf(join(out, 'coverage.csv'));
    const [channel] = rowsOf(join(out, 'channels.csv'));
    // default calendar, voice weekdays (Mon-Fri) 08:00-20:00 and Saturday 09:00-13:00 in Jerusalem: 5 x 12 + 4 = 64 h
    expect(voice).toMatchObject({ channel: 'voice', offered: channel.offered, open_seconds: String(64 * 3600), covered_seconds: '0', coverage: '0' });
    expect(Number(voice.outside_hours)).toBeGreaterThan(0);
    expect(rowsOf(join(out, 'feeds.csv'))).toEqual([expect.objectContaining({ feed: 'calls-1999-02.tsv', kind: 'import', stale_spans: '' })]);
    expect(rowsOf(join(out, 'definitions.csv')).map((d) => d.definition)).toEqual(expect.arrayContaining(['Service level', 'Short abandon', 'Staffing (voice)', 'Coverage', 'Feed gaps']));
  });

  it('counts every abandon once by time waited, the short ones in the first bucket', () => {
    const abandons = rowsOf(join(out, 'abandons.csv'));
    const [voice] = rowsOf(join(out, 'channels.csv'));
    expect(abandons.map((b) => b.waited)).toEqual(['0-5 s', '5-10 s', '10-20 s', '20-30 s', '30-60 s', '60-120 s', '120-300 s', '300 s and more']);
    expect(abandons.reduce((n, b) => n + Number(b.abandoned), 0)).toBe(Number(voice.abandoned));
    expect(abandons.filter((b) => b.short === 'yes').map((b) => Number(b.abandoned))).toEqual([Number(voice.short_abandoned)]);
  });

  it('says in three to seven findings what changed, each pointing at its section', () => {
    const findings = rowsOf(join(out, 'findings.csv'));
    expect(findings.length).toBeGreaterThanOrEqual(3);
    expect(findings.length).toBeLessThanOrEqual(7);
    for (const f of findings) expect(['summary', 'standards', 'trend', 'intervals', 'abandons', 'alerts']).toContain(f.section);
    expect(findings[0].finding).toMatch(/was below expected/);
    expect(findings.some((f) => /^Voice: 80 % answered within 20 s was below expected on voice: 53%, 4209 answered within 20s of 7964 offered/.test(f.finding))).toBe(true);
    expect(findings.some((f) => f.section === 'trend' && /Against the period before: service level (rose|fell) from \d+% to 53%/.test(f.finding))).toBe(true);
    expect(findings.some((f) => f.section === 'intervals' && /^The worst interval was 1999-02-\d\d \d\d:\d\d on voice/.test(f.finding))).toBe(true);
  });
});

describe('the same week as XLSX, read back with exceljs', () => {
  it('holds the CSV figures as typed cells: counts, percents, durations, dates; frozen headers and filters', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'report.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Queues', 'Channels', 'Days', 'Standards', 'Trend', 'Intervals', 'Abandons', 'Alerts', 'Agents', 'Findings', 'Staffing', 'Coverage', 'Calendars', 'Thresholds', 'Feeds', 'Feed gaps', 'Summary standards', 'Consistency', 'Worst intervals', 'Definitions']);
    const coverage = book.getWorksheet('Coverage')!;
    const coverageCsv = rowsOf(join(out, 'coverage.csv'))[0];
    expect(coverage.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(coverage.autoFilter).toBeDefined();
    expect(coverage.getRow(2).getCell(7).value).toBe(Number(coverageCsv.offered));
    expect(coverage.getRow(2).getCell(6).numFmt).toBe('0.0%');
    const staffing = book.getWorksheet('Staffing')!;
    expect(staffing.rowCount).toBe(rowsOf(join(out, 'staffing.csv')).length + 1);
    expect(staffing.getRow(2).getCell(1).numFmt).toBe('yyyy-mm-dd');
    const sheet = book.getWorksheet('Queues')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeDefined();
    const titles = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (title: string) => titles.indexOf(title) + 1;
    const csv = rowsOf(join(out, 'queues.csv'));
    expect(sheet.rowCount).toBe(csv.length + 1);
    csv.forEach((r, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(col('Queue')).value).toBe(r.queue);
      expect(row.getCell(col('Offered')).value).toBe(Number(r.offered));
      expect(row.getCell(col('Service level')).value).toBeCloseTo(Number(r.service_level), 12);
      expect(row.getCell(col('Service level')).numFmt).toBe('0.0%');
      // a duration is a number of days formatted [h]:mm:ss, which exceljs reads back as a time (days since 1899-12-30)
      const asa = row.getCell(col('ASA')).value as Date;
      expect((asa.getTime() - Date.UTC(1899, 11, 30)) / 1000).toBeCloseTo(Number(r.asa_seconds), 2);
      expect(row.getCell(col('ASA')).numFmt).toBe('[h]:mm:ss');
    });
    const days = book.getWorksheet('Days')!;
    expect(days.getRow(2).getCell(1).value).toEqual(new Date('1999-02-07T00:00:00Z'));
    expect(days.getRow(2).getCell(1).numFmt).toBe('yyyy-mm-dd');
    // the period's bounds are the center's wall-clock times
    expect(book.getWorksheet('Summary')!.getRow(2).getCell(2).value).toEqual(new Date('1999-02-07T00:00:00Z'));
    // the families after the first figures: AHT as a duration, CSAT and FCR as percents, NPS as a score, as the CSV
    const summary = book.getWorksheet('Summary')!;
    const summaryTitles = (summary.getRow(1).values as unknown[]).slice(1);
    const cell = (title: string) => summary.getRow(2).getCell(summaryTitles.indexOf(title) + 1);
    const [center] = rowsOf(join(out, 'summary.csv'));
    expect(summaryTitles.slice(-10)).toEqual(['Handled', 'CSAT', 'CSAT answers', 'NPS', 'NPS answers', 'FCR', 'Resolved', 'Staffed', 'Occupancy', 'Not-ready share']);
    expect(cell('Handled').value).toBe(Number(center.handled));
    expect(cell('AHT').numFmt).toBe('[h]:mm:ss');
    expect(((cell('AHT').value as Date).getTime() - Date.UTC(1899, 11, 30)) / 1000).toBeCloseTo(Number(center.aht_seconds), 2);
    for (const [title, format] of [['CSAT', '0.0%'], ['FCR', '0.0%'], ['Occupancy', '0.0%'], ['Not-ready share', '0.0%'], ['NPS', '0.0'], ['Staffed', '[h]:mm:ss']]) expect(summary.getColumn(summaryTitles.indexOf(title) + 1).numFmt, title).toBe(format);
  });
});

describe('a report against metrics/window', () => {
  it('has the same totals per center, channel and queue for the same window', () => {
    const t = testEngine(T0, { timeZone: 'UTC' });
    const chat = (s: number, id: string) => ev.queued(s, id, 'Web', 'chat');
    t.engine.ingestNdjson('pbx', lines([ev.queue('Billing', 'voice', 20), ev.queued(0, 'v1'), ev.answered(10, 'v1'), ev.ended(100, 'v1'), ev.wrapped(130, 'v1'), ev.queued(5, 'v2'), ev.abandoned(9, 'v2'), ev.queued(20, 'v3'), ev.abandoned(80, 'v3'), chat(30, 'c1'), ev.answered(200, 'c1', 'a2'), ev.ended(900, 'c1'), chat(40, 'c2')]));
    t.clock.advance(3600_000);
    const period = weekPeriod('2026-W10', { timeZone: 'UTC', resetHour: 0, weekStart: 'monday' });
    if (!period.ok) throw new Error(period.reason);
    const report = buildReport(t.engine.store, { period: period.period, scope: { channels: [], queues: [] }, shortAbandonSeconds: 5 });
    const window = (by: 'center' | 'queue' | 'channel') => t.engine.handlers['metrics/window']({ from: new Date(period.period.from).toISOString(), to: new Date(period.period.to).toISOString(), by }).rows;
    const { key: _center, longestWaitSeconds: _lw, ...center } = window('center')[0];
    expect(report.center).toMatchObject(center);
    for (const row of window('channel')) expect(report.channels.find((c) => c.channel === row.key)).toMatchObject({ offered: row.offered, answered: row.answered, abandoned: row.abandoned, serviceLevel: row.serviceLevel, asaSeconds: row.asaSeconds });
    for (const row of window('queue')) expect(report.queues.find((q) => q.queue === row.key)).toMatchObject({ offered: row.offered, answered: row.answered, abandoned: row.abandoned, serviceLevel: row.serviceLevel });
    // hand-computed: v1 answered after 10 s, handled 10 -> 130 s; c1 answered after 170 s, handled 200 -> 900 s
    expect(report.queues.find((q) => q.queue === 'Billing')).toMatchObject({ offered: 3, answered: 1, abandoned: 2, shortAbandoned: 1, ahtSeconds: 120, serviceLevel: 0.5 });
    expect(report.center.ahtSeconds).toBe((120 + 700) / 2);
    t.close();
  });

  it('gives each agent handled contacts, AHT, after-contact work, occupancy and not-ready time by hand', () => {
    const t = testEngine(T0, { timeZone: 'UTC' });
    t.engine.ingestNdjson('pbx', lines([
      ev.agent(0, 'a1', 'available'),
      ev.queued(90, 'v1'),
      ev.answered(100, 'v1', 'a1'),
      ev.agent(100, 'a1', 'on-contact'),
      ev.ended(400, 'v1'),
      ev.agent(400, 'a1', 'after-contact-work'),
      ev.wrapped(460, 'v1'),
      ev.agent(460, 'a1', 'not-ready', 'Break'),
      ev.agent(760, 'a1', 'offline'),
    ]));
    const period = weekPeriod('2026-W10', { timeZone: 'UTC', resetHour: 0, weekStart: 'monday' });
    if (!period.ok) throw new Error(period.reason);
    const r = buildReport(t.engine.store, { period: period.period, scope: { channels: [], queues: [] }, shortAbandonSeconds: 5 });
    expect(r.agents).toEqual([{ agentId: 'a1', name: 'A1', handled: 1, ahtSeconds: 360, acwPerContactSeconds: 60, occupancy: 360 / 460, staffedSeconds: 760, notReadySeconds: 300, notReadyShare: 300 / 760, notReadyByReason: [{ reason: 'Break', seconds: 300 }] }]);
    const without = buildReport(t.engine.store, { period: period.period, scope: { channels: [], queues: [] }, shortAbandonSeconds: 5, agents: false });
    expect(without.agents).toBeNull();
    expect(Object.keys(reportCsvFiles(without))).not.toContain('agents.csv');
    expect(JSON.stringify(reportCsvFiles(without))).not.toContain('A1');
    t.close();
  });

  it('lists the alerts whose breach overlapped the period, with their time inside it', () => {
    const t = testEngine(T0, { timeZone: 'UTC' });
    const period = weekPeriod('2026-W10', { timeZone: 'UTC', resetHour: 0, weekStart: 'monday' });
    if (!period.ok) throw new Error(period.reason);
    const { from, to } = period.period;
    const alert = (start: number, end: number | null, key: string) => {
      const id = t.engine.store.insertAlert({ standardId: 'voice-sl', standardName: 'Voice SL', key, channel: key === 'center' ? null : 'voice', queue: null, breachStartedAt: start, firedAt: start + 60_000, figure: 0.5, basis: '5 of 10' });
      if (end !== null) t.engine.store.resolveAlert(id, end);
    };
    alert(from - 3600_000, from + 1800_000, 'voice'); // began the week before: 30 min inside
    alert(from + 86_400_000, from + 86_400_000 + 600_000, 'voice'); // 10 min
    alert(to - 300_000, null, 'center'); // still open at the end: 5 min inside
    alert(from - 7200_000, from - 3600_000, 'voice'); // over before the period: not listed
    const r = buildReport(t.engine.store, { period: period.period, scope: { channels: [], queues: [] }, shortAbandonSeconds: 5 });
    expect(r.alerts.map((a) => [a.key, a.secondsInPeriod])).toEqual([['voice', 1800], ['voice', 600], ['center', 300]]);
    expect(buildReport(t.engine.store, { period: period.period, scope: { channels: ['chat'], queues: [] }, shortAbandonSeconds: 5 }).alerts.map((a) => a.key)).toEqual(['center']);
    t.close();
  });

  it('escapes text cells that would run as formulas, and leaves numbers alone', () => {
    const t = testEngine(T0, { timeZone: 'UTC' });
    t.engine.ingestNdjson('pbx', lines([ev.queued(0, 'x1', '=HYPERLINK("http://evil.example","x")'), ev.queued(1, 'x2', '@SUM(A1)'), ev.queued(2, 'x3', '-2+3')]));
    const period = weekPeriod('2026-W10', { timeZone: 'UTC', resetHour: 0, weekStart: 'monday' });
    if (!period.ok) throw new Error(period.reason);
    const files = reportCsvFiles(buildReport(t.engine.store, { period: period.period, scope: { channels: [], queues: [] }, shortAbandonSeconds: 5 }));
    const queues = parse(files['queues.csv'], { columns: true, bom: true }) as Record<string, string>[];
    expect(queues.map((q) => q.queue).sort()).toEqual(["'-2+3", `'=HYPERLINK("http://evil.example","x")`, "'@SUM(A1)"].sort());
    expect(queues.every((q) => q.offered === '1' && q.service_level === '')).toBe(true);
    t.close();
  });
});

describe('the metrics command against the report', () => {
  it('gives the report\'s days, intervals and totals, as CSV too', () => {
    const metrics = (...args: string[]) => cli('metrics', '--db', bankDb, '--from', '1999-02-07T00:00:00', '--to', '1999-02-14T00:00:00', '--time-zone', 'Asia/Jerusalem', ...args);
    const byDay = parse(metrics('--by', 'day', '--output', 'csv'), { columns: true, bom: true }) as Record<string, string>[];
    const days = rowsOf(join(out, 'days.csv'));
    expect(byDay.map((d) => [d.day, d.offered, d.answered, d.abandoned, d.service_level])).toEqual(days.map((d) => [d.day, d.offered, d.answered, d.abandoned, d.service_level]));
    // the families, under the same names (the bank is all voice, and its agents serve voice: a day is a voice day)
    const FAMILIES = ['handled', 'aht_seconds', 'csat', 'nps', 'fcr', 'staffed_seconds', 'occupancy', 'not_ready_share'];
    const familiesOf = (row: Record<string, string>) => FAMILIES.map((k) => (row[k] === '' ? null : Number(row[k]).toPrecision(9)));
    expect(byDay.map(familiesOf)).toEqual(days.map(familiesOf));
    expect(days.every((d) => d.aht_seconds !== '')).toBe(true);
    const byInterval = JSON.parse(metrics('--by', 'interval', '--json')).rows as { key: string; offered: number }[];
    expect(byInterval).toHaveLength(7 * 48);
    expect(byInterval[0].key).toBe('1999-02-07 00:00');
    const intervals = rowsOf(join(out, 'intervals.csv'));
    for (const i of intervals) expect(byInterval.find((r) => r.key === `${i.day} ${i.start}`)?.offered, `${i.day} ${i.start}`).toBe(Number(i.offered));
    const [center] = rowsOf(join(out, 'summary.csv'));
    const [whole] = JSON.parse(metrics('--output', 'json')).rows;
    expect(whole).toMatchObject({ offered: Number(center.offered), answered: Number(center.answered), abandoned: Number(center.abandoned), handled: Number(center.handled) });
    for (const [k, name] of [['ahtSeconds', 'aht_seconds'], ['occupancy', 'occupancy'], ['notReadyShare', 'not_ready_share'], ['staffedSeconds', 'staffed_seconds']]) {
      expect(whole[k], name).toBeCloseTo(Number(center[name]), 9);
    }
    const agents = parse(metrics('--by', 'agent', '--output', 'csv'), { columns: true, bom: true }) as Record<string, string>[];
    expect(agents.map((a) => [a.agent_id, a.handled])).toEqual(rowsOf(join(out, 'agents.csv')).map((a) => [a.agent_id, a.handled]));
  });
});

describe('the report command', () => {
  it('refuses an unknown week, a --to before --from, an unknown format and an unwritable folder, one line each', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'fb-report-')), 'floor.db');
    testEngine(T0, {}, db).close();
    const out = join(tmpdir(), 'fb-report-refused');
    expect(() => cli('report', '--db', db, '--week', '2026-W54', '--out', out)).toThrow(/the year 2026 has no week 54/);
    expect(() => cli('report', '--db', db, '--from', '2026-03-09', '--to', '2026-03-02', '--out', out)).toThrow(/--to 2026-03-02 must be after --from 2026-03-09/);
    expect(() => cli('report', '--db', db, '--week', '2026-W10', '--format', 'docx', '--out', out)).toThrow(/--format docx/);
    // a folder under a file cannot be made (root may write anywhere else)
    expect(() => cli('report', '--db', db, '--week', '2026-W10', '--out', join(db, 'reports'))).toThrow(/--out .*floor\.db\/reports: cannot make the folder \(ENOTDIR\)/);
    expect(() => cli('report', '--db', join(tmpdir(), 'no-such-floor.db'), '--week', '2026-W10', '--out', out)).toThrow(/no database at/);
  });

  it('writes a report that says it is empty for a period without contacts', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'fb-report-')), 'floor.db');
    testEngine(T0, {}, db).close();
    const out = mkdtempSync(join(tmpdir(), 'fb-report-empty-'));
    expect(JSON.parse(cli('report', '--db', db, '--week', '2026-W10', '--time-zone', 'UTC', '--out', out))).toMatchObject({ empty: true, offered: 0 });
    expect(rowsOf(join(out, 'queues.csv'))).toEqual([]);
    expect(rowsOf(join(out, 'summary.csv'))[0]).toMatchObject({ period: '2026-W10', offered: '0', service_level: '' });
  });
});
