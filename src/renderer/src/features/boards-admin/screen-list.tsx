/**
 * The screens (viewer tokens bound to a board): which board each shows, when it was made and last seen, each
 * revoked after a question in place (its connection closes within 5 s and the TV says so).
 */
import type { BoardScreen } from '../../../../shared/boards';
import { formatDateTime } from '../../../../shared/format';
import { TableHead } from '../reports/table-head';
import { ConfirmInPlace } from './confirm-in-place';

interface ScreenListProps {
  screens: BoardScreen[];
  timeZone: string;
  onRevoke: (screen: string) => Promise<string | null>;
}

export function ScreenList({ screens, timeZone, onRevoke }: ScreenListProps) {
  if (screens.length === 0) {
    return (
      <p className="empty" data-testid="screens-empty">
        No screens yet: pair one below.
      </p>
    );
  }
  return (
    <table className="token-table" data-testid="screens-table">
      <caption className="visually-hidden">Screens</caption>
      <TableHead titles={['Screen', 'Board', 'Created', 'Last seen', '']} />
      <tbody>
        {screens.map((s) => (
          <tr key={s.screen} data-testid="screen-row" data-screen={s.screen}>
            <td>
              <strong>{s.screen}</strong>
            </td>
            <td>{s.board}</td>
            <td>{formatDateTime(s.createdAt, timeZone)}</td>
            <td>{s.lastSeenAt === null ? 'never' : formatDateTime(s.lastSeenAt, timeZone)}</td>
            <td className="token-table__actions">
              <ConfirmInPlace label="Revoke" question={`Revoke “${s.screen}”? It stops showing its board within seconds.`} testId={`revoke-${s.screen}`} act={() => onRevoke(s.screen)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
