/**
 * The access part of the one API contract (src/shared/api.ts merges it into `Api` and re-exports its types): the
 * roles, who is calling, and the viewer tokens (docs/security.md).
 */

/**
 * Who may call a method (docs/security.md). 'admin': the desktop app over IPC, the CLI, and a browser or HTTP client
 * holding the install's admin secret (or a session it bought with it). 'viewer': a named read-only token (a wall
 * display, a manager's browser): it reads the floor without paths or raw lines, agents pseudonymized unless the token
 * was made with names. A caller of no role (loopback included) gets nothing.
 */
export type Role = 'viewer' | 'admin';

/** Who is calling, as the dispatcher sees it and `access/session` tells the console (to hide what it may not do). */
export interface Caller {
  role: Role;
  /** The viewer token's name; null for an admin. */
  token: string | null;
  /** Whether agents appear under their names (an admin, a token made with --names) or as stable pseudonyms. */
  names: boolean;
  /** A screen's token: the one board it may see (core/access/board-scope.ts); absent for every other caller. */
  board?: string;
}

/** A viewer token as listed (its secret is shown once, at creation, and stored hashed). */
export interface AccessTokenView {
  name: string;
  names: boolean;
  createdAt: number;
  /** Epoch ms it stops working; null: never. */
  expiresAt: number | null;
  lastUsedAt: number | null;
  /** A screen's token: the board it is bound to (issue 16); null for a plain viewer token. */
  board: string | null;
}

/** Access: who is calling, and the viewer tokens (an admin's business). */
export interface AccessApi {
  /** The caller as the dispatcher sees it (the second argument: every handler may take it). */
  'access/session': (args: Record<string, never>, caller: Caller) => Caller;
  'access/tokens': (args: Record<string, never>) => AccessTokenView[];
  /** A new viewer token: its secret is in this answer only. `expiresDays` omitted: it never expires. */
  'access/create-token': (args: { name: string; expiresDays?: number; names?: boolean }) => { token: string; view: AccessTokenView };
  /** Revoke a token: refused at once, its open WebSockets closed within seconds. */
  'access/revoke-token': (args: { name: string }) => { revoked: string };
}
