import type { ConnectionState } from '../../api/client';
import { formatElapsed } from '../../lib/format';
import { useNow } from '../../lib/use-now';

/** Pushes come every second; this much silence on a "live" link means the host itself is stuck. */
const FROZEN_AFTER_MS = 5000;

const LOOK: Record<ConnectionState, { icon: string; text: string; tone: string }> = {
  connecting: { icon: '◌', text: 'Connecting…', tone: 'warn' },
  live: { icon: '●', text: 'Live', tone: 'ok' },
  disconnected: { icon: '✖', text: 'Disconnected — reconnecting', tone: 'alert' },
};

export function ConnectionStatus({ state, receivedAt }: { state: ConnectionState; receivedAt: number | null }) {
  const now = useNow(1000);
  const silentMs = receivedAt == null ? 0 : now - receivedAt;
  const frozen = state === 'live' && silentMs > FROZEN_AFTER_MS;
  const look = frozen ? { icon: '⚠', text: `No update for ${formatElapsed(silentMs / 1000)}`, tone: 'warn' } : LOOK[state];
  return (
    <div className={`connection connection--${look.tone}`} data-testid="connection-state" data-state={state} role="status">
      <span aria-hidden="true">{look.icon}</span> {look.text}
    </div>
  );
}
