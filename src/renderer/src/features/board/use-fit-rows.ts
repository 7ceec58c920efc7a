/**
 * How many list rows a tile holds: rows stay tall enough to read from 5 m (a row at least 4.5 % of the screen's
 * height, and never wider than 16 times its height so a wide tile does not get thin rows), whatever the screen
 * and the tile's spans. Measured from the list's box as it resizes; FALLBACK_ROWS before any layout (and in
 * tests, where nothing is laid out).
 */
import { useEffect, useState, type RefObject } from 'react';

const FALLBACK_ROWS = 5;
const MIN_ROW_SHARE_OF_SCREEN = 0.045;
const MAX_ROW_ASPECT = 16;

export function rowsThatFit(box: { width: number; height: number }, screenHeight: number): number {
  if (box.width <= 0 || box.height <= 0) return FALLBACK_ROWS;
  const rowHeight = Math.max(screenHeight * MIN_ROW_SHARE_OF_SCREEN, box.width / MAX_ROW_ASPECT);
  return Math.max(1, Math.min(12, Math.floor(box.height / rowHeight)));
}

export function useFitRows(ref: RefObject<HTMLElement | null>): number {
  const [rows, setRows] = useState(FALLBACK_ROWS);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver !== 'function') return;
    const measure = () => setRows(rowsThatFit({ width: element.clientWidth, height: element.clientHeight }, window.innerHeight));
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, [ref]);
  return rows;
}

/** The rows shown of `total`: all when they fit, else one fewer than fit and a last line "+N more". */
export function visibleRows(total: number, fit: number): { shown: number; more: number } {
  if (total <= fit) return { shown: total, more: 0 };
  const shown = Math.max(0, fit - 1);
  return { shown, more: total - shown };
}
