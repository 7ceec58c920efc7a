/**
 * Drill-down: the contacts and intervals behind one cell of the standards matrix, computed with the same
 * classification as the cell (contact-metrics.ts), so a supervisor can check a figure contact by contact.
 */
import type { Channel, ServiceLevelFormula } from '../../shared/api';
import type { DrillContact, DrillDown } from '../../shared/standards';
import { addToTally, classifyContact, emptyTally, metricsFromTally, type Classification, type ContactTally } from '../metrics/contact-metrics';
import { DEFAULT_SHORT_ABANDON_SECONDS, type Contact } from '../model/types';
import { nextResponseWaits } from '../metrics/responses';
import { intervalStart } from '../time/business-day';
import { contactRules, evaluateStandards, type FloorFacts } from './evaluate';
import type { Standard, StandardsSet } from './standard';

const MAX_CONTACTS = 300;
const CONTACT_METRICS = new Set(['service-level', 'asa', 'abandon-rate', 'first-response-within', 'first-response-time', 'max-wait', 'wait-p50', 'wait-p90', 'csat', 'nps', 'fcr', 'resolution-time', 'next-response-time']);

/** Whether a contact counts as served within T by a formula: true or false where it is in the denominator, else null. */
function slMet(formula: ServiceLevelFormula, k: Classification): boolean | null {
  switch (k.outcome) {
    case 'answered':
      return k.withinThreshold;
    case 'abandoned':
      if (formula === 'asterisk') return null;
      if (formula === 'asterisk-sl2' || formula === 'connect') return k.resolvedWithinThreshold;
      return k.shortAbandon && formula !== 'genesys' ? null : false;
    case 'left':
      return formula === 'connect' ? k.resolvedWithinThreshold : formula === 'genesys' || formula === 'talkdesk' ? false : null;
    case 'waiting':
      return formula === 'talkdesk' ? false : null;
  }
}

/**
 * How one contact counts in a standard's figure: true or false where it is in the figure's denominator (met or
 * missed), null where it is not (or the figure is an average with no pass or fail).
 */
function metOf(s: Standard, c: Contact, k: Classification, at: number, deadline: number): boolean | null {
  switch (s.metric) {
    case 'service-level':
      return slMet(s.options.formula ?? 'floorboard', k);
    case 'first-response-within': {
      if (c.channel === 'voice') return null;
      const within = c.firstResponseAt !== null && c.firstResponseAt <= at && c.firstResponseAt <= deadline;
      return within ? true : at > deadline ? false : null;
    }
    case 'abandon-rate':
      if (k.outcome === 'answered') return true;
      if (k.outcome === 'abandoned') return k.shortAbandon ? null : false;
      return k.outcome === 'left' && s.options.leftCountsAsAbandoned ? false : null;
    case 'csat':
      return c.csat == null ? null : c.csat >= 4;
    case 'nps':
      return c.nps == null ? null : c.nps >= 9 ? true : c.nps <= 6 ? false : null; // passives count in neither
    case 'fcr':
      return c.resolvedAt == null || c.resolvedAt > at ? null : Boolean(c.firstContactResolution);
    default:
      return null;
  }
}

/** Whether a contact is part of an average's figure (ASA, response and resolution times, waits). */
function inAverage(s: Standard, c: Contact, k: Classification, at: number, nextWaits: number[]): boolean {
  switch (s.metric) {
    case 'asa':
      return k.outcome === 'answered';
    case 'first-response-time':
      return k.firstResponseMs !== null;
    case 'next-response-time':
      return nextWaits.length > 0;
    case 'resolution-time':
      return c.resolvedAt != null && c.resolvedAt <= at;
    case 'wait-p50':
    case 'wait-p90':
      return k.outcome !== 'waiting';
    case 'max-wait':
      return true;
    default:
      return false;
  }
}

