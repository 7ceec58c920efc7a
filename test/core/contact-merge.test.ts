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
