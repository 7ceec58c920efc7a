/**
 * Runtime validation of the report schedules' and the SMTP server's payloads (the rest of `reports/*` is in
 * schemas.ts). Each problem is at its field's path ("recipients.1", "port"), for the form to say it there; the
 * checks are the CLI's (core/reports/schedule-input.ts, mail-settings.ts), so both refuse the same things.
 */
import { z } from 'zod';
import { CHANNELS, REPORT_PRESETS } from '../../shared/api';
import { SMTP_SECURITY } from '../../shared/api-reports';
import { KEEP_RUNS, scheduleProblems, SETTLE_MINUTES } from '../reports/schedule-input';
import { smtpProblems } from '../reports/mail-settings';

const none = z.object({}).strict();
const scheduleName = z.object({ name: z.string().min(1).max(64) }).strict();

const scheduleAdd = z
  .object({
    name: z.string().max(200),
    cron: z.string().max(200),
    period: z.enum(REPORT_PRESETS),
    formats: z.array(z.string().max(20)).max(10),
    scope: z.object({ channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length), queues: z.array(z.string().min(1).max(200)).max(1000) }).strict().optional(),
    agents: z.boolean().optional(),
    folder: z.string().max(5000),
    recipients: z.array(z.string().max(300)).max(100).optional(),
    keep: z.number().optional(),
    settleMinutes: z.number().optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    const input = { ...a, recipients: a.recipients ?? [], keep: a.keep ?? KEEP_RUNS.default, settleMinutes: a.settleMinutes ?? SETTLE_MINUTES.default };
    for (const p of scheduleProblems(input)) ctx.addIssue({ code: 'custom', path: p.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)), message: p.message });
  });

const smtpSet = z
  .object({
    host: z.string().min(1, 'the SMTP server, e.g. smtp.example.com').max(300),
    port: z.number(),
    security: z.enum(SMTP_SECURITY),
    user: z.string().max(300).nullable().optional(),
    password: z.string().max(1024).nullable().optional(),
    from: z.string().max(300),
  })
  .strict()
  .superRefine((a, ctx) => {
    // a password kept from before is checked by the handler, which knows whether one is stored
    for (const p of smtpProblems({ ...a, user: a.user || null, password: a.password ?? null })) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  });

export const reportScheduleSchemas = {
  'reports/schedules': none,
  'reports/schedule-add': scheduleAdd,
  'reports/schedule-remove': scheduleName,
  'reports/runs': z.object({ name: z.string().min(1).max(64), limit: z.number().int().min(1).max(200).optional() }).strict(),
  'reports/smtp-get': none,
  'reports/smtp-set': smtpSet,
  'reports/smtp-clear': none,
};
