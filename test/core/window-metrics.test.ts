/**
 * History metrics are summed by SQLite (store.contactTallies) for speed; their classification must stay the one
 * of classifyContact, and their handling and outcome sums those of addOutcomes. On random contacts (any order of
 * timestamps, missing ones, ties at the window end, queues with and without a configured threshold, surveys,
 * resolutions, wrap-ups) and random agent-state intervals, both give the same rows, every family included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAgentTime } from '../../src/core/metrics/agent-time';
import { metricsForContacts, storedMetrics } from '../../src/core/metrics/window-metrics';
import { AGENT_STATES, CHANNELS, type Contact } from '../../src/core/model/types';
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
  wrapupEndAt: instant,
  csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  resolvedAt: instant,
  firstContactResolution: fc.option(fc.boolean(), { nil: null }),
}) satisfies fc.Arbitrary<Contact>;

const agentInterval = fc.record({
  agentId: fc.constantFrom('a1', 'a2', 'a3'),
  state: fc.constantFrom(...AGENT_STATES),
  start: fc.integer({ min: T - 600_000, max: T + 3_600_000 }),
  length: fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: null }),
});

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
        fc.array(agentInterval, { maxLength: 12 }),
        (contacts, fromS, lengthS, by, shortAbandonSeconds, formula, thresholdSeconds, intervals) => {
          const db = openDatabase({ path: ':memory:' });
          const store = createStoreWriter(db);
          db.prepare("INSERT INTO queues (name, channel, sl_threshold_seconds) VALUES ('Sales', 'voice', 30), ('billing', 'chat', 45)").run();
          const insert = db.prepare(
            `INSERT INTO contacts (id, channel, queue, agent_id, queued_at, answered_at, first_response_at, abandoned_at, ended_at, wrapup_end_at, csat, nps, resolved_at, first_contact)
             VALUES (@id, @channel, @queue, @agentId, @queuedAt, @answeredAt, @firstResponseAt, @abandonedAt, @endedAt, @wrapupEndAt, @csat, @nps, @resolvedAt, @firstContact)`,
          );
          for (const c of contacts) insert.run({ ...c, firstContact: c.firstContactResolution === null ? null : Number(c.firstContactResolution) });
          db.prepare(`INSERT INTO agents (id, name, capacity) VALUES ('a1', 'A1', '{"voice":1}'), ('a2', 'A2', '{"chat":3,"email":1}'), ('a3', 'A3', '{}')`).run();
          const state = db.prepare('INSERT INTO agent_states (agent_id, state, start_at, end_at) VALUES (?, ?, ?, ?)');
          for (const i of intervals) state.run(i.agentId, i.state, i.start, i.length === null ? null : i.start + i.length);
          const o = { from: T + fromS * 1000, to: T + (fromS + lengthS) * 1000, by, shortAbandonSeconds, formula, thresholdSeconds };
          const expected = metricsForContacts(contacts, store.queues(), o, readAgentTime(store, o.from));
          expect(storedMetrics(store, o)).toEqual(expected);
          db.close();
        },
      ),
      { numRuns: 300 },
    );
  });
});
