/**
 * The engine owns time through a clock, so tests and the simulator can run a day in a second and replay
 * history deterministically. `speed` > 1 runs the center's clock faster than the wall clock (demos, tests).
 */
export interface Clock {
  now(): number;
}

export function systemClock(): Clock {
  return { now: () => Date.now() };
}

/** A clock that starts at `origin` and runs `speed` times faster than `base`. */
export function scaledClock(options: { origin: number; speed: number; base?: Clock }): Clock {
  const base = options.base ?? systemClock();
  const realOrigin = base.now();
  return { now: () => Math.floor(options.origin + (base.now() - realOrigin) * options.speed) };
}

/** A clock moved by hand (tests). */
export function manualClock(start: number): Clock & { set(t: number): void; advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    set: (v: number) => {
      t = v;
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}
