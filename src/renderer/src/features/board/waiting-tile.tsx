/**
 * Who waits longest: the channels whose first-response deadlines fall within 15 minutes (at risk) first, then the
 * single contacts waiting longest, oldest first ("Billing · voice" 3m 07s), marked once past their queue's T. A
 * row never names the customer or the contact's id: the snapshot carries neither.
 */
import type { FloorSnapshot } from '../../../../shared/api';
import type { BoardTile } from '../../../../shared/boards';
import { formatCount, formatDuration, formatHourMinute } from '../../../../shared/format';
import { CHANNEL_LABEL } from '../floor/channels';
import { BoardTileFrame } from './board-tile-frame';
import { FitList, type FitRow } from './fit-list';

function waitingRows(snapshot: FloorSnapshot): { rows: FitRow[]; total: number } {
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
  const contacts: FitRow[] = snapshot.longestWaiting.contacts.map((c, i) => {
    const late = c.waitingSeconds > c.thresholdSeconds;
    return {
      key: `contact:${i}`,
      icon: late ? '▲' : undefined,
      tone: late ? 'warn' : undefined,
      label: `${c.queue} · ${CHANNEL_LABEL[c.channel]}`,
      figure: formatDuration(c.waitingSeconds),
    };
  });
  // the host sends the first contacts only: the rest are counted in "+N more"
  return { rows: [...atRisk, ...contacts], total: atRisk.length + snapshot.longestWaiting.total };
}

export function WaitingTile({ snapshot, tile }: { snapshot: FloorSnapshot; tile: BoardTile }) {
  return (
    <BoardTileFrame tile={tile} title={tile.title ?? 'Longest waiting'}>
      <FitList {...waitingRows(snapshot)} empty="Nobody waiting" testId="board-waiting-list" />
    </BoardTileFrame>
  );
}
