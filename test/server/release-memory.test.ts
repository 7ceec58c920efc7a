/**
 * The host's one collection after reading the week (server/release-memory.ts): garbage no longer reachable is
 * gone after it, in a process started without --expose-gc, and gc() is not left on the global object.
 */
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/server/release-memory';

describe('collectGarbage', () => {
  it('collects what nothing holds any more, and leaves no gc() behind', async () => {
    const hadGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
    const ref = new WeakRef(Array.from({ length: 1000 }, (_, i) => ({ i })));
    // a WeakRef keeps its target for the rest of the turn that made it
    await new Promise((next) => setImmediate(next));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    expect(typeof (globalThis as { gc?: unknown }).gc === 'function').toBe(hadGc);
  });
});
