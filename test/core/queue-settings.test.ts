/** Queues configured by the operator (--queue-channel QUEUE=CHANNEL[:ZONE]): stored once, applied to adapters. */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock';
import { createEngine } from '../../src/core/engine';
import { CONFIGURATION_SOURCE } from '../../src/core/feeds/queue-settings';
import { createQueueLogAdapter } from '../../src/core/ingest/queue-log';
import { openDatabase } from '../../src/core/store/database';
import { tempDbPath } from '../helpers/engine';

const T = Date.parse('2024-03-02T09:00:00Z');
function open(path: string, queues: Record<string, { channel: 'voice' | 'chat'; timeZone?: string }>) {
  const db = openDatabase({ path });
  const engine = createEngine({ db, clock: manualClock(T + 3600_000), center: { name: 'c', timeZone: 'UTC', resetHour: 0 }, dbPath: path, version: 't', runtime: 'node', queues });
  return { engine, close: () => (engine.stop(), db.close()) };
}

describe('queue settings', () => {
  it('set a queue_log queue channel and time zone, stored once across restarts, changed when changed', () => {
    const path = tempDbPath();
    let fb = open(path, { Billing: { channel: 'chat', timeZone: 'Europe/Paris' } });
    expect(fb.engine.store.queues()).toEqual([{ name: 'Billing', channel: 'chat', timeZone: 'Europe/Paris', slThresholdSeconds: 60 }]);
    const r = fb.engine.ingestWith(createQueueLogAdapter(fb.engine.adapterContext), 'ql', [{ position: 1, text: `${T / 1000}|1709370000.1|Billing|NONE|ENTERQUEUE||555|1` }]);
    expect(r).toMatchObject({ accepted: 1, quarantined: 0 });
    expect(fb.engine.store.contact('1709370000.1@Billing')).toMatchObject({ channel: 'chat' });
    fb.close();

    fb = open(path, { Billing: { channel: 'chat', timeZone: 'Europe/Paris' } });
    expect(fb.engine.store.checkpoint(CONFIGURATION_SOURCE)).toBe(1); // unchanged: nothing written again
    fb.close();
    fb = open(path, { Billing: { channel: 'voice' } });
    expect(fb.engine.store.checkpoint(CONFIGURATION_SOURCE)).toBe(2);
    expect(fb.engine.store.queues()[0]).toMatchObject({ channel: 'voice', timeZone: 'Europe/Paris', slThresholdSeconds: 20 });
    fb.close();
  });

  it('refuse an unknown time zone before storing anything', () => {
    const path = tempDbPath();
    expect(() => open(path, { Mars: { channel: 'voice', timeZone: 'Mars/Olympus' } })).toThrow(/Queue Mars: unknown time zone "Mars\/Olympus"/);
  });
});
