/** `metrics/*`: the metrics of a window, from the contacts in memory when it lies within them, else from SQL. */
import type { Handlers } from '../../../shared/api';
import type { RecentContacts } from '../../metrics/recent-contacts';
import { windowMetrics } from '../../metrics/window-metrics';
import type { StoreReader } from '../../store/store';
import { apiInstant } from '../schemas';

export function metricsHandlers(d: { store: StoreReader; recent: RecentContacts; shortAbandonSeconds: number; timeZone: string }): Handlers<'metrics'> {
  return {
    'metrics/window': ({ from, to, by, formula, thresholdSeconds, shortAbandonSeconds }) =>
      windowMetrics(
        d.store,
        { from: apiInstant(from, d.timeZone), to: apiInstant(to, d.timeZone), by: by ?? 'center', shortAbandonSeconds: shortAbandonSeconds ?? d.shortAbandonSeconds, formula, thresholdSeconds },
        d.recent,
      ),
  };
}
