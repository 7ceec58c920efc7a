/**
 * The center part of the one API contract (src/shared/api.ts merges it into `Api`): the center's name, time zone,
 * start of day and first day of the week, kept in the database and read by every process on it (docs/reports.md).
 */

export const WEEK_STARTS = ['monday', 'sunday', 'saturday'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

export interface CenterSettings {
  name: string;
  /** An IANA zone ("Asia/Jerusalem"). */
  timeZone: string;
  /** The local hour "today" starts (0-23). */
  resetHour: number;
  weekStart: WeekStart;
}

/** What the database holds: each setting, or null where none was stored (its default applies). */
export type StoredCenter = { [K in keyof CenterSettings]: CenterSettings[K] | null };

export interface CenterSettingsView {
  /** What this run of the app or host uses. */
  inUse: CenterSettings;
  stored: StoredCenter;
  /** Settings a command-line flag set for this run only (the stored value applies once it is gone). */
  overridden: (keyof CenterSettings)[];
  /** Stored settings that differ from those in use (a flag aside): they apply when the app or host next starts. */
  pending: (keyof CenterSettings)[];
}

export interface CenterApi {
  'center/get': (args: Record<string, never>) => CenterSettingsView;
  /** Store the settings given (the others are kept); every process on the database reads them at its next start. */
  'center/set': (args: Partial<CenterSettings>) => CenterSettingsView;
}
