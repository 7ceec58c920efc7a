/**
 * The two tiles that carry text rather than figures: the open alerts, one line each, rolling slowly upwards when
 * more are open than fit (never a scroll bar), and a supervisor's message, running sideways when it is longer than
 * its line. Movement is a CSS animation of a doubled track, so it loops without a jump and costs no script.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { FloorSnapshot } from '../../../../shared/api';
import type { BoardTile } from '../../../../shared/boards';
import { formatHourMinute } from '../../../../shared/format';
import { formatFigure } from '../standards/standard-look';
import { BoardTileFrame } from './board-tile-frame';
import { useFitRows } from './use-fit-rows';
import { STANDARD_METRICS } from '../../../../shared/standards';

/** Seconds each line or each 10 characters takes to pass: slow enough to read from across the floor. */
const SECONDS_PER_LINE = 4;
const SECONDS_PER_10_CHARS = 2.5;
/** Before layout (and in tests): a message longer than this runs. */
const FALLBACK_LINE_CHARS = 60;

function alertLine(snapshot: FloorSnapshot, alert: FloorSnapshot['alerts']['open'][number]): string {
  const metric = snapshot.standards?.definitions?.[alert.standardId]?.metric;
  const figure = metric && metric in STANDARD_METRICS ? ` ${formatFigure(alert.figure, STANDARD_METRICS[metric].unit)}` : '';
  const where = alert.queue ?? alert.channel ?? 'center';
  return `${alert.standardName} · ${where}${figure} since ${formatHourMinute(alert.breachStartedAt, snapshot.center.timeZone)}`;
}

export function AlertsTile({ snapshot, tile }: { snapshot: FloorSnapshot; tile: BoardTile }) {
  const box = useRef<HTMLDivElement>(null);
  const fit = useFitRows(box);
  const lines = snapshot.alerts.open.map((a) => ({ key: String(a.id), text: alertLine(snapshot, a) }));
  const rolling = lines.length > fit;
  const line = (l: { key: string; text: string }, copy: string) => (
    <li key={copy + l.key} className="board-ticker__line" aria-hidden={copy === 'b' ? true : undefined}>
      <span className="board-ticker__icon" aria-hidden="true">
        ✖
      </span>
      <span className="board-ticker__text">{l.text}</span>
    </li>
  );
  return (
    <BoardTileFrame tile={tile} title={tile.title ?? `Alerts · ${lines.length} open`}>
      <div className="board-ticker board-ticker--up" ref={box} style={{ ['--rows' as string]: fit }} data-testid="board-alerts" data-rolling={rolling}>
        {lines.length === 0 ? (
          <p className="board-ticker__calm">
            <span aria-hidden="true">✓</span> No open alerts
          </p>
        ) : (
          <ul className="board-ticker__track" style={rolling ? { animationDuration: `${lines.length * SECONDS_PER_LINE}s` } : undefined}>
            {lines.map((l) => line(l, 'a'))}
            {rolling && lines.map((l) => line(l, 'b'))}
          </ul>
        )}
      </div>
    </BoardTileFrame>
  );
}

export function MessageTile({ tile }: { tile: BoardTile }) {
  const box = useRef<HTMLDivElement>(null);
  const text = tile.text ?? '';
  const [long, setLong] = useState(text.length > FALLBACK_LINE_CHARS);
  useLayoutEffect(() => {
    const element = box.current;
    // measured once laid out: the first copy of the text against the box it runs in
    const first = element?.firstElementChild?.firstElementChild as HTMLElement | null | undefined;
    if (element && first && element.clientWidth > 0) setLong(first.offsetWidth > element.clientWidth);
  }, [text]);
  return (
    <BoardTileFrame tile={tile} title={tile.title ?? 'Message'}>
      <div className="board-ticker board-ticker--side" ref={box} data-testid="board-message" data-rolling={long}>
        <p className="board-ticker__track" style={long ? { animationDuration: `${Math.max(8, (text.length / 10) * SECONDS_PER_10_CHARS)}s` } : undefined}>
          <span>{text}</span>
          {long && <span aria-hidden="true">{text}</span>}
        </p>
      </div>
    </BoardTileFrame>
  );
}
