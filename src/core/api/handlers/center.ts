/**
 * `center/*`: the center's settings as this run uses them and as the database holds them, and storing new ones
 * (checked by the one validator of the CLI and the API: core/center/center-settings.ts). A running engine keeps the
 * calendar it started with (its day, its intervals and its reports' weeks begin by it), so a stored change applies at
 * the next start of each process on the database; the answer says when one is pending.
 */
import type { CenterSettings, CenterSettingsView, StoredCenter } from '../../../shared/api-center';
import type { Handlers } from '../../../shared/api';
import { effectiveCenter } from '../../center/center-settings';

export interface CenterHandlerDeps {
  store: { centerSettings(): StoredCenter; saveCenterSettings(c: Partial<CenterSettings>, at: number): void };
  /** The settings this run uses. */
  inUse: CenterSettings;
  /** The flags that set some of them for this run only. */
  flags: Partial<CenterSettings>;
  /** What a setting never stored becomes. */
  defaults: CenterSettings;
  now: () => number;
}

const KEYS = ['name', 'timeZone', 'resetHour', 'weekStart'] as const satisfies readonly (keyof CenterSettings)[];

export function centerHandlers(d: CenterHandlerDeps): Handlers<'center'> {
  const view = (): CenterSettingsView => {
    const stored = d.store.centerSettings();
    const next = effectiveCenter(stored, d.flags, d.defaults);
    return {
      inUse: { ...d.inUse },
      stored,
      overridden: KEYS.filter((k) => d.flags[k] !== undefined),
      pending: KEYS.filter((k) => next[k] !== d.inUse[k]),
    };
  };
  return {
    'center/get': view,
    'center/set': (change) => {
      d.store.saveCenterSettings(change, d.now());
      return view();
    },
  };
}
