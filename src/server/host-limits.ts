/**
 * The host's limits, in one place (README "Limits" and docs/security.md quote them): what one request or one
 * WebSocket may cost the host, whoever sends it.
 */
import type { ApiName } from '../shared/api';

/** The methods that carry lines (a history import's batch): their bodies may be large. */
export const LINES_METHODS = ['ingest/lines', 'import/lines'] as const satisfies readonly ApiName[];
/** A lines method's body (100,000 lines of a few hundred bytes). */
export const LINES_BODY_LIMIT = 64 * 1024 * 1024;
/** Every other method's body: a feed, a standards set or a query is a few KiB. */
export const BODY_LIMIT = 1024 * 1024;
