import type { AgentState } from '../../../../shared/api';

export const AGENT_STATE_ORDER: readonly AgentState[] = ['available', 'on-contact', 'after-contact-work', 'not-ready', 'offline'];

/** Each state has its own shape as well as its color, so it reads without color vision. */
export const AGENT_STATE_LOOK: Record<AgentState, { icon: string; label: string }> = {
  available: { icon: '●', label: 'Available' },
  'on-contact': { icon: '◆', label: 'On contact' },
  'after-contact-work': { icon: '✎', label: 'Wrap-up' },
  'not-ready': { icon: '■', label: 'Not ready' },
  offline: { icon: '○', label: 'Offline' },
};
