/**
 * The report as PDF (issue 15): the Anonymous Bank week 1999-W06 written by the CLI and read back with poppler
 * (pdftotext, pdfinfo, pdftoppm: poppler-utils, installed by .ci/run): its text holds the period, each queue and its
 * figures as the CSV has them; its pages are A4 or Letter and none is blank. A long table breaks across pages under
 * its header; one name in each script comes back from the text; the same report gives the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCsvAdapter } from '../../src/core/ingest/csv';
import { anonymousBankMapping } from '../../src/core/ingest/csv-anonymous-bank';
import { numberLines } from '../../src/core/ingest/source-lines';
import { visualRuns } from '../../src/core/reports/pdf-text';
import type { Report } from '../../src/core/reports/report-model';
import { heatmapCharts } from '../../src/core/reports/pdf-heatmap';
import { reportPdf } from '../../src/core/reports/report-pdf';
import { formatCount, formatPercent } from '../../src/shared/format';
import { testEngine } from '../helpers/engine';
import { weekReportOf } from '../helpers/report';
import { ev } from '../helpers/events';
import { BANK_FILE, ROOT } from '../helpers/host';

const cli = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
const CREATED = Date.parse('2026-12-07T08:00:00Z');

function tempFile(name: string, bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'fb-pdf-')), name);
  writeFileSync(file, bytes);
  return file;
}

/** Each page at 50 dpi in grey (pdftoppm -gray: binary PGM, "P5 width height 255" then a byte a pixel): its dark pixels. */
function darkPixelsPerPage(pdf: string): number[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf))![1]);
  const dir = mkdtempSync(join(tmpdir(), 'fb-pdf-pages-'));
  return Array.from({ length: pages }, (_, i) => {
    execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', String(i + 1), '-l', String(i + 1), '-singlefile', pdf, join(dir, `page-${i + 1}`)]);
    const pgm = readFileSync(join(dir, `page-${i + 1}.pgm`));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    const pixels = pgm.subarray(header[0].length);
    expect(pixels.length).toBe(Number(header[1]) * Number(header[2]));
    return pixels.reduce((n, v) => n + (v < 160 ? 1 : 0), 0);
  });
}

const reportOf = (events: ReturnType<typeof ev.queued>[]): Report => weekReportOf(events);

let a4: string;
let letter: string;
let queuesCsv: Record<string, string>[];
beforeAll(() => {
  const db = join(mkdtempSync(join(tmpdir(), 'fb-pdf-')), 'bank.db');
  const t = testEngine(Date.parse('1999-03-01T12:00:00Z'), { timeZone: 'Asia/Jerusalem' }, db);
  t.engine.ingestWith(createCsvAdapter(anonymousBankMapping()), 'calls-1999-02.tsv', numberLines(readFileSync(BANK_FILE, 'utf8')));
  t.close();
  cli('center', 'set', '--db', db, '--week-start', 'sunday', '--name', 'Anonymous Bank');
  const week = ['report', '--db', db, '--week', '1999-W06', '--time-zone', 'Asia/Jerusalem'];
  const out = mkdtempSync(join(tmpdir(), 'fb-pdf-a4-'));
  const summary = JSON.parse(cli(...week, '--format', 'pdf,csv', '--out', out));
  expect(summary.files.map((f: { file: string }) => f.file)).toContain(join(out, 'report.pdf'));
  a4 = join(out, 'report.pdf');
  queuesCsv = parse(readFileSync(join(out, 'queues.csv')), { columns: true, bom: true });
  const outLetter = mkdtempSync(join(tmpdir(), 'fb-pdf-letter-'));
  cli(...week, '--format', 'pdf', '--paper', 'letter', '--out', outLetter);
  letter = join(outLetter, 'report.pdf');
}, 120_000);

