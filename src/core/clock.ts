/**
 * Time, injected. The engine owns time through clocks, so tests and the simulator can run a day in a second and
 * replay history deterministically, and every timer goes through a clock so a test moves it by hand instead of
 * sleeping.
 *
 * Two clocks run a Floorboard (src/core/floorboard.ts):
 * - the **center's clock** (`clock`): the instant every figure is computed at. "Today", the day roll, the
 *   standards' windows and their evaluation every 5 s, alert hysteresis, and later report schedules follow it. A
 *   simulated floor runs it `speed` times faster than the wall (scaledClock), from a start a test may fix.
 * - the **wall clock** (`wall`): real elapsed time, for what a person or a machine waits on: the snapshot pushed
 *   every second and the 50 ms push coalescing, file-tail polls, the simulated feed's steps, reconnects and socket
 *   timeouts. A simulated floor at x60 still pushes once a wall second and polls files every 200 wall ms.
 * In tests both are one manualClock (or the center's a scaledClock on a manual wall), and `advance` fires the
 * timers that fall due, in order, each at its own instant.
 */
export interface Timer {
  /** Stop the timer; nothing fires after this returns. */
  clear(): void;
}

export interface Clock {
  now(): number;
  /** Call `fn` once after `ms` of this clock's time. */
  setTimeout(fn: () => void, ms: number): Timer;
  /** Call `fn` every `ms` of this clock's time, until cleared. */
  setInterval(fn: () => void, ms: number): Timer;
}

export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    setTimeout: (fn, ms) => {
      const t = setTimeout(fn, ms);
      return { clear: () => clearTimeout(t) };
    },
    setInterval: (fn, ms) => {
      const t = setInterval(fn, ms);
      return { clear: () => clearInterval(t) };
    },
  };
}

/** A clock that starts at `origin` and runs `speed` times faster than `base` (its timers too). */
export function scaledClock(options: { origin: number; speed: number; base?: Clock }): Clock {
  const base = options.base ?? systemClock();
  const realOrigin = base.now();
  return {
    now: () => Math.floor(options.origin + (base.now() - realOrigin) * options.speed),
    setTimeout: (fn, ms) => base.setTimeout(fn, ms / options.speed),
    setInterval: (fn, ms) => base.setInterval(fn, ms / options.speed),
  };
}

export interface ManualClock extends Clock {
  /** Move to `t`: forward, firing the timers due on the way; back, firing none. */
  set(t: number): void;
  /** Move forward by `ms`, firing each timer due on the way at its own instant, in order. */
  advance(ms: number): void;
}

/** A clock moved by hand (tests): its timers fire only as it is moved. */
export function manualClock(start: number): ManualClock {
  let t = start;
  let nextId = 0;
  /** Pending timers; `every` re-arms an interval. Few at a time: a scan finds the next due. */
  const timers = new Map<number, { at: number; every: number | null; fn: () => void }>();

  function add(fn: () => void, ms: number, every: boolean): Timer {
    const id = nextId++;
    // an interval of 0 would never let time move on
    const step = Math.max(1, ms);
    timers.set(id, { at: t + (every ? step : Math.max(0, ms)), every: every ? step : null, fn });
    return { clear: () => void timers.delete(id) };
  }

  function nextDue(until: number): [number, { at: number; every: number | null; fn: () => void }] | null {
    let due: [number, { at: number; every: number | null; fn: () => void }] | null = null;
    for (const entry of timers) if (entry[1].at <= until && (due === null || entry[1].at < due[1].at || (entry[1].at === due[1].at && entry[0] < due[0]))) due = entry;
    return due;
  }

  function advanceTo(target: number): void {
    for (let due = nextDue(target); due !== null; due = nextDue(target)) {
      const [id, timer] = due;
      t = Math.max(t, timer.at);
      if (timer.every === null) timers.delete(id);
      else timer.at += timer.every;
      timer.fn();
    }
    t = Math.max(t, target);
  }

  return {
    now: () => t,
    setTimeout: (fn, ms) => add(fn, ms, false),
    setInterval: (fn, ms) => add(fn, ms, true),
    set: (v) => {
      if (v >= t) advanceTo(v);
      else t = v;
    },
    advance: (ms) => advanceTo(t + ms),
  };
}

/** Run a timer's work so that a failure is reported, not thrown out of the timer (which would end the process). */
export function safely(work: () => void, report: (e: Error) => void): void {
  try {
    work();
  } catch (e) {
    report(e instanceof Error ? e : new Error(String(e)));
  }
}
