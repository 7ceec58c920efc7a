import { useEffect, useState } from 'react';
import type { Caller } from '../../../../shared/api';
import type { ApiClient } from '../../api/client';

/**
 * The caller, asked once at start (`access/session`) and again when the push channel comes back while it is still
 * unknown (the host was down at start). A refused credential needs nothing here: the transport signs the page out.
 */
export function useCaller(client: ApiClient): Caller | null {
  const [caller, setCaller] = useState<Caller | null>(null);
  useEffect(() => {
    let active = true;
    let known = false;
    const ask = () => {
      client.call('access/session', {}).then(
        (c) => {
          known = true;
          if (active) setCaller(c);
        },
        () => {}, // unreachable: asked again when the link is back; unauthenticated: the page is signed out
      );
    };
    const off = client.onConnection((state) => {
      if (state === 'live' && !known) ask();
    });
    ask();
    return () => {
      active = false;
      off();
    };
  }, [client]);
  return caller;
}
