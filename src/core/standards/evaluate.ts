/**
 * Evaluating the standards on the floor: each standard's figure on its scope (a center-wide standard on the
 * center and on each channel, side by side), its tier, its attainment of the desired tier; per channel the mean
 * attainment; across channels a consistency index; the channel furthest from its targets and its main driver;
 * and per channel the staffing the load requires (Erlang C).
 *
 * Definitions (docs/standards.md):
 *   window               rolling-15m/30m/60m: [now - X, now); interval: the current interval; today: since the
 *                        business-day start; week: the last 7 business days, today included
 *   contact figures      over contacts that entered the queue in the window, outcomes as known now, with the
 *                        standard's T, short-abandon threshold and formula (contact-metrics.ts, service-level.ts)
 *   first response in T  within / (within + breached): within = first human response by the deadline (T after
 *                        queuing, in business time when clock = business), breached = none by the deadline; a
 *                        contact still inside its deadline without a response is pending and not counted
 *   wait p50/p90         nearest-rank percentile of the wait of contacts out of the queue
 *   agent figures        today's state time of agents with capacity on the channel (all agents for the center)
 *   staffing gap         Erlang C agents required for the channel's desired service level (its service-level or
 *                        first-response standard, T included) from the last 30 min of arrivals and the handle
 *                        time of contacts answered and done today, minus agents staffed (available, on contact,
 *                        wrap-up); chat by the agents' mean concurrency
 *   attainment           at-least: min(1, figure / desired); at-most: 1 when figure <= desired, else desired /
 *                        figure (a gap: staffed / (staffed + gap))
 *   consistency index    1 - sum(w |a_c - a|) / sum(w), a = sum(w a_c) / sum(w), w = contacts offered today
 *   driver               staffing when the channel lacks agents; abandons when its abandon rate misses desired;
 *                        handle time when today's AHT runs 15 % over the week's; else the standard furthest off
 *
 * Incremental (the engine's evaluations, every 5 s, with FloorFacts.cache): see cached-pass.ts.
 *
 * This file drives an evaluation: the passes over the contacts (evaluation-passes.ts), the channels' load and
 * staffing (channel-loads.ts, staffing.ts), every cell (cell-figures.ts), then what is read from the cells
 * (evaluation-summary.ts).
 */
import { CHANNELS } from '../model/types';
import type { StandardResult, StandardsEvaluation, StandardsSet } from '../../shared/standards';
import { channelLoads, loadsFromPasses } from './channel-loads';
import { columnsOf, measure, type CellInputs } from './cell-figures';
import { contactRules } from './contact-figures';
import { EvaluationCache } from './evaluation-cache';
import { createPasses } from './evaluation-passes';
import { atRiskOf, channelAttainments, consistencyAndWorst, hoursOf, notReadyByReason, serviceTargetsOf } from './evaluation-summary';
import { stillLoading, windowStart, type FloorFacts } from './floor-facts';
import { staffingNeeds } from './staffing';

export { EvaluationCache };
export type { FloorFacts };

export function evaluateStandards(set: StandardsSet, version: number, f: FloorFacts): StandardsEvaluation {
  const rules = contactRules(set, f.queues);
  const { queueOf, calendars } = rules;
  const passes = createPasses(set, f, rules);
  const loading = !f.period && stillLoading(f, f.weekStart);
  const loads = passes.timeline ? loadsFromPasses(passes.pass, passes.timeline, f, loading) : channelLoads(passes.allContacts(), f);
  // the week's handle time (a driver's yardstick) waits for the week too
  if (loading) for (const ch of CHANNELS) loads[ch].handleWeek = { ms: 0, n: 0 };
  const staffing = staffingNeeds(set, f, loads, queueOf);
  const cell: CellInputs = { f, pass: passes.pass, staffing, calendars };
  const results: StandardResult[] = [];
  for (const s of set.standards) for (const col of columnsOf(s, queueOf)) results.push(measure(s, col, cell));
  passes.finish();

  const channels = channelAttainments(results, loads);
  const { consistencyIndex, worst } = consistencyAndWorst(channels, set, results, staffing, loads);
  const atRisk = atRiskOf(set, passes.pass, (s) => !f.period && stillLoading(f, windowStart(s, f)));
  const hours = hoursOf(set, calendars, f.now);
  const definitions = Object.fromEntries(set.standards.map((s) => [s.id, { name: s.name, metric: s.metric, window: s.window }]));
  return {
    at: f.now, version, results, definitions, channels, consistencyIndex, worst, staffing, hours, atRisk,
    notReadyByReason: notReadyByReason(f.agents), serviceTargets: serviceTargetsOf(set),
    ...(loading ? { loadingFrom: f.heldFrom } : {}),
  };
}
