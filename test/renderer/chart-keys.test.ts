import { describe, expect, it } from 'vitest';
import { stepTip } from '../../src/renderer/src/features/floor/chart-keys';

describe('the chart by keyboard', () => {
  it('starts at the latest interval and steps with the arrows, within the day', () => {
    expect(stepTip(null, 'ArrowLeft', 44)).toBe(43);
    expect(stepTip(43, 'ArrowLeft', 44)).toBe(42);
    expect(stepTip(43, 'ArrowRight', 44)).toBe(43); // the latest stays the latest
    expect(stepTip(0, 'ArrowLeft', 44)).toBe(0);
    expect(stepTip(10, 'Home', 44)).toBe(0);
    expect(stepTip(10, 'End', 44)).toBe(43);
    expect(stepTip(50, 'ArrowLeft', 44)).toBe(42); // the day got shorter under it (a reset): clamped first
  });

  it('leaves other keys and an empty chart alone', () => {
    expect(stepTip(3, 'Tab', 44)).toBeNull();
    expect(stepTip(null, 'ArrowLeft', 0)).toBeNull();
  });
});
