/**
 * What a board says instead of, or over, its figures: the waiting page while its host cannot be reached (it
 * connects by itself when the host comes up), a refusal in words, and a small corner notice when the figures on
 * screen are frozen (the host went silent), so nobody across the room reads old figures as live; and, once the host
 * has ended this screen's access (its token revoked, expired or its board removed), that, with how to bring it back,
 * instead of a wait that would never end.
 */
import { formatElapsed, formatTimeOfDay } from '../../../../shared/format';
import { useNow } from '../../lib/use-now';

export function BoardWaiting({ name, problem }: { name: string; problem: string | null }) {
  return (
    <div className="board-waiting" role="status" data-testid="board-waiting">
      <p className="board-waiting__name">Floorboard · {name}</p>
      <p className="board-waiting__text">{problem === null || problem === 'host-down' ? 'Waiting for the floor host… retrying' : problem}</p>
    </div>
  );
}

export function BoardFrozen({ at, timeZone, receivedAt }: { at: number; timeZone: string; receivedAt: number }) {
  const now = useNow(1000);
  return (
    <div className="board-frozen" role="alert" data-testid="board-frozen">
      <span aria-hidden="true">⚠</span> Frozen at {formatTimeOfDay(at, timeZone)} · {formatElapsed(Math.max(0, now - receivedAt) / 1000)} ago
    </div>
  );
}

export function BoardRevoked({ name }: { name: string }) {
  return (
    <div className="board-access board-access--revoked" role="alert" data-testid="board-revoked">
      <p className="board-access__name">Floorboard · board “{name}”</p>
      <p className="board-access__title">This screen's access was revoked</p>
      <p className="board-access__text">To show the board here again, pair this screen again: open /board/{name} on it without its token and enter the code on the Boards screen (Boards → Pair a screen).</p>
      <p className="board-access__hint">
        Or make it a new token: <code>npm run cli -- boards token create {name}</code>
      </p>
    </div>
  );
}
