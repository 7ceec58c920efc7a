/**
 * A report as a PDF (pdfkit, no browser: the same bytes from the CLI, the host and Electron's main process), landscape
 * A4 or Letter so the first fourteen figure columns of the CSV fit one row:
 *   page 1, the cover: center, period and zone, scope, every definition, when it was made;
 *   page 2, the summary: the center's figures as a table beside the period before's, and offered and service level
 *   by day as a chart;
 *   then the queues, channels and days tables: one that fits a page is kept whole (on the next page if need be), a
 *   longer one breaks across pages under its repeated header row; a heat map per channel (pdf-heatmap.ts); the
 *   other sections (pdf-sections.ts).
 * Every page has a header (center, period, zone) and a footer ("page N of M", drawn once the page count is known).
 *
 * Same report, same `created` and `id` -> same bytes: the creation date is `created`, the file identifier is
 * derived from the document's info (pdfkit hashes it), and nothing else reads a clock or a random source.
 */
import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import { formatCount, formatDateTime, formatDuration, formatPercent, NONE } from '../../shared/format';
import { chartSvg, CHANNEL_LABEL, dayChartOption, dayLabel, drawSvg } from './pdf-chart';
import { CELL_SIZE, drawTable, HEAD_SIZE, tableHeight, type PageFlow, type TableColumn } from './pdf-table';
import { drawText, fontBytes, fontName, hasCjk, isolate, textWidth, type FontFace } from './pdf-text';
import { FIGURE_COLUMNS, REPORT_COLUMNS, type FigureColumn } from './report-columns';
import type { PaperSize } from './report-files';
import type { Report, ReportFigures } from './report-model';
import { heatmapCharts, heatmapLabels } from './pdf-heatmap';
import { pdfSections, summaryTier, type PdfSection } from './pdf-sections';
import { pdfCoverSections, pdfStaffingSections } from './pdf-staffing-sections';


export interface PdfOptions {
  /** The report's time (epoch ms): the document's creation date, and on its cover. */
  created: number;
  paper: PaperSize;
  /** An identifier for this report (a schedule's run, an export): in the footer and the document's info. */
  id?: string;
  /** The center's name, for the cover and the header. */
  centerName?: string;
}

const MARGIN = 36;
const HEADER_HEIGHT = 30;
const FOOTER_HEIGHT = 26;
const INK = '#0d1319';
const MUTED = '#46505d';
const RULE = '#c3ccd7';
const CHART_HEIGHT = 300;

function figureText(c: FigureColumn, f: ReportFigures): string {
  const v = c.get(f);
  if (v === null) return NONE;
  if (c.kind === 'count') return formatCount(v);
  if (c.kind === 'share') return formatPercent(v, 1);
  if (c.kind === 'score') return v.toFixed(1);
  return formatDuration(v);
}

const figureCells = (f: ReportFigures) => FIGURE_COLUMNS.map((c) => figureText(c, f));

/**
 * Label columns, then the figures: each figure column as wide as its longest title word or cell needs, the space
 * left shared among them; when the figures need more than is left, the first label column (a queue's name) gives
 * way, down to 60 pt.
 */
function columnsWith(doc: PDFKit.PDFDocument, labels: TableColumn[], rows: readonly string[][], width: number): TableColumn[] {
  const needs = FIGURE_COLUMNS.map((c, i) => {
    const title = Math.max(...c.title.split(' ').map((w) => textWidth(doc, w, { size: HEAD_SIZE, bold: true })));
    const cells = Math.max(0, ...rows.map((r) => textWidth(doc, r[labels.length + i] ?? '', { size: CELL_SIZE })));
    return Math.ceil(Math.max(title, cells)) + 8;
  });
  const labelWidth = labels.reduce((w, c) => w + c.width, 0);
  const spare = width - labelWidth - needs.reduce((a, b) => a + b, 0);
  const first = { ...labels[0], width: Math.max(60, labels[0].width + Math.min(0, spare)) };
  const share = Math.max(0, spare) / needs.length;
  return [first, ...labels.slice(1), ...FIGURE_COLUMNS.map((c, i) => ({ title: c.title, width: needs[i] + share, align: 'right' as const }))];
}