describe('the Anonymous Bank week as PDF', () => {
  it('holds the period, the center, and each queue with its offered count and service level as printed', () => {
    const text = poppler('pdftotext', '-layout', a4, '-');
    expect(text).toContain('Weekly review 1999-W06');
    expect(text).toContain('Anonymous Bank');
    expect(text).toContain('Sun 7 Feb 1999 – Sat 13 Feb 1999');
    expect(text).toContain('from Sunday 7 February 1999, 00:00 to Sunday 14 February 1999, 00:00 (exclusive), Asia/Jerusalem');
    expect(queuesCsv.length).toBe(6);
    for (const q of queuesCsv) {
      // the queue's row in the By queue table: name, channel, offered ... service level, as the CSV's figures print
      const row = text.split('\n').find((l) => l.trim().startsWith(`${q.queue} `) && l.includes('Voice'));
      expect(row, q.queue).toBeDefined();
      const cells = row!.trim().split(/\s{1,}/);
      expect(cells.slice(0, 6), q.queue).toEqual([q.queue, 'Voice', formatCount(Number(q.offered)), formatCount(Number(q.answered)), formatCount(Number(q.abandoned)), formatCount(Number(q.short_abandoned))]);
      expect(cells, q.queue).toContain(formatPercent(Number(q.service_level), 1));
    }
    // hand-checked against the CSV once: PS offered 4,864 at 56.5 %
    expect(text).toMatch(/PS\s+Voice\s+4,864\s+4,471\s+393\s+12\s+0\s+0\s+2,739\s+56\.5%/);
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', a4))![1]);
    expect(text).toMatch(new RegExp(`page 1 of ${pages}`));
    expect(text).toMatch(new RegExp(`page ${pages} of ${pages}`));
    // every section after the figures: what changed first, then the standards, the periods before, abandons, alerts, agents
    for (const title of ['What changed', 'Standards (version 1, in force at the period end)', 'The periods before', 'Abandons by time waited', 'Alerts', 'Agents']) expect(text, title).toContain(title);
    expect(text).toMatch(/Voice: 80 % answered within 20 s\s+voice\s+53\.2%\s+below expected/);
    expect(text).toMatch(/1999-01-31 to 1999-02-06\s+6,804/);
    // the summary against the standards, the consistency across channels, the worst intervals
    expect(text).toMatch(/Service level\s+53\.2%\s+57\.2%\s+below expected/);
    expect(text).toMatch(/Abandon rate\s+12\.8%\s+9\.3%\s+below expected/);
    expect(text).toContain('Consistency across channels: index —; furthest from its standards: Voice, driver staffing');
    expect(text).toMatch(/Thu 11 Feb 1999\s+15:00\s+Voice\s+69\s+35\s+4\.3%\s+3m 16s/);
    // the heat map, judged by the voice standard's tiers (80 % desired, 70 % expected, 90 % delight)
    expect(text).toContain('Voice: contacts offered and service level by day and 30 minutes (judged by “Voice: 80 % answered within 20 s”)');
    expect(text).toMatch(/below expected: under 70%\s+expected: 70–80%\s+desired: 80–90%\s+delight: 90% and more/);
    // the cover: calendars with their weekly hours, T per queue, the feed the figures came from
    expect(text).toMatch(/Voice, Chat\s+Mon-Fri 08:00-20:00; Sat 09:00-13:00\s+—\s+64h 00m/);
    expect(text).toMatch(/Voice\s+20s\s+channel default\s+IN, NE, NW, PE, PS, TT/);
    expect(text).toMatch(/calls-1999-02\.tsv\s+import\s+csv\s+—\s+not judged/);
    expect(text).toContain('80% within 20s (the desired tier of "Voice: 80 % answered within 20 s")');
    // staffing and coverage, as staffing.csv and coverage.csv give them (no agent states in the history: none staffed)
    expect(text).toMatch(/Sun 7 Feb 1999\s+Voice\s+35\s+35\s+12\s+0\.0\s+10:00: 12 required, 0 staffed \(61 contacts\)/);
    expect(text).toMatch(/Voice\s+Voice and chat: weekdays 8:00-20:00, Saturday 9:00-13:00\s+1\s+64h 00m\s+0s\s+0\.0%\s+7,964\s+2,681\s+199/);
  });

  it('is A4 or Letter (landscape), and no page is blank', () => {
    expect(poppler('pdfinfo', a4)).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    expect(poppler('pdfinfo', letter)).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
    for (const pdf of [a4, letter]) {
      const dark = darkPixelsPerPage(pdf);
      expect(dark.length).toBeGreaterThanOrEqual(5);
      // a page holding only its header and footer has about 600 dark pixels at 50 dpi; the emptiest page here (the
      // last, a short agents table) has about 1,400
      for (const n of dark) expect(n).toBeGreaterThan(1000);
    }
  });
});

describe('a long table', () => {
  it('breaks across pages with its header row on each, and page numbers of the total', async () => {
    // 150 queues, one contact each: 150 rows of 13 pt do not fit one landscape page
    const report = reportOf(Array.from({ length: 150 }, (_, i) => ev.queued(i, `c${i}`, `Queue ${String(i).padStart(3, '0')}`)));
    const pdf = tempFile('long.pdf', await reportPdf(report, { created: CREATED, paper: 'A4' }));
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf))![1]);
    expect(pages).toBeGreaterThan(4);
    const perPage = poppler('pdftotext', '-layout', pdf, '-').split('\f').filter((p) => p.trim());
    expect(perPage.length).toBe(pages);
    const queuePages = perPage.filter((p) => /Queue \d{3}/.test(p));
    expect(queuePages.length).toBeGreaterThan(2);
    // the figures by queue, then the handling and outcomes by queue: each page under its table's header
    for (const p of queuePages) expect(p).toMatch(/^\s*Queue\s+Channel\s+(Offered\s+Answered\s+Abandoned|AHT \(of handled\))/m);
    expect(perPage.map((p) => /page (\d+) of (\d+)/.exec(p)?.slice(1).join('/'))).toEqual(perPage.map((_, i) => `${i + 1}/${pages}`));
    // every queue once in each table, in order
    const names = [...perPage.join('\n').matchAll(/Queue (\d{3})/g)].map((m) => Number(m[1]));
    const once = Array.from({ length: 150 }, (_, i) => i);
    expect(names).toEqual([...once, ...once]);
  });
});

