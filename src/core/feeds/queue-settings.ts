/**
 * The operator's queue settings (`--queue-channel`, the app's options): a queue's channel and time zone where its
 * feed does not declare them. They are stored as queue.config events of the source "configuration" when they
 * differ from what the store knows, so every reader of the database sees the same queues.
 */
import type { CanonicalEvent } from '../model/events';
import type { Channel, QueueConfig } from '../model/types';
import type { ParsedLine } from '../store/store';
import { isValidTimeZone } from '../time/business-day';

export interface QueueSetting {
  channel: Channel;
  timeZone?: string;
}

/** The source of the operator's settings stored as events (queue channels and time zones). */
export const CONFIGURATION_SOURCE = 'configuration';

/** The queue.config lines to store for the settings that differ from the known queues, after `lastPosition`. */
export function queueSettingLines(settings: ReadonlyMap<string, QueueSetting>, known: readonly QueueConfig[], lastPosition: number, now: number): ParsedLine[] {
  const byName = new Map(known.map((q) => [q.name, q]));
  const lines: ParsedLine[] = [];
  let position = lastPosition;
  for (const [queue, q] of settings) {
    // the CLI checks its flag; this guards every other caller (the stored event would carry a zone no reader knows)
    if (q.timeZone !== undefined && !isValidTimeZone(q.timeZone)) throw new Error(`Queue ${queue}: unknown time zone "${q.timeZone}" (use an IANA name such as Europe/London).`);
    const k = byName.get(queue);
    if (k && k.channel === q.channel && (q.timeZone === undefined || k.timeZone === q.timeZone)) continue;
    const e: CanonicalEvent = { v: 1, id: `config:queue:${queue}:${q.channel}:${q.timeZone ?? ''}:${now}`, type: 'queue.config', ts: now, queue, channel: q.channel, timeZone: q.timeZone };
    lines.push({ position: ++position, text: JSON.stringify(e), events: [e] });
  }
  return lines;
}
