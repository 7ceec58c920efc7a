/** `alerts/*`: the alert log, and a supervisor's acknowledge and snooze (each pushed at once). */
import type { Handlers } from '../../../shared/api';
import type { AlertView } from '../../../shared/standards';
import type { Clock } from '../../clock';
import type { AlertMonitor } from '../../standards/alerts';
import type { StoreReader } from '../../store/store';
import { RefusedError } from '../refused';

export interface AlertHandlerDeps {
  clock: Clock;
  store: Pick<StoreReader, 'recentAlerts'>;
  alerts: AlertMonitor;
  /** The floor changed: push a snapshot soon. */
  changed(): void;
}

export function alertsHandlers(d: AlertHandlerDeps): Handlers<'alerts'> {
  const known = (v: AlertView | null, id: number): AlertView => {
    if (!v) throw new RefusedError(`no alert ${id}`);
    d.changed();
    return v;
  };
  return {
    'alerts/list': ({ limit }) => d.store.recentAlerts(limit ?? 200),
    'alerts/acknowledge': ({ id }) => known(d.alerts.acknowledge(id, d.clock.now()), id),
    'alerts/snooze': ({ id, minutes }) => known(d.alerts.snooze(id, minutes === 0 ? null : d.clock.now() + minutes * 60_000), id),
  };
}
