/**
 * A full garbage collection, once, after the host has read the last days into memory (metrics/week-fill.ts). The
 * read leaves its rows, strings and the first week pass's judgements in V8's old space, and a host that then
 * idles (a floor between calls, a wallboard at night) allocates too little for V8 to collect them: on the
 * 905k-contact week the host held 470 MB of heap for 320 MB live, and its RSS stayed 635 MB (issue 17).
 *
 * Node offers gc() only to a process started with --expose-gc; the flag, set for a moment, puts it in a new
 * context (Electron's main process is Node too). Two collections: after one V8 keeps its heap at the size it grew
 * to, after the second it gives the pages back (the host at rest on that week: RSS 635 MB with none, 548 MB with
 * one, 501 MB with two). A pause of a few hundred ms, once.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function collectGarbage(): void {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
  }
  gc();
  gc();
}
