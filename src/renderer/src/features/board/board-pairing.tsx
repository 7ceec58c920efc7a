/**
 * The page a board shows when opened without a token (the host answers it `unauthenticated`): its pairing code, big
 * enough to read from 5 m, where to enter it, the board asked for and the time the code has left. No control on
 * it: the TV's remote has nothing to do; an admin does the rest from the Boards screen.
 */
import { formatDuration } from '../../../../shared/format';
import { useNow } from '../../lib/use-now';
import { codeAsShown, type ShownCode } from './pairing-calls';
import { usePairing, type PairingPorts, type PairingView } from './use-pairing';

interface BoardPairingProps {
  name: string;
  pageUrl: string;
  ports: PairingPorts;
}

export function BoardPairing({ name, pageUrl, ports }: BoardPairingProps) {
  const view = usePairing(pageUrl, ports);
  return (
    <div className="board-access" role="status" data-testid="board-pairing" data-phase={view.phase}>
      <p className="board-access__name">Floorboard · board “{name}”</p>
      {view.phase === 'showing' ? <CodeShown shown={view.shown} /> : <p className="board-access__title">{notShowing(view)}</p>}
    </div>
  );
}

function notShowing(view: Exclude<PairingView, { phase: 'showing' }>): string {
  switch (view.phase) {
    case 'asking':
      return view.afterExpiry ? 'That code expired: asking for a new one…' : 'Asking the floor host for a pairing code…';
    case 'busy':
      return 'Too many screens are pairing: retrying in a minute';
    case 'host-down':
      return 'Waiting for the floor host… retrying';
  }
}

function CodeShown({ shown }: { shown: ShownCode }) {
  const now = useNow(1000);
  const secondsLeft = Math.max(0, (shown.deadline - now) / 1000);
  return (
    <>
      <p className="board-access__code" data-testid="board-pairing-code">
        {codeAsShown(shown.code)}
      </p>
      <p className="board-access__text">Enter this code on the Boards screen of Floorboard (Boards → Pair a screen)</p>
      <p className="board-access__hint" data-testid="board-pairing-left">
        {secondsLeft > 0 ? `Valid for ${formatDuration(secondsLeft)}` : 'Expired: asking for a new one…'}
      </p>
    </>
  );
}
