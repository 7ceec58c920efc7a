/**
 * The Api's handlers, one file per namespace, merged into the one map the dispatcher serves (the loot-core habit:
 * a capability is one handler in one namespace's file). Each namespace gets only what it needs, as arguments.
 */
import type { EngineHandlers } from '../../../shared/api';
import { alertsHandlers, type AlertHandlerDeps } from './alerts';
import { appHandlers } from './app';
import { feedsHandlers } from './feeds';
import { floorHandlers } from './floor';
import { importHandlers } from './import';
import { ingestHandlers, type IngestHandlerDeps } from './ingest';
import { metricsHandlers } from './metrics';
import { quarantineHandlers } from './quarantine';
import { standardsHandlers, type StandardsHandlerDeps } from './standards';

export interface HandlerDeps {
  app: Parameters<typeof appHandlers>[0];
  floor: Parameters<typeof floorHandlers>[0];
  ingest: IngestHandlerDeps;
  metrics: Parameters<typeof metricsHandlers>[0];
  quarantine: Parameters<typeof quarantineHandlers>[0];
  standards: StandardsHandlerDeps;
  alerts: AlertHandlerDeps;
  feeds: Parameters<typeof feedsHandlers>[0];
  import: Parameters<typeof importHandlers>[0];
}

export function createHandlers(d: HandlerDeps): EngineHandlers {
  return {
    ...appHandlers(d.app),
    ...floorHandlers(d.floor),
    ...ingestHandlers(d.ingest),
    ...metricsHandlers(d.metrics),
    ...quarantineHandlers(d.quarantine),
    ...standardsHandlers(d.standards),
    ...alertsHandlers(d.alerts),
    ...feedsHandlers(d.feeds),
    ...importHandlers(d.import),
  };
}
