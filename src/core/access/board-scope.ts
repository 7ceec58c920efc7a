/**
 * What a screen's token (a viewer token bound to a board) may call: its board, the floor cut to that board, and who
 * it is. Everything else is refused with 403 whatever the method's role, so a TV's token, which sits in a URL on the
 * wall, opens nothing but that board. Checked twice, as roles are: by the host before the body is read (the method
 * alone) and by the dispatcher with the arguments (a board's token asking for another board).
 */
import type { Caller } from '../../shared/api';

const SCREEN_METHODS: ReadonlySet<string> = new Set(['access/session', 'floor/snapshot', 'boards/get']);

/** Why a screen may not call this method (with these arguments, when known); null when it may, or is not a screen. */
export function screenRefusal(caller: Caller, method: string, args?: unknown): string | null {
  if (caller.board === undefined) return null;
  if (!SCREEN_METHODS.has(method)) return `${method}: this screen's token may only read its board "${caller.board}"`;
  const asked = method === 'boards/get' && args !== undefined ? (args as { name?: unknown }).name : caller.board;
  return asked === caller.board ? null : `this screen's token is for board "${caller.board}", not "${String(asked).slice(0, 80)}"`;
}
