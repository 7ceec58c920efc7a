/**
 * Unicode text for the PDF report: each string is cut into runs by script, each run drawn in a font that has its
 * glyphs (Noto Sans for Latin, Cyrillic and Greek; Noto Sans Hebrew; Noto Naskh Arabic; Noto Sans SC, the GB2312
 * subset, for Chinese and Japanese kana), and the runs laid out left to right in the Unicode bidirectional order
 * (bidi-js): "Sales מכירות 2" has its Hebrew word right to left inside a left-to-right line.
 *
 * Inside a run, fontkit (pdfkit's font engine) shapes Arabic and reverses a run whose script is right to left, so a
 * run is handed over in logical order; this file only orders the runs and reverses the odd-level runs fontkit would
 * not (neutral characters between right-to-left words), mirroring brackets there. The PDF keeps the logical text
 * per run in its ToUnicode maps: pdftotext gives "מכירות" back, not its glyphs' visual order.
 *
 * The fonts are read once per process; pdfkit embeds only the glyphs used (a subset), so a page of Latin text
 * carries a few kilobytes of font, and the 8 MB CJK font is parsed only for a PDF that has a CJK character.
 */
import bidiFactory from 'bidi-js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type FontFace = 'latin' | 'hebrew' | 'arabic' | 'cjk';
type Weight = 'regular' | 'bold';

/** The package and the file of each face and weight (the packages export no paths: found beside their entry). */
const FONT_FILES: Record<FontFace, { pkg: string; regular: string; bold: string }> = {
  latin: { pkg: '@embedpdf/fonts-latin', regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' },
  hebrew: { pkg: '@embedpdf/fonts-hebrew', regular: 'NotoSansHebrew-Regular.ttf', bold: 'NotoSansHebrew-Bold.ttf' },
  arabic: { pkg: '@embedpdf/fonts-arabic', regular: 'NotoNaskhArabic-Regular.ttf', bold: 'NotoNaskhArabic-Bold.ttf' },
  // one weight: bold CJK would add 8.6 MB for table headers that are Latin anyway
  cjk: { pkg: '@embedpdf/fonts-sc', regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Regular.otf' },
};

// not named `require`: the desktop app's bundle declares its own `require` in the same module scope (electron-vite's ESM shim)
const packageRequire = createRequire(import.meta.url);
const fontCache = new Map<string, Buffer>();

/** The font file's bytes, read once per process. */
export function fontBytes(face: FontFace, weight: Weight): Buffer {
  const spec = FONT_FILES[face];
  const file = join(dirname(packageRequire.resolve(spec.pkg)), '..', 'fonts', spec[weight]);
  let bytes = fontCache.get(file);
  if (!bytes) {
    bytes = readFileSync(file);
    fontCache.set(file, bytes);
  }
  return bytes;
}

/** The name a face and weight is registered under in a PDF. */
export const fontName = (face: FontFace, weight: Weight) => `${face}-${weight}`;

const HEBREW = /[\u0590-\u05FF\uFB1D-\uFB4F]/;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;
/** Characters that take the face of the script around them (so an Arabic phrase stays one shaped run). */
const JOINER = /[\s\u200C\u200D\u064B-\u065F]/;

function faceOf(ch: string): FontFace {
  if (HEBREW.test(ch)) return 'hebrew';
  if (ARABIC.test(ch)) return 'arabic';
  if (CJK.test(ch)) return 'cjk';
  return 'latin';
}

export interface TextRun {
  text: string;
  face: FontFace;
  /** Drawn reversed by this file: an odd-level run that fontkit would lay out left to right. */
  reverse: boolean;
}

const bidi = bidiFactory();
/** Invisible direction marks and isolates: they steer the order, and are not drawn (the fonts have no glyph). */
const BIDI_CONTROL = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * A piece of text (a name) kept apart in the bidirectional order of the line it is put in (Unicode's first-strong
 * isolate): "מרכז · 2026-W10" would otherwise read the week's number as part of the Hebrew phrase.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/** Text that is one left-to-right Latin run as it stands (most cells: figures, dates, Latin names). */
const PLAIN = /^[\u0000-\u058F\u2010-\u2027\u2030-\u205E]*$/;

/** The runs of one line of text, in visual order (left to right). */
export function visualRuns(text: string): TextRun[] {
  if (text.length === 0) return [];
  if (PLAIN.test(text)) return [{ text, face: 'latin', reverse: false }];
  const chars = [...text];
  // bidi-js works on UTF-16 code units: map each code point to its first unit's level
  const levels = bidi.getEmbeddingLevels(text, 'auto');
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels);
  const faces = chars.map(faceOf);
  const units: number[] = [];
  let unit = 0;
  for (const ch of chars) {
    units.push(unit);
    unit += ch.length;
  }
  // a joiner between two characters of one face takes that face
  chars.forEach((ch, i) => {
    if (!JOINER.test(ch)) return;
    const before = faces.slice(0, i).reverse().find((_, k) => !JOINER.test(chars[i - 1 - k]));
    const after = faces.slice(i + 1).find((_, k) => !JOINER.test(chars[i + 1 + k]));
    if (before && before === after) faces[i] = before;
  });
  const runs: { text: string; face: FontFace; level: number }[] = [];
  chars.forEach((ch, i) => {
    if (BIDI_CONTROL.test(ch)) return;
    const level = levels.levels[units[i]];
    const shown = level % 2 === 1 ? (mirrored.get(units[i]) ?? ch) : ch;
    const last = runs[runs.length - 1];
    if (last && last.face === faces[i] && last.level === level) last.text += shown;
    else runs.push({ text: shown, face: faces[i], level });
  });
  // rule L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above
  const highest = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : r.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i].level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j].level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.map((r) => {
    const rtlScript = r.face === 'hebrew' || r.face === 'arabic';
    // fontkit reverses a Hebrew or Arabic run whatever its level: an even-level one (Arabic-Indic digits) is
    // handed over reversed so that it comes out left to right
    const reverse = (r.level % 2 === 1) !== rtlScript;
    return { text: r.text, face: r.face, reverse };
  });
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

