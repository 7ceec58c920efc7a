/**
 * What keeps a board healthy on a TV left on for days: a slow pixel shift (the whole page moves a few pixels
 * every few minutes, in a loop, so no edge burns in), and a reload every few hours (TV browsers leak memory over
 * days), put off while the host is down so a reload never trades figures on screen for an error page.
 */
import { useEffect, useRef, useState } from 'react';

export const SHIFT_EVERY_MS = 3 * 60_000;
export const RELOAD_EVERY_MS = 4 * 3600_000;
/** A loop of offsets within ±3 px: the page's margin is wider, so nothing is ever cut. */
const SHIFTS: readonly (readonly [number, number])[] = [[0, 0], [2, 1], [3, -1], [1, -3], [-2, -2], [-3, 1], [-1, 3], [1, 2]];

export function usePixelShift(): readonly [number, number] {
  const [step, setStep] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setStep((s) => (s + 1) % SHIFTS.length), SHIFT_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  return SHIFTS[step];
}

/** Reloads once RELOAD_EVERY_MS have passed and the host answers (`hostUp`), checked every minute. */
export function useScheduledReload(hostUp: boolean, reload: () => void): void {
  const up = useRef(hostUp);
  up.current = hostUp;
  useEffect(() => {
    const openedAt = Date.now();
    const timer = setInterval(() => {
      if (up.current && Date.now() - openedAt >= RELOAD_EVERY_MS) reload();
    }, 60_000);
    return () => clearInterval(timer);
  }, [reload]);
}