function periodWords(r: Report): { days: string; bounds: string } {
  const zone = r.period.timeZone;
  const from = DateTime.fromMillis(r.period.from, { zone });
  const to = DateTime.fromMillis(r.period.to, { zone });
  const lastDay = to.minus({ days: 1 });
  const day = (d: DateTime) => d.setLocale('en-GB').toFormat('ccc d LLL yyyy');
  const instant = (d: DateTime) => d.setLocale('en-GB').toFormat('cccc d LLLL yyyy, HH:mm');
  return {
    days: lastDay.hasSame(from, 'day') ? day(from) : `${day(from)} – ${day(lastDay)}`,
    bounds: `from ${instant(from)} to ${instant(to)} (exclusive), ${zone}`,
  };
}

function scopeWords(r: Report): string {
  const parts = [...r.scope.channels.map((c) => `channel ${CHANNEL_LABEL[c]}`), ...r.scope.queues.map((q) => `queue ${isolate(q)}`)];
  return parts.length === 0 ? 'Every contact of every channel and queue' : `The contacts of ${parts.join(', ')}`;
}

/** The report's text, to know which fonts the document needs. */
function allText(r: Report, o: PdfOptions): string {
  return [o.centerName ?? '', ...r.queues.map((q) => q.queue), ...r.scope.queues, ...r.cover.calendars.map((c) => c.name), ...r.cover.feeds.map((f) => f.name), ...r.staffing.basis.map((b) => b.standard ?? '')].join(' ');
}

const HEADING_HEIGHT = 24;
const SECTION_GAP = 18;

function heading(doc: PDFKit.PDFDocument, text: string, x: number, y: number): number {
  drawText(doc, text, x, y + 14, { size: 13, bold: true, color: INK });
  return y + HEADING_HEIGHT;
}

/** A label and its value, the label muted: one line of the cover, from its top `y`. */
function fact(doc: PDFKit.PDFDocument, label: string, value: string, x: number, y: number, width: number): number {
  drawText(doc, label, x, y + 11, { size: 9, color: MUTED }, { width: 130, align: 'left' });
  drawText(doc, value, x + 140, y + 11, { size: 9.5, color: INK }, { width: width - 140, align: 'left' });
  return y + 16;
}

/** The cover's facts; returns the y below them (the cover's tables follow: pdf-staffing-sections.ts). */
function drawCover(doc: PDFKit.PDFDocument, r: Report, o: PdfOptions, top: number, width: number): number {
  const x = MARGIN;
  const period = periodWords(r);
  let y = top + 24;
  if (o.centerName) {
    drawText(doc, o.centerName, x, y, { size: 14, color: MUTED });
    y += 30;
  }
  drawText(doc, r.period.label.includes('W') ? `Weekly review ${r.period.label}` : `Review ${r.period.label}`, x, y, { size: 26, bold: true });
  y += 26;
  drawText(doc, period.days, x, y, { size: 14 });
  y += 24;
  y = fact(doc, 'Period', period.bounds, x, y, width);
  y = fact(doc, 'Scope', scopeWords(r), x, y, width);
  y = fact(doc, 'Made', `${formatDateTime(o.created, r.period.timeZone)} (${r.period.timeZone})${o.id ? `, report ${isolate(o.id)}` : ''}`, x, y, width);
  if (r.empty) {
    y += 8;
    drawText(doc, 'No contact entered a queue in this period and scope: every figure is empty.', x, y, { size: 11, bold: true, color: '#c2410c' });
    y += 10;
  }
  y = heading(doc, 'Definitions', x, y + 16);
  const d = r.definitions;
  y = fact(doc, 'Service level', `${d.serviceLevel} (formula "${d.formula}")`, x, y, width);
  y = fact(doc, 'Short abandon', `an abandon within ${d.shortAbandonSeconds} s of entering the queue`, x, y, width);
  y = fact(doc, 'Counted', d.attribution, x, y, width);
  y = fact(doc, 'ASA', 'mean wait of the contacts answered', x, y, width);
  y = fact(doc, 'Abandon rate', 'abandons (short ones apart) / (answered + abandons, short ones apart)', x, y, width);
  y = fact(doc, 'AHT', 'mean handle time, from answer to done (wrap-up end, else end), of the contacts answered and done by the period end', x, y, width);
  y = fact(doc, 'Durations', 'm:ss, or h:mm:ss from an hour; "—" where a figure has no denominator', x, y, width);
  return fact(doc, 'Figures', 'the same as the CSV files and the XLSX workbook of this report (docs/reports.md)', x, y, width);
}

