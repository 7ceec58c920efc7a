/**
 * Feeds given on the command line (`serve --feed SPEC`):
 *   [NAME=]FORMAT:PATH       follow a file (queue_log, ndjson, connect-ctr, connect-agent, taskrouter lines)
 *   [NAME=]FORMAT:webhook    accept posts on /feeds/NAME (taskrouter or ndjson)
 * optionally followed by `@SECONDS`, the heartbeat after which a quiet feed is called stale.
 * NAME defaults to the file's base name (letters, digits, - and _ kept) or to the format for a webhook.
 * A webhook's secret is never on the command line (other users can read it in the process list): it is read
 * from the environment variable FLOORBOARD_TOKEN_<NAME> (upper case, - as _).
 */
import type { FeedFormat, FeedSpec } from '../../shared/api';
import { FEED_FORMATS } from '../ingest/adapter';
import { FEED_NAME } from '../api/schemas';

function tokenVariable(name: string): string {
  return `FLOORBOARD_TOKEN_${name.toUpperCase().replace(/-/g, '_')}`;
}

export function parseFeedSpec(spec: string, env: Record<string, string | undefined>): FeedSpec {
  let rest = spec.trim();
  let heartbeatSeconds: number | undefined;
  const at = /@(\d+)$/.exec(rest);
  if (at) {
    heartbeatSeconds = Number(at[1]);
    rest = rest.slice(0, at.index);
  }
  let name: string | undefined;
  const eq = rest.indexOf('=');
  const colon = rest.indexOf(':');
  if (eq > 0 && (colon === -1 || eq < colon)) {
    name = rest.slice(0, eq);
    rest = rest.slice(eq + 1);
  }
  const c = rest.indexOf(':');
  if (c <= 0) throw new Error(`--feed ${spec}: expected [NAME=]FORMAT:PATH or [NAME=]FORMAT:webhook`);
  const format = rest.slice(0, c) as FeedFormat;
  const target = rest.slice(c + 1);
  if (!FEED_FORMATS.includes(format)) throw new Error(`--feed ${spec}: unknown format "${format}" (${FEED_FORMATS.join(', ')})`);
  if (target === '') throw new Error(`--feed ${spec}: a path, or "webhook", is missing after the format`);
  if (target === 'webhook') {
    name ??= format.replace(/_/g, '-');
    const token = env[tokenVariable(name)];
    if (!token) throw new Error(`--feed ${spec}: set the webhook's secret in the environment variable ${tokenVariable(name)}`);
    return { name, kind: 'webhook', format, token, heartbeatSeconds };
  }
  name ??= (target.split(/[\\/]/).pop() ?? '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  if (!FEED_NAME.test(name)) throw new Error(`--feed ${spec}: "${name}" is not a feed name (letters, digits, - and _): give one as NAME=`);
  return { name, kind: 'file', format, path: target, heartbeatSeconds };
}
