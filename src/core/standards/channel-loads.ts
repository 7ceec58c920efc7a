/**
 * Per channel, the load the staffing figures and the driver read: arrivals of the last 30 minutes, contacts
 * offered today, and handle time (answer to the end of wrap-up, or to the end without one) of contacts done by
 * now, queued today and over the week. From a scan of the held contacts, or, with the engine's cache, from the
 * cached passes of today and of the week: the same figures without reading the week's contacts every time.
 */
import { handleTimeMs } from '../metrics/contact-metrics';
import { CHANNELS, type Channel, type Contact } from '../model/types';
import { MINUTE_MS, type Timeline } from './evaluation-cache';
import type { FloorFacts } from './floor-facts';
import type { Pass } from './pass-context';
import type { Standard } from './standard';

interface ChannelLoad {
  arrivals30m: number;
  offeredToday: number;
  handleToday: { ms: number; n: number };
  handleWeek: { ms: number; n: number };
}

export type ChannelLoads = Record<Channel, ChannelLoad>;

const emptyLoads = () =>
  Object.fromEntries(CHANNELS.map((ch) => [ch, { arrivals30m: 0, offeredToday: 0, handleToday: { ms: 0, n: 0 }, handleWeek: { ms: 0, n: 0 } }])) as ChannelLoads;

/** Mean handle time in seconds; null without a contact handled. */
export const ahtSeconds = (h: { ms: number; n: number }) => (h.n ? h.ms / h.n / 1000 : null);

export function channelLoads(contacts: readonly Contact[], f: FloorFacts): ChannelLoads {
  const loads = emptyLoads();
  const weekStart = f.weekStart;
  for (const c of contacts) {
    if (c.queuedAt >= f.now || c.queuedAt < weekStart) continue;
    const l = loads[c.channel];
    if (c.queuedAt >= f.now - 30 * MINUTE_MS) l.arrivals30m++;
    if (c.queuedAt >= f.dayStart) l.offeredToday++;
    const handle = handleTimeMs(c, f.now);
    if (handle === null) continue;
    l.handleWeek.ms += handle;
    l.handleWeek.n++;
    if (c.queuedAt >= f.dayStart) {
      l.handleToday.ms += handle;
      l.handleToday.n++;
    }
  }
  return loads;
}

/** The standard whose passes give the loads with the engine's cache: every contact, the default T and short abandons. */
const LOADS_STANDARD: Standard = {
  id: '(channel loads)', name: 'channel loads', metric: 'asa', scope: { kind: 'center' }, window: 'today', comparator: 'at-most',
  tiers: { expected: 0, desired: 0, delight: 0 }, options: {}, alert: { afterSeconds: 0, clearAfterSeconds: 0, enabled: false },
};

/**
 * channelLoads from the passes of today and of the week over every contact (shared with any standard of the same
 * window and options), and the last 30 minutes' arrivals from the timeline.
 */
export function loadsFromPasses(pass: Pass, timeline: Timeline, f: FloorFacts, weekLoading: boolean): ChannelLoads {
  const over = (window: 'today' | 'week') => pass({ ...LOADS_STANDARD, window }).groups;
  const today = over('today');
  // while the week is read after start-up its handle time waits for it (evaluate.ts): no pass of a part-week to
  // bring up to date with every slice read
  const week = weekLoading ? new Map<string, never>() : over('week');
  const loads = emptyLoads();
  for (const ch of CHANNELS) {
    const t = today.get(ch);
    const w = week.get(ch);
    loads[ch].offeredToday = t?.tally.offered ?? 0;
    loads[ch].handleToday = { ms: t?.handleMs ?? 0, n: t?.handled ?? 0 };
    loads[ch].handleWeek = { ms: w?.handleMs ?? 0, n: w?.handled ?? 0 };
  }
  for (const c of timeline.between(Math.max(f.now - 30 * MINUTE_MS, f.weekStart), f.now, null)) loads[c.channel].arrivals30m++;
  return loads;
}
