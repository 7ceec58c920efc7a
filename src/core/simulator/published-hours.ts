/**
 * The simulated center's published hours, which agree with its roster (floor-plan.ts): a night crew keeps voice,
 * chat and messaging open around the clock every day, and email has its back office from 07:00 to 22:00 (mail
 * that arrives at night waits for the morning: the floor says "after hours: N waiting"). A fresh simulated
 * database starts with the default standards on these calendars, so no tile reads CLOSED while calls are taken.
 */
import type { BusinessCalendar, StandardsSet } from '../../shared/standards';
import { defaultStandards } from '../standards/defaults';
import type { StoreWriter } from '../store/store';

const EVERY_DAY = ['1', '2', '3', '4', '5', '6', '7'] as const;
const everyDay = (periods: string[]) => Object.fromEntries(EVERY_DAY.map((d) => [d, periods]));

function simulatedCalendars(timeZone: string): BusinessCalendar[] {
  return [
    { id: 'live-hours', name: 'Voice, chat and messaging: every day, around the clock', timeZone, channels: ['voice', 'chat', 'message'], queues: [], week: everyDay(['00:00-24:00']), holidays: [] },
    { id: 'email-hours', name: 'Email: every day 7:00-22:00', timeZone, channels: ['email'], queues: [], week: everyDay(['07:00-22:00']), holidays: [] },
  ];
}

/** The default standards on the simulated center's hours. */
export function simulatedStandards(timeZone: string): StandardsSet {
  return { ...defaultStandards(timeZone), calendars: simulatedCalendars(timeZone) };
}

/** Saves the simulated defaults as a database's first standards; a database that has standards keeps them. */
export function publishSimulatedHours(store: Pick<StoreWriter, 'standardsIdAt' | 'saveStandards'>, timeZone: string, now: number): void {
  if (store.standardsIdAt(Number.MAX_SAFE_INTEGER) !== null) return;
  store.saveStandards(JSON.stringify(simulatedStandards(timeZone)), 0, 'the defaults of the simulated center, on its hours', now);
}
