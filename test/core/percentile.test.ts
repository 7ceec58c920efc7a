/** Nearest-rank percentiles by selection agree with sorting, on ties, runs and random values. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile, percentileOfParts } from '../../src/core/metrics/percentile';

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
});
