/**
 * Service standards in the contract: their types and the catalogue of metrics a standard can hold, shared by the
 * core (which validates them: src/core/standards/standard.ts), the adapters and the renderer. Types and constants
 * only. Shares are fractions (0.8 = 80 %), times in seconds.
 */
import type { Channel, ServiceLevelFormula } from './api';

export type Unit = 'share' | 'seconds' | 'agents' | 'score';
export type Family = 'responsiveness' | 'availability' | 'outcomes';

export interface MetricInfo {
  family: Family;
  label: string;
  unit: Unit;
  /** The comparator a new standard on this metric gets; 'either' metrics take both. */
  better: 'higher' | 'lower' | 'either';
  /** What the figure is, for the screen and the docs. */
  definition: string;
}

/** The metrics a standard can hold, with their definitions (docs/standards.md repeats them). */
export const STANDARD_METRICS = {
  'service-level': { family: 'responsiveness', label: 'Service level', unit: 'share', better: 'higher', definition: 'share served within T, by the formula in options (default answered within T / (answered + abandoned - short abandons))' },
  asa: { family: 'responsiveness', label: 'Speed of answer (ASA)', unit: 'seconds', better: 'lower', definition: 'mean of (answered - queued) over answered contacts' },
  'wait-p50': { family: 'responsiveness', label: 'Wait, median', unit: 'seconds', better: 'lower', definition: 'median wait of contacts out of the queue (answered, abandoned or left)' },
  'wait-p90': { family: 'responsiveness', label: 'Wait, 90th percentile', unit: 'seconds', better: 'lower', definition: '90th percentile of the wait of contacts out of the queue' },
  'longest-wait-now': { family: 'responsiveness', label: 'Longest wait now', unit: 'seconds', better: 'lower', definition: 'now - queued of the oldest contact waiting' },
  'max-wait': { family: 'responsiveness', label: 'Longest wait in window', unit: 'seconds', better: 'lower', definition: 'the longest wait of any contact of the window, abandoned ones included' },
  'abandon-rate': { family: 'responsiveness', label: 'Abandon rate', unit: 'share', better: 'lower', definition: '(abandoned - short abandons) / (answered + abandoned - short abandons)' },
  'first-response-within': { family: 'responsiveness', label: 'First response within T', unit: 'share', better: 'higher', definition: 'share of async contacts whose first agent response came within T (business or calendar time)' },
  'first-response-time': { family: 'responsiveness', label: 'First response time', unit: 'seconds', better: 'lower', definition: 'mean of (first agent response - queued) over contacts with one' },
  'next-response-time': { family: 'responsiveness', label: 'Next response time', unit: 'seconds', better: 'lower', definition: 'mean of (agent reply - the customer message it answers)' },
  'not-ready-share': { family: 'availability', label: 'Not-ready time', unit: 'share', better: 'lower', definition: 'not-ready time / staffed time (staffed = every state but offline)' },
  occupancy: { family: 'availability', label: 'Occupancy', unit: 'share', better: 'either', definition: '(on-contact + after-contact work) / (on-contact + after-contact work + available)' },
  'staffing-gap': { family: 'availability', label: 'Staffing gap', unit: 'agents', better: 'lower', definition: 'agents required for the desired service level (Erlang C; chat by concurrency) - agents available or busy' },
  coverage: { family: 'availability', label: 'Coverage of published hours', unit: 'share', better: 'higher', definition: 'share of open time with at least the minimum staff' },
  csat: { family: 'outcomes', label: 'CSAT', unit: 'share', better: 'higher', definition: 'share of survey answers of 4 or 5 on a 1-5 scale' },
  nps: { family: 'outcomes', label: 'NPS', unit: 'score', better: 'higher', definition: '% promoters (9-10) - % detractors (0-6)' },
  fcr: { family: 'outcomes', label: 'First-contact resolution', unit: 'share', better: 'higher', definition: 'share of resolved contacts resolved on their first contact' },
  'resolution-time': { family: 'outcomes', label: 'Resolution time', unit: 'seconds', better: 'lower', definition: 'mean of (resolved - queued)' },
} as const satisfies Record<string, MetricInfo>;

export type StandardMetric = keyof typeof STANDARD_METRICS;
export const STANDARD_METRIC_IDS = Object.keys(STANDARD_METRICS) as StandardMetric[];

export const STANDARD_WINDOWS = ['rolling-15m', 'rolling-30m', 'rolling-60m', 'interval', 'today', 'week'] as const;
export type StandardWindow = (typeof STANDARD_WINDOWS)[number];

export const TIERS = ['expected', 'desired', 'delight'] as const;
export type Tier = (typeof TIERS)[number];


export type StandardScope = { kind: 'center' } | { kind: 'channel'; channel: Channel } | { kind: 'queue'; queue: string };

export interface StandardOptions {
  /** service-level: which vendor's formula. */
  formula?: ServiceLevelFormula;
  /** T, seconds: service level, first response within T (default: the queue's own, else the channel's). */
  thresholdSeconds?: number;
  /** Abandons shorter than this are short (excluded where the formula says so). */
  shortAbandonSeconds?: number;
  /** Count contacts that left the queue otherwise (callback, key press) as abandoned. */
  leftCountsAsAbandoned?: boolean;
  /** Whether automated (bot) replies count as responses. Default no. */
  botRepliesCount?: boolean;
  /** Deadlines and response times in business hours of the scope's calendar, or in calendar time. */
  clock?: 'calendar' | 'business';
  /** Coverage: the fewest agents that make an open period staffed. */
  minimumStaff?: number;
}

export interface Standard {
  id: string;
  name: string;
  metric: StandardMetric;
  scope: StandardScope;
  window: StandardWindow;
  comparator: 'at-least' | 'at-most';
  tiers: Record<Tier, number>;
  options: StandardOptions;
  /** Hysteresis: a breach must last afterSeconds before it alerts, and be cleared clearAfterSeconds to resolve. */
  alert: { afterSeconds: number; clearAfterSeconds: number; enabled: boolean };
}

/** Published hours of channels or queues: periods per weekday (1 = Monday), holidays, one time zone. */
export interface BusinessCalendar {
  id: string;
  name: string;
  timeZone: string;
  channels: Channel[];
  queues: string[];
  week: Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', string[]>>;
  /** Local dates YYYY-MM-DD when closed. */
  holidays: string[];
}

export interface StandardsSet {
  version: 1;
  standards: Standard[];
  calendars: BusinessCalendar[];
}

/** A saved version of the set, in force from validFrom. */
export interface StandardsVersion {
  version: number;
  validFrom: string;
  savedAt: string;
  note: string | null;
  set: StandardsSet;
}
