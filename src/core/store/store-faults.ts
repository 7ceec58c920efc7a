/**
 * The SQLite faults an operator can act on (busy, read-only, full), as one line naming the database and the cause.
 * Anything else is not described here (null): the caller keeps its own message.
 */
const CAUSES: [prefix: string, cause: string][] = [
  ['SQLITE_BUSY', 'is busy: another process held its write lock for more than the 5 s busy timeout'],
  ['SQLITE_LOCKED', 'is busy: locked by another connection of this process'],
  ['SQLITE_READONLY', 'is read-only: check the file, its directory and their permissions'],
  ['SQLITE_FULL', 'is full: the disk (or its quota) has no room left'],
];

export function describeStoreFault(e: unknown, path: string): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const hit = CAUSES.find(([prefix]) => code.startsWith(prefix));
  return hit ? `database ${path} ${hit[1]} (${code})` : null;
}
