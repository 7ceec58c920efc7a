/**
 * CSV history: one row per contact, as most platforms export it, mapped by a column mapping (a saved JSON
 * file, or a built-in mapping by name). Rows are parsed with csv-parse; the first line of the source is the
 * header. A row becomes the canonical events of its contact (queued, answered or abandoned, ended).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CanonicalEvent } from '../model/events';
import { formatZodError } from '../model/events';
import { CHANNELS, type Channel } from '../model/types';
import type { ParsedLine } from '../store/store';
import { isValidTimeZone } from '../time/business-day';
import type { FeedAdapter } from './adapter';
import type { SourceLine } from './ndjson';

/** What one data row says of its contact; null fields did not happen. */
export interface ContactRow {
  id: string;
  queue: string;
  channel: Channel;
  queuedAt: number;
  answeredAt: number | null;
  abandonedAt: number | null;
  endedAt: number | null;
  agent: string | null;
}

/** A row is a contact, a row to skip and count (not a queue contact), or an error. */
export type RowResult = { contact: ContactRow } | { skip: string } | { error: string };

/** A mapping turns a header and a row (cells by header name) into a contact. */
export interface CsvMapping {
  name: string;
  delimiter: string;
  mapRow(row: Record<string, string>): RowResult;
}

// ---- the generic column mapping, saved as JSON -------------------------------------------------------

const column = z.string().min(1);
export const columnMappingSchema = z
  .object({
    version: z.literal(1),
    name: z.string().min(1),
    delimiter: z.string().length(1).default(','),
    timeZone: z.string().refine(isValidTimeZone, 'unknown time zone').default('UTC'),
    /** iso: ISO-8601; epoch-seconds / epoch-ms; local: "YYYY-MM-DD HH:MM[:SS]" (or with / or T) in timeZone */
    timeFormat: z.enum(['iso', 'epoch-seconds', 'epoch-ms', 'local']).default('iso'),
    columns: z
      .object({
        id: column,
        queue: column,
        channel: column.optional(),
        queuedAt: column,
        answeredAt: column.optional(),
        abandonedAt: column.optional(),
        endedAt: column.optional(),
        agent: column.optional(),
      })
      .strict(),
    /** Source channel values to Floorboard channels, e.g. {"Phone": "voice", "SMS": "message"}. */
    channelValues: z.record(z.string(), z.enum(CHANNELS)).default({}),
    defaultChannel: z.enum(CHANNELS).default('voice'),
  })
  .strict();
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
      return (v) => {
        const t = DateTime.fromISO(v, { setZone: true });
        return t.isValid ? t.toMillis() : null;
      };
    case 'local':
      return (v) => {
        const t = DateTime.fromFormat(v.replace('T', ' ').replace(/\//g, '-'), v.length > 16 ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm', { zone: m.timeZone });
        return t.isValid ? t.toMillis() : null;
      };
  }
}

export function columnMapping(m: ColumnMapping): CsvMapping {
  const time = timeParser(m);
  const c = m.columns;
  return {
    name: m.name,
    delimiter: m.delimiter,
    mapRow(row) {
      const get = (col: string | undefined) => (col === undefined ? '' : (row[col] ?? '').trim());
      const id = get(c.id);
      const queue = get(c.queue);
      if (!id) return { error: `column "${c.id}" (id) is empty` };
      if (!queue) return { error: `column "${c.queue}" (queue) is empty` };
      const at = (name: keyof typeof c, required: boolean): number | null | string => {
        const v = get(c[name]);
        if (!v) return required ? `column "${c[name]}" (${name}) is empty` : null;
        const t = time(v);
        return t === null ? `column "${c[name]}" (${name}): "${v}" is not a ${m.timeFormat} time` : t;
      };
      const times = { queuedAt: at('queuedAt', true), answeredAt: at('answeredAt', false), abandonedAt: at('abandonedAt', false), endedAt: at('endedAt', false) };
      for (const v of Object.values(times)) if (typeof v === 'string') return { error: v };
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
        },
      };
    },
  };
}

// ---- the adapter ------------------------------------------------------------------------------------------

export function contactRowEvents(c: ContactRow, idPrefix: string): CanonicalEvent[] {
  const key = `${idPrefix}:${c.id}`;
  const out: CanonicalEvent[] = [{ v: 1, id: `${key}:queued`, type: 'contact.queued', ts: c.queuedAt, contactId: c.id, channel: c.channel, queue: c.queue }];
  if (c.answeredAt !== null) out.push({ v: 1, id: `${key}:answered`, type: 'contact.answered', ts: c.answeredAt, contactId: c.id, agentId: c.agent ?? 'unknown' });
  else if (c.abandonedAt !== null) out.push({ v: 1, id: `${key}:abandoned`, type: 'contact.abandoned', ts: c.abandonedAt, contactId: c.id });
  if (c.endedAt !== null) out.push({ v: 1, id: `${key}:ended`, type: 'contact.ended', ts: c.endedAt, contactId: c.id });
  return out;
}

export function createCsvAdapter(mapping: CsvMapping): FeedAdapter {
  let header: string[] | null = null;
  const ignored = new Map<string, number>();
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
      for (const { position, text } of lines) {
        const line = text.replace(/\r$/, '');
        if (line.trim() === '') continue;
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
          ignored.set(r.skip, (ignored.get(r.skip) ?? 0) + 1);
          out.push({ position, text: line, events: [] });
        } else out.push({ position, text: line, events: contactRowEvents(r.contact, `csv:${mapping.name}`) });
      }
      return out;
    },
  };
}
