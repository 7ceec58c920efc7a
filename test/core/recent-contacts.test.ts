/**
 * History windows within the last days are computed from the contacts held in memory; they must equal the
 * store's computation for every window and grouping, whatever order the events came in.
 */
import { describe, expect, it } from 'vitest';
import { storedMetrics } from '../../src/core/metrics/window-metrics';
import { canonicalEvent, toEventLine } from '../../src/core/model/events';
import { createSimulator } from '../../src/core/simulator/simulator';
import { testEngine } from '../helpers/engine';

describe('recent contacts in memory', () => {
  it('give the same metrics as the store, for hours and the day, by center, queue and channel', () => {
    const start = Date.parse('2026-03-02T06:00:00Z');
    const end = start + 8 * 3600_000;
    const t = testEngine(end + 3600_000);
    const events = createSimulator({ seed: 11, start, timeZone: 'UTC', scale: 1 }).advanceTo(end);
    const lines = events.map((e, i) => ({ position: i + 1, text: toEventLine(canonicalEvent.parse(e)) }));
    // out of order: every batch reversed
    for (let i = 0; i < lines.length; i += 700) t.engine.ingestNdjson('sim', lines.slice(i, i + 700).reverse());
    let windows = 0;
    for (const by of ['center', 'queue', 'channel'] as const) {
      for (let from = start; from < end; from += 2 * 3600_000) {
        for (const to of [from + 3600_000, from + 2 * 3600_000 + 17_000, end + 3600_000]) {
          const o = { from, to, by, shortAbandonSeconds: 5 };
          const fromMemory = t.engine.handlers['metrics/window']({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), by }).rows;
          expect(fromMemory, `${by} ${new Date(from).toISOString()}`).toEqual(storedMetrics(t.engine.store, o));
          windows++;
        }
      }
    }
    expect(windows).toBe(36);
    expect(t.engine.handlers['metrics/window']({ from: new Date(start).toISOString(), to: new Date(end).toISOString() }).rows[0].offered).toBeGreaterThan(500);
    t.close();
  });
});
