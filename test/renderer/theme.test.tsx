// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ThemeProvider } from '../../src/renderer/src/features/theme/theme-context';
import { ThemeToggle } from '../../src/renderer/src/features/theme/theme-toggle';
import { THEME_STORAGE_KEY } from '../../src/renderer/src/features/theme/theme';

function prefersDark(dark: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: dark && query === '(prefers-color-scheme: dark)',
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

const renderToggle = () =>
  render(
    <ThemeProvider>
      <ThemeToggle />
    </ThemeProvider>,
  );

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('theme', () => {
  it('follows the system preference until the user chooses', () => {
    prefersDark(true);
    renderToggle();
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(screen.getByTestId('theme-toggle').textContent).toBe('☾ Dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('toggles and remembers the choice over the system preference', () => {
    prefersDark(true);
    renderToggle();
    fireEvent.click(screen.getByTestId('theme-toggle'));
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
    cleanup();
    renderToggle();
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(screen.getByTestId('theme-toggle').textContent).toBe('☀ Light');
  });
});
