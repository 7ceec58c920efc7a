/**
 * Runtime validation of every Api payload that arrives from a renderer or the network.
 * The `satisfies` clause ties each schema to the contract in src/shared/api.ts: change one, the build breaks.
 */
import { z } from 'zod';
import { CHANNELS, REPORT_PRESETS, SERVICE_LEVEL_FORMULAS, TASKROUTER_ABANDON_TRIGGERS, type ApiArgs, type ApiName, type ReportPeriodArgs } from '../../shared/api';
import { MAX_TOKEN_DAYS, TOKEN_NAME } from '../access/access';
import { centerProblems, WEEK_STARTS } from '../center/center-settings';
import { FEED_FORMATS } from '../ingest/adapter';
import { REPORT_FORMATS } from '../reports/report-files';
import { periodProblems } from '../reports/report-request';
import { standardSchema, standardsSetSchema } from '../standards/standard';
import { parseIsoInstant } from '../time/iso-instant';
import { RefusedError } from './refused';
import { boardSchemas } from './schemas-boards';
import { reportScheduleSchemas } from './schemas-reports';
import { screenSchemas } from './schemas-screens';

/**
 * A date-time payload: ISO 8601 only (time/iso-instant.ts), with Z or an offset, or without one: then it is read in
 * the center's time zone by the handler (`apiInstant`); here its form and calendar are checked (read in UTC).
 */
const isoInstant = z
  .string()
  .max(40)
  .superRefine((s, ctx) => {
    const r = parseIsoInstant(s, 'UTC');
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
  });
const utcMs = (s: string) => {
  const r = parseIsoInstant(s, 'UTC');
  return r.ok ? r.ms : NaN;
};

/** A validated date-time payload as epoch ms, an offset-less one read in `zone` (refused if it does not exist there). */
export function apiInstant(s: string, zone: string): number {
  const r = parseIsoInstant(s, zone);
  if (!r.ok) throw new RefusedError(r.reason);
  return r.ms;
}
const none = z.object({}).strict();
/** Feed names: also the source name of their lines, and a URL path segment for webhooks. */
export const FEED_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const abandonMapping = z
  .object({
    abandonOn: z.array(z.enum(TASKROUTER_ABANDON_TRIGGERS)).max(3).optional(),
    exitWithKey: z.enum(['left', 'abandoned']).optional(),
  })
  .strict();
/**
 * A report's period: one of a week, from + to, or a preset; each problem at its field's path ("period.to"), so the
 * form says it next to the field (the dates read as dates: the center's zone only places them in time later).
 */
const reportPeriod = z
  .object({ week: z.string().max(20).optional(), from: z.string().max(30).optional(), to: z.string().max(30).optional(), preset: z.enum(REPORT_PRESETS).optional() })
  .strict()
  .superRefine((p, ctx) => {
    for (const problem of periodProblems(p)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  })
  .transform((p) => p as ReportPeriodArgs);
const reportScope = z.object({ channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length), queues: z.array(z.string().min(1).max(200)).max(1000) }).strict();
const reportJobId = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'not a report job id') }).strict();
const feedName = z.object({ name: z.string().regex(FEED_NAME, 'not a feed name') }).strict();

