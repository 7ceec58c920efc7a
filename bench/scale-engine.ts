/**
 * Run by bench/scale-run.ts as a child in the checkout measured (copied into a compared revision's worktree):
 * the engine opened on an imported week as the CLI and host open it, then the earlier issues' in-process figures
 * on it: the tick (snapshot, p50/p95 of 200), the standards evaluation (p50/p95 of 200) and a what-if of the
 * abandon-rate standard (median of 3). Prints one JSON line. Only openFloorboard and the engine's handlers are
 * used, so that an older or newer engine runs it unchanged.
 */
import { openFloorboard } from '../src/core/floorboard';

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function timed(n: number, run: () => unknown): number[] {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return times;
}

const fb = openFloorboard({ dbPath: process.argv[2], runtime: 'node', version: 'bench', center: { timeZone: 'UTC' } });
const { engine } = fb;
timed(20, () => engine.snapshot());
gc();
const tick = timed(200, () => engine.snapshot());
timed(5, () => engine.handlers['standards/evaluate']({}));
gc();
const evaluate = timed(200, () => engine.handlers['standards/evaluate']({}));
const abandon = engine.handlers['standards/get']({}).set.standards.find((s) => s.id === 'abandon-rate');
const whatIf = abandon ? percentile(timed(3, () => engine.handlers['standards/what-if']({ standard: { ...abandon, tiers: { expected: 0.12, desired: 0.1, delight: 0.05 } } })), 50) : NaN;
fb.close();
console.log(JSON.stringify({ tick: [percentile(tick, 50), percentile(tick, 95)], evaluate: [percentile(evaluate, 50), percentile(evaluate, 95)], whatIf }));
process.exit(0);
