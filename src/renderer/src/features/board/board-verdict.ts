/**
 * How a board judges what a tile shows, in the words a floor reads from 5 m: the standards measured on the
 * tile's column decide (the weakest wins: "below expected" ✖, "below target" ▲, "on target" ✓), as on the
 * console's tiles; without standards, a queue's or channel's service level against its targets. Also which tiles
 * show a breaching standard, for a board that jumps to them.
 */
import type { FloorSnapshot } from '../../../../shared/api';
import type { BoardPage, BoardTile } from '../../../../shared/boards';
import type { StandardResult } from '../../../../shared/standards';
import { judgeStatus, type StatusVerdict } from '../floor/status';
import { standardsVerdict } from '../standards/standards-verdict';

/** The standards' column a tile shows: a channel, `queue:NAME`, or a standard tile's own key. */
function tileKey(tile: BoardTile): string | null {
  if (tile.kind === 'channel') return tile.channel ?? null;
  if (tile.kind === 'queue') return tile.queue ? `queue:${tile.queue}` : null;
  if (tile.kind === 'standard') return tile.standardKey ?? null;
  return null;
}

function resultsOf(snapshot: FloorSnapshot, tile: BoardTile): StandardResult[] {
  const key = tileKey(tile);
  const all = snapshot.standards?.results ?? [];
  return all.filter((r) => r.key === key && (tile.kind !== 'standard' || r.standardId === tile.standardId));
}

interface Traffic {
  serviceLevel: number | null;
  longestWaitNowSeconds: number;
  waitingNow: number;
  offered: number;
  thresholdSeconds: number;
}

/** A channel or queue tile's verdict: its standards if any is measured, else its service level today. */
export function trafficVerdict(snapshot: FloorSnapshot, tile: BoardTile, traffic: Traffic, targets?: { expected: number; desired: number }): StatusVerdict & { cause?: StandardResult | null } {
  const fromStandards = standardsVerdict(resultsOf(snapshot, tile));
  if (fromStandards.status !== 'idle') return fromStandards;
  const verdict = judgeStatus({
    serviceLevel: traffic.serviceLevel,
    targets,
    overThreshold: traffic.longestWaitNowSeconds > traffic.thresholdSeconds,
    hasTraffic: traffic.offered > 0 || traffic.waitingNow > 0,
  });
  // the fixed targets' alert is the expected tier's: a board names it as the standards do
  return verdict.status === 'alert' ? { ...verdict, text: 'below expected' } : verdict;
}

function tileBreaches(snapshot: FloorSnapshot, tile: BoardTile): boolean {
  return tileKey(tile) !== null && resultsOf(snapshot, tile).some((r) => r.status === 'breach');
}

/** The pages (their indexes) with a tile whose standard breaches now. */
export function breachingPages(pages: readonly BoardPage[], snapshot: FloorSnapshot | null): number[] {
  if (!snapshot?.standards) return [];
  return pages.flatMap((page, index) => (page.tiles.some((t) => tileBreaches(snapshot, t)) ? [index] : []));
}
