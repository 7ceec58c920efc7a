/**
 * History metrics are summed by SQLite (store.contactTallies) for speed; their classification must stay the one
 * of classifyContact. On random contacts (any order of timestamps, missing ones, ties at the window end, queues
 * with and without a configured threshold), both give the same rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricsForContacts, storedMetrics } from '../../src/core/metrics/window-metrics';
import { CHANNELS, type Contact } from '../../src/core/model/types';
import { SERVICE_LEVEL_FORMULAS } from '../../src/shared/api';
import { openDatabase } from '../../src/core/store/database';
import { createStoreWriter } from '../../src/core/store/store-writer';

const T = Date.parse('2026-03-02T09:00:00Z');
const instant = fc.option(fc.integer({ min: T - 600_000, max: T + 4_000_000 }), { nil: null });

const contact = fc.record({
  id: fc.uuid(),
  channel: fc.constantFrom(...CHANNELS),
  queue: fc.constantFrom('Billing', 'billing', 'Sales', 'Support'),
  agentId: fc.constant(null),
  queuedAt: fc.integer({ min: T - 600_000, max: T + 3_600_000 }),
  answeredAt: instant,
  firstResponseAt: instant,
  abandonedAt: instant,
  endedAt: instant,
  wrapupEndAt: fc.constant(null),
}) satisfies fc.Arbitrary<Contact>;

describe('window metrics in SQL', () => {
  it('equal the classification of classifyContact on random contacts, windows, groupings, formulas and thresholds', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(contact, { minLength: 0, maxLength: 60, selector: (c) => c.id }),
        fc.integer({ min: -600, max: 3600 }),
        fc.integer({ min: 1, max: 4000 }),
        fc.constantFrom('center' as const, 'queue' as const, 'channel' as const),
        fc.integer({ min: 0, max: 30 }),
        fc.option(fc.constantFrom(...SERVICE_LEVEL_FORMULAS), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
        (contacts, fromS, lengthS, by, shortAbandonSeconds, formula, thresholdSeconds) => {
          const db = openDatabase({ path: ':memory:' });
          const store = createStoreWriter(db);
          db.prepare("INSERT INTO queues (name, channel, sl_threshold_seconds) VALUES ('Sales', 'voice', 30), ('billing', 'chat', 45)").run();
          const insert = db.prepare(
            `INSERT INTO contacts (id, channel, queue, agent_id, queued_at, answered_at, first_response_at, abandoned_at, ended_at, wrapup_end_at)
             VALUES (@id, @channel, @queue, @agentId, @queuedAt, @answeredAt, @firstResponseAt, @abandonedAt, @endedAt, @wrapupEndAt)`,
          );
          for (const c of contacts) insert.run(c);
          const o = { from: T + fromS * 1000, to: T + (fromS + lengthS) * 1000, by, shortAbandonSeconds, formula, thresholdSeconds };
          const expected = metricsForContacts(contacts, store.queues(), o);
          expect(storedMetrics(store, o)).toEqual(expected);
          db.close();
        },
      ),
      { numRuns: 300 },
    );
  });
});
