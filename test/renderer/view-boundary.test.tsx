// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ViewBoundary } from '../../src/renderer/src/features/nav/view-boundary';

let broken = true;
function Flaky() {
  if (broken) throw new Error('l is not a function');
  return <p>the floor</p>;
}

describe('a view that fails to draw', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('says what failed instead of blanking the console, and is drawn again after 10 seconds', () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    broken = true;
    render(
      <ViewBoundary>
        <Flaky />
      </ViewBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('This view failed to draw: l is not a function');
    broken = false;
    act(() => vi.advanceTimersByTime(9_000));
    expect(screen.queryByText('the floor')).toBeNull();
    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.getByText('the floor')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
