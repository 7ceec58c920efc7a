import './view-nav.css';
import { VIEW_HASH, type View } from './view-route';

const LABEL: Record<View, string> = { floor: 'Floor', standards: 'Standards', feeds: 'Feeds' };
const ORDER: readonly View[] = ['floor', 'standards', 'feeds'];

/** Plain links to hashes: they work with the keyboard, open in a new window and can be bookmarked. */
export function ViewNav({ current }: { current: View }) {
  return (
    <nav className="view-nav" aria-label="Screens">
      {ORDER.map((view) => (
        <a
          key={view}
          href={VIEW_HASH[view]}
          className={`view-nav__link${view === current ? ' view-nav__link--current' : ''}`}
          aria-current={view === current ? 'page' : undefined}
          data-testid={`nav-${view}`}
        >
          {LABEL[view]}
        </a>
      ))}
    </nav>
  );
}
