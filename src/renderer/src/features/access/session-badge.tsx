import './access.css';
import { useSessionCaller } from './session';

/**
 * In the header, for a viewer: its token's name, so a wall display says whose link it runs on. An admin gets
 * nothing: its Feeds and Access screens say it, and at 1920 px the header has no room left for a badge beside them
 * (measured: with an alert open, the admin's header wrapped to two rows, 166 px instead of 64).
 */
export function SessionBadge() {
  const caller = useSessionCaller();
  if (caller.role !== 'viewer') return null;
  return (
    <span
      className="badge session-badge"
      data-testid="session-badge"
      title={`Signed in with the viewer token "${caller.token}": read only, ${caller.names ? 'agents by name' : 'agents under pseudonyms'}`}
    >
      Viewer: {caller.token}
    </span>
  );
}
