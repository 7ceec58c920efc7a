/**
 * The StoreReader over an open connection: reads only (SELECTs), so it works on a read-only connection as well
 * as on the writer's.
 */
import { agentReads } from './agents';
import { accessTokenReads } from './access-tokens';
import { alertReads } from './alerts';
import { centerReads } from './center';
import { checkpointReads } from './checkpoints';
import { contactTallyReads } from './contact-tallies';
import { contactReads } from './contacts';
import type { Db } from './database';
import { feedReads } from './feeds';
import { lineBlockReads } from './line-blocks';
import { quarantineReads } from './quarantine';
import { queueReads } from './queues';
import { sourceLookup, sourceReads } from './sources';
import { standardsVersionReads } from './standards-versions';
import type { StoreReader } from './store';

export function createStoreReader(db: Db): StoreReader {
  const findSource = sourceLookup(db);
  return {
    ...checkpointReads(db, findSource),
    ...lineBlockReads(db, findSource),
    ...sourceReads(db),
    ...quarantineReads(db),
    ...feedReads(db),
    ...contactReads(db),
    ...contactTallyReads(db),
    ...queueReads(db),
    ...agentReads(db),
    ...standardsVersionReads(db),
    ...alertReads(db),
    ...accessTokenReads(db),
    ...centerReads(db),
  };
}
