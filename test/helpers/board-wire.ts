/**
 * What a board page received, as it came over the wire: every HTTP response's body and every WebSocket frame, each
 * with when it arrived, recorded from Playwright's view of the page (the browser's own network stack), and the
 * floor's data found in them: a name the floor knows (its queues, its agents' names and ids, given by the test from
 * the admin's snapshot) anywhere in any body or frame, and any floor snapshot or board that carries something.
 */
import type { Page, WebSocket } from '@playwright/test';

export interface Received {
  /** `GET /board/floor`, `ws frame`... */
  what: string;
  text: string;
  /** Date.now() when the test process saw it. */
  at: number;
}

export interface Wire {
  received: Received[];
  sockets: WebSocket[];
  /** Everything received so far, once each body has been read. */
  settle(): Promise<Received[]>;
}

export function recordWire(page: Page): Wire {
  const received: Received[] = [];
  const reading: Promise<void>[] = [];
  const sockets: WebSocket[] = [];
  page.on('response', (response) => {
    const at = Date.now();
    const what = `${response.status()} ${response.request().method()} ${response.url()}`;
    // a redirect has no body; a page gone before its body was read loses nothing the test could have seen later
    reading.push(response.body().then((body) => void received.push({ what, text: body.toString('utf8'), at }), () => undefined));
  });
  page.on('websocket', (socket) => {
    sockets.push(socket);
    socket.on('framereceived', (frame) => received.push({ what: `ws frame ${socket.url()}`, text: frame.payload.toString(), at: Date.now() }));
  });
  return {
    received,
    sockets,
    async settle() {
      await Promise.all(reading);
      return received;
    },
  };
}

/** Each of these names found anywhere in what was received, as "where: name". */
export function namesIn(received: readonly Received[], names: readonly string[]): string[] {
  return received.flatMap((r) => names.filter((name) => r.text.includes(name)).map((name) => `${r.what}: "${name}"`));
}

/** The floor's data in what was received: the floor's names, and floor snapshots or the floor board that carry something. */
export function floorDataIn(received: readonly Received[], names: readonly string[]): string[] {
  const found = namesIn(received, names);
  for (const r of received) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.text);
    } catch {
      continue;
    }
    for (const what of carried(parsed)) found.push(`${r.what}: ${what}`);
  }
  return found;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;
const some = (v: unknown): boolean => Array.isArray(v) && v.length > 0;

/** A floor snapshot's lists that are not empty, and the floor board, anywhere in a JSON value. */
function carried(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(carried);
  if (!isObject(value)) return [];
  const here: string[] = [];
  if ('agentsByState' in value && Array.isArray(value.channels)) {
    const standards = isObject(value.standards) ? value.standards : {};
    const lists: Record<string, unknown> = {
      channels: value.channels,
      queues: value.queues,
      agents: value.agents,
      'intervals.points': isObject(value.intervals) ? value.intervals.points : [],
      'alerts.open': isObject(value.alerts) ? value.alerts.open : [],
      'standards.results': standards.results,
      'standards.atRisk': standards.atRisk,
    };
    for (const [name, list] of Object.entries(lists)) if (some(list)) here.push(`a snapshot with ${name}`);
    const busy = isObject(value.agentsByState) && Object.values(value.agentsByState).some((n) => n !== 0);
    if (busy) here.push('a snapshot with agents by state');
  }
  if (value.name === 'floor' && Array.isArray(value.pages)) here.push('the floor board');
  return [...here, ...Object.values(value).flatMap(carried)];
}
