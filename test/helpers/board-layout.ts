/**
 * A board page's layout, read from its element boxes in the browser: what does not fit (a scroll, a tile off the
 * screen, an element outside its tile, two tiles or a tile and the header over each other) and the largest figure
 * on it. Strings run in the page: this project's Node typecheck has no DOM types, on purpose.
 */
import type { Page } from '@playwright/test';

/** Tickers move through their box on purpose; a box under a pixel each way is rounding. */
const MISFITS = `(() => {
  const found = [];
  const root = document.documentElement;
  if (root.scrollHeight > innerHeight || root.scrollWidth > innerWidth) found.push('page scrolls: ' + root.scrollWidth + 'x' + root.scrollHeight);
  const tiles = [...document.querySelectorAll('.board-tile')];
  const named = (element, i) => (element.dataset.testid || element.className) + '#' + i;
  for (const [i, tile] of tiles.entries()) {
    const box = tile.getBoundingClientRect();
    if (box.left < 0 || box.top < 0 || box.right > innerWidth || box.bottom > innerHeight) found.push(named(tile, i) + ' off the screen');
    for (const element of tile.querySelectorAll('.board-tile__head *, .board-tile__body *')) {
      if (element.closest('.board-ticker__track')) continue;
      const r = element.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) found.push(named(tile, i) + ': ' + (element.className || element.tagName) + ' outside its tile');
    }
  }
  const boxes = [...document.querySelectorAll('.board__head'), ...tiles];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].getBoundingClientRect();
      const b = boxes[j].getBoundingClientRect();
      const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (across > 1 && down > 1) found.push(named(boxes[i], i) + ' overlaps ' + named(boxes[j], j) + ' by ' + Math.round(across) + 'x' + Math.round(down));
    }
  }
  return found;
})()`;

export const misfits = (page: Page): Promise<string[]> => page.evaluate(MISFITS);

export interface LargestFigure {
  text: string;
  /** Its font's em box, and its element's box height, in CSS pixels. */
  fontSize: number;
  boxHeight: number;
  screenHeight: number;
}

/** The figure (a text with a digit) set in the largest type on the board's tiles. */
const LARGEST_FIGURE = `(() => {
  let best = null;
  for (const element of document.querySelectorAll('.board-tile *')) {
    if (element.children.length > 0 || !/\\d/.test(element.textContent)) continue;
    const fontSize = parseFloat(getComputedStyle(element).fontSize);
    if (best === null || fontSize > best.fontSize) best = { text: element.textContent, fontSize, boxHeight: element.getBoundingClientRect().height };
  }
  return { ...best, screenHeight: innerHeight };
})()`;

export const largestFigure = (page: Page): Promise<LargestFigure> => page.evaluate(LARGEST_FIGURE);