function drawSummary(flow: PageFlow, r: Report, top: number): number {
  const { doc } = flow;
  let y = heading(doc, 'Summary', MARGIN, top);
  // every figure of the CSV, beside the previous period's (the trend's first point)
  const previous = r.trend[0]?.figures;
  // and against the center's standard on its metric, where there is one (the tier reached)
  const tableWidth = 390;
  const rows = REPORT_COLUMNS.map((c) => [c.title, figureText(c, r.center), previous ? figureText(c, previous) : NONE, summaryTier(r, c.name)]);
  const columns: TableColumn[] = [
    { title: 'Figure', width: 120, align: 'left' },
    { title: 'Center', width: 75, align: 'right' },
    { title: 'Period before', width: 80, align: 'right' },
    { title: 'Standard', width: 115, align: 'left' },
  ];
  const bottom = drawTable({ ...flow, width: tableWidth }, columns, rows, y);
  // the chart beside the table
  const chartX = MARGIN + tableWidth + 24;
  const chartWidth = flow.width - tableWidth - 24;
  drawText(doc, 'Offered and service level by day', chartX, y + 8, { size: 10, bold: true, color: INK });
  y += 18;
  if (r.days.length > 0) drawSvg(doc, chartSvg(dayChartOption(r), chartWidth, CHART_HEIGHT), chartX, y, chartWidth, CHART_HEIGHT);
  else drawText(doc, 'No contact in this period.', chartX, y + 20, { size: 9, color: MUTED });
  return Math.max(bottom, y + CHART_HEIGHT);
}

function drawHeaderFooter(doc: PDFKit.PDFDocument, r: Report, o: PdfOptions, page: number, pages: number): void {
  const width = doc.page.width - 2 * MARGIN;
  const period = periodWords(r);
  const small = { size: 8, color: MUTED };
  const title = `${o.centerName ? `${isolate(o.centerName)} · ` : ''}${r.period.label}`;
  drawText(doc, title, MARGIN, MARGIN, { ...small, bold: true }, { width: width / 2, align: 'left' });
  drawText(doc, `${period.days} · ${r.period.timeZone}`, MARGIN + width / 2, MARGIN, small, { width: width / 2, align: 'right' });
  doc.moveTo(MARGIN, MARGIN + 6).lineTo(MARGIN + width, MARGIN + 6).lineWidth(0.5).strokeColor(RULE).stroke();
  const foot = doc.page.height - MARGIN + 10;
  doc.moveTo(MARGIN, foot - 10).lineTo(MARGIN + width, foot - 10).lineWidth(0.5).strokeColor(RULE).stroke();
  drawText(doc, `Floorboard · made ${formatDateTime(o.created, r.period.timeZone)}${o.id ? ` · ${isolate(o.id)}` : ''}`, MARGIN, foot, small, { width: width / 2, align: 'left' });
  drawText(doc, `page ${page} of ${pages}`, MARGIN + width / 2, foot, small, { width: width / 2, align: 'right' });
}

