/**
 * The families a window of contacts reports beside responsiveness (ContactMetrics): handling, customer outcomes and
 * agent time. Part of the one API contract (src/shared/api.ts builds MetricsRow from it and re-exports it). Each
 * figure is null without a basis, and comes with its basis; one definition each, in docs/metrics.md and
 * src/core/metrics/outcome-metrics.ts and agent-metrics.ts.
 */
export interface FamilyMetrics {
  /** Contacts answered and done (wrap-up over, else ended) by the window end: AHT's basis. */
  handled: number;
  /** AHT: mean handle time (answer to done) over `handled`, seconds. */
  ahtSeconds: number | null;
  /** Survey answers with a CSAT (1-5). */
  csatAnswers: number;
  /** CSAT: the share of `csatAnswers` of 4 or 5 (0-1). */
  csat: number | null;
  /** Survey answers with an NPS (0-10). */
  npsAnswers: number;
  /** NPS: % promoters (9-10) - % detractors (0-6) of `npsAnswers`, a score from -100 to 100. */
  nps: number | null;
  /** Contacts resolved by the window end: FCR's basis. */
  resolved: number;
  /** FCR: the share of `resolved` resolved on the first contact (0-1). */
  fcr: number | null;
  /**
   * Agent time in the window: available + on a contact + after-contact work + not ready, seconds (the agents with
   * capacity on the channel for a channel). Null where the grouping has no agent time: a queue (agents are not
   * assigned to queues), or a scope that names queues.
   */
  staffedSeconds: number | null;
  /** (on a contact + after-contact work) / (that + available) over the agent time; null without such time. */
  occupancy: number | null;
  /** Not ready / staffed over the agent time; null without staffed time. */
  notReadyShare: number | null;
}
