import type { AgentState } from '../../../../shared/api';
import { AGENT_STATE_LOOK } from './agent-states';

export function AgentStatePill({ state }: { state: AgentState }) {
  const look = AGENT_STATE_LOOK[state];
  return (
    <span className={`pill state-pill state-pill--${state}`}>
      <span aria-hidden="true">{look.icon}</span> {look.label}
    </span>
  );
}
