/** Conversation turns kept as text: in time order whatever order they come in, each once. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTurns, withTurn } from '../../src/core/metrics/responses';
import type { Turn } from '../../src/core/model/types';

const ORDER = { customer: 0, agent: 1, bot: 2 } as const;

describe('conversation turns', () => {
  it('hold every distinct turn once, sorted by time (customer first on a tie), in any arrival order', () => {
    const turn = fc.record({ at: fc.integer({ min: 1, max: 40 }), by: fc.constantFrom<Turn['by']>('customer', 'agent', 'bot') });
    fc.assert(
      fc.property(fc.array(turn, { maxLength: 30 }), (turns) => {
        let text: string | null = null;
        for (const t of turns) text = withTurn(text, t) ?? text;
        const distinct = [...new Map(turns.map((t) => [`${t.at}:${t.by}`, t])).values()];
        distinct.sort((a, b) => a.at - b.at || ORDER[a.by] - ORDER[b.by]);
        expect(decodeTurns(text) ?? []).toEqual(distinct);
      }),
      { numRuns: 1000 },
    );
  });

  it('says when a turn is there already', () => {
    const text = withTurn(withTurn(null, { at: 5, by: 'agent' }), { at: 9, by: 'customer' });
    expect(text).toBe('5:a,9:c');
    expect(withTurn(text, { at: 9, by: 'customer' })).toBeNull();
    expect(withTurn(text, { at: 5, by: 'agent' })).toBeNull();
    expect(withTurn(text, { at: 5, by: 'customer' })).toBe('5:c,5:a,9:c');
  });
});
