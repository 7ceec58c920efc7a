/** Builders for canonical feed lines in tests: times are seconds after a base instant. */
import type { CanonicalEventInput } from '../../src/core/model/events';

export const T0 = Date.parse('2026-03-02T09:00:00Z');
export const at = (seconds: number) => T0 + seconds * 1000;

type Ev = CanonicalEventInput;
export const ev = {
  queue: (queue: string, channel: 'voice' | 'chat' | 'email' | 'message', slThresholdSeconds?: number): Ev => ({ v: 1, type: 'queue.config', ts: T0, queue, channel, slThresholdSeconds }),
  queued: (s: number, contactId: string, queue = 'Billing', channel: 'voice' | 'chat' | 'email' | 'message' = 'voice'): Ev => ({ v: 1, type: 'contact.queued', ts: at(s), contactId, queue, channel }),
  answered: (s: number, contactId: string, agentId = 'a1'): Ev => ({ v: 1, type: 'contact.answered', ts: at(s), contactId, agentId }),
  responded: (s: number, contactId: string, automated?: boolean): Ev => ({ v: 1, type: 'contact.responded', ts: at(s), contactId, automated }),
  message: (s: number, contactId: string): Ev => ({ v: 1, type: 'contact.message', ts: at(s), contactId }),
  abandoned: (s: number, contactId: string): Ev => ({ v: 1, type: 'contact.abandoned', ts: at(s), contactId }),
  ended: (s: number, contactId: string): Ev => ({ v: 1, type: 'contact.ended', ts: at(s), contactId }),
  wrapped: (s: number, contactId: string): Ev => ({ v: 1, type: 'contact.wrapup-ended', ts: at(s), contactId }),
  agent: (s: number, agentId: string, state: 'available' | 'on-contact' | 'after-contact-work' | 'not-ready' | 'offline', reason?: string): Ev => ({ v: 1, type: 'agent.state', ts: at(s), agentId, state, reason, name: agentId.toUpperCase(), capacity: { voice: 1, chat: 2 } }),
};

export const lines = (events: Ev[]) => events.map((e, i) => ({ position: i + 1, text: JSON.stringify(e) }));
