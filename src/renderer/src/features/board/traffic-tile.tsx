/**
 * A channel's or a queue's tile: today's service level as the big figure (at least 40 % of the tile's height),
 * waiting now and the longest wait beneath, and the verdict of its standards (board-verdict.ts). A channel or
 * queue the snapshot does not hold yet reads "—" and "no data", not an error.
 */
import type { FloorSnapshot } from '../../../../shared/api';
import type { BoardTile } from '../../../../shared/boards';
import { formatCount, formatDuration, formatPercent } from '../../../../shared/format';
import { hoursLabel, WINDOW_LABEL } from '../standards/standard-look';
import { CHANNEL_LABEL } from '../floor/channels';
import { BoardTileFrame } from './board-tile-frame';
import { trafficVerdict } from './board-verdict';

const NO_DATA = { status: 'idle', icon: '○', text: 'no data' } as const;

function trafficOf(snapshot: FloorSnapshot, tile: BoardTile) {
  if (tile.kind === 'queue') {
    const queue = snapshot.queues.find((q) => q.name === tile.queue);
    if (!queue) return null;
    const targets = snapshot.standards?.serviceTargets?.find((t) => t.channel === queue.channel);
    return { figures: queue, title: `${queue.name} · ${CHANNEL_LABEL[queue.channel]}`, verdict: trafficVerdict(snapshot, tile, queue, targets) };
  }
  const channel = snapshot.channels.find((c) => c.channel === tile.channel);
  if (!channel || !tile.channel) return null;
  const queues = snapshot.queues.filter((q) => q.channel === tile.channel);
  // the channel's shortest threshold: a contact over it is over some queue's
  const thresholdSeconds = queues.length > 0 ? Math.min(...queues.map((q) => q.thresholdSeconds)) : Infinity;
  return { figures: channel, title: CHANNEL_LABEL[tile.channel], verdict: trafficVerdict(snapshot, tile, { ...channel, thresholdSeconds }) };
}

export function TrafficTile({ snapshot, tile }: { snapshot: FloorSnapshot; tile: BoardTile }) {
  const traffic = trafficOf(snapshot, tile);
  const fallbackTitle = tile.kind === 'queue' ? (tile.queue ?? 'Queue') : tile.channel ? CHANNEL_LABEL[tile.channel] : 'Channel';
  const hours = tile.channel ? hoursLabel(snapshot.standards?.hours?.find((h) => h.channel === tile.channel), snapshot.center.timeZone) : null;
  const f = traffic?.figures;
  // the standard that sets the colour, and its window: "98%" beside "below expected" says why (a week's FCR, say)
  const cause = traffic?.verdict.cause ?? null;
  const definition = cause ? snapshot.standards?.definitions?.[cause.standardId] : undefined;
  // the window first, as the floor's tiles say it: a long name is cut at its end, not the window
  const windowWords = definition?.window ? (WINDOW_LABEL[definition.window] ?? definition.window) : null;
  const causeText = cause ? `${windowWords ? `${windowWords[0].toUpperCase()}${windowWords.slice(1)}: ` : ''}${definition?.name ?? cause.standardId}` : null;
  return (
    <BoardTileFrame tile={tile} title={tile.title ?? traffic?.title ?? fallbackTitle} verdict={traffic?.verdict ?? NO_DATA}>
      {causeText && (
        <p className="board-cause" data-testid="board-cause">
          {causeText}
        </p>
      )}
      <p className="board-big" data-testid="board-sl">
        <span className="board-big__value">{formatPercent(f?.serviceLevel)}</span>
        <span className="board-big__label">SL today</span>
      </p>
      <dl className="board-pair">
        <div>
          <dt>Waiting</dt>
          <dd data-testid="board-waiting">{formatCount(f?.waitingNow)}</dd>
        </div>
        <div>
          <dt>Longest</dt>
          <dd data-testid="board-longest">{formatDuration(f?.longestWaitNowSeconds)}</dd>
        </div>
      </dl>
      {hours?.startsWith('Closed') && <p className="board-note">{hours}</p>}
    </BoardTileFrame>
  );
}
