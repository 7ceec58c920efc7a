/**
 * Contact outcomes summed per group by SQLite in one pass (history without loading contacts: about 1 us a
 * contact), with the same classification as classifyContact (src/core/metrics/contact-metrics.ts), which
 * test/core/window-metrics.test.ts checks on random contacts.
 */
import { DEFAULT_SL_THRESHOLD_SECONDS } from '../model/types';
import type { Db } from './database';
import type { GroupTally, StoreReader } from './store';

const thresholdByChannelSql = `CASE c.channel ${Object.entries(DEFAULT_SL_THRESHOLD_SECONDS)
  .map(([ch, t]) => `WHEN '${ch}' THEN ${t}`)
  .join(' ')} END`;

/**
 * Contacts queued in [from, to), classified at `at` (the window's end) and summed per group. Outcome by
 * precedence: answered by `at`, else abandoned by `at`, else ended by `at` (left otherwise), else waiting;
 * wait = the wait the source reported with that outcome, else outcome instant (or `at`) - queued, never below 0.
 */
const contactTalliesSql = `
WITH k AS (
  SELECT CASE @by WHEN 'queue' THEN c.queue WHEN 'channel' THEN c.channel ELSE 'center' END AS key,
         CASE WHEN c.answered_at IS NOT NULL AND c.answered_at <= @at THEN 1
              WHEN c.abandoned_at IS NOT NULL AND c.abandoned_at <= @at THEN 2
              WHEN c.ended_at IS NOT NULL AND c.ended_at <= @at THEN 3
              ELSE 0 END AS outcome,
         CASE WHEN c.answered_at IS NOT NULL AND c.answered_at <= @at THEN coalesce(c.answered_wait_ms, max(0, c.answered_at - c.queued_at))
              WHEN c.abandoned_at IS NOT NULL AND c.abandoned_at <= @at THEN coalesce(c.exit_wait_ms, max(0, c.abandoned_at - c.queued_at))
              WHEN c.ended_at IS NOT NULL AND c.ended_at <= @at THEN coalesce(c.exit_wait_ms, max(0, c.ended_at - c.queued_at))
              ELSE max(0, @at - c.queued_at) END AS wait,
         coalesce(@thresholdSeconds, CASE WHEN q.channel = c.channel THEN q.sl_threshold_seconds END, ${thresholdByChannelSql}) * 1000 AS threshold,
         CASE WHEN c.first_response_at IS NOT NULL AND c.first_response_at <= @at
              THEN max(0, c.first_response_at - c.queued_at) END AS first_response
  FROM contacts c INDEXED BY contacts_queued_at LEFT JOIN queues q ON q.name = c.queue
  WHERE c.queued_at >= @from AND c.queued_at < @to AND c.channel IS NOT NULL AND c.queue IS NOT NULL
  -- LIMIT -1 (no limit) keeps k a co-routine: each row's outcome and wait are computed once, not once per use
  LIMIT -1
)
SELECT key,
       count(*) AS offered,
       total(outcome = 1) AS answered,
       total(outcome = 2) AS abandoned,
       total(outcome = 2 AND wait < @shortAbandonMs) AS shortAbandoned,
       total(outcome = 1 AND wait <= threshold) AS answeredWithinThreshold,
       total(outcome = 2 AND wait <= threshold) AS abandonedWithinThreshold,
       total(outcome = 0) AS waiting,
       total(outcome = 3) AS leftOtherwise,
       total(outcome = 3 AND wait <= threshold) AS leftWithinThreshold,
       total(CASE WHEN outcome = 1 THEN wait END) AS answeredWaitMs,
       count(first_response) AS firstResponses,
       total(first_response) AS firstResponseMs,
       coalesce(max(CASE WHEN outcome <> 0 THEN wait END), 0) AS maxResolvedWaitMs,
       coalesce(max(CASE WHEN outcome = 0 THEN wait END), 0) AS longestWaitingMs
FROM k GROUP BY key ORDER BY key`;

export function contactTallyReads(db: Db): Pick<StoreReader, 'contactTallies'> {
  const tallies = db.prepare<[{ from: number; to: number; at: number; by: string; shortAbandonMs: number; thresholdSeconds: number | null }], GroupTally>(contactTalliesSql);
  return { contactTallies: (o) => tallies.all({ from: o.from, to: o.to, by: o.by, shortAbandonMs: o.shortAbandonMs, thresholdSeconds: o.thresholdSeconds ?? null, at: o.at ?? o.to }) };
}
