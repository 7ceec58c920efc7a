/**
 * Contact outcomes summed per group by SQLite in one pass (history without loading contacts: about 1 us a
 * contact), with the same classification as classifyContact (src/core/metrics/contact-metrics.ts), which
 * test/core/window-metrics.test.ts checks on random contacts.
 */
import { CSAT_SATISFIED_FROM, NPS_DETRACTOR_TO, NPS_PROMOTER_FROM } from '../metrics/outcome-metrics';
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
 * The handling and outcome sums are addOutcomes' (src/core/metrics/outcome-metrics.ts): handle time = done (wrap-up
 * end, else end) - answered when answered and done by `at`; every survey answer; resolutions by `at`.
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
              THEN max(0, c.first_response_at - c.queued_at) END AS first_response,
         CASE WHEN c.answered_at IS NOT NULL AND coalesce(c.wrapup_end_at, c.ended_at) <= @at
              THEN coalesce(c.wrapup_end_at, c.ended_at) - c.answered_at END AS handle,
         c.csat AS survey_csat, c.nps AS survey_nps,
         CASE WHEN c.resolved_at IS NOT NULL AND c.resolved_at <= @at THEN max(0, c.resolved_at - c.queued_at) END AS resolution,
         c.first_contact AS first_contact
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
       coalesce(max(CASE WHEN outcome = 0 THEN wait END), 0) AS longestWaitingMs,
       count(handle) AS handled,
       total(handle) AS handleMs,
       count(survey_csat) AS csat,
       total(survey_csat >= ${CSAT_SATISFIED_FROM}) AS satisfied,
       count(survey_nps) AS nps,
       total(survey_nps >= ${NPS_PROMOTER_FROM}) AS promoters,
       total(survey_nps <= ${NPS_DETRACTOR_TO}) AS detractors,
       count(resolution) AS resolved,
       total(resolution IS NOT NULL AND first_contact = 1) AS firstContact,
       total(resolution) AS resolutionMs
FROM k GROUP BY key ORDER BY key`;

export function contactTallyReads(db: Db): Pick<StoreReader, 'contactTallies'> {
  const tallies = db.prepare<[{ from: number; to: number; at: number; by: string; shortAbandonMs: number; thresholdSeconds: number | null }], GroupTally>(contactTalliesSql);
  return { contactTallies: (o) => tallies.all({ from: o.from, to: o.to, by: o.by, shortAbandonMs: o.shortAbandonMs, thresholdSeconds: o.thresholdSeconds ?? null, at: o.at ?? o.to }) };
}
