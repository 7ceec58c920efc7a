/**
 * Agent-state intervals are re-derived when events arrive late or out of order: a state that starts at t
 * splits the interval holding t and lasts until that interval's end (or the next known state), whatever the
 * order of the lines and of the batches. Exactly one interval per agent stays open.
 */
import { describe, expect, it } from 'vitest';
import type { ParsedLine } from '../../src/core/store/store';
import { tempDbPath, testEngine } from '../helpers/engine';
import { at, ev, lines, T0 } from '../helpers/events';

type State = Parameters<typeof ev.agent>[2];
const intervals = (t: ReturnType<typeof testEngine>) =>
  t.db
    .prepare<[], { state: string; start_at: number; end_at: number | null }>('SELECT state, start_at, end_at FROM agent_states WHERE agent_id = ? ORDER BY start_at'.replace('?', "'a1'"))
    .all()
    .map((r) => [r.state, (r.start_at - T0) / 1000, r.end_at === null ? null : (r.end_at - T0) / 1000]);

const expected = [
  ['offline', 5, 10],
  ['available', 10, 15],
  ['on-contact', 15, 20],
  ['not-ready', 20, 30],
  ['available', 30, null],
];
const events: [number, State][] = [
  [5, 'offline'],
  [10, 'available'],
  [15, 'on-contact'],
  [20, 'not-ready'],
  [30, 'available'],
];

function ingest(order: number[], batches: number[][]) {
  const t = testEngine(at(60));
  const all = lines(order.map((i) => ev.agent(events[i][0], 'a1', events[i][1], events[i][1] === 'not-ready' ? 'Break' : undefined)));
  for (const b of batches) t.engine.ingestNdjson('agents', b.map((k) => all[k]));
  return t;
}

describe('agent-state intervals', () => {
  it('in order, in one batch or one line a batch', () => {
    for (const batches of [[[0, 1, 2, 3, 4]], [[0], [1], [2], [3], [4]]]) {
      const t = ingest([0, 1, 2, 3, 4], batches);
      expect(intervals(t)).toEqual(expected);
      t.close();
    }
  });

  it('late, in later batches: the held interval is split', () => {
    // the present first (10, 20, 30), then 15 late, then 5 (before everything known)
    const t = ingest([1, 3, 4, 2, 0], [[0, 1, 2], [3], [4]]);
    expect(intervals(t)).toEqual(expected);
    expect(t.engine.snapshot().agents.find((a) => a.id === 'a1')).toMatchObject({ state: 'available', since: at(30) });
    t.close();
  });

  it('out of order within one batch, and every permutation across two batches', () => {
    const orders = [
      [4, 3, 2, 1, 0],
      [2, 0, 4, 1, 3],
      [0, 4, 1, 3, 2],
    ];
    for (const order of orders) {
      for (const split of [0, 2, 5]) {
        const idx = [0, 1, 2, 3, 4];
        const t = ingest(order, [idx.slice(0, split), idx.slice(split)].filter((b) => b.length > 0));
        expect(intervals(t), `order ${order} split ${split}`).toEqual(expected);
        t.close();
      }
    }
  });

  it('a repeated instant replaces the state rather than adding an empty interval', () => {
    const t = testEngine(at(60));
    t.engine.ingestNdjson('a', lines([ev.agent(10, 'a1', 'available'), ev.agent(20, 'a1', 'not-ready', 'Lunch')]));
    t.engine.ingestNdjson('b', lines([ev.agent(20, 'a1', 'not-ready', 'Meeting')]));
    expect(intervals(t)).toEqual([
      ['available', 10, 20],
      ['not-ready', 20, null],
    ]);
    t.close();
  });

  it('several agents, shuffled into batches, with a restart and a failed batch between: the same intervals', () => {
    // Each agent's open interval is held in memory and rows are buffered: a late state must still find the
    // interval that holds it among other agents' rows, after a restart (nothing held) and after a rollback.
    const agents = ['a1', 'a2', 'a3'];
    const all = agents.flatMap((id, k) => events.map(([ts, state]) => ev.agent(ts + k, id, state, state === 'not-ready' ? 'Break' : undefined)));
    const want = (id: string, k: number) => expected.map(([state, a, b]) => [state, (a as number) + k, b === null ? null : (b as number) + k]);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 12; round++) {
      const order = all.map((e, i) => ({ e, i, r: random() })).sort((x, y) => x.r - y.r);
      const path = tempDbPath();
      let t = testEngine(at(60), {}, path);
      const cut1 = Math.floor(random() * order.length);
      const cut2 = cut1 + Math.floor(random() * (order.length - cut1));
      const text = (part: typeof order) => part.map(({ e, i }) => ({ position: i + 1, text: JSON.stringify(e) }));
      t.engine.ingestNdjson('agents', text(order.slice(0, cut1)));
      // a batch that fails half-way (its queue has no known channel, so no threshold): nothing of it is kept
      const failing: ParsedLine[] = [
        { position: 998, text: 'w', events: [{ v: 1, type: 'agent.state', ts: at(45), agentId: 'a1', state: 'offline' }] },
        { position: 999, text: 'x', events: [{ v: 1, type: 'agent.state', ts: at(44), agentId: 'a1', state: 'offline' }] },
        { position: 1000, text: 'y', events: [{ v: 1, type: 'queue.config', ts: at(45), queue: 'q', channel: 'nope' as 'voice' }] },
      ];
      expect(() => t.engine.store.writeBatch({ source: 'agents', format: 'ndjson', lines: failing, sameAsRaw: true })).toThrow(/NOT NULL/);
      t.engine.ingestNdjson('agents', text(order.slice(cut1, cut2)));
      t.close();
      t = testEngine(at(60), {}, path); // a restart: nothing held
      t.engine.ingestNdjson('agents', text(order.slice(cut2)));
      for (const [k, id] of agents.entries()) {
        const rows = t.db
          .prepare<[string], { state: string; start_at: number; end_at: number | null }>('SELECT state, start_at, end_at FROM agent_states WHERE agent_id = ? ORDER BY start_at')
          .all(id)
          .map((r) => [r.state, (r.start_at - T0) / 1000, r.end_at === null ? null : (r.end_at - T0) / 1000]);
        expect(rows, `round ${round}, ${id}`).toEqual(want(id, k));
      }
      t.close();
    }
  });
});
