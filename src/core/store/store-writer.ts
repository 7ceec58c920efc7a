/**
 * The one writer of a database (the engine's): every read of StoreReader, and the writes. Batches of lines go
 * through write-batch.ts; feeds, standards versions and alerts are written one statement at a time.
 */
import { accessTokenWrites } from './access-tokens';
import { alertWrites } from './alerts';
import { centerWrites } from './center';
import type { Db } from './database';
import { feedWrites } from './feeds';
import { standardsVersionWrites } from './standards-versions';
import type { StoreWriter } from './store';
import { createStoreReader } from './store-reader';
import { batchWriter } from './write-batch';

/**
 * `now`: the instant lines are received at (the engine's clock: simulated floors run it faster than the wall);
 * `quarantineCap`: rows of quarantine kept per source (default QUARANTINE_CAP, store/quarantine.ts).
 */
export function createStoreWriter(db: Db, now: () => number = Date.now, options: { quarantineCap?: number } = {}): StoreWriter {
  return {
    ...createStoreReader(db),
    writeBatch: batchWriter(db, now, options.quarantineCap),
    ...feedWrites(db, now),
    ...standardsVersionWrites(db),
    ...alertWrites(db),
    ...accessTokenWrites(db),
    ...centerWrites(db),
  };
}
