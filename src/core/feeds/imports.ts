/**
 * One-shot imports of history files sent in batches of lines (the app's file picker reads the file and posts
 * it; the CLI reads it itself). Stateful adapters (queue_log pause states, Connect record versions, a CSV
 * header) keep their memory across the batches of one import, so each import keeps its adapter while it runs.
 */
import type { AbandonMapping, FeedFormat, IngestSummary } from '../../shared/api';
import { RefusedError } from '../api/refused';
import type { AdapterContext, FeedAdapter } from '../ingest/adapter';
import { createAdapter } from '../ingest/adapters';
import type { SourceLine } from '../ingest/source-lines';
import { BUILT_IN_CSV_MAPPINGS } from '../ingest/csv-mappings';

/** Imports whose adapter is kept between batches; the least recently used is dropped beyond this. */
const MAX_OPEN_IMPORTS = 8;

export interface ImportDeps {
  adapterContext: AdapterContext;
  ingestWith(adapter: FeedAdapter, source: string, lines: SourceLine[]): IngestSummary;
  /** Whether a configured feed has this name (its source): an import must not write into a feed's positions. */
  isFeed(name: string): boolean;
  /** The stored text of a source's line. */
  lineAt(source: string, position: number): string | null;
}

/**
 * Refuse to import a file under a name that already holds another file: positions are line numbers, so its lines
 * would all be taken for duplicates of the other file's and be lost. Checked on the first line (the CLI uses it too).
 */
export function checkSameFile(lineAt: (source: string, position: number) => string | null, source: string, firstLine: string | undefined): void {
  if (firstLine === undefined) return;
  const stored = lineAt(source, 1);
  if (stored !== null && stored !== firstLine.replace(/\r$/, '')) {
    throw new RefusedError(`"${source}" already holds the lines of another file (its first line differs): import this one under another name`);
  }
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
      if (deps.isFeed(a.source)) throw new RefusedError(`"${a.source}" is the name of a configured feed: import the file under another name`);
      if (a.startPosition === 1) checkSameFile(deps.lineAt, a.source, a.lines[0]);
      const key = JSON.stringify([a.source, a.format, a.mapping ?? null, a.abandonMapping ?? null]);
      if (a.format === 'csv' && a.startPosition > 1 && !open.has(key)) {
        // the header was read by an adapter that is gone (a restart, or more imports at once than are kept)
        throw new RefusedError('this import was interrupted: start it again from line 1 (what it stored counts as duplicates)');
      }
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
export type Imports = ReturnType<typeof createImports>;
