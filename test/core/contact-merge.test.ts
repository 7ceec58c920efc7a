/**
 * A contact's events merge the same in any order and any batching: the earliest queue entry (with its queue and
 * channel), the earliest answer (with its agent), the latest end. The store and the live floor agree.
 */
import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine';
import { at, ev, lines, T0 } from '../helpers/events';

const events = [ev.queued(0, 'c1', 'Sales'), ev.queued(30, 'c1', 'Billing'), ev.answered(40, 'c1', 'a1'), ev.answered(90, 'c1', 'a2'), ev.ended(200, 'c1')];
const orders = [
  [0, 1, 2, 3, 4],
  [4, 3, 2, 1, 0],
  [1, 3, 0, 4, 2],
  [3, 1, 4, 2, 0],
];

describe('contact merge', () => {
  for (const order of orders) {
    for (const split of [0, 1, 3]) {
      it(`order ${order.join('')}, first batch of ${split}`, () => {
        const t = testEngine(at(300));
        const all = lines(order.map((i) => events[i]));
        for (const b of [all.slice(0, split), all.slice(split)]) if (b.length > 0) t.engine.ingestNdjson('s', b);
        expect(t.engine.store.contact('c1')).toMatchObject({ queue: 'Sales', agentId: 'a1', queuedAt: T0, answeredAt: at(40), endedAt: at(200) });
        const queues = t.engine.snapshot().queues;
        expect(queues.map((q) => [q.name, q.offered, q.answered])).toEqual(expect.arrayContaining([['Sales', 1, 1]]));
        expect(queues.find((q) => q.name === 'Billing')?.offered ?? 0).toBe(0);
        t.close();
      });
    }
  }
});

describe('a conversation merged from its events', () => {
  // queued 0, bot 3, agent 20 (first response), customer 50, agent 80, customer 120, bot 125, agent 170
  const conversation = [
    ev.queued(0, 'k1', 'Web', 'chat'), ev.responded(3, 'k1', true), ev.responded(20, 'k1'), ev.message(50, 'k1'),
    ev.responded(80, 'k1'), ev.message(120, 'k1'), ev.responded(125, 'k1', true), ev.responded(170, 'k1'),
  ];
  const expected = [
    { at: at(3), by: 'bot' }, { at: at(20), by: 'agent' }, { at: at(50), by: 'customer' }, { at: at(80), by: 'agent' },
    { at: at(120), by: 'customer' }, { at: at(125), by: 'bot' }, { at: at(170), by: 'agent' },
  ];
  for (const order of [[0, 1, 2, 3, 4, 5, 6, 7], [7, 6, 5, 4, 3, 2, 1, 0], [3, 7, 1, 5, 0, 6, 2, 4]]) {
    it(`keeps every turn in time order, the first human and first bot replies, in order ${order.join('')}; a replay adds nothing`, () => {
      const t = testEngine(at(300));
      const all = lines(order.map((i) => conversation[i]));
      t.engine.ingestNdjson('s', all.slice(0, 3));
      t.engine.ingestNdjson('s', all.slice(3));
      const c = t.engine.store.contact('k1');
      expect(c).toMatchObject({ firstResponseAt: at(20), firstAutoResponseAt: at(3), turns: expected });
      // the same events again from another source (NDJSON without ids: logged again), each turn is there already
      t.engine.ingestNdjson('copy', lines(conversation));
      expect(t.engine.store.contact('k1')).toMatchObject({ firstResponseAt: at(20), firstAutoResponseAt: at(3), turns: expected });
      t.close();
    });
  }
});
