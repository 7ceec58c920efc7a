/**
 * How a standard counts one contact, and the figure a group of counted contacts gives. One definition, shared by
 * the evaluation (every cell, and its cache), the at-risk count and the drill-down (each interval and each
 * contact's row), so that a figure checked contact by contact is the figure the cell shows. docs/standards.md
 * has the definitions in words; the formulas are next to each metric below.
 */
import type { ServiceLevelFormula } from '../../shared/api';
import type { StandardsSet } from '../../shared/standards';
import { addToTally, classifyContact, handleTimeMs, metricsFromTally } from '../metrics/contact-metrics';
import { addOutcomes, CSAT_SATISFIED_FROM, csatShare, fcrShare, npsScore, resolutionSecondsOf, resolvedBy } from '../metrics/outcome-metrics';
import { percentileOfGrowing } from '../metrics/percentile';
import { firstResponseOf, nextResponseWaits } from '../metrics/responses';
import { SERVICE_LEVEL_VARIANTS } from '../metrics/service-level';
import { contactThresholdSeconds, type Contact, type QueueConfig } from '../model/types';
import { formatDuration, formatThreshold } from '../../shared/format';
import { BusinessHours } from '../time/business-hours';
import type { Group, Judged } from './evaluation-cache';
import type { Standard } from './standard';

export { CSAT_SATISFIED_FROM, NPS_DETRACTOR_TO, NPS_PROMOTER_FROM } from '../metrics/outcome-metrics';

/** Seconds as a basis text shows them: the one duration form of the floor and the reports. */
export const secs = (v: number): string => formatDuration(v);

/**
 * How a standard judges one contact, shared by the evaluation, the at-risk count and the drill-down so that they
 * never disagree: its T (the standard's, else the queue's, else the channel's default), the calendar of its queue
 * or channel, and its first-response deadline (T after queuing, in business time when the clock says so).
 */
export function contactRules(set: StandardsSet, queues: readonly QueueConfig[]) {
  const queueOf = new Map(queues.map((q) => [q.name, q]));
  const calendars = new Map<string, BusinessHours>();
  for (const cal of set.calendars) {
    const hours = new BusinessHours(cal);
    for (const ch of cal.channels) if (!calendars.has(ch)) calendars.set(ch, hours);
    for (const q of cal.queues) calendars.set(`queue:${q}`, hours);
  }
  const thresholdSeconds = (s: Standard, c: Contact) => s.options.thresholdSeconds ?? contactThresholdSeconds(queueOf.get(c.queue), c.channel);
  const calendarOf = (c: Contact) => calendars.get(`queue:${c.queue}`) ?? calendars.get(c.channel) ?? null;
  return {
    queueOf,
    calendars,
    thresholdSeconds,
    /** The contact as the standard reads it: its first response counting bot replies when the standard says so. */
    asCounted: (s: Standard, c: Contact): Contact =>
      s.options.botRepliesCount === true && c.firstAutoResponseAt != null ? { ...c, firstResponseAt: firstResponseOf(c, true) } : c,
    deadline(s: Standard, c: Contact): number {
      const tMs = thresholdSeconds(s, c) * 1000;
      return (s.options.clock === 'business' ? calendarOf(c)?.addBusinessMs(c.queuedAt, tMs) : null) ?? c.queuedAt + tMs;
    },
  };
}

export type ContactRules = ReturnType<typeof contactRules>;

/**
 * One contact as a standard counts it at `at`: its classification with the standard's T and short-abandon
 * threshold; on async channels its first response within its deadline or breached (`deadlines`: only where a
 * first-response standard asks, as a deadline keeps a contact unsettled) and its next-response waits
 * (`keepNext`); its handle time and resolution as of `at`.
 */
export function judgeContact(rules: ContactRules, s: Standard, stored: Contact, at: number, shortAbandonMs: number, keepNext: boolean, deadlines: boolean): Judged {
  const c = rules.asCounted(s, stored);
  const k = classifyContact(c, { thresholdMs: rules.thresholdSeconds(s, c) * 1000, shortAbandonMs, at });
  let within = false;
  let breached = false;
  let nextWaits: number[] | null = null;
  let deadline = 0;
  if (c.channel !== 'voice') {
    if (deadlines) {
      deadline = rules.deadline(s, c);
      within = c.firstResponseAt !== null && c.firstResponseAt <= at && c.firstResponseAt <= deadline;
      breached = !within && at > deadline;
    }
    if (keepNext && c.turns) nextWaits = nextResponseWaits(c, s.options.botRepliesCount === true, at);
  }
  const resolved = resolvedBy(c, at);
  return { c, k, within, breached, deadline, nextWaits, handleMs: handleTimeMs(c, at), resolved };
}

/**
 * Add (sign 1) or take away (sign -1) a judged contact's figures in a group. Every figure is read from the
 * judgement, as of the instant it was judged: taking it away undoes adding it. `waits`: its wait in the waits
 * and the longest waits too (only ever added: a contact whose wait changes rebuilds its cached pass);
 * `keepWaits`: the waits are listed (for percentiles).
 */
