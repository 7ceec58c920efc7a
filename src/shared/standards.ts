/**
 * Service standards in the contract: their types and the catalogue of metrics a standard can hold, shared by the
 * core (which validates them: src/core/standards/standard.ts), the adapters and the renderer. Types and constants
 * only. Shares are fractions (0.8 = 80 %), times in seconds.
 */
import type { Channel, ServiceLevelFormula } from './api';

export type Unit = 'share' | 'seconds' | 'agents' | 'score';
type Family = 'responsiveness' | 'availability' | 'outcomes';

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


type StandardScope = { kind: 'center' } | { kind: 'channel'; channel: Channel } | { kind: 'queue'; queue: string };

interface StandardOptions {
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

/** One standard's figure on one column of the matrix: the center, a channel or a queue. */
export interface StandardResult {
  standardId: string;
  /** 'center', a channel, or 'queue:NAME'. */
  key: string;
  channel: Channel | null;
  queue: string | null;
  figure: number | null;
  /** The highest tier met; 'breach' below expected; 'no-data' when nothing was measured. */
  status: Tier | 'breach' | 'no-data';
  /** Figure against the desired tier, 0-1 (1 = at or beyond target). */
  attainment: number | null;
  /** What the figure is made of, in words a supervisor can check ("412 of 503 within 20 s"). */
  basis: string;
  /** Contacts (or agents) behind the figure. */
  volume: number;
  windowStart: number;
  windowEnd: number;
}

export type Driver = 'staffing' | 'abandons' | 'handle time' | 'responsiveness' | 'availability';

export interface ChannelAttainment {
  channel: Channel;
  /** Mean attainment of the standards measured on this channel, 0-1. */
  attainment: number | null;
  /** Contacts offered on the channel today (the weight in the consistency index). */
  volume: number;
  measured: number;
}

export interface StaffingNeed {
  channel: Channel;
  /** Contacts queued in the last 30 minutes, and the handle time of those answered and done (or the day's). */
  arrivals: number;
  ahtSeconds: number | null;
  target: number;
  thresholdSeconds: number;
  concurrency: number;
  required: number | null;
  /** Agents with capacity on the channel, available or on a contact or in wrap-up. */
  staffed: number;
  /** required - staffed: more agents needed (> 0) or spare (< 0). */
  gap: number | null;
}

/** One channel in one interval of today: the load, the agents Erlang C requires for it, the agents staffed. */
export interface IntervalStaffingRow {
  channel: Channel;
  /** Interval start (epoch ms); the current interval runs to now. */
  start: number;
  arrivals: number;
  /** Handle time of the interval's contacts answered and done, else the day's on the channel. */
  ahtSeconds: number | null;
  required: number | null;
  /** Mean agents staffed (available, on a contact or in wrap-up) with capacity on the channel, over the interval. */
  staffed: number;
}

/** Staffed against required per channel and interval, today so far. */
export interface IntervalStaffing {
  intervalMinutes: number;
  from: number;
  to: number;
  rows: IntervalStaffingRow[];
}

export interface StandardsEvaluation {
  at: number;
  /** The standards version evaluated. */
  version: number;
  results: StandardResult[];
  /**
   * Each standard of the version evaluated, by id: its name, metric and window (what a result's cell or a tile
   * names; a tile whose figures are today's names a standard's other window beside it). `window` is absent from
   * older hosts.
   */
  definitions?: Record<string, { name: string; metric: StandardMetric; window?: StandardWindow }>;
  channels: ChannelAttainment[];
  /**
   * 1 - the volume-weighted mean absolute deviation of channel attainment from its weighted mean: 1 when every
   * channel meets its standards equally; null with fewer than two channels measured.
   */
  consistencyIndex: number | null;
  /**
   * Response deadlines at risk: per first-response standard and channel, the contacts still without a response
   * whose deadline falls within the next 15 minutes (they will breach unless answered), and the nearest deadline.
   */
  atRisk: { standardId: string; channel: Channel; count: number; nextDeadline: number | null }[];
  /** Today's not-ready time by reason over all agents, largest first, with its share of staffed time. */
  notReadyByReason: { reason: string; seconds: number; share: number }[];
  /** Each channel's published hours now: open or closed by its calendar, and when that changes. */
  hours: { channel: Channel; calendar: string | null; open: boolean; nextChange: number | null }[];
  /**
   * Per channel, the tiers of the service-level standard in force for it (its own, else the center's), by which
   * queue tiles judge their service level today; absent for a channel without one (fixed targets then).
   */
  serviceTargets?: { channel: Channel; standardId: string; expected: number; desired: number }[];
  /** The channel furthest from its targets, and why. */
  worst: { channel: Channel; attainment: number; driver: Driver; detail: string } | null;
  staffing: StaffingNeed[];
  /**
   * While the host reads the last days into memory after starting: the oldest instant held. Standards whose window
   * starts earlier (the week's) have no figure yet, their basis WEEK_LOADING; absent once the week is in.
   */
  loadingFrom?: number;
}

/** The basis of a result whose window is still being read after the host started (StandardsEvaluation.loadingFrom). */
export const WEEK_LOADING = 'loading the last 7 days';

/** One breach episode of one standard on one column: fired after the breach lasted, resolved after it cleared. */
export interface AlertView {
  id: number;
  standardId: string;
  standardName: string;
  /** 'center', a channel or 'queue:NAME', as in StandardResult. */
  key: string;
  channel: Channel | null;
  queue: string | null;
  breachStartedAt: number;
  firedAt: number;
  resolvedAt: number | null;
  acknowledgedAt: number | null;
  snoozedUntil: number | null;
  /** The figure and its basis when the alert fired. */
  figure: number | null;
  basis: string;
}

export interface AlertsSummary {
  /** Alerts not resolved, newest first. */
  open: AlertView[];
  /** Open alerts neither acknowledged nor snoozed now: the badge. */
  unacknowledged: number;
}

/** A standard as it is and as proposed, evaluated over today and over the last 7 days. */
export interface WhatIfResult {
  standardId: string;
  periods: { label: 'today' | 'last 7 days'; from: number; to: number; current: StandardResult[] | null; proposed: StandardResult[] }[];
}

/** One contact behind a cell: what it did, and how it counted. */
export interface DrillContact {
  id: string;
  channel: Channel;
  queue: string;
  queuedAt: number;
  outcome: 'waiting' | 'answered' | 'abandoned' | 'left';
  /** Time in queue (to the outcome, or until now while waiting), seconds. */
  waitSeconds: number;
  /** Service level: answered (or, by the formula, abandoned / left) within T; first response: by the deadline. */
  met: boolean | null;
  /** Whether the contact is part of the cell's figure (for averages, which have no met or missed). */
  inFigure: boolean;
  firstResponseSeconds: number | null;
  /** Its next responses to customer follow-ups (count, and their mean wait; null without any). */
  nextResponses: number;
  nextResponseSeconds: number | null;
  /** For survey and resolution standards, the contact's answer ("4 of 5", "9 of 10", "on the first contact"); else null. */
  answer: string | null;
}

/** The contacts and intervals behind one cell of the matrix. */
export interface DrillDown {
  standardId: string;
  key: string;
  from: number;
  to: number;
  /**
   * Contacts in the window and scope: the total, how many are part of the figure (its base: answers for a survey
   * standard), and up to 300 shown: those that missed first, then the others in the figure, then those not
   * counted, each by longest wait.
   */
  total: number;
  counted: number;
  contacts: DrillContact[];
  /** The figure per interval of the window (contact metrics only), and its base there (the cell's volume). */
  intervals: { start: number; volume: number; figure: number | null }[];
  intervalMinutes: number;
  note: string | null;
}
