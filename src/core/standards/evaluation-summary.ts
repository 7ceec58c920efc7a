/**
 * What an evaluation says beyond its cells: per channel the mean attainment, across channels a consistency index,
 * the channel furthest from its targets and its main driver, the first responses at risk, the published hours
 * open now, not-ready time by reason, and the service targets queue tiles are judged by. All read from the cells,
 * the passes and the loads already worked out: nothing here scans the contacts.
 */
import type { Channel } from '../../shared/api';
import type { ChannelAttainment, Driver, StaffingNeed, StandardResult, StandardsEvaluation, StandardsSet } from '../../shared/standards';
import { STANDARD_METRICS } from '../../shared/standards';
import { formatPercent, formatThreshold } from '../../shared/format';
import { CHANNELS } from '../model/types';
import type { BusinessHours } from '../time/business-hours';
import { ahtSeconds, type ChannelLoads } from './channel-loads';
import { secs } from './contact-figures';
import type { FloorFacts } from './floor-facts';
import type { Pass } from './pass-context';
import type { Standard } from './standard';

const pct = (v: number): string => formatPercent(v, 1);

/** Per channel: the mean attainment of its measured cells (queues aside), weighted later by contacts offered today. */
export function channelAttainments(results: readonly StandardResult[], loads: ChannelLoads): ChannelAttainment[] {
  return CHANNELS.map((channel) => {
    const measured = results.filter((r) => r.channel === channel && r.queue === null && r.attainment !== null);
    return {
      channel,
      attainment: measured.length ? measured.reduce((n, r) => n + r.attainment!, 0) / measured.length : null,
      volume: loads[channel].offeredToday,
      measured: measured.length,
    };
  });
}

/**
 * 1 - sum(w |a_c - a|) / sum(w), a = sum(w a_c) / sum(w), w = contacts offered today (two channels at least), and
 * the channel furthest from its targets with its main driver.
 */
export function consistencyAndWorst(
  channels: readonly ChannelAttainment[], set: StandardsSet, results: readonly StandardResult[], staffing: readonly StaffingNeed[], loads: ChannelLoads,
): Pick<StandardsEvaluation, 'consistencyIndex' | 'worst'> {
  const weighted = channels.filter((c) => c.attainment !== null && c.volume > 0);
  let consistencyIndex: number | null = null;
  if (weighted.length >= 2) {
    const w = weighted.reduce((n, c) => n + c.volume, 0);
    const mean = weighted.reduce((n, c) => n + c.volume * c.attainment!, 0) / w;
    consistencyIndex = 1 - weighted.reduce((n, c) => n + c.volume * Math.abs(c.attainment! - mean), 0) / w;
  }
  const worstChannel = [...weighted].sort((a, b) => a.attainment! - b.attainment!)[0];
  const worst = worstChannel && worstChannel.attainment! < 1 ? { channel: worstChannel.channel, attainment: worstChannel.attainment!, ...driverOf(worstChannel.channel, set, results, staffing, loads) } : null;
  return { consistencyIndex, worst };
}

/** Staffing when the channel lacks agents; abandons when its abandon rate misses desired; handle time when today's
 * AHT runs 15 % over the week's; else the standard furthest off. */
