/**
 * The host's WebSockets (/ws), bounded whoever is at the other end.
 * - Each push is viewed and serialized once per view (admin, viewer with names, viewer with pseudonyms, and each
 *   board's screens: core/access) and offered to every socket of that view, so fifty TVs on one board cost one cut
 *   of the floor per push, not fifty. A screen is sent its board's snapshot only (no alerts/fired: its snapshot
 *   carries the open alerts its board shows).
 * - A socket whose send buffer is over SEND_BUFFER_LIMIT (a client that does not read) is sent nothing new and keeps
 *   only the newest frame of each pushed event until its buffer drains, so a slow consumer holds at most one pending
 *   snapshot (before: +760 MB in 60 s for 20 such clients); one still over the limit after STUCK_CLOSE_MS is closed.
 * - An address (loopback aside) has at most `perAddress` sockets open, a viewer token `perToken` (several screens may
 *   share one); the next is closed with 1008 and the reason.
 * - Every CHECK_MS each socket's credential is checked again: one revoked, expired or signed out (the admin secret
 *   rotated, by this process or the CLI) is closed with 1008, within seconds; a screen's with SCREEN_ACCESS_REVOKED,
 *   which its board page shows.
 */
import type { WebSocket } from '@fastify/websocket';
import type { Access } from '../core/access/access';
import type { Clock, Timer } from '../core/clock';
import type { Engine } from '../core/engine';
import { PUSH_ROLES, roleAllows, type Caller, type PushName } from '../shared/api';
import { SCREEN_ACCESS_REVOKED } from '../shared/screen-access';
import { SEND_BUFFER_LIMIT } from './host-limits';
import type { RequestAccess } from './request-guard';

/** What a socket holds back, for the tests and the soak: its send buffer, the events pending, the frames replaced. */
export interface SocketStats {
  bufferedAmount: number;
  pending: PushName[];
  replaced: number;
  /** The viewer token's name, or null for an admin. */
  token: string | null;
}

export interface SocketHub {
  open(socket: WebSocket, client: { address: string; loopback: boolean }, access: RequestAccess): void;
  stats(): SocketStats[];
  close(): void;
}

interface Client {
  socket: WebSocket;
  caller: Caller;
  credential: string;
  /** The newest frame of each event not yet sent (alerts/fired too: the snapshot carries every open alert anyway). */
  pending: Map<PushName, string>;
  replaced: number;
  /** The wall time its send buffer went over the limit, or null while it reads. */
  overSince: number | null;
  keys: string[];
}

export const TOO_MANY_CONNECTIONS = 'too many connections from this address';
export const TOO_MANY_FOR_TOKEN = 'too many connections with this token';
export const ACCESS_ENDED = 'access ended: the token was revoked or expired, or the admin secret was rotated';
export const NOT_READING = 'closed: the client stopped reading';
/** How often open sockets' credentials are checked again (a revocation by the CLI is seen within this). */
export const CHECK_MS = 2_000;
/** How long a socket may stay over the send buffer limit before it is closed. */
export const STUCK_CLOSE_MS = 60_000;

export interface SocketHubOptions {
  engine: Pick<Engine, 'subscribe'>;
  access: Pick<Access, 'authenticate' | 'viewPush'>;
  wall: Clock;
  perAddress: number;
  perToken: number;
  capLoopback: boolean;
}

function viewOf(caller: Caller): string {
  const names = caller.names ? 'names' : 'pseudonyms';
  if (caller.board !== undefined) return `board ${caller.board} ${names}`;
  return caller.role === 'admin' ? 'admin' : `viewer ${names}`;
}

function sentTo(caller: Caller, event: PushName): boolean {
  return roleAllows(caller.role, PUSH_ROLES[event]) && (caller.board === undefined || event === 'floor/snapshot');
}

