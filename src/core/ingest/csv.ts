/**
 * CSV history: one row per contact, as most platforms export it, mapped by a column mapping (a saved JSON
 * file, or a built-in mapping by name). Rows are parsed with csv-parse; the first line of the source is the
 * header. A row becomes the canonical events of its contact (queued, answered or abandoned, ended, first
 * response), and of its outcome when the mapping names survey or resolution columns (surveyed, resolved). A
 * mapping of kind "surveys" reads a survey tool's export instead: one answer a row, joined to the contacts of
 * any other feed by their id (CSAT 1-5 and/or NPS 0-10, the answer's time, and optionally the resolution).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CanonicalEvent } from '../model/events';
import { CSAT_SCALE, NPS_SCALE, formatZodError } from '../model/events';
import { CHANNELS, type Channel } from '../model/types';
import type { ParsedLine } from '../store/store';
import { isValidTimeZone } from '../time/business-day';
import type { FeedAdapter } from './adapter';
import { ignoredCounter } from './adapter-memory';
import { lineText, type SourceLine } from './source-lines';

/** What one data row says of its contact; null fields did not happen. */
interface ContactRow {
  id: string;
  queue: string;
  channel: Channel;
  queuedAt: number;
  answeredAt: number | null;
  abandonedAt: number | null;
  endedAt: number | null;
  agent: string | null;
  firstResponseAt?: number | null;
  outcome?: OutcomeRow | null;
}

/** What a row says of a contact's outcome: a survey answer and/or its resolution. */
interface OutcomeRow {
  id: string;
  survey: { at: number; csat: number | null; nps: number | null } | null;
  resolution: { at: number; firstContact: boolean } | null;
}

/** A row is a contact, an outcome of a contact (a survey export), a row to skip and count, or an error. */
export type RowResult = { contact: ContactRow } | { outcome: OutcomeRow } | { skip: string } | { error: string };

/** A mapping turns a header and a row (cells by header name) into a contact. */
export interface CsvMapping {
  name: string;
  delimiter: string;
  mapRow(row: Record<string, string>): RowResult;
}

// ---- the generic column mapping, saved as JSON -------------------------------------------------------

const column = z.string().min(1);
const columnMappingSchema = z
  .object({
    version: z.literal(1),
    name: z.string().min(1),
    delimiter: z.string().length(1).default(','),
    timeZone: z.string().refine(isValidTimeZone, 'unknown time zone').default('UTC'),
    /** iso: ISO-8601 (without an offset: in timeZone); epoch-seconds / epoch-ms; local: "YYYY-MM-DD HH:MM[:SS]" (or with / or T) in timeZone */
    timeFormat: z.enum(['iso', 'epoch-seconds', 'epoch-ms', 'local']).default('iso'),
    /** contacts: one contact a row (queue and queuedAt required); surveys: one survey answer a row, by contact id. */
    kind: z.enum(['contacts', 'surveys']).default('contacts'),
    columns: z
      .object({
        id: column,
        queue: column.optional(),
        channel: column.optional(),
        queuedAt: column.optional(),
        answeredAt: column.optional(),
        abandonedAt: column.optional(),
        endedAt: column.optional(),
        agent: column.optional(),
        firstResponseAt: column.optional(),
        /** Survey answers: CSAT on 1-5, NPS on 0-10, and when answered (contacts: else the contact's end). */
        csat: column.optional(),
        nps: column.optional(),
        surveyedAt: column.optional(),
        /** Resolution: when, and whether on the first contact (yes/no, true/false, 1/0, y/n). */
        resolvedAt: column.optional(),
        firstContactResolution: column.optional(),
      })
      .strict(),
    /** Source channel values to Floorboard channels, e.g. {"Phone": "voice", "SMS": "message"}. */
    channelValues: z.record(z.string(), z.enum(CHANNELS)).default({}),
    defaultChannel: z.enum(CHANNELS).default('voice'),
  })
  .strict()
  .superRefine((m, ctx) => {
    const c = m.columns;
    const need = (name: keyof typeof c, why: string) => c[name] === undefined && ctx.addIssue({ code: 'custom', path: ['columns', name], message: why });
    if (m.kind === 'contacts') {
      need('queue', 'a contacts mapping needs the queue column');
      need('queuedAt', 'a contacts mapping needs the queuedAt column');
    } else {
      need('surveyedAt', 'a surveys mapping needs the surveyedAt column (when the answer was given)');
      if (c.csat === undefined && c.nps === undefined && c.resolvedAt === undefined) ctx.addIssue({ code: 'custom', path: ['columns', 'csat'], message: 'a surveys mapping needs a csat, nps or resolvedAt column' });
    }
    if ((c.resolvedAt === undefined) !== (c.firstContactResolution === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['columns', c.resolvedAt === undefined ? 'resolvedAt' : 'firstContactResolution'], message: 'resolvedAt and firstContactResolution go together' });
    }
  });