function driverOf(channel: Channel, set: StandardsSet, results: readonly StandardResult[], staffing: readonly StaffingNeed[], loads: ChannelLoads): { driver: Driver; detail: string } {
  const need = staffing.find((n) => n.channel === channel);
  if (need && need.gap !== null && need.gap > 0) return { driver: 'staffing', detail: `${need.gap} more agent${need.gap === 1 ? '' : 's'} on ${channel} to reach ${pct(need.target)} within ${formatThreshold(need.thresholdSeconds)}` };
  const abandons = results.find((r) => r.channel === channel && r.queue === null && set.standards.find((s) => s.id === r.standardId)?.metric === 'abandon-rate');
  if (abandons && abandons.attainment !== null && abandons.attainment < 1) return { driver: 'abandons', detail: `abandon rate ${pct(abandons.figure!)} on ${channel}` };
  const today = ahtSeconds(loads[channel].handleToday);
  const week = ahtSeconds(loads[channel].handleWeek);
  if (today !== null && week !== null && today > week * 1.15) return { driver: 'handle time', detail: `handle time ${secs(today)} today against ${secs(week)} over the week on ${channel}` };
  const furthest = results.filter((r) => r.channel === channel && r.queue === null && r.attainment !== null).sort((a, b) => a.attainment! - b.attainment!)[0];
  const s = set.standards.find((x) => x.id === furthest?.standardId);
  const family = s ? STANDARD_METRICS[s.metric].family : 'responsiveness';
  return { driver: family === 'availability' ? 'availability' : 'responsiveness', detail: s ? `${s.name}: ${furthest.basis}` : `${channel} is below its targets` };
}

/** First responses due within the next AT_RISK_MS, per first-response standard (found by its pass). */
export function atRiskOf(set: StandardsSet, pass: Pass, loading: (s: Standard) => boolean): StandardsEvaluation['atRisk'] {
  const atRisk: StandardsEvaluation['atRisk'] = [];
  for (const s of set.standards) {
    // a window still loading (the week, read after start-up) has no figure yet, its contacts at risk neither
    if (s.metric !== 'first-response-within' || loading(s)) continue;
    const risks = pass(s).risks;
    for (const ch of CHANNELS) {
      const r = risks.get(ch);
      if (r) atRisk.push({ standardId: s.id, channel: ch, count: r.count, nextDeadline: r.next });
    }
  }
  return atRisk;
}

/** Per channel: its published hours' calendar, open now or not, and the next opening or closing. */
export function hoursOf(set: StandardsSet, calendars: ReadonlyMap<string, BusinessHours>, now: number): StandardsEvaluation['hours'] {
  return CHANNELS.map((channel) => {
    const cal = calendars.get(channel);
    const named = set.calendars.find((c) => c.channels.includes(channel));
    return cal ? { channel, calendar: named?.name ?? null, open: cal.isOpen(now), nextChange: cal.nextChange(now) } : { channel, calendar: null, open: true, nextChange: null };
  });
}

/** Not-ready time by reason, over every agent's staffed time today. */
export function notReadyByReason(agents: FloorFacts['agents']): StandardsEvaluation['notReadyByReason'] {
  const reasonMs = new Map<string, number>();
  let staffedMs = 0;
  for (const a of agents ?? []) {
    staffedMs += a.times.available + a.times['on-contact'] + a.times['after-contact-work'] + a.times['not-ready'];
    for (const [r, ms] of a.notReadyByReason ?? []) reasonMs.set(r, (reasonMs.get(r) ?? 0) + ms);
  }
  return [...reasonMs.entries()]
    .map(([reason, ms]) => ({ reason: reason || 'no reason given', seconds: ms / 1000, share: staffedMs > 0 ? ms / staffedMs : 0 }))
    .sort((a, b) => b.seconds - a.seconds);
}

/** The tiers queue tiles judge today's service level by: the channel's service-level standard, else the center's. */
export function serviceTargetsOf(set: StandardsSet): NonNullable<StandardsEvaluation['serviceTargets']> {
  const serviceTargets: NonNullable<StandardsEvaluation['serviceTargets']> = [];
  const sl = (s: Standard) => s.metric === 'service-level';
  for (const channel of CHANNELS) {
    const own = set.standards.find((s) => sl(s) && s.scope.kind === 'channel' && s.scope.channel === channel) ?? set.standards.find((s) => sl(s) && s.scope.kind === 'center');
    if (own) serviceTargets.push({ channel, standardId: own.id, expected: own.tiers.expected, desired: own.tiers.desired });
  }
  return serviceTargets;
}
