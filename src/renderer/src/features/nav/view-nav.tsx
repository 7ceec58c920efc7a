import { callerAllows, useSessionCaller } from '../access/session';
import './view-nav.css';
import { VIEW_HASH, VIEW_METHOD, VIEWS, type View } from './view-route';

export const VIEW_LABEL: Record<View, string> = { floor: 'Floor', standards: 'Standards', feeds: 'Feeds', reports: 'Reports', access: 'Access', boards: 'Boards', center: 'Center' };

/** Plain links to hashes: they work with the keyboard, open in a new window and can be bookmarked. Only the screens the caller may use. */
export function ViewNav({ current }: { current: View }) {
  const caller = useSessionCaller();
  return (
    <nav className="view-nav" aria-label="Screens">
      {VIEWS.filter((view) => callerAllows(caller, VIEW_METHOD[view])).map((view) => (
        <a
          key={view}
          href={VIEW_HASH[view]}
          className={`view-nav__link${view === current ? ' view-nav__link--current' : ''}`}
          aria-current={view === current ? 'page' : undefined}
          data-testid={`nav-${view}`}
        >
          {VIEW_LABEL[view]}
        </a>
      ))}
    </nav>
  );
}