export function addJudged(grp: Group, j: Judged, sign: 1 | -1, waits: boolean, keepWaits: boolean): void {
  const { c, k } = j;
  const max = grp.tally.maxResolvedWaitMs;
  addToTally(grp.tally, k, sign);
  if (waits) {
    if (k.outcome === 'waiting') grp.waitingMaxMs = Math.max(grp.waitingMaxMs, k.waitMs);
    else if (keepWaits) grp.waits.push(k.waitMs);
  } else grp.tally.maxResolvedWaitMs = max;
  if (j.within) grp.frWithin += sign;
  else if (j.breached) grp.frBreached += sign;
  if (j.nextWaits) for (const w of j.nextWaits) (grp.nextResponses += sign, (grp.nextResponseMs += sign * w));
  addOutcomes(grp, c, j.handleMs, j.resolved, sign);
}

/** A contact metric's figure over a group (null: nothing to measure), what it is made of, and its volume. */
export interface GroupFigure {
  figure: number | null;
  basis: string;
  volume: number;
}

/** The figure of a standard of a contact metric over a group of contacts judged by it. */
export function groupFigure(s: Standard, g: Group): GroupFigure {
  const t = g.tally;
  const T = s.options.thresholdSeconds;
  const tText = T === undefined ? 'the queue\'s T' : formatThreshold(T);
  const fig = (figure: number | null, basis: string, volume: number): GroupFigure => ({ figure, basis, volume });
  switch (s.metric) {
    case 'service-level': {
      // answered within T / the formula's denominator (service-level.ts)
      const formula: ServiceLevelFormula = s.options.formula ?? 'floorboard';
      const m = metricsFromTally(t, 0, formula);
      return fig(m.serviceLevel, `${t.answeredWithinThreshold} answered within ${tText} of ${t.offered} offered (${SERVICE_LEVEL_VARIANTS[formula].definition})`, t.offered);
    }
    case 'asa':
      // sum of answered waits / answered
      return fig(t.answered ? t.answeredWaitMs / t.answered / 1000 : null, `mean wait of ${t.answered} answered`, t.answered);
    case 'abandon-rate': {
      // (abandoned - short abandons [+ left]) / (answered + abandoned - short abandons [+ left])
      const left = s.options.leftCountsAsAbandoned ? t.leftOtherwise : 0;
      const den = t.answered + t.abandoned + left - t.shortAbandoned;
      const num = t.abandoned + left - t.shortAbandoned;
      return fig(den > 0 ? num / den : null, `${num} abandoned of ${den} (short abandons excluded${left ? ', left counted as abandoned' : ''})`, den);
    }
    case 'wait-p50':
    case 'wait-p90': {
      // nearest-rank percentile of the waits of contacts out of the queue; the cached buckets' waits only grow
      // (a changed wait rebuilds the pass): a day's keep a sorted copy
      const v = percentileOfGrowing(g.waitParts, [g.waits], s.metric === 'wait-p50' ? 0.5 : 0.9);
      const n = g.waitParts.reduce((m, w) => m + w.length, g.waits.length);
      return fig(v === null ? null : v / 1000, `${s.metric === 'wait-p50' ? 'median' : '90th percentile'} of ${n} waits`, n);
    }
    case 'max-wait': {
      // the longest wait, out of the queue or still waiting
      const v = Math.max(t.maxResolvedWaitMs, g.waitingMaxMs) / 1000;
      return fig(t.offered ? v : null, `longest of ${t.offered} waits, still waiting included`, t.offered);
    }
    case 'first-response-within': {
      // within / (within + breached); a contact still inside its deadline is pending, in neither
      const den = g.frWithin + g.frBreached;
      return fig(den ? g.frWithin / den : null, `${g.frWithin} of ${den} first responses within ${tText}${s.options.clock === 'business' ? ' of business time' : ''} (${t.offered - den} still inside their deadline)`, den);
    }
    case 'first-response-time':
      return fig(t.firstResponses ? t.firstResponseMs / t.firstResponses / 1000 : null, `mean of ${t.firstResponses} first responses${s.options.botRepliesCount ? ', bot replies counted' : ''}`, t.firstResponses);
    case 'next-response-time':
      return fig(
        g.nextResponses ? g.nextResponseMs / g.nextResponses / 1000 : null,
        g.nextResponses ? `mean of ${g.nextResponses} next responses to customer messages${s.options.botRepliesCount ? ', bot replies counted' : ''}` : 'no customer follow-up answered in the window',
        g.nextResponses,
      );
    case 'csat':
      return fig(csatShare(g), `${g.satisfied} of ${g.csat} survey answers ${CSAT_SATISFIED_FROM} or ${CSAT_SATISFIED_FROM + 1} (of 5)`, g.csat);
    case 'nps':
      return fig(npsScore(g), `${g.promoters} promoters, ${g.detractors} detractors of ${g.nps} answers`, g.nps);
    case 'fcr':
      return fig(fcrShare(g), `${g.firstContact} of ${g.resolved} resolved on the first contact`, g.resolved);
    case 'resolution-time':
      return fig(resolutionSecondsOf(g), `mean of ${g.resolved} resolutions, from queue entry`, g.resolved);
    default:
      return fig(null, 'not a figure of contacts', 0);
  }
}