export const apiArgSchemas = {
  'app/info': none,
  'floor/snapshot': none,
  'ingest/lines': z
    .object({
      source: z.string().min(1).max(200),
      lines: z.array(z.string()).max(100_000),
      startPosition: z.number().int().min(1).optional(),
    })
    .strict(),
  'metrics/window': z
    .object({
      from: isoInstant,
      to: isoInstant,
      by: z.enum(['center', 'queue', 'channel']).optional(),
      formula: z.enum(SERVICE_LEVEL_FORMULAS).optional(),
      thresholdSeconds: z.number().min(0).max(30 * 86_400).optional(),
      shortAbandonSeconds: z.number().min(0).max(3600).optional(),
    })
    .strict()
    .refine((a) => utcMs(a.from) < utcMs(a.to), { message: '"from" must be before "to"', path: ['to'] }),
  'quarantine/list': z
    .object({ limit: z.number().int().min(1).max(10_000).optional(), source: z.string().min(1).optional() })
    .strict(),
  'standards/get': z.object({ at: isoInstant.optional() }).strict(),
  'standards/save': z.object({ set: standardsSetSchema, note: z.string().max(500).optional(), validFrom: isoInstant.optional() }).strict(),
  'standards/history': z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
  'standards/evaluate': none,
  'standards/what-if': z.object({ standard: standardSchema }).strict(),
  'standards/drill': z.object({ standardId: z.string().min(1).max(64), key: z.string().min(1).max(210) }).strict(),
  'standards/staffing': none,
  'alerts/list': z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict(),
  'alerts/acknowledge': z.object({ id: z.number().int().min(1) }).strict(),
  'alerts/snooze': z.object({ id: z.number().int().min(1), minutes: z.number().int().min(0).max(24 * 60) }).strict(),
  'feeds/list': none,
  'feeds/add': z
    .object({
      name: z.string().regex(FEED_NAME, 'a feed name is 1-64 letters, digits, "-" or "_"'),
      kind: z.enum(['file', 'webhook']),
      format: z.enum(FEED_FORMATS),
      path: z.string().min(1).max(4096).optional(),
      token: z.string().min(1).max(512).optional(),
      heartbeatSeconds: z.number().int().min(5).max(86_400).optional(),
      mapping: abandonMapping.optional(),
    })
    .strict(),
  'feeds/pause': feedName,
  'feeds/resume': feedName,
  'feeds/remove': feedName,
  'import/lines': z
    .object({
      source: z.string().min(1).max(500),
      format: z.enum(FEED_FORMATS),
      mapping: z.string().min(1).max(200).optional(),
      abandonMapping: abandonMapping.optional(),
      startPosition: z.number().int().min(1),
      lines: z.array(z.string()).max(100_000),
    })
    .strict()
    .refine((a) => a.format !== 'csv' || a.mapping !== undefined, { message: 'a CSV import needs a column mapping', path: ['mapping'] }),
  'import/mappings': none,
  'access/session': none,
  'access/tokens': none,
  'access/create-token': z
    .object({
      name: z.string().regex(TOKEN_NAME, 'a token name is 1-64 letters, digits, spaces, ".", "-" or "_", starting with a letter or digit'),
      expiresDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).optional(),
      names: z.boolean().optional(),
    })
    .strict(),
  'access/revoke-token': z.object({ name: z.string().min(1).max(64) }).strict(),
  'reports/preview': z.object({ period: reportPeriod, scope: reportScope.optional() }).strict(),
  'reports/export': z
    .object({
      period: reportPeriod,
      scope: reportScope.optional(),
      formats: z
        .array(z.enum(REPORT_FORMATS))
        .min(1, 'choose at least one format')
        .refine((f) => new Set(f).size === f.length, 'a format is listed twice'),
      agents: z.boolean().optional(),
    })
    .strict(),
  'reports/job': reportJobId,
  'reports/cancel': reportJobId,
  'reports/reveal': reportJobId,
  ...reportScheduleSchemas,
  ...screenSchemas,
  'center/get': none,
  'center/set': z
    .object({
      name: z.string().max(200).optional(),
      timeZone: z.string().max(100).optional(),
      resetHour: z.number().optional(),
      weekStart: z.enum(WEEK_STARTS).optional(),
    })
    .strict()
    .superRefine((c, ctx) => {
      // the one validator of the CLI and the API, field by field so the console shows each reason by its field
      for (const key of ['name', 'timeZone', 'resetHour'] as const) {
        if (c[key] === undefined) continue;
        for (const message of centerProblems({ [key]: c[key] })) ctx.addIssue({ code: 'custom', path: [key], message });
      }
      if (Object.values(c).every((v) => v === undefined)) ctx.addIssue({ code: 'custom', path: [], message: 'nothing to set: give a name, time zone, reset hour or week start' });
    }),
  ...boardSchemas,
} satisfies { [K in ApiName]: z.ZodType<ApiArgs<K>> };
