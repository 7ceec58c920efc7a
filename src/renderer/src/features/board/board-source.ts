/**
 * Loading a board through the one client. `boards/get` is in the boards contract (src/shared/api-boards.ts) but
 * not yet merged into `Api`: this wrapper is its one typed door, and becomes a plain `client.call` once it is.
 */
import type { BoardsApi } from '../../../../shared/api-boards';
import type { BoardVersion } from '../../../../shared/boards';
import type { ApiClient } from '../../api/client';

type BoardsCall = (name: 'boards/get', args: Parameters<BoardsApi['boards/get']>[0]) => Promise<BoardVersion>;

export function fetchBoard(client: ApiClient, name: string): Promise<BoardVersion> {
  // the transports forward any method name; only the compile-time map lacks it until the merge
  const call = client.call.bind(client) as unknown as BoardsCall;
  return call('boards/get', { name });
}
