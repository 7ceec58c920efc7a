import type { AgentRow, AgentState } from '../../../../shared/api';
import { AGENT_STATE_LOOK } from './agent-states';
import { CHANNEL_LABEL, CHANNEL_SHORT } from './channels';

/** Case-insensitive match of free text on name, state (as stored and as shown), reason, contact queues and channels (as stored and as shown). */
export function agentMatches(agent: AgentRow, text: string, state: AgentState | 'all'): boolean {
  if (state !== 'all' && agent.state !== state) return false;
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [
    agent.name,
    agent.state,
    AGENT_STATE_LOOK[agent.state].label,
    agent.reason ?? '',
    ...agent.contacts.map((c) => c.queue),
    ...agent.channels.flatMap((ch) => [ch, CHANNEL_LABEL[ch], CHANNEL_SHORT[ch]]),
  ];
  return haystack.some((s) => s.toLowerCase().includes(needle));
}
