/**
 * A report's coverage of published hours, per channel, with the live floor's definition (standards/coverage.ts, the
 * `coverage` standard): of the period's open time by the channel's calendar, the share during which at least the
 * minimum staff (the channel's coverage standard's `minimumStaff`, else the center's, else 1) with capacity on the
 * channel were staffed; and the contacts that entered the queue while their calendar (the queue's, else the
 * channel's: the calendar their response deadlines use) was closed. A channel without a calendar is always open:
 * no coverage figure, as on the floor, and no contact outside hours.
 */
import type { Channel } from '../../shared/api';
import type { StandardsSet } from '../../shared/standards';
import type { Contact, QueueConfig } from '../model/types';
import { contactRules } from '../standards/contact-figures';
import { coveredOpenMs, type CoverageInterval } from '../standards/coverage';
import type { BusinessHours } from '../time/business-hours';

export interface CoverageRow {
  channel: Channel;
  /** The calendar that publishes the channel's hours; null: none (always open). */
  calendar: string | null;
  minimumStaff: number;
  openSeconds: number | null;
  coveredSeconds: number | null;
  /** covered / open; null without a calendar or open time. */
  coverage: number | null;
  offered: number;
  outsideHours: number;
}

type Span = { start: number; end: number };

/** Whether `t` lies in one of the spans (in order): a binary search, as a week holds a million contacts. */
function within(spans: readonly Span[], t: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t < spans[mid].start) hi = mid - 1;
    else if (t >= spans[mid].end) lo = mid + 1;
    else return true;
  }
  return false;
}

function minimumStaff(set: StandardsSet, channel: Channel): number {
  const coverage = set.standards.filter((s) => s.metric === 'coverage');
  const own = coverage.find((s) => s.scope.kind === 'channel' && s.scope.channel === channel) ?? coverage.find((s) => s.scope.kind === 'center');
  return own?.options.minimumStaff ?? 1;
}

export function reportCoverage(
  set: StandardsSet,
  queues: QueueConfig[],
  contacts: readonly Contact[],
  agentIntervals: readonly CoverageInterval[],
  o: { from: number; to: number; channels: readonly Channel[] },
): CoverageRow[] {
  const rules = contactRules(set, queues);
  const spansOf = new Map<BusinessHours, Span[]>();
  const open = (hours: BusinessHours): Span[] => {
    let spans = spansOf.get(hours);
    if (!spans) spansOf.set(hours, (spans = hours.openSpans(o.from, o.to)));
    return spans;
  };
  const tally = new Map<Channel, { offered: number; outside: number }>(o.channels.map((ch) => [ch, { offered: 0, outside: 0 }]));
  // a queue's own calendar, looked up once per queue (a week holds a million contacts)
  const ofQueue = new Map<string, BusinessHours | null>();
  for (const c of contacts) {
    const t = tally.get(c.channel);
    if (!t) continue;
    t.offered++;
    let queueHours = ofQueue.get(c.queue);
    if (queueHours === undefined) ofQueue.set(c.queue, (queueHours = rules.calendars.get(`queue:${c.queue}`) ?? null));
    const hours = queueHours ?? rules.calendars.get(c.channel);
    if (hours && !within(open(hours), c.queuedAt)) t.outside++;
  }
  return o.channels.map((channel) => {
    const hours = rules.calendars.get(channel);
    const t = tally.get(channel)!;
    const minimum = minimumStaff(set, channel);
    const base = { channel, calendar: set.calendars.find((c) => c.channels.includes(channel))?.name ?? null, minimumStaff: minimum, offered: t.offered, outsideHours: t.outside };
    if (!hours) return { ...base, openSeconds: null, coveredSeconds: null, coverage: null };
    const spans = open(hours);
    const openMs = spans.reduce((n, s) => n + s.end - s.start, 0);
    const coveredMs = coveredOpenMs(agentIntervals, channel, spans, minimum, o.from, o.to);
    return { ...base, openSeconds: openMs / 1000, coveredSeconds: coveredMs / 1000, coverage: openMs === 0 ? null : coveredMs / openMs };
  });
}
