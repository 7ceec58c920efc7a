/**
 * The center's settings: its name, time zone, the local hour "today" starts and the first day of its week, kept in
 * the database (migration 012) so that the app, the host and the CLI on one database read the same calendar. A
 * command-line flag overrides a setting for one run and is not stored; a setting never stored takes its default
 * (the machine's zone, midnight, Monday as ISO 8601). The first process to open a database without settings stores
 * what it runs with, so the next one (the CLI's `metrics`, say) agrees with it.
 */
import { WEEK_STARTS, type CenterSettings, type StoredCenter } from '../../shared/api-center';
import { isValidTimeZone } from '../time/business-day';

export { WEEK_STARTS, type CenterSettings, type StoredCenter, type WeekStart } from '../../shared/api-center';

export const NO_CENTER: StoredCenter = { name: null, timeZone: null, resetHour: null, weekStart: null };

export function defaultCenter(name: string, machineZone: string): CenterSettings {
  return { name, timeZone: machineZone, resetHour: 0, weekStart: 'monday' };
}

/** Each setting's problem, or none: a bad one is refused with the reason, the others kept. */
export function centerProblems(c: Partial<CenterSettings>): string[] {
  const problems: string[] = [];
  if (c.name !== undefined && (c.name.trim() === '' || c.name.length > 100)) problems.push('the center name must have 1 to 100 characters');
  if (c.timeZone !== undefined && !isValidTimeZone(c.timeZone)) problems.push(`unknown time zone "${c.timeZone.slice(0, 60)}" (use an IANA name such as Europe/London)`);
  if (c.resetHour !== undefined && !(Number.isInteger(c.resetHour) && c.resetHour >= 0 && c.resetHour <= 23)) problems.push(`the day reset hour must be a whole hour from 0 to 23 (got ${c.resetHour})`);
  if (c.weekStart !== undefined && !(WEEK_STARTS as readonly string[]).includes(c.weekStart)) problems.push(`the week starts on ${WEEK_STARTS.join(', ')} (got "${String(c.weekStart).slice(0, 20)}")`);
  return problems;
}

/** The settings a run uses: each flag given, else the stored setting, else the default. */
export function effectiveCenter(stored: StoredCenter, flags: Partial<CenterSettings>, defaults: CenterSettings): CenterSettings {
  const pick = <K extends keyof CenterSettings>(k: K): CenterSettings[K] => flags[k] ?? stored[k] ?? defaults[k];
  return { name: pick('name'), timeZone: pick('timeZone'), resetHour: pick('resetHour'), weekStart: pick('weekStart') };
}

/** Whether nothing was ever stored (the first start on this database). */
export function isUnset(stored: StoredCenter): boolean {
  return stored.name === null && stored.timeZone === null && stored.resetHour === null && stored.weekStart === null;
}
