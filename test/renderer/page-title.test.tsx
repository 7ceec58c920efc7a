// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PageTitle, pageTitle } from '../../src/renderer/src/features/nav/page-title';
import type { AlertsSummary, AlertView } from '../../src/shared/standards';

afterEach(cleanup);

const alerts = (open: number, unacknowledged = open): AlertsSummary => ({ open: Array.from({ length: open }, (_, id) => ({ id }) as AlertView), unacknowledged });

describe('the page title', () => {
  it('names the screen and the open alerts, seen or not', () => {
    expect(pageTitle('floor', alerts(2))).toBe('Floor · 2 alerts — Floorboard');
    expect(pageTitle('standards', alerts(1, 0))).toBe('Standards · 1 alert — Floorboard');
    expect(pageTitle('reports', alerts(0))).toBe('Reports — Floorboard');
    expect(pageTitle('floor', undefined)).toBe('Floor — Floorboard');
  });

  it('keeps document.title in step', () => {
    const { rerender } = render(<PageTitle view="floor" alerts={alerts(0)} />);
    expect(document.title).toBe('Floor — Floorboard');
    rerender(<PageTitle view="floor" alerts={alerts(3)} />);
    expect(document.title).toBe('Floor · 3 alerts — Floorboard');
  });
});