export function createSocketHub(o: SocketHubOptions): SocketHub {
  const clients = new Set<Client>();
  const counts = new Map<string, number>();
  let unsubscribe: (() => void) | null = null;
  let checker: Timer | null = null;

  function send(client: Client, frame: string): void {
    // the callback runs when this frame has left the process's buffer: the moment to send what waited
    client.socket.send(frame, () => flush(client));
  }

  function flush(client: Client): void {
    for (const [event, frame] of client.pending) {
      if (client.socket.readyState !== client.socket.OPEN || client.socket.bufferedAmount > SEND_BUFFER_LIMIT) return;
      client.pending.delete(event);
      send(client, frame);
    }
    if (client.socket.bufferedAmount <= SEND_BUFFER_LIMIT) client.overSince = null;
  }

  function offer(client: Client, event: PushName, frame: string): void {
    if (client.socket.readyState !== client.socket.OPEN) return;
    if (client.pending.size === 0 && client.socket.bufferedAmount <= SEND_BUFFER_LIMIT) return send(client, frame);
    client.overSince ??= o.wall.now();
    if (client.pending.has(event)) client.replaced++;
    client.pending.delete(event); // re-inserted last: frames go out in the order of their newest push
    client.pending.set(event, frame);
  }

  function remove(client: Client): void {
    if (!clients.delete(client)) return;
    client.pending.clear();
    for (const key of client.keys) {
      const n = (counts.get(key) ?? 1) - 1;
      if (n > 0) counts.set(key, n);
      else counts.delete(key);
    }
    if (clients.size === 0) {
      unsubscribe?.();
      unsubscribe = null;
      checker?.clear();
      checker = null;
    }
  }

  /** Credentials checked again (once per distinct credential, the caller each stands for now kept), stuck sockets closed. */
  function check(): void {
    const callers = new Map<string, Caller | null>();
    const now = o.wall.now();
    for (const c of clients) {
      if (!callers.has(c.credential)) callers.set(c.credential, o.access.authenticate(c.credential));
      const caller = callers.get(c.credential) ?? null;
      // a board that stops showing names stops on its open screens too, within CHECK_MS
      if (caller !== null) c.caller = caller;
      if (caller === null) c.socket.close(1008, c.caller.board === undefined ? ACCESS_ENDED : SCREEN_ACCESS_REVOKED);
      else if (c.overSince !== null && c.socket.bufferedAmount > SEND_BUFFER_LIMIT && now - c.overSince >= STUCK_CLOSE_MS) c.socket.close(1008, NOT_READING);
    }
  }

  return {
    open(socket, from, auth) {
      const keys: string[] = [];
      if (!from.loopback || o.capLoopback) keys.push(`address ${from.address}`);
      if (auth.caller.token !== null) keys.push(`token ${auth.caller.token}`);
      for (const key of keys) {
        const limit = key.startsWith('token ') ? o.perToken : o.perAddress;
        if ((counts.get(key) ?? 0) >= limit) {
          socket.close(1008, key.startsWith('token ') ? TOO_MANY_FOR_TOKEN : TOO_MANY_CONNECTIONS);
          return;
        }
      }
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
      const client: Client = { socket, caller: auth.caller, credential: auth.credential, pending: new Map(), replaced: 0, overSince: null, keys };
      clients.add(client);
      socket.on('close', () => remove(client));
      socket.on('error', () => remove(client));
      checker ??= o.wall.setInterval(check, CHECK_MS);
      unsubscribe ??= o.engine.subscribe((event, payload) => {
        const frames = new Map<string, string>();
        for (const c of clients) {
          if (!sentTo(c.caller, event)) continue;
          const view = viewOf(c.caller);
          let frame = frames.get(view);
          if (frame === undefined) {
            frame = JSON.stringify({ event, payload: o.access.viewPush(event, payload, c.caller) });
            frames.set(view, frame);
          }
          offer(c, event, frame);
        }
      });
    },
    stats: () => [...clients].map((c) => ({ bufferedAmount: c.socket.bufferedAmount, pending: [...c.pending.keys()], replaced: c.replaced, token: c.caller.token })),
    close() {
      checker?.clear();
      checker = null;
    },
  };
}
