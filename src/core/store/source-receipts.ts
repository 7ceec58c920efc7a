/**
 * When each source's lines arrived, for a report's cover (the feeds the figures came from and their gaps): the
 * sources known, and the receipt instants of a source's lines within a span. A stored block has one receipt (the
 * batch it was written in: a file tail's poll, a webhook's post), a quarantined line its own; nothing else records
 * when a feed fell silent, so gaps are read from these.
 */
import type { Db } from './database';
import type { StoreReader } from './store';

export function sourceReceiptReads(db: Db): Pick<StoreReader, 'sources' | 'linesReceivedBetween' | 'quarantinedBetween'> {
  const s = {
    all: db.prepare<[], { name: string; format: string; createdAt: number }>('SELECT name, format, created_at AS createdAt FROM sources ORDER BY name'),
    received: db.prepare<[string, number, number, string, number, number], { at: number }>(
      `SELECT b.received_at AS at FROM line_blocks b JOIN sources s ON s.id = b.source_id WHERE s.name = ? AND b.received_at >= ? AND b.received_at < ?
       UNION ALL
       SELECT q.received_at FROM quarantine q JOIN sources s ON s.id = q.source_id WHERE s.name = ? AND q.received_at >= ? AND q.received_at < ?
       ORDER BY 1`,
    ),
    quarantined: db.prepare<[string, number, number], { n: number }>(
      'SELECT count(*) AS n FROM quarantine q JOIN sources s ON s.id = q.source_id WHERE s.name = ? AND q.received_at >= ? AND q.received_at < ?',
    ),
  };
  return {
    sources: () => s.all.all(),
    linesReceivedBetween: (source, from, to) => s.received.all(source, from, to, source, from, to).map((r) => r.at),
    quarantinedBetween: (source, from, to) => s.quarantined.get(source, from, to)?.n ?? 0,
  };
}
