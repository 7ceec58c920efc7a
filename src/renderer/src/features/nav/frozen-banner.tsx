import { useEffect, useState } from 'react';
import type { ConnectionState } from '../../api/client';
import { formatElapsed, formatTimeOfDay } from '../../../../shared/format';
import { useNow } from '../../lib/use-now';

/**
 * No snapshot for this long (the host pushes one every second): the figures on screen are no longer the floor's.
 * Longer than a reconnect takes, so a brief drop does not grey the board. The connection pill says the same then.
 */
export const FROZEN_AFTER_MS = 10_000;

/** True while no snapshot has come for FROZEN_AFTER_MS (re-checked every second; changes state only when it flips). */
export function useFrozen(receivedAt: number | null): boolean {
  const [frozen, setFrozen] = useState(false);
  useEffect(() => {
    const check = () => setFrozen(receivedAt !== null && Date.now() - receivedAt > FROZEN_AFTER_MS);
    check();
    const id = setInterval(check, 1000);
    return () => clearInterval(id);
  }, [receivedAt]);
  return frozen;
}

/**
 * Over a frozen board, so nobody reads old figures as live from across the floor: when they are from (center
 * time, as the board's clock), how long ago on this screen's clock, and why.
 */
export function FrozenBanner({ at, timeZone, receivedAt, connection }: { at: number; timeZone: string; receivedAt: number; connection: ConnectionState }) {
  const now = useNow(1000);
  const why = connection === 'live' ? 'the host sends no updates' : 'the link to the host is down, reconnecting';
  return (
    <div className="banner banner--alert frozen-banner" role="alert" data-testid="frozen-banner">
      <span className="banner__icon" aria-hidden="true">
        ⚠
      </span>
      Figures frozen at {formatTimeOfDay(at, timeZone)}, {formatElapsed(Math.max(0, now - receivedAt) / 1000)} ago: {why}
    </div>
  );
}
