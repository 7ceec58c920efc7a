import { useEffect, useState } from 'react';

/** The screens of the console. The floor is the default: a bare URL or an unknown hash shows it. */
export type View = 'floor' | 'standards' | 'feeds';

export const VIEW_HASH: Record<View, string> = { floor: '#/', standards: '#/standards', feeds: '#/feeds' };

/** `#/feeds` (also `#feeds`, `#/feeds/`) is the feeds screen, `#/standards` the standards; anything else the floor. */
export function viewFromHash(hash: string): View {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '').toLowerCase();
  return path === 'feeds' ? 'feeds' : path === 'standards' ? 'standards' : 'floor';
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
