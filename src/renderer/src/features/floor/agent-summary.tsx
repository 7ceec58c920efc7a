import { AGENT_STATES, type FloorSnapshot } from '../../../../shared/api';
import { formatCount, formatPercent } from '../../../../shared/format';
import { AGENT_STATE_LOOK } from './agent-states';

export function AgentSummary({ snapshot }: { snapshot: FloorSnapshot }) {
  return (
    <div className="agent-summary" data-testid="agent-summary">
      {AGENT_STATES.map((state) => (
        <span key={state} className={`agent-summary__item state-text--${state}`} data-testid={`agents-${state}`}>
          <span aria-hidden="true">{AGENT_STATE_LOOK[state].icon}</span> <strong>{formatCount(snapshot.agentsByState[state] ?? 0)}</strong>{' '}
          {AGENT_STATE_LOOK[state].label}
        </span>
      ))}
      <span className="agent-summary__item agent-summary__occupancy" title={snapshot.definitions.occupancy}>
        Occupancy today <strong data-testid="occupancy">{formatPercent(snapshot.occupancy)}</strong>
      </span>
    </div>
  );
}
