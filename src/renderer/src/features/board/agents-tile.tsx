/**
 * Agents by state: a count per state with its icon (the console's shapes); the names, state by state, only on a
 * board that allows them (board.showNames); otherwise no name reaches the page at all.
 */
import { AGENT_STATES, type FloorSnapshot } from '../../../../shared/api';
import type { BoardTile } from '../../../../shared/boards';
import { formatCount } from '../../../../shared/format';
import { AGENT_STATE_LOOK } from '../floor/agent-states';
import { BoardTileFrame } from './board-tile-frame';
import { FitList } from './fit-list';

export function AgentsTile({ snapshot, tile, showNames }: { snapshot: FloorSnapshot; tile: BoardTile; showNames: boolean }) {
  const present = snapshot.agents
    .filter((a) => a.state !== 'offline')
    .sort((a, b) => AGENT_STATES.indexOf(a.state) - AGENT_STATES.indexOf(b.state) || a.name.localeCompare(b.name));
  return (
    <BoardTileFrame tile={tile} title={tile.title ?? 'Agents'}>
      <dl className={`board-states${showNames ? ' board-states--with-names' : ''}`}>
        {AGENT_STATES.map((state) => (
          <div key={state} className={`board-states__state board-states__state--${state}`} data-testid={`board-agents-${state}`}>
            <dd>
              <span aria-hidden="true">{AGENT_STATE_LOOK[state].icon}</span> {formatCount(snapshot.agentsByState[state])}
            </dd>
            <dt>{AGENT_STATE_LOOK[state].label}</dt>
          </div>
        ))}
      </dl>
      {showNames && (
        <FitList
          rows={present.map((a) => ({ key: a.id, icon: AGENT_STATE_LOOK[a.state].icon, label: a.name, figure: AGENT_STATE_LOOK[a.state].label }))}
          empty="No agent logged in"
          testId="board-agent-names"
        />
      )}
    </BoardTileFrame>
  );
}
