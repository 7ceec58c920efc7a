/**
 * The host's WebSockets (/ws), bounded whoever is at the other end: each push is serialized once and offered to
 * every socket; a socket whose send buffer is over SEND_BUFFER_LIMIT (a client that does not read) is sent nothing
 * new, and keeps only the newest frame of each pushed event until its buffer drains, so a slow consumer holds at most
 * one pending snapshot (before: +760 MB in 60 s for 20 such clients). An address (loopback aside) has at most
 * `perAddress` sockets open; the next is closed with 1008 and the reason.
 */
import type { WebSocket } from '@fastify/websocket';
import type { Engine } from '../core/engine';
import type { PushName } from '../shared/api';
import { SEND_BUFFER_LIMIT } from './host-limits';
import { isLoopback, plainAddress } from './remote-address';

/** What a socket holds back, for the tests and the soak: its send buffer, the events pending, the frames replaced. */
export interface SocketStats {
  bufferedAmount: number;
  pending: PushName[];
  replaced: number;
}

export interface SocketHub {
  open(socket: WebSocket, remoteAddress: string | undefined): void;
  stats(): SocketStats[];
}

interface Client {
  socket: WebSocket;
  /** The newest frame of each event not yet sent (alerts/fired too: the snapshot carries every open alert anyway). */
  pending: Map<PushName, string>;
  replaced: number;
}

export const TOO_MANY_CONNECTIONS = 'too many connections from this address';

export function createSocketHub(engine: Pick<Engine, 'subscribe'>, limits: { perAddress: number; capLoopback: boolean }): SocketHub {
  const clients = new Set<Client>();
  const perAddress = new Map<string, number>();
  let unsubscribe: (() => void) | null = null;

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
  }

  function offer(client: Client, event: PushName, frame: string): void {
    if (client.socket.readyState !== client.socket.OPEN) return;
    if (client.pending.size === 0 && client.socket.bufferedAmount <= SEND_BUFFER_LIMIT) return send(client, frame);
    if (client.pending.has(event)) client.replaced++;
    client.pending.delete(event); // re-inserted last: frames go out in the order of their newest push
    client.pending.set(event, frame);
  }

  function remove(client: Client, key: string | null): void {
    if (!clients.delete(client)) return;
    client.pending.clear();
    if (key !== null) {
      const n = (perAddress.get(key) ?? 1) - 1;
      if (n > 0) perAddress.set(key, n);
      else perAddress.delete(key);
    }
    if (clients.size === 0) {
      unsubscribe?.();
      unsubscribe = null;
    }
  }

  return {
    open(socket, remoteAddress) {
      const key = isLoopback(remoteAddress) && !limits.capLoopback ? null : plainAddress(remoteAddress);
      if (key !== null && (perAddress.get(key) ?? 0) >= limits.perAddress) {
        socket.close(1008, TOO_MANY_CONNECTIONS);
        return;
      }
      if (key !== null) perAddress.set(key, (perAddress.get(key) ?? 0) + 1);
      const client: Client = { socket, pending: new Map(), replaced: 0 };
      clients.add(client);
      socket.on('close', () => remove(client, key));
      socket.on('error', () => remove(client, key));
      unsubscribe ??= engine.subscribe((event, payload) => {
        const frame = JSON.stringify({ event, payload });
        for (const c of clients) offer(c, event, frame);
      });
    },
    stats: () => [...clients].map((c) => ({ bufferedAmount: c.socket.bufferedAmount, pending: [...c.pending.keys()], replaced: c.replaced })),
  };
}