/** The PDF's bytes. */
export function reportPdf(report: Report, o: PdfOptions): Promise<Buffer> {
  const created = new Date(o.created);
  const doc = new PDFDocument({
    size: o.paper === 'A4' ? 'A4' : 'LETTER',
    layout: 'landscape',
    margin: 0,
    bufferPages: true,
    autoFirstPage: false,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: `${o.centerName ? `${o.centerName}: ` : ''}review ${report.period.label}`,
      Author: o.centerName ?? 'Floorboard',
      Creator: 'Floorboard',
      Producer: 'Floorboard (pdfkit)',
      CreationDate: created,
      ModDate: created,
      ...(o.id ? { Subject: `report ${o.id}` } : {}),
    },
  });
  const faces: FontFace[] = ['latin', 'hebrew', 'arabic', ...(hasCjk(allText(report, o)) ? (['cjk'] as const) : [])];
  for (const face of faces) for (const weight of ['regular', 'bold'] as const) doc.registerFont(fontName(face, weight), fontBytes(face, weight));

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const top = MARGIN + HEADER_HEIGHT;
  const newPage = () => {
    doc.addPage();
    return top;
  };
  newPage();
  const width = doc.page.width - 2 * MARGIN;
  const flow: PageFlow = { doc, left: MARGIN, width, bottom: doc.page.height - MARGIN - FOOTER_HEIGHT, newPage };
  let y = drawCover(doc, report, o, top, width);
  const place = (title: string, columns: TableColumn[], rows: string[][], empty?: string) => {
    const height = SECTION_GAP + HEADING_HEIGHT + tableHeight(doc, columns, rows.length);
    // a table that fits a page is kept whole; a longer one starts where it is, unless its heading would sit alone
    const fitsAPage = height - SECTION_GAP <= flow.bottom - top;
    if (y + height > flow.bottom && (fitsAPage || y + 80 > flow.bottom)) y = newPage();
    else y += SECTION_GAP;
    y = heading(doc, title, MARGIN, y);
    y = drawTable(flow, columns, rows, y, empty);
  };
  const section = (title: string, labels: TableColumn[], rows: string[][]) => place(title, columnsWith(doc, labels, rows, width), rows);
  const placeShared = (s: PdfSection) => place(s.title, s.columns.map((c) => ({ ...c, width: c.width * width })), s.rows, s.empty);
  // the cover's tables under its facts (onto the next pages when they do not fit), then the summary on a page of its own
  for (const s of pdfCoverSections(report)) placeShared(s);
  y = drawSummary(flow, report, newPage());
  // what changed first, under the summary: what a review starts with
  const [changed, ...others] = pdfSections(report);
  placeShared(changed);
  section('By queue', [{ title: 'Queue', width: 120, align: 'left' }, { title: 'Channel', width: 50, align: 'left' }], report.queues.map((q) => [q.queue, CHANNEL_LABEL[q.channel], ...figureCells(q)]));
  section('By channel', [{ title: 'Channel', width: 170, align: 'left' }], report.channels.map((c) => [CHANNEL_LABEL[c.channel], ...figureCells(c)]));
  section('By day', [{ title: 'Day', width: 120, align: 'left' }, { title: 'Channel', width: 50, align: 'left' }], report.days.map((d) => [`${dayLabel(d.day)} ${d.day.slice(0, 4)}`, CHANNEL_LABEL[d.channel], ...figureCells(d)]));
  for (const s of pdfStaffingSections(report)) placeShared(s);
  for (const h of heatmapCharts(report)) {
    if (y + SECTION_GAP + HEADING_HEIGHT + h.height > flow.bottom) y = newPage();
    else y += SECTION_GAP;
    y = heading(doc, h.title, MARGIN, y);
    drawSvg(doc, chartSvg(h.option, width, h.height), MARGIN, y, width, h.height);
    doc.font(fontName('latin', 'regular')).fontSize(7.5);
    for (const l of heatmapLabels(h, MARGIN, y, width)) {
      doc.fillColor(l.color).text(l.text, l.cx - 20, l.cy + 2.7, { width: 40, align: 'center', lineBreak: false, baseline: 'alphabetic' });
    }
    y += h.height;
  }
  for (const s of others) placeShared(s);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    drawHeaderFooter(doc, report, o, i + 1, range.count);
  }
  doc.end();
  return done;
}
