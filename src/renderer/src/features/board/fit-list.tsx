/**
 * A list that never scrolls: the rows that fit its box (use-fit-rows.ts), then "+N more" on the last line. Each
 * row is a label and a figure, sized from the list's own box (a size container), so the rows read the same on a
 * 720p screen and a 4K one.
 */
import { useRef, type ReactNode } from 'react';
import { useFitRows, visibleRows } from './use-fit-rows';

export interface FitRow {
  key: string;
  icon?: string;
  label: ReactNode;
  figure?: ReactNode;
  tone?: 'ok' | 'warn' | 'alert' | 'idle';
}

/** `total`: how many rows the list stands for, when `rows` holds only the first of them (the host's cut). */
export function FitList({ rows, total = rows.length, empty, testId }: { rows: readonly FitRow[]; total?: number; empty: string; testId: string }) {
  const box = useRef<HTMLUListElement>(null);
  const fit = useFitRows(box);
  const shown = Math.min(visibleRows(total, fit).shown, rows.length);
  const more = total - shown;
  return (
    <ul className="board-list" ref={box} style={{ ['--rows' as string]: fit }} data-testid={testId} data-rows={fit}>
      {rows.length === 0 && <li className="board-list__empty">{empty}</li>}
      {rows.slice(0, shown).map((row) => (
        <li key={row.key} className={`board-list__row${row.tone ? ` board-list__row--${row.tone}` : ''}`}>
          {row.icon && (
            <span className="board-list__icon" aria-hidden="true">
              {row.icon}
            </span>
          )}
          <span className="board-list__label">{row.label}</span>
          {row.figure != null && <span className="board-list__figure">{row.figure}</span>}
        </li>
      ))}
      {more > 0 && (
        <li className="board-list__more" data-testid="board-more">
          +{formatMore(more)} more
        </li>
      )}
    </ul>
  );
}

const formatMore = (n: number): string => n.toLocaleString('en-US');
