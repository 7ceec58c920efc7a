/**
 * The names the host answers to, against DNS rebinding: a page on evil.example whose name is made to resolve to
 * 127.0.0.1 reaches the host with `Host: evil.example`, and any page can post to it with its own Origin. A request
 * is served only when its Host, and its Origin if it has one, name this machine: the loopback names, the addresses
 * it listens on (every interface's address when it listens on all of them, so a TV can use the machine's IP), the
 * machine's hostname and hostname.local, the --public-url host and every --allow-host name. Any port.
 */
import { isIPv6 } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { domainToASCII } from 'node:url';

export interface AllowedHostsOptions {
  /** The address the host listens on (--host). */
  listen: string;
  publicUrl?: string;
  allowHosts?: readonly string[];
  /** The wall clock, to read the interfaces again at most every REREAD_MS (a laptop changes networks). */
  now: () => number;
}

/** Answers whether a name (lowercase, no port, no brackets: hostName's output) is one of this machine's. */
export type HostCheck = (name: string) => boolean;

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
const ALL_ADDRESSES = new Set(['0.0.0.0', '::']);
const REREAD_MS = 5_000;
// a Host header as a browser sends it: a DNS name or IPv4 address, or a bracketed IPv6 address, then a port
const HOST_HEADER = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9._-]+))(?::\d{1,5})?$/i;

/** The name a Host header carries, normalized; null for an unreadable one (refused). */
export function hostName(header: string | undefined): string | null {
  const m = header === undefined ? null : HOST_HEADER.exec(header);
  if (!m) return null;
  return (m[1] ?? m[2]).toLowerCase().replace(/\.$/, '');
}

/** The name an Origin header carries, normalized; null for an unreadable or opaque one ("null"), refused. */
export function originName(origin: string): string | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/** An --allow-host value as a name to compare with (punycode for an international name), or an Error saying why not. */
export function allowHostName(value: string): string {
  const bare = value.trim().replace(/^\[(.*)\]$/, '$1');
  // letters of any script, digits, dots and hyphens, or an IPv6 address: no scheme, userinfo, port or path
  const name = isIPv6(bare) ? bare.toLowerCase() : /^[\p{L}\p{N}._-]+$/u.test(bare) ? domainToASCII(bare) : '';
  if (!/^[a-z0-9._:-]+$/.test(name) || !/[a-z0-9]/.test(name) || name.length > 253) {
    throw new Error(`--allow-host "${value}" is not a host name or address (give the name alone: no scheme, port or path).`);
  }
  return name.replace(/\.$/, '');
}

function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((i) => (i ? [i.address.toLowerCase()] : []));
}

export function createHostCheck(options: AllowedHostsOptions): HostCheck {
  const machine = hostname().toLowerCase();
  const fixed = new Set([...LOOPBACK_NAMES, machine, `${machine}.local`, options.listen.toLowerCase(), ...(options.allowHosts ?? []).map(allowHostName)]);
  if (options.publicUrl) fixed.add(originName(options.publicUrl) ?? '');
  fixed.delete('');
  const everyInterface = ALL_ADDRESSES.has(options.listen);
  let addresses = new Set(everyInterface ? interfaceAddresses() : []);
  let readAt = options.now();
  return (name) => {
    if (fixed.has(name) || addresses.has(name)) return true;
    if (!everyInterface || options.now() - readAt < REREAD_MS) return false;
    addresses = new Set(interfaceAddresses());
    readAt = options.now();
    return addresses.has(name);
  };
}
