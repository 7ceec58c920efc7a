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
/** One WebSocket frame from a client (the host reads none: the page only listens). Bigger closes with 1009. */
export const FRAME_LIMIT = 64 * 1024;
/** A socket's send buffer beyond which it is sent nothing new, only the newest frame once it drains. */
export const SEND_BUFFER_LIMIT = 1024 * 1024;
/** Open WebSockets from one remote address (loopback exempt, so benches and soaks can open many). */
export const SOCKETS_PER_ADDRESS = 32;
/** Open WebSockets with one viewer token: a few wallboards may share one; an admin's are not counted. */
export const SOCKETS_PER_TOKEN = 16;
/** How long a socket being closed may take to answer the close before it is dropped. */
export const CLOSE_TIMEOUT_MS = 2_000;
