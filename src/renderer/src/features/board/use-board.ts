/**
 * The board a screen shows, loaded through the client and kept current: asked again every few seconds while the
 * host cannot be reached (a board opened before its host is up connects when it comes up), and every few
 * minutes once loaded, so an edit on the Boards screen reaches the wall without anyone touching the TV.
 */
import { useEffect, useState } from 'react';
import type { Board } from '../../../../shared/boards';
import { ApiError, type ApiClient } from '../../api/client';

export const RETRY_MS = 5_000;
const REFRESH_MS = 5 * 60_000;

export interface BoardLoad {
  board: Board | null;
  /** null while loading or loaded; 'host-down' while the host does not answer; else the host's refusal. */
  problem: 'host-down' | string | null;
}

export function useBoard(client: ApiClient, name: string): BoardLoad {
  const [load, setLoad] = useState<BoardLoad>({ board: null, problem: null });
  useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      client.call('boards/get', { name }).then(
        (version) => {
          if (!active) return;
          setLoad({ board: version.board, problem: null });
          timer = setTimeout(ask, REFRESH_MS);
        },
        (error: unknown) => {
          if (!active) return;
          const down = error instanceof ApiError && error.code === 'transport';
          // a board already on screen stays there: the frozen-figures notice says the host is silent
          setLoad((l) => ({ board: l.board, problem: down ? 'host-down' : error instanceof Error ? error.message : String(error) }));
          timer = setTimeout(ask, retryAfter(down));
        },
      );
    };
    ask();
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [client, name]);
  return load;
}

/** Retried soon while the host is down; a refusal (no such board, no access) is asked again less often. */
const retryAfter = (down: boolean): number => (down ? RETRY_MS : REFRESH_MS / 5);
