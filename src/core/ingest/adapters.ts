/** Every feed format by name: the one place the CLI, the host and the app create adapters. */
import type { AbandonMapping } from '../../shared/api';
import type { AdapterContext, FeedAdapter, FeedFormat } from './adapter';
import { createConnectAgentAdapter } from './connect-agent';
import { createConnectCtrAdapter } from './connect-ctr';
import { createCsvAdapter, type CsvMapping } from './csv';
import { parseNdjsonLines } from './ndjson';
import { createQueueLogAdapter } from './queue-log';
import { createTaskRouterAdapter } from './taskrouter';

export interface AdapterOptions {
  /** CSV only: the column mapping. */
  csvMapping?: CsvMapping;
  /** TaskRouter's abandonOn and queue_log's exitWithKey. */
  abandonMapping?: AbandonMapping;
}

export function createAdapter(format: FeedFormat, ctx: AdapterContext, options: AdapterOptions = {}): FeedAdapter {
  switch (format) {
    case 'ndjson':
      return { format, parse: parseNdjsonLines };
    case 'queue_log':
      return createQueueLogAdapter(ctx, { exitWithKey: options.abandonMapping?.exitWithKey });
    case 'taskrouter':
      return createTaskRouterAdapter(ctx, { abandonOn: options.abandonMapping?.abandonOn });
    case 'connect-ctr':
      return createConnectCtrAdapter(ctx);
    case 'connect-agent':
      return createConnectAgentAdapter(ctx);
    case 'csv':
      if (!options.csvMapping) throw new Error('CSV needs a column mapping (--mapping NAME or FILE)');
      return createCsvAdapter(options.csvMapping);
  }
}
