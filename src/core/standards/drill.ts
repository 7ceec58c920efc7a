/**
 * Drill-down: the contacts and intervals behind one cell of the standards matrix, computed with the same
 * classification as the cell (contact-metrics.ts), so a supervisor can check a figure contact by contact.
 */
import type { Channel, ServiceLevelFormula } from '../../shared/api';
import type { DrillContact, DrillDown } from '../../shared/standards';
import { addToTally, classifyContact, emptyTally, metricsFromTally, type Classification, type ContactTally } from '../metrics/contact-metrics';
import { DEFAULT_SHORT_ABANDON_SECONDS, DEFAULT_SL_THRESHOLD_SECONDS, type Contact } from '../model/types';
import { intervalStart } from '../time/business-day';
import { BusinessHours } from '../time/business-hours';
import { evaluateStandards, type FloorFacts } from './evaluate';
import type { StandardsSet } from './standard';

const MAX_CONTACTS = 300;
const CONTACT_METRICS = new Set(['service-level', 'asa', 'abandon-rate', 'first-response-within', 'first-response-time', 'max-wait']);

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
  const queueT = new Map(f.queues.map((q) => [q.name, q.slThresholdSeconds]));
  const calendars = new Map<string, BusinessHours>();
  for (const cal of set.calendars) for (const ch of cal.channels) if (!calendars.has(ch)) calendars.set(ch, new BusinessHours(cal));
  const shortAbandonMs = (s.options.shortAbandonSeconds ?? DEFAULT_SHORT_ABANDON_SECONDS) * 1000;
  const bucketMinutes = to - from > 36 * 3600_000 ? 24 * 60 : to - from > 6 * 3600_000 ? 60 : f.intervalMinutes;
  const buckets = new Map<number, { tally: ContactTally; met: number; counted: number }>();
  const rows: DrillContact[] = [];
  let total = 0;
  for (const c of f.contacts) {
    if (c.queuedAt < from || c.queuedAt >= to || !inScope(c)) continue;
    total++;
    const t = s.options.thresholdSeconds ?? queueT.get(c.queue) ?? DEFAULT_SL_THRESHOLD_SECONDS[c.channel];
    const k = classifyContact(c, { thresholdMs: t * 1000, shortAbandonMs, at: to });
    let met: boolean | null = null;
    if (s.metric === 'service-level') met = slMet(s.options.formula ?? 'floorboard', k);
    if (s.metric === 'first-response-within' && c.channel !== 'voice') {
      let deadline = c.queuedAt + t * 1000;
      if (s.options.clock === 'business') deadline = calendars.get(c.channel)?.addBusinessMs(c.queuedAt, t * 1000) ?? deadline;
      const within = c.firstResponseAt !== null && c.firstResponseAt <= to && c.firstResponseAt <= deadline;
      met = within ? true : to > deadline ? false : null;
    }
    rows.push({ id: c.id, channel: c.channel, queue: c.queue, queuedAt: c.queuedAt, outcome: k.outcome, waitSeconds: k.waitMs / 1000, met, firstResponseSeconds: k.firstResponseMs === null ? null : k.firstResponseMs / 1000 });
    const start = bucketMinutes >= 1440 ? intervalStart(c.queuedAt, 1440, f.timeZone) : intervalStart(c.queuedAt, bucketMinutes, f.timeZone);
    let b = buckets.get(start);
    if (!b) buckets.set(start, (b = { tally: emptyTally(), met: 0, counted: 0 }));
    addToTally(b.tally, k);
    if (met !== null) {
      b.counted++;
      if (met) b.met++;
    }
  }
  rows.sort((a, b) => Number(a.met !== false) - Number(b.met !== false) || b.waitSeconds - a.waitSeconds);
  const contactMetric = CONTACT_METRICS.has(s.metric);
  const intervals = contactMetric
    ? [...buckets.entries()]
        .sort(([a], [b]) => a - b)
        .map(([start, b]) => {
          const m = metricsFromTally(b.tally, 0, s.options.formula ?? 'floorboard');
          const figure =
            s.metric === 'service-level' ? m.serviceLevel
            : s.metric === 'asa' ? m.asaSeconds
            : s.metric === 'abandon-rate' ? m.abandonRate
            : s.metric === 'first-response-within' ? (b.counted ? b.met / b.counted : null)
            : s.metric === 'first-response-time' ? m.avgFirstResponseSeconds
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
