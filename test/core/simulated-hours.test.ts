import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/core/model/types';
import { PROFILES, QUEUES, rosterAt, SHIFT_HOURS } from '../../src/core/simulator/floor-plan';
import { publishSimulatedHours, simulatedStandards } from '../../src/core/simulator/published-hours';
import { standardsSetSchema } from '../../src/core/standards/standard';

const set = simulatedStandards('Europe/London');

/** Whether the calendar of `channel` is open in the local hour [hour, hour + 1) on weekday `day`. */
function openAt(channel: string, day: string, hour: number): boolean {
  const calendar = set.calendars.find((c) => (c.channels as string[]).includes(channel))!;
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return (calendar.week[day as '1'] ?? []).some((p) => minutes(p.slice(0, 5)) <= hour * 60 && (hour + 1) * 60 <= minutes(p.slice(6)));
}

/** Whether anyone on the roster (at scale 1) takes `channel` in the local hour [hour, hour + 1). */
function staffedAt(channel: string, hour: number): boolean {
  return rosterAt(1).some((e) => {
    const profile = PROFILES.find((p) => p.name === e.profile)!;
    const takes = profile.queues.some((q) => QUEUES.find((d) => d.name === q)!.channel === channel);
    return e.count > 0 && takes && (hour - e.startHour + 24) % 24 < SHIFT_HOURS;
  });
}

describe('the simulated center publishes the hours its roster works', () => {
  it('is open on every channel exactly in the hours someone on the roster takes it, every day', () => {
    for (const channel of CHANNELS) {
      for (const day of ['1', '2', '3', '4', '5', '6', '7']) {
        for (let hour = 0; hour < 24; hour++) expect(openAt(channel, day, hour), `${channel} day ${day} ${hour}:00`).toBe(staffedAt(channel, hour));
      }
    }
    // Sunday evening, the case that read CLOSED while calls were taken: voice is staffed and open
    expect(openAt('voice', '7', 21)).toBe(true);
    expect(openAt('email', '7', 3)).toBe(false); // mail at night waits for the back office
  });

  it('is a valid standards set, saved only on a database without standards', () => {
    expect(standardsSetSchema.safeParse(set).success).toBe(true);
    const saved: string[] = [];
    publishSimulatedHours({ standardsIdAt: () => null, saveStandards: (body) => (saved.push(body), 1) }, 'UTC', 0);
    publishSimulatedHours({ standardsIdAt: () => 3, saveStandards: (body) => (saved.push(body), 1) }, 'UTC', 0);
    expect(saved.length).toBe(1);
    expect(JSON.parse(saved[0]).calendars.map((c: { id: string }) => c.id)).toEqual(['live-hours', 'email-hours']);
  });
});
