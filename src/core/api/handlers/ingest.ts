/** `ingest/*`: lines of a native NDJSON source posted through the Api (a stream of posts, or a re-send). */
import type { Handlers, IngestSummary } from '../../../shared/api';
import type { SourceLine } from '../../ingest/source-lines';
import { RefusedError } from '../refused';

export interface IngestHandlerDeps {
  /** Whether a configured feed has this name: its lines come through the feed, not through the Api. */
  isFeed(name: string): boolean;
  /** The last position stored of a source (0: none). */
  checkpoint(source: string): number;
  ingestNdjson(source: string, lines: SourceLine[]): IngestSummary;
}

export function ingestHandlers(d: IngestHandlerDeps): Handlers<'ingest'> {
  return {
    'ingest/lines': ({ source, lines, startPosition }) => {
      if (d.isFeed(source)) {
        throw new RefusedError(`"${source}" is the name of a configured feed: post its lines to the feed, or use another source name`);
      }
      // Without a start position the lines are appended after the source's last checkpoint: a stream of posts.
      const first = startPosition ?? d.checkpoint(source) + 1;
      return d.ingestNdjson(source, lines.map((text, i) => ({ position: first + i, text })));
    },
  };
}
