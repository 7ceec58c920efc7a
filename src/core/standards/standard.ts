/**
 * A service standard: what the center promises, measured one way, with three tiers.
 *
 *   standard = metric + scope (center, a channel or a queue) + window + comparator + tiers
 *   tiers    = expected (the minimum) -> desired (the target) -> delight (beyond expectation)
 *
 * The comparator says which way is better: 'at-least' (service level: higher is better, so expected <= desired
 * <= delight) or 'at-most' (abandon rate: lower is better, so expected >= desired >= delight). Shares are written
 * as fractions (0.8 = 80 %), times in seconds. Where vendors define a metric differently, the standard names its
 * variant in `options` (formula, T, short abandons, bot replies, business or calendar time), so every figure can
 * say how it was computed. The whole set is validated here, once, for the Standards screen, the API, the CLI and
 * imported files alike.
 */
import { z } from 'zod';
import { CHANNELS, SERVICE_LEVEL_FORMULAS } from '../../shared/api';
import {
  STANDARD_METRIC_IDS,
  STANDARD_METRICS,
  STANDARD_WINDOWS,
  TIERS,
  type BusinessCalendar,
  type MetricInfo,
  type Standard as StandardContract,
  type StandardMetric,
  type StandardsSet as StandardsSetContract,
  type Tier,
  type Unit,
} from '../../shared/standards';
import { isValidTimeZone } from '../time/business-day';

const STANDARD_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_SECONDS = 30 * 86_400;

const range = (unit: Unit): [number, number] =>
  unit === 'share' ? [0, 1] : unit === 'score' ? [-100, 100] : unit === 'agents' ? [-10_000, 10_000] : [0, MAX_SECONDS];

const options = z
  .object({
    /** service-level: which vendor's formula. */
    formula: z.enum(SERVICE_LEVEL_FORMULAS).optional(),
    /** T, seconds: service level, first response within T (default: the queue's own, else the channel's). */
    thresholdSeconds: z.number().min(0, 'the threshold cannot be negative').max(MAX_SECONDS, 'at most 30 days').optional(),
    /** Abandons shorter than this are short (excluded where the formula says so). */
    shortAbandonSeconds: z.number().min(0, 'cannot be negative').max(3600, 'at most an hour').optional(),
    /** Count contacts that left the queue otherwise (callback, key press) as abandoned. */
    leftCountsAsAbandoned: z.boolean().optional(),
    /** Whether automated (bot) replies count as responses. Default no. */
    botRepliesCount: z.boolean().optional(),
    /** Deadlines and response times in business hours of the scope's calendar, or calendar time. */
    clock: z.enum(['calendar', 'business']).optional(),
    /** Coverage: the fewest agents that make an open period staffed. */
    minimumStaff: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();

export const standardSchema = z
  .object({
    id: z.string().regex(STANDARD_ID, 'lowercase letters, digits and dashes, up to 64'),
    name: z.string().trim().min(1, 'a name is needed').max(120),
    metric: z.enum(STANDARD_METRIC_IDS as [StandardMetric, ...StandardMetric[]]),
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('center') }).strict(),
      z.object({ kind: z.literal('channel'), channel: z.enum(CHANNELS) }).strict(),
      z.object({ kind: z.literal('queue'), queue: z.string().min(1).max(200) }).strict(),
    ]),
    window: z.enum(STANDARD_WINDOWS),
    comparator: z.enum(['at-least', 'at-most']),
    tiers: z.object({ expected: z.number(), desired: z.number(), delight: z.number() }).strict(),
    options: options.default({}),
    /** Hysteresis: a breach must last this long before it alerts, and be cleared this long before it resolves. */
    alert: z
      .object({
        afterSeconds: z.number().int().min(0).max(86_400).default(120),
        clearAfterSeconds: z.number().int().min(0).max(86_400).default(300),
        enabled: z.boolean().default(true),
      })
      .strict()
      .default({ afterSeconds: 120, clearAfterSeconds: 300, enabled: true }),
  })
  .strict()
  .superRefine((s, ctx) => {
    const m: MetricInfo = STANDARD_METRICS[s.metric];
    const [lo, hi] = range(m.unit);
    const what = m.unit === 'share' ? 'a share from 0 to 1 (0.8 = 80 %)' : m.unit === 'score' ? 'a score from -100 to 100' : m.unit === 'seconds' ? 'seconds, from 0 to 30 days' : 'a number of agents';
    for (const t of TIERS) {
      const v = s.tiers[t];
      if (!Number.isFinite(v) || v < lo || v > hi) ctx.addIssue({ code: 'custom', path: ['tiers', t], message: `must be ${what}` });
    }
    if (m.better === 'higher' && s.comparator !== 'at-least') ctx.addIssue({ code: 'custom', path: ['comparator'], message: `higher is better for ${m.label}: use at-least` });
    if (m.better === 'lower' && s.comparator !== 'at-most') ctx.addIssue({ code: 'custom', path: ['comparator'], message: `lower is better for ${m.label}: use at-most` });
    const { expected, desired, delight } = s.tiers;
    if (s.comparator === 'at-least') {
      if (expected > desired) ctx.addIssue({ code: 'custom', path: ['tiers', 'expected'], message: 'expected (the minimum) cannot be above desired when higher is better' });
      if (desired > delight) ctx.addIssue({ code: 'custom', path: ['tiers', 'delight'], message: 'delight cannot be below desired when higher is better' });
    } else {
      if (expected < desired) ctx.addIssue({ code: 'custom', path: ['tiers', 'expected'], message: 'expected (the minimum) cannot be below desired when lower is better' });
      if (desired < delight) ctx.addIssue({ code: 'custom', path: ['tiers', 'delight'], message: 'delight cannot be above desired when lower is better' });
    }
    if (s.options.botRepliesCount !== undefined && !RESPONSE_METRICS.has(s.metric)) {
      ctx.addIssue({ code: 'custom', path: ['options', 'botRepliesCount'], message: 'whether bot replies count applies to response metrics only (first response, next response)' });
    }
    if (s.options.formula !== undefined && s.metric !== 'service-level') ctx.addIssue({ code: 'custom', path: ['options', 'formula'], message: 'a formula applies to service level only' });
  });

