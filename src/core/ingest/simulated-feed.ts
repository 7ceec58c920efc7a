/**
 * The built-in simulated floor as a feed: the simulator's events are serialized to native NDJSON lines and
 * go through the same ingest path as any real feed. Driven by the engine's clock, so `--speed 60` runs an
 * hour a minute. The stream is deterministic per seed and day, so a restart re-reads the same lines as
 * duplicates instead of doubling the day.
 */
import type { Engine } from '../engine';
import { toEventLine, canonicalEvent } from '../model/events';
import { createSimulator } from '../simulator/simulator';
import { businessDayStart, localDate } from '../time/business-day';

export interface SimulatedFeedOptions {
  seed: number;
  timeZone: string;
  resetHour: number;
  scale?: number;
  /** How often to advance the simulation, in wall-clock ms. */
  stepMs?: number;
}

const CHUNK = 5000;

export function startSimulatedFeed(engine: Engine, o: SimulatedFeedOptions): { stop(): void; source: string } {
  const start = businessDayStart(engine.clock.now(), o.timeZone, o.resetHour);
  const sim = createSimulator({ seed: o.seed, start, timeZone: o.timeZone, scale: o.scale ?? 1 });
  const source = `simulator:seed-${o.seed}:${localDate(start, o.timeZone)}`;
  let position = 0;

  function step(): void {
    const events = sim.advanceTo(engine.clock.now());
    for (let i = 0; i < events.length; i += CHUNK) {
      const lines = events.slice(i, i + CHUNK).map((e) => ({ position: ++position, text: toEventLine(canonicalEvent.parse(e)) }));
      engine.ingestNdjson(source, lines);
    }
  }

  step();
  const timer = setInterval(step, o.stepMs ?? 200);
  return { source, stop: () => clearInterval(timer) };
}
