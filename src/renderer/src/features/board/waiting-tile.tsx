/**
 * Who waits longest: the contacts whose first-response deadline falls within 15 minutes (at risk) first, then
 * each queue with someone waiting, oldest wait first. The snapshot carries queues' waits, not single contacts, so
 * a row is a queue ("Billing · 3 waiting", longest 2:15), or a channel's contacts at risk of their deadline.
 */
import type { FloorSnapshot } from '../../../../shared/api';
import type { BoardTile } from '../../../../shared/boards';
import { formatCount, formatDuration, formatHourMinute } from '../../../../shared/format';
import { CHANNEL_LABEL } from '../floor/channels';
import { BoardTileFrame } from './board-tile-frame';
import { FitList, type FitRow } from './fit-list';

function waitingRows(snapshot: FloorSnapshot): FitRow[] {
  const timeZone = snapshot.center.timeZone;
  const atRisk: FitRow[] = (snapshot.standards?.atRisk ?? [])
    .filter((r) => r.count > 0)
    .map((r) => ({
      key: `risk:${r.standardId}:${r.channel}`,
      icon: '▲',
      tone: 'warn',
      label: `${CHANNEL_LABEL[r.channel]} · ${formatCount(r.count)} at risk`,
      figure: r.nextDeadline === null ? undefined : `by ${formatHourMinute(r.nextDeadline, timeZone)}`,
    }));
  const queues: FitRow[] = snapshot.queues
    .filter((q) => q.waitingNow > 0)
    .sort((a, b) => b.longestWaitNowSeconds - a.longestWaitNowSeconds)
    .map((q) => ({
      key: `queue:${q.name}`,
      icon: q.longestWaitNowSeconds > q.thresholdSeconds ? '▲' : undefined,
      tone: q.longestWaitNowSeconds > q.thresholdSeconds ? 'warn' : undefined,
      label: `${q.name} · ${formatCount(q.waitingNow)} waiting`,
      figure: formatDuration(q.longestWaitNowSeconds),
    }));
  return [...atRisk, ...queues];
}

export function WaitingTile({ snapshot, tile }: { snapshot: FloorSnapshot; tile: BoardTile }) {
  return (
    <BoardTileFrame tile={tile} title={tile.title ?? 'Longest waiting'}>
      <FitList rows={waitingRows(snapshot)} empty="Nobody waiting" testId="board-waiting-list" />
    </BoardTileFrame>
  );
}
