import { createColumnHelper } from '@tanstack/react-table';
import { AGENT_STATES, type AgentRow } from '../../../../shared/api';
import { formatDuration, NONE } from '../../../../shared/format';
import { AgentStatePill } from './agent-state-pill';
import { CHANNEL_SHORT } from './channels';

const column = createColumnHelper<AgentRow>();

/** Names sort as people read them: case-insensitive, "Ana K. 2" before "Ana K. 10". */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Column definitions; `now` is the center clock, so time in state advances with every push. */
export function agentColumns(now: number) {
  return [
    column.accessor('name', {
      header: 'Name',
      sortingFn: (a, b) => collator.compare(a.original.name, b.original.name),
      cell: (c) => c.getValue(),
    }),
    column.accessor('state', {
      header: 'State',
      // Sort by how the floor thinks about states (available first), not alphabetically.
      sortingFn: (a, b) => AGENT_STATES.indexOf(a.original.state) - AGENT_STATES.indexOf(b.original.state),
      cell: (c) => <AgentStatePill state={c.getValue()} />,
    }),
    column.accessor((a) => a.reason ?? '', {
      id: 'reason',
      header: 'Reason',
      cell: (c) => c.getValue() || NONE,
    }),
    column.accessor((a) => Math.max(0, now - a.since), {
      id: 'timeInState',
      header: 'In state',
      cell: (c) => <span className="num">{formatDuration(c.getValue() / 1000)}</span>,
    }),
    column.accessor((a) => a.contacts.length, {
      id: 'contacts',
      header: 'Contacts',
      cell: (c) => {
        const contacts = c.row.original.contacts;
        if (contacts.length === 0) return NONE;
        // by queue, with a count: a feed's raw ids, cut to the column, told a supervisor nothing
        return (
          <ul className="contact-list">
            {contactsByQueue(contacts).map(([queue, n], i) => (
              <li key={queue}>
                {i > 0 && ', '}
                {queue}
                {n > 1 && <span className="contact-count"> ×{n}</span>}
              </li>
            ))}
          </ul>
        );
      },
    }),
    column.accessor((a) => a.channels.map((ch) => CHANNEL_SHORT[ch]).join(' · '), {
      id: 'channels',
      header: 'Channels',
      cell: (c) => c.getValue() || NONE,
    }),
  ];
}

/** An agent's contacts as (queue, how many), in the order first held. */
function contactsByQueue(contacts: readonly { queue: string }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of contacts) counts.set(c.queue, (counts.get(c.queue) ?? 0) + 1);
  return [...counts];
}
