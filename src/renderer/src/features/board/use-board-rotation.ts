/**
 * Which page of a board shows: each page for its dwellSeconds, then the next. On a board that jumps on breach,
 * while some page shows a breaching standard the rotation runs over those pages only, so the breach stays on
 * screen until it clears (the page it was on is left for it at once). Timers are the browser's, so tests drive it
 * with fake timers.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FloorSnapshot } from '../../../../shared/api';
import type { Board } from '../../../../shared/boards';
import { breachingPages } from './board-verdict';

export function useBoardRotation(board: Board, snapshot: FloorSnapshot | null): number {
  const [index, setIndex] = useState(0);
  const breaching = breachingPages(board.pages, board.jumpOnBreach ? snapshot : null);
  const key = breaching.join(',');
  // the pages in turn: the breaching ones while any breaches
  const cycle = useMemo(() => (key === '' ? board.pages.map((_, i) => i) : key.split(',').map(Number)), [key, board.pages]);
  const current = index < board.pages.length ? index : 0;
  const shown = cycle.includes(current) ? current : cycle[0];

  useEffect(() => {
    if (shown !== current) setIndex(shown);
  }, [shown, current]);

  const dwellMs = (board.pages[shown]?.dwellSeconds ?? 0) * 1000;
  useEffect(() => {
    if (cycle.length < 2 || dwellMs <= 0) return;
    const timer = setTimeout(() => setIndex(cycle[(cycle.indexOf(shown) + 1) % cycle.length]), dwellMs);
    return () => clearTimeout(timer);
  }, [cycle, shown, dwellMs]);

  return shown;
}
