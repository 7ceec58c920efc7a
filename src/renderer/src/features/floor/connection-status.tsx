import type { ConnectionState } from '../../api/client';
import { formatElapsed } from '../../../../shared/format';
import { useNow } from '../../lib/use-now';
import { FROZEN_AFTER_MS } from '../nav/frozen-banner';

const LOOK: Record<ConnectionState, { icon: string; text: string; tone: string }> = {
  connecting: { icon: '◌', text: 'Connecting…', tone: 'warn' },
  live: { icon: '●', text: 'Live', tone: 'ok' },
  disconnected: { icon: '✖', text: 'Disconnected — reconnecting', tone: 'alert' },
  'signed-out': { icon: '✖', text: 'Signed out', tone: 'alert' },
};

export function ConnectionStatus({ state, receivedAt }: { state: ConnectionState; receivedAt: number | null }) {
  const now = useNow(1000);
  const silentMs = receivedAt == null ? 0 : now - receivedAt;
  // a "live" link silent as long as a frozen board (FROZEN_AFTER_MS): the host itself is stuck
  const frozen = state === 'live' && silentMs > FROZEN_AFTER_MS;
  const look = frozen ? { icon: '⚠', text: `No update for ${formatElapsed(silentMs / 1000)}`, tone: 'warn' } : LOOK[state];
  return (
    <div className={`connection connection--${look.tone}`} data-testid="connection-state" data-state={state} role="status">
      <span aria-hidden="true">{look.icon}</span> {look.text}
    </div>
  );
}
