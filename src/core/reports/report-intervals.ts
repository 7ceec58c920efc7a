/**
 * A report's intervals and abandons: per local day and 30-minute interval and channel, the contacts that entered
 * the queue then and how they went (the heat map of volume and service level, the worst intervals), and the
 * abandons by how long the caller waited before hanging up, short abandons apart. Same classifier as every figure
 * (summed in the report's one pass with the days', tallyGroups), so an interval's counts add up to the day's.
 */
import type { Channel, ServiceLevelFormula } from '../../shared/api';
import { CHANNELS } from '../../shared/api';
import { classifyContact } from '../metrics/contact-metrics';
import { groupFigures, type GroupTallies } from '../metrics/window-metrics';
import { contactThresholdSeconds, type Contact, type QueueConfig } from '../model/types';
import { localTimes, type LocalTimes } from '../time/local-times';
import { DateTime } from 'luxon';

const REPORT_INTERVAL_MINUTES = 30;
/** Bucket bounds of the time waited before abandoning, seconds: [0, 5), [5, 10) ... [300, +inf). */
const ABANDON_WAIT_BOUNDS = [5, 10, 20, 30, 60, 120, 300] as const;

export interface IntervalRow {
  day: string;
  /** The interval's local start, HH:MM. */
  start: string;
  /** Its instant (epoch ms). */
  at: number;
  channel: Channel;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
}

export interface AbandonBucket {
  channel: Channel;
  /** "0-5 s", "5-10 s" ... "300 s and more". */
  waited: string;
  fromSeconds: number;
  toSeconds: number | null;
  abandoned: number;
  /** Under the short-abandon threshold: left out of the service level and abandon rate. */
  short: boolean;
}

/** A contact's interval group in the report's one pass over its contacts (tallyGroups): channel, then the instant. */
export function intervalKey(local: LocalTimes, c: Contact): string {
  return `i\u0000${c.channel}\u0000${local.intervalStart(c.queuedAt, REPORT_INTERVAL_MINUTES)}`;
}

/** The interval rows from the groups the report summed (the keys intervalKey gave). */
export function reportIntervals(groups: ReadonlyMap<string, GroupTallies>, o: { timeZone: string; formula?: ServiceLevelFormula }): IntervalRow[] {
  const local = localTimes(o.timeZone);
  const rows: IntervalRow[] = [];
  for (const [key, g] of groups) {
    if (!key.startsWith('i\u0000')) continue;
    const [, channel, start] = key.split('\u0000');
    const at = Number(start);
    const m = groupFigures(g, o.formula, null);
    rows.push({ day: local.date(at), start: DateTime.fromMillis(at, { zone: o.timeZone }).toFormat('HH:mm'), at, channel: channel as Channel, offered: m.offered, answered: m.answered, abandoned: m.abandoned, shortAbandoned: m.shortAbandoned, serviceLevel: m.serviceLevel, asaSeconds: m.asaSeconds });
  }
  return rows.sort((a, b) => a.at - b.at || CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel));
}

export function abandonsByWait(contacts: readonly Contact[], queues: QueueConfig[], o: { to: number; shortAbandonSeconds: number }): AbandonBucket[] {
  const queueOf = new Map(queues.map((q) => [q.name, q]));
  const bounds = [0, ...ABANDON_WAIT_BOUNDS];
  const counts = new Map<Channel, number[]>();
  for (const c of contacts) {
    const k = classifyContact(c, { thresholdMs: contactThresholdSeconds(queueOf.get(c.queue), c.channel) * 1000, shortAbandonMs: o.shortAbandonSeconds * 1000, at: o.to });
    if (k.outcome !== 'abandoned') continue;
    const seconds = k.waitMs / 1000;
    let i = bounds.length - 1;
    while (i > 0 && seconds < bounds[i]) i--;
    const row = counts.get(c.channel) ?? bounds.map(() => 0);
    row[i]++;
    counts.set(c.channel, row);
  }
  const out: AbandonBucket[] = [];
  for (const channel of CHANNELS) {
    const row = counts.get(channel);
    if (!row) continue;
    bounds.forEach((fromSeconds, i) => {
      const toSeconds = i + 1 < bounds.length ? bounds[i + 1] : null;
      out.push({ channel, waited: toSeconds === null ? `${fromSeconds} s and more` : `${fromSeconds}-${toSeconds} s`, fromSeconds, toSeconds, abandoned: row[i], short: toSeconds !== null && toSeconds <= o.shortAbandonSeconds });
    });
  }
  return out;
}