describe('Unicode names', () => {
  const NAMES = ['Ventes', 'Продажи', 'Πωλήσεις', 'מכירות', 'مبيعات', '销售'];

  it('come back from the text, each in the font of its script', async () => {
    // and two phrases of two words: pdfkit lays text out word by word in logical order, which read "اليوممبيعات"
    // until a right-to-left run was laid out whole
    const PHRASES = ['מכירות חדשות', 'مبيعات اليوم'];
    const report = reportOf([...NAMES, ...PHRASES].map((q, i) => ev.queued(i, `u${i}`, q)));
    const pdf = tempFile('unicode.pdf', await reportPdf(report, { created: CREATED, paper: 'A4', centerName: 'Центр 中心 מרכז' }));
    // pdftotext gives right-to-left words back in logical order (the order they are typed and stored), from each
    // run's ToUnicode map; the glyphs themselves are drawn right to left (fontkit reverses a Hebrew or Arabic run)
    const text = poppler('pdftotext', pdf, '-');
    for (const name of [...NAMES, ...PHRASES]) expect(text, name).toContain(name);
    expect(text).toContain('Центр');
    // real glyphs: each script's font embedded (a subset), not a fallback box from the Latin font
    const fonts = poppler('pdffonts', pdf);
    for (const font of ['NotoSans-Regular', 'NotoSansHebrew', 'NotoNaskhArabic', 'NotoSansHans-Regular']) expect(fonts, font).toContain(font);
  });

  it('lays out mixed directions in the bidirectional order', () => {
    // a left-to-right line: "Sales", then the Hebrew word with its number before it (the number belongs to it)
    expect(visualRuns('Sales מכירות 2').map((r) => [r.text, r.face])).toEqual([['Sales ', 'latin'], ['2', 'latin'], [' ', 'latin'], ['מכירות', 'hebrew']]);
    // a right-to-left line, runs from left to right: "(2) " then the two Arabic words, the space between them in
    // their run (one shaped run); the brackets at an odd level are mirrored ("(" stored, ")" shown on its right
    // side), and a neutral run at an odd level is reversed here (" )" drawn ") "), since fontkit reverses only
    // Hebrew and Arabic runs
    expect(visualRuns('مبيعات اليوم (2)').map((r) => [r.text, r.reverse])).toEqual([['(', true], ['2', false], [' )', true], ['مبيعات اليوم', false]]);
    expect(visualRuns('مبيعات (ب)').map((r) => [r.text, r.reverse])).toEqual([['(', true], ['ب', false], [' )', true], ['مبيعات', false]]);
  });
});

describe('the same report', () => {
  it('gives the same bytes for the same creation time and id, and others for another id', async () => {
    const report = reportOf([ev.queued(0, 'a'), ev.queued(1, 'b', 'Продажи'), ev.queued(2, 'c', '销售')]);
    const one = await reportPdf(report, { created: CREATED, paper: 'Letter', id: 'run-1' });
    const two = await reportPdf(report, { created: CREATED, paper: 'Letter', id: 'run-1' });
    expect(one.equals(two)).toBe(true);
    expect(one.subarray(0, 8).toString('latin1')).toBe('%PDF-1.3');
    expect((await reportPdf(report, { created: CREATED, paper: 'Letter', id: 'run-2' })).equals(one)).toBe(false);
  });
});

describe('the heat map', () => {
  it("colours each interval by its channel's service-level tiers and labels it with the contacts offered", () => {
    // Monday 2 March 2026 (UTC): 09:00 two calls answered within 20 s (100 %: delight); 09:30 one answered after 30 s
    // and one abandoned after 60 s (0 %: below expected); 10:30 one short abandon alone (no level: grey)
    const report = reportOf([
      ev.queue('Billing', 'voice', 20),
      ev.queued(0, 'a'),
      ev.answered(5, 'a'),
      ev.queued(60, 'b'),
      ev.answered(70, 'b'),
      ev.queued(1800, 'c'),
      ev.answered(1830, 'c'),
      ev.queued(1900, 'd'),
      ev.abandoned(1960, 'd'),
      ev.queued(5400, 'e'),
      ev.abandoned(5402, 'e'),
    ]);
    const [voice, ...others] = heatmapCharts(report);
    expect(others).toEqual([]);
    expect(voice.title).toMatch(/^Voice: .* \(judged by “Voice: 80 % answered within 20 s”\)$/);
    const option = voice.option as { xAxis: { data: string[] }; yAxis: { data: string[] }; series: { data: { value: number[]; offered: number }[] }[] };
    expect(option.xAxis.data).toEqual(['09:00', '09:30', '10:00', '10:30']);
    expect(option.yAxis.data).toHaveLength(7);
    expect(option.series[0].data.map((d) => [option.xAxis.data[d.value[0]], option.yAxis.data[d.value[1]], d.value[2], d.offered])).toEqual([
      ['09:00', 'Mon 2 Mar', 100, 2],
      ['09:30', 'Mon 2 Mar', 0, 2],
      ['10:30', 'Mon 2 Mar', -1, 1],
    ]);
  });
});