export function drillDown(set: StandardsSet, version: number, standardId: string, key: string, facts: FloorFacts): DrillDown | null {
  const s = set.standards.find((x) => x.id === standardId);
  if (!s) return null;
  // read once: the cell's evaluation and the listing below go over the same contacts
  const f: FloorFacts = { ...facts, contacts: [...facts.contacts] };
  const cell = evaluateStandards({ ...set, standards: [s] }, version, f).results.find((r) => r.key === key);
  if (!cell) return null;
  const from = cell.windowStart;
  const to = f.now;
  const inScope = (c: Contact) =>
    key === 'center' ? true : key.startsWith('queue:') ? c.queue === key.slice(6) : c.channel === (key as Channel);
  const rules = contactRules(set, f.queues);
  const shortAbandonMs = (s.options.shortAbandonSeconds ?? DEFAULT_SHORT_ABANDON_SECONDS) * 1000;
  const bucketMinutes = to - from > 36 * 3600_000 ? 24 * 60 : to - from > 6 * 3600_000 ? 60 : f.intervalMinutes;
  const buckets = new Map<number, { tally: ContactTally; met: number; missed: number; counted: number; answers: number; resolved: number; resolutionMs: number; nextResponses: number; nextResponseMs: number }>();
  const bots = s.options.botRepliesCount === true;
  const rows: DrillContact[] = [];
  let total = 0;
  const contactMetric = CONTACT_METRICS.has(s.metric);
  for (const stored of contactMetric ? f.contacts : []) {
    if (stored.queuedAt < from || stored.queuedAt >= to || !inScope(stored)) continue;
    total++;
    const c = rules.asCounted(s, stored);
    const k = classifyContact(c, { thresholdMs: rules.thresholdSeconds(s, c) * 1000, shortAbandonMs, at: to });
    const met = metOf(s, c, k, to, rules.deadline(s, c));
    const nextWaits = c.channel === 'voice' ? [] : nextResponseWaits(c, bots, to);
    const nextMs = nextWaits.reduce((n, w) => n + w, 0);
    rows.push({
      id: c.id, channel: c.channel, queue: c.queue, queuedAt: c.queuedAt, outcome: k.outcome, waitSeconds: k.waitMs / 1000, met,
      inFigure: met !== null || inAverage(s, c, k, to, nextWaits),
      firstResponseSeconds: k.firstResponseMs === null ? null : k.firstResponseMs / 1000,
      nextResponses: nextWaits.length,
      nextResponseSeconds: nextWaits.length ? nextMs / nextWaits.length / 1000 : null,
    });
    const start = bucketMinutes >= 1440 ? intervalStart(c.queuedAt, 1440, f.timeZone) : intervalStart(c.queuedAt, bucketMinutes, f.timeZone);
    let b = buckets.get(start);
    if (!b) buckets.set(start, (b = { tally: emptyTally(), met: 0, missed: 0, counted: 0, answers: 0, resolved: 0, resolutionMs: 0, nextResponses: 0, nextResponseMs: 0 }));
    addToTally(b.tally, k);
    b.nextResponses += nextWaits.length;
    b.nextResponseMs += nextMs;
    if (met !== null) {
      b.counted++;
      if (met) b.met++;
      else b.missed++;
    }
    if (c.nps != null) b.answers++;
    if (c.resolvedAt != null && c.resolvedAt <= to) {
      b.resolved++;
      b.resolutionMs += Math.max(0, c.resolvedAt - c.queuedAt);
    }
  }
  rows.sort((a, b) => Number(a.met !== false) - Number(b.met !== false) || b.waitSeconds - a.waitSeconds);
  const intervals = contactMetric
    ? [...buckets.entries()]
        .sort(([a], [b]) => a - b)
        .map(([start, b]) => {
          const m = metricsFromTally(b.tally, 0, s.options.formula ?? 'floorboard');
          const figure =
            s.metric === 'service-level' ? m.serviceLevel
            : s.metric === 'asa' ? m.asaSeconds
            : s.metric === 'abandon-rate' ? m.abandonRate
            : s.metric === 'first-response-within' || s.metric === 'csat' || s.metric === 'fcr' ? (b.counted ? b.met / b.counted : null)
            : s.metric === 'nps' ? (b.answers ? ((b.met - b.missed) / b.answers) * 100 : null)
            : s.metric === 'resolution-time' ? (b.resolved ? b.resolutionMs / b.resolved / 1000 : null)
            : s.metric === 'first-response-time' ? m.avgFirstResponseSeconds
            : s.metric === 'next-response-time' ? (b.nextResponses ? b.nextResponseMs / b.nextResponses / 1000 : null)
            : m.longestWaitSeconds;
          return { start, volume: b.tally.offered, figure };
        })
    : [];
  return {
    standardId,
    key,
    from,
    to,
    total,
    contacts: rows.slice(0, MAX_CONTACTS),
    intervals,
    intervalMinutes: bucketMinutes,
    note: contactMetric ? null : 'a figure of agent time or of the floor now: no contacts or intervals behind it',
  };
}
