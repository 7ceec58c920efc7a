/**
 * A board's theme on the page: `html[data-theme]` as the console's toggle sets it (theme.css holds the
 * palettes, high contrast included), chosen by the board rather than by the viewer or the system.
 */
import type { BoardTheme } from '../../../../shared/boards';

export function applyBoardTheme(theme: BoardTheme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme === 'light' ? 'light' : 'dark';
}
