/**
 * One-shot imports of history files sent in batches of lines (the app's file picker reads the file and posts
 * it; the CLI reads it itself). Stateful adapters (queue_log pause states, Connect record versions, a CSV
 * header) keep their memory across the batches of one import, so each import keeps its adapter while it runs.
 */
import type { AbandonMapping, FeedFormat, IngestSummary } from '../../shared/api';
import { RefusedError } from '../api/refused';
import type { AdapterContext, FeedAdapter } from '../ingest/adapter';
import { createAdapter } from '../ingest/adapters';
import type { SourceLine } from '../ingest/ndjson';
import { BUILT_IN_CSV_MAPPINGS } from '../ingest/csv-mappings';

/** Imports whose adapter is kept between batches; the least recently used is dropped beyond this. */
const MAX_OPEN_IMPORTS = 8;

export interface ImportDeps {
  adapterContext: AdapterContext;
  ingestWith(adapter: FeedAdapter, source: string, lines: SourceLine[]): IngestSummary;
}

export function createImports(deps: ImportDeps) {
  const open = new Map<string, FeedAdapter>();

  function adapterFor(source: string, format: FeedFormat, mapping: string | undefined, abandonMapping: AbandonMapping | undefined, fresh: boolean): FeedAdapter {
    const key = JSON.stringify([source, format, mapping ?? null, abandonMapping ?? null]);
    let adapter = fresh ? undefined : open.get(key);
    if (adapter) {
      open.delete(key); // re-inserted below: most recently used last
    } else {
      let csvMapping;
      if (format === 'csv') {
        const make = mapping === undefined ? undefined : BUILT_IN_CSV_MAPPINGS[mapping];
        if (!make) throw new RefusedError(`no CSV mapping named "${mapping ?? ''}" (known: ${Object.keys(BUILT_IN_CSV_MAPPINGS).join(', ')})`);
        csvMapping = make();
      }
      adapter = createAdapter(format, deps.adapterContext, { csvMapping, abandonMapping });
    }
    open.set(key, adapter);
    while (open.size > MAX_OPEN_IMPORTS) open.delete(open.keys().next().value!);
    return adapter;
  }

  return {
    /**
     * Import a batch. A batch starting at line 1 starts the import afresh (a new adapter); later batches reuse
     * it. `ignored` counts this batch's lines read but not mapped, by kind (so a client may add them up).
     */
    lines(a: { source: string; format: FeedFormat; mapping?: string; abandonMapping?: AbandonMapping; startPosition: number; lines: string[] }): IngestSummary & {
      ignored: Record<string, number>;
    } {
      const adapter = adapterFor(a.source, a.format, a.mapping, a.abandonMapping, a.startPosition === 1);
      const before = new Map(adapter.ignored ?? []);
      const r = deps.ingestWith(
        adapter,
        a.source,
        a.lines.map((text, i) => ({ position: a.startPosition + i, text })),
      );
      const ignored: Record<string, number> = {};
      for (const [kind, n] of adapter.ignored ?? []) {
        const d = n - (before.get(kind) ?? 0);
        if (d > 0) ignored[kind] = d;
      }
      return { ...r, ignored };
    },
    mappings(): string[] {
      return Object.keys(BUILT_IN_CSV_MAPPINGS);
    },
  };
}
