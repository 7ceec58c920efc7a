/** Who is at the other end of a connection, by its address: the machine itself or another one. */

/** The address without the IPv4-mapped prefix (::ffff:10.0.0.5 is 10.0.0.5), one key per machine. */
export function plainAddress(address: string | undefined): string {
  const a = address ?? '';
  return a.startsWith('::ffff:') ? a.slice(7) : a;
}

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback: the machine itself. */
export function isLoopback(address: string | undefined): boolean {
  const a = plainAddress(address);
  return a === '::1' || a.startsWith('127.');
}
