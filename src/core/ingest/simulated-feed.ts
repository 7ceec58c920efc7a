/**
 * The built-in simulated floor as a feed: the simulator's events are serialized to native NDJSON lines and
 * go through the same ingest path as any real feed. Driven by the engine's clock, so `--speed 60` runs an
 * hour a minute. The stream is deterministic per seed and day, so a restart re-reads the same lines as
 * duplicates instead of doubling the day.
 */
import type { IngestSummary } from '../../shared/api';
import type { Clock } from '../clock';
import type { SourceLine } from './source-lines';
import type { StoreReader } from '../store/store';
import { toEventLine, canonicalEvent } from '../model/events';
import { createSimulator } from '../simulator/simulator';
import { businessDayStart, localDate } from '../time/business-day';
import type { Channel } from '../model/types';

/** A scripted surge, relative to when the feed starts: `factor` times the arrivals of `channel` for `minutes`. */
export interface SurgeSpec {
  channel: Channel;
  /** Minutes after the feed starts (on the engine's clock). */
  afterMinutes: number;
  minutes: number;
  factor: number;
}

export interface SimulatedFeedOptions {
  seed: number;
  timeZone: string;
  resetHour: number;
  scale?: number;
  /** How often to advance the simulation, in wall-clock ms. */
  stepMs?: number;
  /** Scripted surges (a breach to show or test alerts with). */
  surges?: SurgeSpec[];
  /**
   * The business day the stream starts on (its contacts' ids name it); default: the engine clock's. A resumed
   * clock past midnight carries on the stream of the day it resumed, instead of starting the next day's again.
   */
  dayStart?: number;
  /** A step that could not store its lines (a busy or read-only database): reported, and retried next step. */
  onError?: (e: unknown) => void;
}

const CHUNK = 5000;
/** Lines held for the next step while the store refuses them; beyond, the oldest are dropped (a restart re-reads). */
const MAX_PENDING = 50 * CHUNK;

/** The source a seed's simulated day is stored under; a surged run's adds its surges. */
const streamSource = (seed: number, dayStart: number, timeZone: string) => `simulator:seed-${seed}:${localDate(dayStart, timeZone)}`;

/**
 * The latest instant of the events stored of a seed's simulated day, by every run of it (surged ones included);
 * null when none is stored. A stream's lines are its events in time order, so its last block holds it.
 */
export function simulatedStreamEnd(store: StoreReader, seed: number, dayStart: number, timeZone: string): number | null {
  let end: number | null = null;
  for (const lines of store.lastStoredBlocks(streamSource(seed, dayStart, timeZone))) {
    for (const text of lines) {
      const ts = Date.parse((JSON.parse(text) as { ts: string }).ts);
      if (Number.isFinite(ts) && (end === null || ts > end)) end = ts;
    }
  }
  return end;
}

/** What the simulated feed drives: the center's clock it catches up with, the wall it steps on, the ingest path. */
export interface SimulatedFeedTarget {
  clock: Clock;
  wall: Clock;
  ingestNdjson(source: string, lines: SourceLine[]): IngestSummary;
}

export function startSimulatedFeed(engine: SimulatedFeedTarget, o: SimulatedFeedOptions): { stop(): void; source: string } {
  const now = engine.clock.now();
  const start = o.dayStart ?? businessDayStart(now, o.timeZone, o.resetHour);
  const surges = (o.surges ?? []).map((s) => ({ channel: s.channel, from: now + s.afterMinutes * 60_000, to: now + (s.afterMinutes + s.minutes) * 60_000, factor: s.factor }));
  const sim = createSimulator({ seed: o.seed, start, timeZone: o.timeZone, scale: o.scale ?? 1, surges });
  // a surged day is another stream: its own source, so a later run without it is not read as its duplicate
  const surged = surges.map((s) => `${s.channel}-${s.from}-${s.to}-x${s.factor}`).join(',');
  const source = `${streamSource(o.seed, start, o.timeZone)}${surged ? `:surge-${surged}` : ''}`;
  let position = 0;
  let pending: SourceLine[] = [];

  // a timer's callback: a throw here would end the process, so a failed write is reported and retried instead
  function step(): void {
    for (const e of sim.advanceTo(engine.clock.now())) pending.push({ position: ++position, text: toEventLine(canonicalEvent.parse(e)) });
    try {
      while (pending.length > 0) {
        engine.ingestNdjson(source, pending.slice(0, CHUNK));
        pending = pending.slice(CHUNK);
      }
    } catch (e) {
      if (pending.length > MAX_PENDING) pending = pending.slice(pending.length - MAX_PENDING);
      o.onError?.(e);
    }
  }

  step();
  // steps on the wall clock: the simulator catches up with the center's clock, however fast that runs
  const timer = engine.wall.setInterval(step, o.stepMs ?? 200);
  return { source, stop: () => timer.clear() };
}
