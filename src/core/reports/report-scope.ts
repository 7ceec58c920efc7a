/** What a report covers: its scope, parsed from "channel:voice,queue:Sales", and the test of one contact. */
import { CHANNELS, type Channel } from '../../shared/api';
import type { Contact } from '../model/types';

/** What a report covers: every contact (empty lists), or the union of these channels and queues. */
export interface ReportScope {
  channels: Channel[];
  queues: string[];
}

/** "channel:voice,queue:Sales" -> the scope; an unknown kind or channel is refused with its reason. */
export function parseScope(spec: string | undefined): { ok: true; scope: ReportScope } | { ok: false; reason: string } {
  const scope: ReportScope = { channels: [], queues: [] };
  for (const part of (spec ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [kind, ...rest] = part.split(':');
    const value = rest.join(':');
    if (kind === 'channel' && (CHANNELS as readonly string[]).includes(value)) scope.channels.push(value as Channel);
    else if (kind === 'queue' && value.length > 0 && value.length <= 200) scope.queues.push(value);
    else return { ok: false, reason: `--scope "${part.slice(0, 60)}": expected channel:${CHANNELS.join('|')} or queue:NAME, comma-separated` };
  }
  return { ok: true, scope };
}

export function inScope(c: Contact, scope: ReportScope): boolean {
  if (scope.channels.length === 0 && scope.queues.length === 0) return true;
  return scope.channels.includes(c.channel) || scope.queues.includes(c.queue);
}
