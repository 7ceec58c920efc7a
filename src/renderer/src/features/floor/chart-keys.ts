/**
 * The chart's details by keyboard: with the chart focused, the arrows step the tooltip through the intervals
 * (Home and End jump to the first and the latest), as hovering does with a mouse. Pure, so it is tested alone.
 */

/** The interval the tooltip moves to on `key`, or null for a key the chart leaves alone. `current` null: none shown yet. */
export function stepTip(current: number | null, key: string, count: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const from = current === null ? last : Math.min(current, last);
  switch (key) {
    case 'ArrowLeft':
      return current === null ? last : Math.max(0, from - 1);
    case 'ArrowRight':
      return current === null ? last : Math.min(last, from + 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
