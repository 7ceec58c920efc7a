import type { FloorSnapshot } from '../../../../shared/api';

/** Seconds since the last event, on the center clock; null before any event. */
export function secondsSinceLastEvent(s: Pick<FloorSnapshot, 'now' | 'lastEventAt'>): number | null {
  return s.lastEventAt == null ? null : Math.max(0, (s.now - s.lastEventAt) / 1000);
}

/** No event yet, or none for longer than the configured quiet time: figures may no longer be true. */
export function isStale(s: Pick<FloorSnapshot, 'now' | 'lastEventAt' | 'staleAfterSeconds'>): boolean {
  return s.lastEventAt == null || s.now - s.lastEventAt > s.staleAfterSeconds * 1000;
}
