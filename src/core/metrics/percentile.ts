/**
 * Nearest-rank percentiles: the p-th percentile of n values is the ceil(p·n)-th smallest (1-based; at least the
 * first). Found by selection (Hoare's quickselect, median-of-three pivots) on a copy, in linear time: a day's
 * 100,000 waits take about a millisecond, where sorting them took 15.
 */
export function percentile(xs: ArrayLike<number>, p: number): number | null {
  return percentileOfParts([xs], p);
}

let scratch = new Float64Array(1024);

/** The percentile of the values of several lists taken together (copied once, into a reused typed array). */
export function percentileOfParts(parts: readonly ArrayLike<number>[], p: number): number | null {
  let n = 0;
  for (const part of parts) n += part.length;
  if (n === 0) return null;
  // one scratch array, grown as needed: a new 100,000-value typed array per figure made the collector run
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  const all = scratch.subarray(0, n);
  let at = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) all[at + i] = part[i];
    at += part.length;
  }
  return kthSmallest(all, Math.max(0, Math.ceil(p * n) - 1));
}

/** The k-th smallest (0-based) of a, which is reordered. */
function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three as the pivot, placed so that a[lo] <= pivot <= a[hi]
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Lists that are only ever appended to (a cached bucket's waits: a contact's wait, once counted, stays) with at
 * least this many values keep a sorted copy between calls of percentileOfGrowing, so that a day's percentile
 * does not copy and select its 100,000 waits on every evaluation.
 */
export const SORTED_COPY_FROM = 4096;

interface SortedCopy {
  /** The first `count` values of the list, sorted. */
  sorted: Float64Array;
  count: number;
}
const sortedCopies = new WeakMap<readonly number[], SortedCopy>();

/** The sorted copy of an append-only list, values appended since merged in once they are an eighth of it. */
function sortedCopyOf(list: readonly number[]): SortedCopy {
  let copy = sortedCopies.get(list);
  if (copy === undefined || copy.count > list.length) {
    copy = { sorted: Float64Array.from(list).sort(), count: list.length };
    sortedCopies.set(list, copy);
  } else if (list.length - copy.count > copy.count / 8) {
    const tail = Float64Array.from(list.slice(copy.count)).sort();
    copy.sorted = mergeSorted(copy.sorted, tail);
    copy.count = list.length;
  }
  return copy;
}

function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/**
 * percentileOfParts where `growing` lists are append-only (see SORTED_COPY_FROM): the same nearest-rank value.
 * With one large list, its sorted copy and the few values outside it (the rest, sorted) give the k-th smallest
 * by a binary search over the two sorted runs; otherwise all values are copied and selected as before.
 */
export function percentileOfGrowing(growing: readonly (readonly number[])[], rest: readonly ArrayLike<number>[], p: number): number | null {
  let large: readonly number[] | null = null;
  let larges = 0;
  let n = 0;
  for (const part of growing) {
    n += part.length;
    if (part.length >= SORTED_COPY_FROM) (large = part), larges++;
  }
  for (const part of rest) n += part.length;
  if (n === 0) return null;
  if (large === null || larges > 1) return percentileOfParts([...growing, ...rest], p);
  const copy = sortedCopyOf(large);
  const sorted = copy.sorted.subarray(0, copy.count);
  // everything else: the other lists, and the large list's values not in its sorted copy yet
  const m = n - copy.count;
  if (scratch.length < m) scratch = new Float64Array(Math.max(m, scratch.length * 2));
  const others = scratch.subarray(0, m);
  let at = 0;
  for (const part of growing) {
    const from = part === large ? copy.count : 0;
    for (let i = from; i < part.length; i++) others[at++] = part[i];
  }
  for (const part of rest) for (let i = 0; i < part.length; i++) others[at++] = part[i];
  others.sort();
  return kthOfTwoSorted(sorted, others, Math.max(0, Math.ceil(p * n) - 1));
}

/** The k-th smallest (0-based) of two sorted runs taken together: the fewest values of `a` among the first k+1. */
export function kthOfTwoSorted(a: ArrayLike<number>, b: ArrayLike<number>, k: number): number {
  let lo = Math.max(0, k + 1 - b.length);
  let hi = Math.min(a.length, k + 1);
  while (lo < hi) {
    const i = (lo + hi) >>> 1; // i values of a and k+1-i of b
    if (a[i] < b[k - i]) lo = i + 1;
    else hi = i;
  }
  const j = k + 1 - lo;
  return Math.max(lo > 0 ? a[lo - 1] : -Infinity, j > 0 ? b[j - 1] : -Infinity);
}
