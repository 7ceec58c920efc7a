/**
 * How demand moves through the day, relative to the peak (1). The shape is the classic inbound profile:
 * a night trough at 15-25 % of peak, a ramp from 07:00, the morning peak at 10-11, a lunch dip, a second
 * peak at 14-15 and a long evening tail. Channels differ: email arrives almost flat (people write whenever),
 * messaging leans to the evening, chat sits between.
 */
import type { Channel } from '../model/types';

/** Demand at hh:30 local time for hh = 0..23. */
const HOURLY = [
  0.22, 0.19, 0.17, 0.16, 0.17, 0.21, 0.32, 0.52, 0.76, 0.93, 1.0, 0.94, 0.8, 0.84, 0.96, 0.92, 0.82, 0.7, 0.56, 0.46,
  0.39, 0.33, 0.28, 0.25,
];

/** The base curve, linearly interpolated between half-hour knots, for a local minute of the day. */
function baseDemand(minuteOfDay: number): number {
  const x = minuteOfDay / 60 - 0.5;
  const i = Math.floor(x);
  const f = x - i;
  const a = HOURLY[(i + 24) % 24];
  const b = HOURLY[(i + 25) % 24];
  return a + (b - a) * f;
}

/** Relative demand of a channel at a local minute of the day; never above 1. */
export function channelDemand(channel: Channel, minuteOfDay: number): number {
  switch (channel) {
    case 'voice':
      return baseDemand(minuteOfDay);
    case 'chat':
      return baseDemand((minuteOfDay + 1440 - 30) % 1440);
    case 'message':
      return 0.25 + 0.75 * baseDemand((minuteOfDay + 1440 - 120) % 1440);
    case 'email':
      return 0.55 + 0.45 * baseDemand(minuteOfDay);
  }
}
