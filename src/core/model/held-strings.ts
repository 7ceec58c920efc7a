/**
 * Strings kept for days (a contact's id, queue and agent) hold nothing but themselves. A string cut from a longer
 * one (a field of a line, a line of a 64 KiB read chunk) is, in V8, a view that keeps the whole parent alive: a
 * week imported from a file kept 1,097 of its 64 KiB chunks (72 MB) through the ids of the contacts it held.
 */

/** V8 copies substrings shorter than this instead of viewing their parent (SlicedString::kMinLength). */
const SHORTEST_VIEW = 13;

/** `s` as a string of its own: a copy when it may be a view into a longer string. */
export function detached(s: string): string {
  // the concatenation is flattened into a new string before the slice: the slice then views only that copy
  return s.length < SHORTEST_VIEW ? s : (' ' + s).slice(1);
}

/**
 * One copy of each repeated name (queues, agents: a few thousand, each named on many contacts), detached. Past
 * `limit` distinct names (a feed inventing names) a name is only detached, so the table stays bounded.
 */
export class NameTable {
  private readonly names = new Map<string, string>();

  constructor(private readonly limit = 100_000) {}

  get(name: string): string {
    const held = this.names.get(name);
    if (held !== undefined) return held;
    const copy = detached(name);
    if (this.names.size < this.limit) this.names.set(copy, copy);
    return copy;
  }
}
