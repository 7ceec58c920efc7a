import { useEffect, useState } from 'react';
import type { ApiName } from '../../../../shared/api';

/** The screens of the console. The floor is the default: a bare URL or an unknown hash shows it. */
export type View = 'floor' | 'standards' | 'feeds' | 'reports' | 'access' | 'boards' | 'center';

export const VIEWS: readonly View[] = ['floor', 'standards', 'feeds', 'reports', 'access', 'boards', 'center'];

export const VIEW_HASH: Record<View, string> = { floor: '#/', standards: '#/standards', feeds: '#/feeds', reports: '#/reports', access: '#/access', boards: '#/boards', center: '#/center' };

/**
 * The method each screen is for: a caller whose role may not call it (METHOD_ROLES) is not shown the screen, nor
 * its entry in the navigation. The feeds screen configures feeds; the reports screen exports; the access screen lists
 * tokens; the boards screen saves boards; the center screen stores the center's settings.
 */
export const VIEW_METHOD: Record<View, ApiName> = { floor: 'floor/snapshot', standards: 'standards/get', feeds: 'feeds/add', reports: 'reports/export', access: 'access/tokens', boards: 'boards/save', center: 'center/set' };

/** `#/feeds` (also `#feeds`, `#/feeds/`) is the feeds screen, `#/standards` the standards...; anything else the floor. */
export function viewFromHash(hash: string): View {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '').toLowerCase();
  return VIEWS.find((v) => v === path) ?? 'floor';
}

/**
 * The view named by the URL hash, followed as it changes. A hash rather than a path so a wall display can
 * deep-link to a screen on any host (the headless host serves one page) and the Electron file:// page alike.
 */
export function useHashView(): View {
  const [view, setView] = useState<View>(() => viewFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setView(viewFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return view;
}
