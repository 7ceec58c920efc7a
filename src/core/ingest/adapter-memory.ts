/**
 * What an adapter keeps across batches, bounded so that a feed running for months holds steady memory: a map
 * that forgets its least recently written entries, and the counts of lines read but not mapped (`ignored`).
 */

/**
 * A Map that forgets its least recently written entries beyond `max`. Writing an existing key moves it to the
 * young end (Map keeps insertion order), so an adapter that writes an entry back on each sighting forgets the
 * least recently seen one.
 */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(readonly max: number) {
    if (!(max >= 1)) throw new Error('BoundedMap needs max >= 1');
  }
  get(key: K): V | undefined {
    return this.map.get(key);
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }
  get size(): number {
    return this.map.size;
  }
}

/** Counts of lines read but not mapped, by kind; the adapter exposes the map read-only. */
export function ignoredCounter(): { ignored: ReadonlyMap<string, number>; count: (kind: string) => void } {
  const ignored = new Map<string, number>();
  return { ignored, count: (kind) => ignored.set(kind, (ignored.get(kind) ?? 0) + 1) };
}
