import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { AGENT_STATES, type AgentRow, type AgentState } from '../../../../shared/api';
import { formatCount } from '../../../../shared/format';
import { agentColumns } from './agent-columns';
import { agentMatches } from './agent-filter';
import { AGENT_STATE_LOOK } from './agent-states';

/** Fixed row height: the virtualizer places rows without measuring them, which keeps 2,000 rows cheap. */
const AGENT_ROW_HEIGHT = 40;

const COLUMN_WIDTHS: Record<string, string> = {
  name: '17%',
  state: '18%',
  reason: '14%',
  timeInState: '11%',
  contacts: '22%',
  channels: '18%',
};

const DEFAULT_SORT: SortingState = [
  { id: 'state', desc: false },
  { id: 'timeInState', desc: true },
];

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

export function AgentTable({ agents, now }: { agents: AgentRow[]; now: number }) {
  const [text, setText] = useState('');
  const [state, setState] = useState<AgentState | 'all'>('all');
  // Offline agents are folded away under "All states": on a 2,000-agent roster most of the list is people not on
  // shift. Choosing the Offline state, or the toggle, shows them.
  const [showOffline, setShowOffline] = useState(false);
  // Grouped by state, longest in state first: who has been not ready or in wrap-up too long is on top.
  const [sorting, setSorting] = useState<SortingState>(DEFAULT_SORT);

  // A click makes that column the only sort: reversed if it already leads, else in its natural first
  // direction (names A→Z, time in state longest first), even when it was the hidden secondary sort.
  const sortBy = (id: string, firstDir: 'asc' | 'desc') =>
    setSorting((current) =>
      current[0]?.id === id ? [{ id, desc: !current[0].desc }] : [{ id, desc: firstDir === 'desc' }],
    );

  const { rows, folded } = useMemo(() => {
    const matching = agents.filter((a) => agentMatches(a, text, state));
    if (showOffline || state === 'offline') return { rows: matching, folded: 0 };
    const shown = matching.filter((a) => a.state !== 'offline');
    return { rows: shown, folded: matching.length - shown.length };
  }, [agents, text, state, showOffline]);
  const canFold = state !== 'offline' && (showOffline || folded > 0);
  const columns = useMemo(() => agentColumns(now), [now]);

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (a) => a.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const sortedRows = table.getRowModel().rows;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: sortedRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => AGENT_ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items.length > 0 ? items[0].start : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const columnCount = table.getVisibleLeafColumns().length;

  return (
    <section className="agent-table" aria-label="Agents">
      <div className="agent-table__controls">
        <input
          type="search"
          className="agent-table__search"
          placeholder="Filter name, state, channel, reason, queue"
          aria-label="Filter agents by name, state, reason or queue"
          data-testid="agent-filter"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select
          className="agent-table__state"
          aria-label="Filter agents by state"
          data-testid="agent-state-filter"
          value={state}
          onChange={(e) => setState(e.target.value as AgentState | 'all')}
        >
          <option value="all">All states</option>
          {AGENT_STATES.map((s) => (
            <option key={s} value={s}>
              {AGENT_STATE_LOOK[s].label}
            </option>
          ))}
        </select>
        <span className="agent-table__count" data-testid="agent-count">
          {formatCount(rows.length)} of {formatCount(agents.length)} agents
        </span>
        {canFold && (
          <button type="button" className="button agent-table__offline" aria-pressed={showOffline} data-testid="agent-offline-toggle" onClick={() => setShowOffline((v) => !v)}>
            {showOffline ? 'Hide offline' : `Show ${formatCount(folded)} offline`}
          </button>
        )}
      </div>
      <div className="agent-table__scroll" ref={scrollRef} data-testid="agent-table-scroll">
        <table data-testid="agent-table">
          <colgroup>
            {table.getVisibleLeafColumns().map((c) => (
              <col key={c.id} style={{ width: COLUMN_WIDTHS[c.id] }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const dir = header.column.getIsSorted();
                  // ARIA wants aria-sort on one header only: the primary sort; a secondary one shows just its mark.
                  const primary = dir && header.column.getSortIndex() === 0;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={primary ? ARIA_SORT[dir] : 'none'}
                      data-testid={`agent-header-${header.column.id}`}
                      onClick={() => sortBy(header.column.id, header.column.getFirstSortDir())}
                    >
                      {/* The button makes the header reachable by keyboard; its click bubbles to the th. */}
                      <button type="button" className="sort-button">
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span className="sort-mark" aria-hidden="true">
                          {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={columnCount} style={{ height: padTop }} />
              </tr>
            )}
            {items.map((item) => {
              const row = sortedRows[item.index];
              return (
                <tr
                  key={row.id}
                  data-testid="agent-row"
                  data-agent-id={row.original.id}
                  data-state={row.original.state}
                  className={`agent-row agent-row--${row.original.state}`}
                  style={{ height: AGENT_ROW_HEIGHT }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} data-column={cell.column.id}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={columnCount} style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        {rows.length === 0 && <p className="agent-table__empty">No agent matches</p>}
      </div>
    </section>
  );
}
