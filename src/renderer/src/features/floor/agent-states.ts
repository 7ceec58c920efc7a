/** How each agent state reads on screen; the states themselves, and their order, are AGENT_STATES in src/shared/api.ts. */
import type { AgentState } from '../../../../shared/api';

/** Each state has its own shape as well as its color, so it reads without color vision. */
export const AGENT_STATE_LOOK: Record<AgentState, { icon: string; label: string }> = {
  available: { icon: '●', label: 'Available' },
  'on-contact': { icon: '◆', label: 'On contact' },
  'after-contact-work': { icon: '✎', label: 'Wrap-up' },
  'not-ready': { icon: '■', label: 'Not ready' },
  offline: { icon: '○', label: 'Offline' },
};
