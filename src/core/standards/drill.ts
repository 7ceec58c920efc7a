/**
 * Drill-down: the contacts and intervals behind one cell of the standards matrix, each contact judged and each
 * interval's figure computed by the cell's own definitions (contact-figures.ts), so a supervisor can check a
 * figure contact by contact.
 */
import type { Channel, ServiceLevelFormula } from '../../shared/api';
import type { DrillContact, DrillDown } from '../../shared/standards';
import type { Classification } from '../metrics/contact-metrics';
import { DEFAULT_SHORT_ABANDON_SECONDS, type Contact } from '../model/types';
import { DateTime } from 'luxon';
import { businessDayStartBefore, intervalStart } from '../time/business-day';
import { CSAT_SATISFIED_FROM, NPS_DETRACTOR_TO, NPS_PROMOTER_FROM, addJudged, contactRules, groupFigure, judgeContact } from './contact-figures';
import { evaluateStandards, type FloorFacts } from './evaluate';
import { group, type Group, type Judged } from './evaluation-cache';
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
function metOf(s: Standard, j: Judged): boolean | null {
  const { c, k } = j;
  switch (s.metric) {
    case 'service-level':
      return slMet(s.options.formula ?? 'floorboard', k);
    case 'first-response-within':
      return j.within ? true : j.breached ? false : null;
    case 'abandon-rate':
      if (k.outcome === 'answered') return true;
      if (k.outcome === 'abandoned') return k.shortAbandon ? null : false;
      return k.outcome === 'left' && s.options.leftCountsAsAbandoned ? false : null;
    case 'csat':
      return c.csat == null ? null : c.csat >= CSAT_SATISFIED_FROM;
    case 'nps':
      // passives count in neither
      return c.nps == null ? null : c.nps >= NPS_PROMOTER_FROM ? true : c.nps <= NPS_DETRACTOR_TO ? false : null;
    case 'fcr':
      return j.resolved ? Boolean(c.firstContactResolution) : null;
    default:
      return null;
  }
}

/** Whether a contact is part of an average's figure (ASA, response and resolution times, waits). */
function inAverage(s: Standard, j: Judged): boolean {
  const k = j.k;
  switch (s.metric) {
    case 'asa':
      return k.outcome === 'answered';
    case 'first-response-time':
      return k.firstResponseMs !== null;
    case 'next-response-time':
      return (j.nextWaits?.length ?? 0) > 0;
    case 'resolution-time':
      return j.resolved;
    case 'wait-p50':
    case 'wait-p90':
      return k.outcome !== 'waiting';
    case 'max-wait':
      return true;
    default:
      return false;
  }
}

/** A survey or resolution standard's reading of the contact: what it answered. */
function answerOf(s: Standard, c: Contact): string | null {
  switch (s.metric) {
    case 'csat':
      return c.csat == null ? null : `${c.csat} of 5`;
    case 'nps':
      return c.nps == null ? null : `${c.nps} of 10`;
    case 'fcr':
      return c.resolvedAt == null || c.firstContactResolution == null ? null : c.firstContactResolution ? 'on the first contact' : 'after more contacts';
    default:
      return null;
  }
}

/**
 * The business days from the one holding `from` to today's, as the center counts them: calendar days in its zone
 * (23 or 25 hours across a DST change), each from the hour today's started at (its reset hour, but on a day whose
 * reset hour fell in a spring-forward gap).
 */
function businessDays(f: FloorFacts, from: number): number[] {
  const hour = DateTime.fromMillis(f.dayStart, { zone: f.timeZone }).hour;
  const starts = [f.dayStart];
  for (let k = 1; starts[0] > from && k <= 400; k++) starts.unshift(businessDayStartBefore(f.dayStart, k, f.timeZone, hour));
  return starts;
}

/** Listing order: missed first, then the rest of the figure, then contacts it does not count. */
const rank = (r: DrillContact) => (r.met === false ? 0 : r.met === true || r.inFigure ? 1 : 2);

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
  // per interval of entry (its start as the key), the contacts judged as the cell judges them
  const buckets = new Map<string, Group>();
  const rows: DrillContact[] = [];
  let total = 0;
  const contactMetric = CONTACT_METRICS.has(s.metric);
  // day buckets are business days; shorter ones are wall-clock intervals of the zone
  const days = bucketMinutes === 24 * 60 ? businessDays(f, from) : null;
  const bucketOf = (t: number): number => {
    if (days === null) return intervalStart(t, bucketMinutes, f.timeZone);
    let i = days.length - 1;
    while (i > 0 && days[i] > t) i--;
    return days[i];
  };
  for (const stored of contactMetric ? f.contacts : []) {
    if (stored.queuedAt < from || stored.queuedAt >= to || !inScope(stored)) continue;
    total++;
    const j = judgeContact(rules, s, stored, to, shortAbandonMs, true, true);
    const { c, k } = j;
    const met = metOf(s, j);
    const nextWaits = j.nextWaits ?? [];
    rows.push({
      id: c.id, channel: c.channel, queue: c.queue, queuedAt: c.queuedAt, outcome: k.outcome, waitSeconds: k.waitMs / 1000, met,
      inFigure: met !== null || inAverage(s, j),
      firstResponseSeconds: k.firstResponseMs === null ? null : k.firstResponseMs / 1000,
      nextResponses: nextWaits.length,
      nextResponseSeconds: nextWaits.length ? nextWaits.reduce((n, w) => n + w, 0) / nextWaits.length / 1000 : null,
      answer: answerOf(s, stored),
    });
    addJudged(group(buckets, String(bucketOf(c.queuedAt))), j, 1, true, true);
  }
  rows.sort((a, b) => rank(a) - rank(b) || b.waitSeconds - a.waitSeconds);
  const intervals = [...buckets.entries()]
    .map(([start, g]) => {
      const { figure, volume } = groupFigure(s, g);
      return { start: Number(start), volume, figure };
    })
    .sort((a, b) => a.start - b.start);
  return {
    standardId,
    key,
    from,
    to,
    total,
    counted: rows.filter((r) => rank(r) < 2).length,
    contacts: rows.slice(0, MAX_CONTACTS),
    intervals,
    intervalMinutes: bucketMinutes,
    note: contactMetric ? null : 'a figure of agent time or of the floor now: no contacts or intervals behind it',
  };
}
