/**
 * Who is at the other end of a connection, by its address: the machine itself or another one. Behind a reverse
 * proxy every request comes from the proxy's address (127.0.0.1 on the same machine): `--trust-proxy ADDR` names the
 * proxies whose X-Forwarded-For is believed (Fastify's trustProxy then gives the client's address as `req.ip`); a
 * request that carries X-Forwarded-For through any other peer counts as remote, whatever that peer's address.
 */
import type { FastifyRequest } from 'fastify';

/** The address without the IPv4-mapped prefix (::ffff:10.0.0.5 is 10.0.0.5), one key per machine. */
function plainAddress(address: string | undefined): string {
  const a = address ?? '';
  return a.startsWith('::ffff:') ? a.slice(7) : a;
}

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback: the machine itself. */
function isLoopback(address: string | undefined): boolean {
  const a = plainAddress(address);
  return a === '::1' || a.startsWith('127.');
}

/** The client of a request: its address (the forwarded one through a trusted proxy) and whether it is this machine. */
export function clientOf(req: FastifyRequest, trustedProxies: readonly string[]): { address: string; loopback: boolean } {
  const peer = plainAddress(req.socket.remoteAddress);
  const forwarded = req.headers['x-forwarded-for'] !== undefined;
  if (!forwarded) return { address: peer, loopback: isLoopback(peer) };
  if (trustedProxies.map(plainAddress).includes(peer)) {
    const client = plainAddress(req.ip);
    return { address: client, loopback: isLoopback(client) };
  }
  return { address: `${peer} (forwarded)`, loopback: false };
}
