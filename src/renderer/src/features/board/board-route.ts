/**
 * Which board a page is asked to show: `/board/NAME` (the host serves the renderer there) or `#/board/NAME`
 * (Electron's file:// page); null for the console. A name that is not a board name (BOARD_NAME) is no board: the
 * console opens, as for any unknown address.
 */
import { BOARD_NAME } from '../../../../shared/boards';

export function boardNameFrom(location: { pathname: string; hash: string }): string | null {
  const asked = /^\/board\/([^/]+)\/?$/.exec(location.pathname)?.[1] ?? /^#\/board\/([^/?]+)\/?$/.exec(location.hash)?.[1];
  if (asked === undefined) return null;
  const name = decodeURIComponent(asked);
  return BOARD_NAME.test(name) ? name : null;
}
