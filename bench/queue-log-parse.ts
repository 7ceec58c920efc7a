/**
 * The queue_log adapter alone: `parse` over about 450,000 simulated lines (3 days, scale 14) in batches of 5,000,
 * a fresh adapter each run, best of RUNS (default 3). Run: `npx tsx bench/queue-log-parse.ts` (tsx compiles with
 * keepNames, a little slower than the production build); profile with
 * `node --cpu-prof --import tsx bench/queue-log-parse.ts`.
 */
import type { SourceLine } from '../src/core/ingest/source-lines';
import { createQueueLogAdapter } from '../src/core/ingest/queue-log';
import { simulatedQueueLog } from './queue-log-gen';

const BATCH = 5000;
const RUNS = Number(process.env.RUNS ?? 3);

// Joined and split again, as a file reader gives them: flat strings, not the generator's concatenations.
const texts = simulatedQueueLog(Date.parse('2026-03-02T00:00:00Z'), 3, 14).join('\n').split('\n');
const batches: SourceLine[][] = [];
for (let i = 0; i < texts.length; i += BATCH) batches.push(texts.slice(i, i + BATCH).map((text, j) => ({ position: i + j + 1, text })));

let best = Infinity;
for (let run = 1; run <= RUNS; run++) {
  const adapter = createQueueLogAdapter({ queueChannel: () => 'voice', agentState: () => null });
  const t0 = process.hrtime.bigint();
  let results = 0;
  for (const batch of batches) results += adapter.parse(batch).length;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  best = Math.min(best, ms);
  console.log(`run ${run}: ${ms.toFixed(0)} ms, ${Math.round((texts.length / ms) * 1000).toLocaleString('en-US')} lines/s (${results} results)`);
}
console.log(`queue_log adapter: ${texts.length.toLocaleString('en-US')} lines, best ${Math.round((texts.length / best) * 1000).toLocaleString('en-US')} lines/s`);
