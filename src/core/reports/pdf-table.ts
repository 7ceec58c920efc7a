/**
 * Tables for the PDF report that break across pages: a row that would cross the page's bottom goes to the next
 * page, under the header row drawn again. A cell is one line (text cut with an ellipsis to its column); header
 * titles may take two lines. Figures are right-aligned, so the digits of a column line up.
 */
import { drawText, fontName, type TextStyle } from './pdf-text';

export interface TableColumn {
  title: string;
  width: number;
  align: 'left' | 'right';
}

/** Where the page's content goes, and how to get a fresh page: the top of its content. */
export interface PageFlow {
  doc: PDFKit.PDFDocument;
  left: number;
  width: number;
  bottom: number;
  newPage: () => number;
}

export const CELL_SIZE = 7.5;
export const HEAD_SIZE = 7;
const CELL: TextStyle = { size: CELL_SIZE };
const HEAD: TextStyle = { size: HEAD_SIZE, bold: true, color: '#46505d' };
const ROW_HEIGHT = 13;
const HEAD_LINE = 8.5;
const PAD = 3;
const STRIPE = '#f3f5f8';
const RULE = '#c3ccd7';

/** Wraps a title into lines that fit the width, at most three (a word longer than the width stays whole). */
function titleLines(doc: PDFKit.PDFDocument, title: string, width: number): string[] {
  doc.font(fontName('latin', 'bold')).fontSize(HEAD.size);
  const lines: string[] = [];
  for (const word of title.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && (doc.widthOfString(`${lines[last]} ${word}`) <= width || lines.length === 3)) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

function headerHeight(doc: PDFKit.PDFDocument, columns: readonly TableColumn[]): number {
  const lines = Math.max(...columns.map((c) => titleLines(doc, c.title, c.width - 2 * PAD).length));
  return lines * HEAD_LINE + 2 * PAD + 1;
}

function drawHeader(flow: PageFlow, columns: readonly TableColumn[], y: number): number {
  const { doc } = flow;
  const height = headerHeight(doc, columns);
  let x = flow.left;
  for (const c of columns) {
    const lines = titleLines(doc, c.title, c.width - 2 * PAD);
    // titles sit on the header's bottom, so one-line titles line up with the second line of two-line ones
    lines.forEach((line, i) => {
      const baseline = y + height - PAD - 2 - (lines.length - 1 - i) * HEAD_LINE;
      drawText(doc, line, x + PAD, baseline, HEAD, { width: c.width - 2 * PAD, align: c.align });
    });
    x += c.width;
  }
  doc.moveTo(flow.left, y + height).lineTo(flow.left + tableWidth(columns), y + height).lineWidth(0.75).strokeColor(RULE).stroke();
  return y + height;
}

/** The height of the whole table on one page. */
export const tableHeight = (doc: PDFKit.PDFDocument, columns: readonly TableColumn[], rows: number): number => headerHeight(doc, columns) + Math.max(1, rows) * ROW_HEIGHT;

const tableWidth = (columns: readonly TableColumn[]) => columns.reduce((w, c) => w + c.width, 0);

/**
 * Draws the table from `y` on, breaking pages as needed; returns the y under its last row. An empty table shows
 * one row saying so.
 */
export function drawTable(flow: PageFlow, columns: readonly TableColumn[], rows: readonly string[][], y: number, empty = 'No contact in this period.'): number {
  const { doc } = flow;
  // the header and at least one row together: a header alone at the foot of a page reads as a lost table
  if (y + headerHeight(doc, columns) + ROW_HEIGHT > flow.bottom) y = flow.newPage();
  y = drawHeader(flow, columns, y);
  if (rows.length === 0) {
    drawText(doc, empty, flow.left + PAD, y + ROW_HEIGHT - 4, { ...CELL, color: '#46505d' });
    return y + ROW_HEIGHT;
  }
  rows.forEach((row, r) => {
    if (y + ROW_HEIGHT > flow.bottom) y = drawHeader(flow, columns, flow.newPage());
    if (r % 2 === 1) doc.rect(flow.left, y, tableWidth(columns), ROW_HEIGHT).fill(STRIPE);
    let x = flow.left;
    columns.forEach((c, i) => {
      drawText(doc, row[i] ?? '', x + PAD, y + ROW_HEIGHT - 3.8, CELL, { width: c.width - 2 * PAD, align: c.align });
      x += c.width;
    });
    y += ROW_HEIGHT;
  });
  doc.moveTo(flow.left, y).lineTo(flow.left + tableWidth(columns), y).lineWidth(0.5).strokeColor(RULE).stroke();
  return y;
}
