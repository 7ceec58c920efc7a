/**
 * What a board says instead of, or over, its figures: the waiting page while its host cannot be reached (it
 * connects by itself when the host comes up), a refusal in words, and a small corner notice when the figures on
 * screen are frozen (the host went silent), so nobody across the room reads old figures as live.
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
