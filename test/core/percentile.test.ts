/** Nearest-rank percentiles by selection agree with sorting, on ties, runs and random values. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SORTED_COPY_FROM, kthOfTwoSorted, percentile, percentileOfGrowing, percentileOfParts } from '../../src/core/metrics/percentile';

const bySorting = (xs: number[], p: number) => (xs.length === 0 ? null : [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * xs.length) - 1)]);

describe('percentile', () => {
  it('is the ceil(p·n)-th smallest: hand-computed', () => {
    // 10 waits: the median is the 5th smallest, the 90th percentile the 9th
    const waits = [30, 5, 12, 60, 45, 5, 8, 90, 21, 13];
    expect(percentile(waits, 0.5)).toBe(13);
    expect(percentile(waits, 0.9)).toBe(60);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile(waits, 0)).toBe(5);
    expect(percentile(waits, 1)).toBe(90);
    expect(waits).toEqual([30, 5, 12, 60, 45, 5, 8, 90, 21, 13]); // the input is left as it was
  });

  it('agrees with sorting on any values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        expect(percentile(xs, p)).toBe(bySorting(xs, p));
        const cut = Math.floor(xs.length / 3);
        expect(percentileOfParts([xs.slice(0, cut), [], xs.slice(cut)], p)).toBe(bySorting(xs, p));
      }),
      { numRuns: 2000 },
    );
  });

  it('of two sorted runs: the k-th smallest of both, hand-computed', () => {
    // [1, 4, 9] and [2, 3, 10, 11]: together 1 2 3 4 9 10 11
    const all = [1, 2, 3, 4, 9, 10, 11];
    all.forEach((v, k) => expect(kthOfTwoSorted([1, 4, 9], [2, 3, 10, 11], k)).toBe(v));
    expect(kthOfTwoSorted([], [5, 6], 1)).toBe(6);
    expect(kthOfTwoSorted([5, 5, 5], [5], 3)).toBe(5);
  });

  it('over a list that only grows (a day of waits), with its sorted copy kept between calls, agrees with sorting', () => {
    // a day's list crosses SORTED_COPY_FROM and keeps growing by batches, small and large; each step asks for a
    // percentile with other small lists beside it
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 1500, size: 'max' }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (batches, live, p) => {
          const day: number[] = Array.from({ length: SORTED_COPY_FROM - 100 }, (_, i) => (i * 7919) % 1_000_003);
          const small: number[] = [3, 900];
          for (const batch of batches) {
            day.push(...batch);
            expect(percentileOfGrowing([day, small], [live], p)).toBe(bySorting([...day, ...small, ...live], p));
          }
        },
      ),
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('over two large growing lists, or none, still agrees with sorting', () => {
    const a = Array.from({ length: SORTED_COPY_FROM + 10 }, (_, i) => (i * 7919) % 1000);
    const b = Array.from({ length: SORTED_COPY_FROM + 3 }, (_, i) => (i * 104729) % 997);
    for (const p of [0, 0.5, 0.9, 1]) {
      expect(percentileOfGrowing([a, b], [[5]], p)).toBe(bySorting([...a, ...b, 5], p));
      expect(percentileOfGrowing([[4, 2]], [[5]], p)).toBe(bySorting([4, 2, 5], p));
    }
    expect(percentileOfGrowing([], [], 0.5)).toBeNull();
  });
});
