/**
 * Runtime validation of every Api payload that arrives from a renderer or the network.
 * The `satisfies` clause ties each schema to the contract in src/shared/api.ts: change one, the build breaks.
 */
import { z } from 'zod';
import type { ApiArgs, ApiName } from '../../shared/api';

const isoInstant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO-8601 date-time');
const none = z.object({}).strict();

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
    .object({ from: isoInstant, to: isoInstant, by: z.enum(['center', 'queue', 'channel']).optional() })
    .strict()
    .refine((a) => Date.parse(a.from) < Date.parse(a.to), { message: '"from" must be before "to"', path: ['to'] }),
  'quarantine/list': z
    .object({ limit: z.number().int().min(1).max(10_000).optional(), source: z.string().min(1).optional() })
    .strict(),
} satisfies { [K in ApiName]: z.ZodType<ApiArgs<K>> };