export type Standard = StandardContract;

/** The metrics that read replies, where bot replies may count. */
const RESPONSE_METRICS: ReadonlySet<string> = new Set(['first-response-within', 'first-response-time', 'next-response-time']);

/** Business hours of a channel (or of one of its queues): periods per weekday, holidays, a time zone. */
const calendarSchema = z
  .object({
    id: z.string().regex(STANDARD_ID, 'lowercase letters, digits and dashes, up to 64'),
    name: z.string().trim().min(1).max(120),
    timeZone: z.string().refine(isValidTimeZone, 'unknown time zone (an IANA name such as Europe/Paris)'),
    /** The channels (or queues) these hours are published for. */
    channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).default([]),
    queues: z.array(z.string().min(1).max(200)).max(1000).default([]),
    /** Weekday 1 (Monday) to 7 (Sunday) -> periods "HH:MM-HH:MM" (end after start; 24:00 for midnight). */
    week: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a period is HH:MM-HH:MM')).max(8)),
    /** Days closed, as local dates YYYY-MM-DD. */
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a holiday is YYYY-MM-DD')).max(1000).default([]),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const [day, periods] of Object.entries(c.week)) {
      const spans = periods.map((p) => p.split('-').map((hm) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3))) as [number, number]).sort((a, b) => a[0] - b[0]);
      spans.forEach(([a, b], i) => {
        if (b <= a) ctx.addIssue({ code: 'custom', path: ['week', day, i], message: 'a period must end after it starts' });
        if (i > 0 && a < spans[i - 1][1]) ctx.addIssue({ code: 'custom', path: ['week', day, i], message: 'periods of a day must not overlap' });
      });
    }
  });

/** A standards file: what the Standards screen edits and `standards export|import` writes and reads. */
export const standardsSetSchema = z
  .object({
    version: z.literal(1),
    standards: z.array(standardSchema).max(2000),
    calendars: z.array(calendarSchema).max(200).default([]),
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.standards.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['standards', i, 'id'], message: `another standard is named "${s.id}"` });
      seen.add(s.id);
    });
    const calendars = new Set<string>();
    set.calendars.forEach((c, i) => {
      if (calendars.has(c.id)) ctx.addIssue({ code: 'custom', path: ['calendars', i, 'id'], message: `another calendar is named "${c.id}"` });
      calendars.add(c.id);
    });
  });

export type StandardsSet = StandardsSetContract;
export type StandardsSetInput = z.input<typeof standardsSetSchema>;

// The schemas give exactly the contract's types (src/shared/standards.ts): change one, the build breaks.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchContract: [Same<z.output<typeof standardSchema>, StandardContract>, Same<z.output<typeof calendarSchema>, BusinessCalendar>, Same<z.output<typeof standardsSetSchema>, StandardsSetContract>] = [true, true, true];
void schemasMatchContract;

/** Which tier a figure reaches: null below expected (a breach), else the highest tier met. */
export function tierOf(s: Pick<Standard, 'comparator' | 'tiers'>, value: number): Tier | null {
  const meets = (target: number) => (s.comparator === 'at-least' ? value >= target : value <= target);
  if (meets(s.tiers.delight)) return 'delight';
  if (meets(s.tiers.desired)) return 'desired';
  if (meets(s.tiers.expected)) return 'expected';
  return null;
}
