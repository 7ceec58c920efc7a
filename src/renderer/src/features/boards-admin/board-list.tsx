/**
 * The boards, one row each (name, title, version in force, pages, screens), each opened in the editor from its
 * row and removed after a question in place. `floor` has no Remove: it is the board a new screen shows.
 */
import type { BoardListEntry } from '../../../../shared/api-boards';
import { TableHead } from '../reports/table-head';
import { ConfirmInPlace } from './confirm-in-place';

interface BoardListProps {
  boards: BoardListEntry[];
  open: string | null;
  onOpen: (name: string) => void;
  onRemove: (name: string) => Promise<string | null>;
}

export function BoardList({ boards, open, onOpen, onRemove }: BoardListProps) {
  return (
    <table className="token-table boards-table" data-testid="boards-table">
      <caption className="visually-hidden">Boards</caption>
      <TableHead titles={['Name', 'Title', 'Version', 'Pages', 'Screens', '']} />
      <tbody>
        {boards.map((b) => (
          <tr key={b.name} data-testid="board-row" data-board={b.name} aria-current={b.name === open || undefined}>
            <td>
              <button type="button" className="link-button" onClick={() => onOpen(b.name)} data-testid={`open-${b.name}`}>
                <strong>{b.name}</strong>
              </button>
            </td>
            <td>{b.title}</td>
            <td data-column="version">{b.version}</td>
            <td>{b.pages}</td>
            <td>{b.screens}</td>
            <td className="token-table__actions">
              {b.name !== 'floor' && (
                <ConfirmInPlace label="Remove" question={`Remove “${b.name}”? Its versions go, and its ${b.screens} screen(s) are revoked.`} testId={`remove-${b.name}`} act={() => onRemove(b.name)} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
