import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { AccessTokenView } from '../../../../shared/api';
import { tokenColumns } from './token-columns';

interface TokenTableProps {
  tokens: AccessTokenView[];
  /** The browser's clock (token times are the host's wall clock). */
  now: number;
  timeZone: string;
  /** Revoke a token; resolves to an error message, or null once it is revoked. */
  onRevoke: (name: string) => Promise<string | null>;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** The viewer tokens, newest first unless a header is clicked; each revoked from its row after a confirmation. */
export function TokenTable({ tokens, now, timeZone, onRevoke }: TokenTableProps) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'createdAt', desc: true }]);
  const columns = useMemo(() => tokenColumns(now, timeZone), [now, timeZone]);
  const table = useReactTable({
    data: tokens,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (t) => t.name,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  if (tokens.length === 0) {
    return (
      <p className="empty" data-testid="tokens-empty">
        No viewer tokens yet: make one below for a wall display or a manager.
      </p>
    );
  }
  return (
    <table className="token-table" data-testid="token-table">
      <caption className="visually-hidden">Viewer tokens</caption>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const dir = header.column.getIsSorted();
              return (
                <th key={header.id} scope="col" aria-sort={dir ? ARIA_SORT[dir] : 'none'}>
                  <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                    {flexRender(header.column.columnDef.header, header.getContext())}
                    <span className="sort-mark" aria-hidden="true">
                      {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
            <th scope="col">
              <span className="visually-hidden">Revoke</span>
            </th>
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} data-testid="token-row" data-token={row.original.name}>
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id} data-column={cell.column.id}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
            <td className="token-table__actions">
              <RevokeControl name={row.original.name} onRevoke={onRevoke} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Revoke", then a confirmation in place: its screens lose the floor within seconds, and the link is gone for good. */
function RevokeControl({ name, onRevoke }: { name: string; onRevoke: (name: string) => Promise<string | null> }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!confirming) {
    return (
      <button type="button" className="button" data-testid={`revoke-${name}`} onClick={() => setConfirming(true)}>
        Revoke
      </button>
    );
  }
  const revoke = async () => {
    setBusy(true);
    const e = await onRevoke(name);
    setBusy(false);
    setError(e);
  };
  return (
    <div className="revoke-confirm" role="group" aria-label={`Revoke ${name}?`}>
      <span className="revoke-confirm__text">Revoke “{name}”? Its screens lose the floor within seconds; the link never works again.</span>
      <span className="form-actions">
        <button type="button" className="button button--danger" disabled={busy} data-testid={`confirm-revoke-${name}`} onClick={() => void revoke()}>
          {busy ? 'Revoking…' : 'Yes, revoke'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => (setConfirming(false), setError(null))}>
          Keep it
        </button>
      </span>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
