import { createColumnHelper } from '@tanstack/react-table';
import type { AccessTokenView } from '../../../../shared/api';
import { formatDateTime, formatRelative } from '../../../../shared/format';

const column = createColumnHelper<AccessTokenView>();

/** Token names sort as people read them: case-insensitive, "wall 2" before "wall 10". */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** An instant both ways: relative on top (read at a glance), absolute under it in the center's time zone. */
function When({ at, now, timeZone, none, testId, late }: { at: number | null; now: number; timeZone: string; none: string; testId: string; late?: boolean }) {
  if (at === null) return <span data-testid={testId}>{none}</span>;
  return (
    <span className={`when${late ? ' when--late' : ''}`} data-testid={testId} title={new Date(at).toISOString()}>
      <span className="when__relative">{formatRelative(at, now)}</span>
      <span className="when__absolute">{formatDateTime(at, timeZone)}</span>
    </span>
  );
}

/**
 * The viewer tokens' columns. `now` is the browser's wall clock, as the host's token times are (not the center's
 * clock, which a simulated floor runs faster); dates are shown in the center's time zone like every other time.
 */
export function tokenColumns(now: number, timeZone: string) {
  return [
    column.accessor('name', {
      header: 'Name',
      sortingFn: (a, b) => collator.compare(a.original.name, b.original.name),
      cell: (c) => <strong>{c.getValue()}</strong>,
    }),
    column.accessor('names', {
      header: 'Agents',
      cell: (c) => (c.getValue() ? 'by name' : 'pseudonyms (“Agent 12”)'),
    }),
    column.accessor('createdAt', {
      header: 'Created',
      cell: (c) => <When at={c.getValue()} now={now} timeZone={timeZone} none="—" testId="token-created" />,
    }),
    column.accessor((t) => t.expiresAt ?? Number.POSITIVE_INFINITY, {
      id: 'expiresAt',
      header: 'Expires',
      cell: (c) => {
        const at = c.row.original.expiresAt;
        const expired = at !== null && at <= now;
        return expired ? (
          <span className="when when--late" data-testid="token-expires">
            <span className="when__relative">expired {formatRelative(at, now)}</span>
            <span className="when__absolute">{formatDateTime(at, timeZone)}</span>
          </span>
        ) : (
          <When at={at} now={now} timeZone={timeZone} none="never" testId="token-expires" />
        );
      },
    }),
    column.accessor((t) => t.lastUsedAt ?? 0, {
      id: 'lastUsedAt',
      header: 'Last used',
      cell: (c) => <When at={c.row.original.lastUsedAt} now={now} timeZone={timeZone} none="never used" testId="token-last-used" />,
    }),
  ];
}