const ELLIPSIS = '…';

function runWidth(doc: PDFKit.PDFDocument, run: TextRun, style: TextStyle): number {
  return doc.font(fontName(run.face, style.bold ? 'bold' : 'regular')).fontSize(style.size).widthOfString(run.text);
}

/** The width of a line of text as drawn. */
export function textWidth(doc: PDFKit.PDFDocument, text: string, style: TextStyle): number {
  return visualRuns(text).reduce((w, r) => w + runWidth(doc, r, style), 0);
}

/** The longest start of `text` (in logical order) that fits `width` with an ellipsis, or the text if it fits. */
function fitText(doc: PDFKit.PDFDocument, text: string, style: TextStyle, width: number): string {
  if (textWidth(doc, text, style) <= width) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(doc, chars.slice(0, mid).join('') + ELLIPSIS, style) <= width) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

/**
 * One line of text at (x, baseline y), aligned in `width` when given (cut with an ellipsis if it does not fit).
 * Returns the width drawn.
 */
export function drawText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, style: TextStyle, box?: { width: number; align: 'left' | 'right' | 'center' }): number {
  const shown = box ? fitText(doc, text, style, box.width) : text;
  const runs = visualRuns(shown);
  const width = runs.reduce((w, r) => w + runWidth(doc, r, style), 0);
  let at = x;
  if (box?.align === 'right') at = x + box.width - width;
  else if (box?.align === 'center') at = x + (box.width - width) / 2;
  doc.fillColor(style.color ?? '#0d1319');
  for (const run of runs) {
    const drawn = run.reverse ? [...run.text].reverse().join('') : run.text;
    // pdfkit lays a text out word by word and joins the words in logical order, which puts the words of a right-to-
    // left phrase in the wrong order; given features (none beyond the defaults), it lays the run out whole
    const whole = run.face === 'hebrew' || run.face === 'arabic' ? { features: [] } : {};
    doc.font(fontName(run.face, style.bold ? 'bold' : 'regular')).fontSize(style.size).text(drawn, at, y, { lineBreak: false, baseline: 'alphabetic', ...whole });
    at += runWidth(doc, run, style);
  }
  return width;
}

/** Whether a text needs the CJK font (which the PDF then registers). */
export const hasCjk = (text: string): boolean => CJK.test(text);
