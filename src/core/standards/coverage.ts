/**
 * Coverage of published hours, one definition for the live floor's coverage standard (cell-figures.ts) and the
 * report's coverage section (reports/report-coverage.ts): the open time, within [from, to), during which at least
 * `minimum` agents with capacity on the channel were staffed (available, on a contact or in wrap-up). An open
 * interval runs to `to`.
 */
import type { AgentState, Channel } from '../../shared/api';
import { STAFFED } from './staffing';

export interface CoverageInterval {
  state: AgentState;
  start: number;
  end: number | null;
  capacity: Partial<Record<Channel, number>>;
}

/** Covered open time (ms) of `open` (spans in order, within [from, to)). */
export function coveredOpenMs(intervals: Iterable<CoverageInterval>, channel: Channel, open: readonly { start: number; end: number }[], minimum: number, from: number, to: number): number {
  // staffed agents over time: +1 where a staffed interval starts, -1 where it ends
  const steps: [number, number][] = [];
  for (const i of intervals) {
    if (!STAFFED.includes(i.state) || (i.capacity[channel] ?? 0) <= 0) continue;
    const a = Math.max(from, i.start);
    const b = Math.min(to, i.end ?? to);
    if (b > a) steps.push([a, 1], [b, -1]);
  }
  steps.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let count = 0;
  let coveredMs = 0;
  let k = 0;
  for (let i = 0; i < steps.length; i++) {
    count += steps[i][1];
    const start = steps[i][0];
    const end = i + 1 < steps.length ? steps[i + 1][0] : to;
    if (count < minimum || end <= start) continue;
    while (k < open.length && open[k].end <= start) k++;
    for (let j = k; j < open.length && open[j].start < end; j++) coveredMs += Math.max(0, Math.min(end, open[j].end) - Math.max(start, open[j].start));
  }
  return coveredMs;
}
