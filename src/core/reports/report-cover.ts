/**
 * What a report's cover states beyond the period: the business-hours calendars of the standards that judged it (name,
 * zone, channels and queues, the weekly hours in words, the holidays and the open hours within the period), the
 * threshold T each queue and channel was judged by (the queue's setting, else the channel's default; a standard's
 * own T where it sets one), and the feeds the figures came from with their gaps (report-feeds.ts).
 */
import type { Channel } from '../../shared/api';
import type { BusinessCalendar, StandardsSet } from '../../shared/standards';
import { contactThresholdSeconds, type QueueConfig } from '../model/types';
import { BusinessHours } from '../time/business-hours';
import { DateTime } from 'luxon';
import { reportFeeds, unionOf, type ReportFeed } from './report-feeds';

interface ReportCalendar {
  name: string;
  timeZone: string;
  channels: Channel[];
  queues: string[];
  /** "Mon-Fri 08:00-20:00; Sat 09:00-13:00". */
  weeklyHours: string;
  /** Holidays that fall within the period. */
  holidays: string[];
  openSecondsInPeriod: number;
}

interface ReportThreshold {
  /** A queue's T (queue set), else a standard's (standard set). */
  queue: string | null;
  channel: Channel | null;
  standard: string | null;
  thresholdSeconds: number;
  source: 'queue setting' | 'channel default' | 'standard';
}

export interface ReportCover {
  calendars: ReportCalendar[];
  thresholds: ReportThreshold[];
  feeds: ReportFeed[];
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The week in words, consecutive days with the same periods joined: "Mon-Fri 08:00-20:00; Sat 09:00-13:00". */
export function weeklyHours(week: BusinessCalendar['week']): string {
  const days = WEEKDAYS.map((_, i) => (week[String(i + 1) as keyof typeof week] ?? []).join(', '));
  const parts: string[] = [];
  for (let i = 0; i < 7; ) {
    let j = i;
    while (j + 1 < 7 && days[j + 1] === days[i]) j++;
    if (days[i] !== '') parts.push(`${j > i ? `${WEEKDAYS[i]}-${WEEKDAYS[j]}` : WEEKDAYS[i]} ${days[i]}`);
    i = j + 1;
  }
  return parts.length === 0 ? 'never open' : parts.join('; ');
}

function thresholds(set: StandardsSet, queueOf: ReadonlyMap<string, QueueConfig>, reported: readonly { queue: string; channel: Channel }[]): ReportThreshold[] {
  const byQueue = reported.map((q): ReportThreshold => {
    const config = queueOf.get(q.queue);
    return { queue: q.queue, channel: q.channel, standard: null, thresholdSeconds: contactThresholdSeconds(config, q.channel), source: config?.channel === q.channel ? 'queue setting' : 'channel default' };
  });
  const byStandard = set.standards
    .filter((s) => s.options.thresholdSeconds !== undefined)
    .map((s): ReportThreshold => ({
      queue: s.scope.kind === 'queue' ? s.scope.queue : null,
      channel: s.scope.kind === 'channel' ? s.scope.channel : null,
      standard: s.name,
      thresholdSeconds: s.options.thresholdSeconds!,
      source: 'standard',
    }));
  return [...byQueue, ...byStandard];
}

export function reportCover(
  store: Parameters<typeof reportFeeds>[0],
  set: StandardsSet,
  o: { from: number; to: number; now: number; queues: QueueConfig[]; reported: readonly { queue: string; channel: Channel }[] },
): ReportCover {
  const opens = set.calendars.map((c) => new BusinessHours(c).openSpans(o.from, o.to));
  const calendars = set.calendars.map((c, i): ReportCalendar => {
    const [first, last] = [DateTime.fromMillis(o.from, { zone: c.timeZone }).toISODate()!, DateTime.fromMillis(o.to - 1, { zone: c.timeZone }).toISODate()!];
    return {
      name: c.name,
      timeZone: c.timeZone,
      channels: c.channels,
      queues: c.queues,
      weeklyHours: weeklyHours(c.week),
      holidays: c.holidays.filter((d) => d >= first && d <= last).sort(),
      openSecondsInPeriod: opens[i].reduce((n, s) => n + s.end - s.start, 0) / 1000,
    };
  });
  return {
    calendars,
    thresholds: thresholds(set, new Map(o.queues.map((q) => [q.name, q])), o.reported),
    feeds: reportFeeds(store, { from: o.from, to: o.to, now: o.now, open: opens.length === 0 ? null : unionOf(opens.flat()) }),
  };
}