export type ColumnMapping = z.output<typeof columnMappingSchema>;

export function parseColumnMapping(json: unknown): { ok: true; mapping: ColumnMapping } | { ok: false; reason: string } {
  const r = columnMappingSchema.safeParse(json);
  return r.success ? { ok: true, mapping: r.data } : { ok: false, reason: formatZodError(r.error) };
}

function timeParser(m: ColumnMapping): (v: string) => number | null {
  switch (m.timeFormat) {
    case 'epoch-seconds':
      return (v) => (/^\d+(\.\d+)?$/.test(v) ? Math.round(Number(v) * 1000) : null);
    case 'epoch-ms':
      return (v) => (/^\d+$/.test(v) ? Number(v) : null);
    case 'iso':
      // with Z or an offset, that instant; without one, the wall time in the mapping's time zone (never the host's)
      return (v) => {
        const t = DateTime.fromISO(v, { zone: m.timeZone, setZone: true });
        return t.isValid ? t.toMillis() : null;
      };
    case 'local':
      return (v) => {
        const t = DateTime.fromFormat(v.replace('T', ' ').replace(/\//g, '-'), v.length > 16 ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm', { zone: m.timeZone });
        return t.isValid ? t.toMillis() : null;
      };
  }
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

export function columnMapping(m: ColumnMapping): CsvMapping {
  const time = timeParser(m);
  const c = m.columns;
  return {
    name: m.name,
    delimiter: m.delimiter,
    mapRow(row) {
      const get = (col: string | undefined) => (col === undefined ? '' : (row[col] ?? '').trim());
      const id = get(c.id);
      if (!id) return { error: `column "${c.id}" (id) is empty` };
      const at = (name: keyof typeof c, required: boolean): number | null | string => {
        const v = get(c[name]);
        if (!v) return required ? `column "${c[name]}" (${name}) is empty` : null;
        const t = time(v);
        return t === null ? `column "${c[name]}" (${name}): "${v}" is not a ${m.timeFormat} time` : t;
      };
      /** A score column: an integer in [min, max], or null when empty. */
      const score = (name: 'csat' | 'nps', min: number, max: number): number | null | string => {
        const v = get(c[name]);
        if (!v) return null;
        const n = Number(v);
        return Number.isInteger(n) && n >= min && n <= max ? n : `column "${c[name]}" (${name}): "${v}" is not a whole number from ${min} to ${max}`;
      };
      const outcomeOf = (fallbackAt: number | null): OutcomeRow | string | null => {
        const csat = score('csat', CSAT_SCALE.min, CSAT_SCALE.max);
        const nps = score('nps', NPS_SCALE.min, NPS_SCALE.max);
        if (typeof csat === 'string') return csat;
        if (typeof nps === 'string') return nps;
        const surveyedAt = at('surveyedAt', m.kind === 'surveys' && (csat !== null || nps !== null));
        if (typeof surveyedAt === 'string') return surveyedAt;
        const resolvedAt = at('resolvedAt', false);
        if (typeof resolvedAt === 'string') return resolvedAt;
        let resolution: OutcomeRow['resolution'] = null;
        if (resolvedAt !== null) {
          const v = get(c.firstContactResolution).toLowerCase();
          if (!YES.has(v) && !NO.has(v)) return `column "${c.firstContactResolution}" (firstContactResolution): "${v}" is not yes or no`;
          resolution = { at: resolvedAt, firstContact: YES.has(v) };
        }
        const when = surveyedAt ?? fallbackAt;
        const survey = (csat !== null || nps !== null) && when !== null ? { at: when, csat, nps } : null;
        return survey || resolution ? { id, survey, resolution } : null;
      };
      if (m.kind === 'surveys') {
        const o = outcomeOf(null);
        if (typeof o === 'string') return { error: o };
        return o ? { outcome: o } : { skip: 'no survey answer or resolution in the row' };
      }
      const queue = get(c.queue);
      if (!queue) return { error: `column "${c.queue}" (queue) is empty` };
      const times = { queuedAt: at('queuedAt', true), answeredAt: at('answeredAt', false), abandonedAt: at('abandonedAt', false), endedAt: at('endedAt', false), firstResponseAt: at('firstResponseAt', false) };
      for (const v of Object.values(times)) if (typeof v === 'string') return { error: v };
      const outcome = outcomeOf((times.endedAt ?? times.answeredAt ?? times.queuedAt) as number);
      if (typeof outcome === 'string') return { error: outcome };
      const rawChannel = get(c.channel);
      const channel = rawChannel ? (m.channelValues[rawChannel] ?? (CHANNELS as readonly string[]).find((x) => x === rawChannel.toLowerCase())) : m.defaultChannel;
      if (!channel) return { error: `channel "${rawChannel}" is not mapped (add it to channelValues)` };
      return {
        contact: {
          id,
          queue,
          channel: channel as Channel,
          queuedAt: times.queuedAt as number,
          answeredAt: times.answeredAt as number | null,
          abandonedAt: times.abandonedAt as number | null,
          endedAt: times.endedAt as number | null,
          agent: get(c.agent) || null,
          firstResponseAt: times.firstResponseAt as number | null,
          outcome,
        },
      };
    },
  };
}

// ---- the adapter ------------------------------------------------------------------------------------------

function contactRowEvents(c: ContactRow, idPrefix: string): CanonicalEvent[] {
  const key = `${idPrefix}:${c.id}`;
  const out: CanonicalEvent[] = [{ v: 1, id: `${key}:queued`, type: 'contact.queued', ts: c.queuedAt, contactId: c.id, channel: c.channel, queue: c.queue }];
  if (c.answeredAt !== null) out.push({ v: 1, id: `${key}:answered`, type: 'contact.answered', ts: c.answeredAt, contactId: c.id, agentId: c.agent ?? 'unknown' });
  else if (c.abandonedAt !== null) out.push({ v: 1, id: `${key}:abandoned`, type: 'contact.abandoned', ts: c.abandonedAt, contactId: c.id });
  if (c.firstResponseAt != null) out.push({ v: 1, id: `${key}:responded`, type: 'contact.responded', ts: c.firstResponseAt, contactId: c.id, agentId: c.agent ?? undefined });
  if (c.endedAt !== null) out.push({ v: 1, id: `${key}:ended`, type: 'contact.ended', ts: c.endedAt, contactId: c.id });
  if (c.outcome) out.push(...outcomeEvents(c.outcome, idPrefix));
  return out;
}

/** A contact's survey answer and resolution as events (ids: the mapping's prefix and the contact's id). */
function outcomeEvents(o: OutcomeRow, idPrefix: string): CanonicalEvent[] {
  const key = `${idPrefix}:${o.id}`;
  const out: CanonicalEvent[] = [];
  if (o.survey) {
    out.push({ v: 1, id: `${key}:surveyed:${o.survey.at}`, type: 'contact.surveyed', ts: o.survey.at, contactId: o.id, ...(o.survey.csat !== null && { csat: o.survey.csat }), ...(o.survey.nps !== null && { nps: o.survey.nps }) });
  }
  if (o.resolution) out.push({ v: 1, id: `${key}:resolved`, type: 'contact.resolved', ts: o.resolution.at, contactId: o.id, firstContact: o.resolution.firstContact });
  return out;
}

export function createCsvAdapter(mapping: CsvMapping): FeedAdapter {
  let header: string[] | null = null;
  const { ignored, count } = ignoredCounter();
  const options = { delimiter: mapping.delimiter, relax_column_count: true, relax_quotes: true, bom: true } as const;

  function cells(text: string): string[] | string {
    // Without a quote a CSV row is its fields split at the delimiter (RFC 4180: unquoted fields are literal),
    // which is 30x faster than the full parser; any quote goes through csv-parse.
    if (!text.includes('"')) return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(mapping.delimiter);
    try {
      const rows = parseCsv(text, options) as string[][];
      return rows[0] ?? [];
    } catch (e) {
      return `not a CSV row: ${(e as Error).message}`;
    }
  }

  return {
    format: 'csv',
    ignored,
    parse(lines: SourceLine[]): ParsedLine[] {
      const out: ParsedLine[] = [];
      for (const source of lines) {
        if (lineText(source, out) === null) continue;
        // A row keeps its edges: a tab-separated one may begin or end with an empty field.
        const line = source.text.replace(/\r$/, '');
        const position = source.position;
        const row = cells(line);
        if (typeof row === 'string') {
          out.push({ position, text: line, reason: row });
          continue;
        }
        if (position === 1 || header === null) {
          header = row.map((h) => h.trim());
          out.push({ position, text: line, events: [] }); // the header is kept raw, like any line
          continue;
        }
        if (row.length !== header.length) {
          out.push({ position, text: line, reason: `${row.length} fields where the header has ${header.length}` });
          continue;
        }
        const record: Record<string, string> = {};
        header.forEach((h, i) => (record[h] = row[i]));
        const r = mapping.mapRow(record);
        if ('error' in r) out.push({ position, text: line, reason: r.error });
        else if ('skip' in r) {
          count(r.skip);
          out.push({ position, text: line, events: [] });
        } else if ('outcome' in r) out.push({ position, text: line, events: outcomeEvents(r.outcome, `csv:${mapping.name}`) });
        else out.push({ position, text: line, events: contactRowEvents(r.contact, `csv:${mapping.name}`) });
      }
      return out;
    },
  };
}
