/**
 * The standards a new center starts with, drawn from common practice (the issue and ../shared/DOMAIN.md):
 * voice 80 % answered in 20 s, chat first response 90 % in 60 s, email first response 95 % within 24 business
 * hours, messaging 90 % within 1 h, abandon rate under 5 %, not-ready under 15 % of staffed time; chat next
 * responses within 60 s on average (Zendesk's and Chatwoot's next reply time, the chat norm); and the
 * outcomes most centers track, CSAT 80 % satisfied and first-contact resolution 70 % over the week. The figure
 * practice names is the desired tier (the target); expected is the floor below which the standard is breached,
 * delight what a center that over-delivers reaches.
 */
import { standardsSetSchema, type StandardsSet, type StandardsSetInput } from './standard';

const weekdays = (periods: string[]) => ({ '1': periods, '2': periods, '3': periods, '4': periods, '5': periods });

export const DEFAULT_STANDARDS: StandardsSetInput = {
  version: 1,
  standards: [
    {
      id: 'voice-service-level',
      name: 'Voice: 80 % answered within 20 s',
      metric: 'service-level',
      scope: { kind: 'channel', channel: 'voice' },
      window: 'rolling-30m',
      comparator: 'at-least',
      tiers: { expected: 0.7, desired: 0.8, delight: 0.9 },
      options: { formula: 'floorboard', thresholdSeconds: 20, shortAbandonSeconds: 5 },
    },
    {
      id: 'chat-first-response',
      name: 'Chat: 90 % first response within 60 s',
      metric: 'first-response-within',
      scope: { kind: 'channel', channel: 'chat' },
      window: 'rolling-30m',
      comparator: 'at-least',
      tiers: { expected: 0.8, desired: 0.9, delight: 0.95 },
      options: { thresholdSeconds: 60, botRepliesCount: false, clock: 'calendar' },
    },
    {
      id: 'chat-next-response',
      name: 'Chat: next response within 60 s on average',
      metric: 'next-response-time',
      scope: { kind: 'channel', channel: 'chat' },
      window: 'rolling-60m',
      comparator: 'at-most',
      tiers: { expected: 120, desired: 60, delight: 30 },
      options: { botRepliesCount: false },
    },
    {
      id: 'email-first-response',
      name: 'Email: 95 % first response within 24 business hours',
      metric: 'first-response-within',
      scope: { kind: 'channel', channel: 'email' },
      window: 'week',
      comparator: 'at-least',
      tiers: { expected: 0.9, desired: 0.95, delight: 0.98 },
      options: { thresholdSeconds: 24 * 3600, botRepliesCount: false, clock: 'business' },
    },
    {
      id: 'message-first-response',
      name: 'Messaging: 90 % first response within 1 h',
      metric: 'first-response-within',
      scope: { kind: 'channel', channel: 'message' },
      window: 'today',
      comparator: 'at-least',
      tiers: { expected: 0.8, desired: 0.9, delight: 0.95 },
      options: { thresholdSeconds: 3600, botRepliesCount: false, clock: 'calendar' },
    },
    {
      id: 'abandon-rate',
      name: 'Abandon rate under 5 %',
      metric: 'abandon-rate',
      scope: { kind: 'center' },
      window: 'today',
      comparator: 'at-most',
      tiers: { expected: 0.08, desired: 0.05, delight: 0.02 },
      options: { shortAbandonSeconds: 5 },
    },
    {
      id: 'csat',
      name: 'CSAT: 80 % satisfied (4 or 5 of 5)',
      metric: 'csat',
      scope: { kind: 'center' },
      window: 'week',
      comparator: 'at-least',
      tiers: { expected: 0.75, desired: 0.8, delight: 0.9 },
    },
    {
      id: 'fcr',
      name: 'First-contact resolution 70 %',
      metric: 'fcr',
      scope: { kind: 'center' },
      window: 'week',
      comparator: 'at-least',
      tiers: { expected: 0.65, desired: 0.7, delight: 0.8 },
    },
    {
      id: 'not-ready',
      name: 'Not-ready under 15 % of staffed time',
      metric: 'not-ready-share',
      scope: { kind: 'center' },
      window: 'today',
      comparator: 'at-most',
      tiers: { expected: 0.2, desired: 0.15, delight: 0.1 },
    },
  ],
  calendars: [
    {
      id: 'voice-chat-hours',
      name: 'Voice and chat: weekdays 8:00-20:00, Saturday 9:00-13:00',
      timeZone: 'UTC',
      channels: ['voice', 'chat'],
      week: { ...weekdays(['08:00-20:00']), '6': ['09:00-13:00'] },
    },
    {
      id: 'email-hours',
      name: 'Email and messaging: weekdays 9:00-17:00',
      timeZone: 'UTC',
      channels: ['email', 'message'],
      week: weekdays(['09:00-17:00']),
    },
  ],
};

/** The defaults, validated (and so with every default filled in), for a center in `timeZone`. */
export function defaultStandards(timeZone: string): StandardsSet {
  const set = structuredClone(DEFAULT_STANDARDS);
  for (const c of set.calendars ?? []) c.timeZone = timeZone;
  return standardsSetSchema.parse(set);
}
