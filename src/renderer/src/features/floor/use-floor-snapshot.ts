import { useEffect, useRef, useState } from 'react';
import type { FloorSnapshot } from '../../../../shared/api';
import type { ApiClient } from '../../api/client';

export interface FloorFeed {
  snapshot: FloorSnapshot | null;
  /** Browser time the last snapshot arrived: tells a frozen host from a quiet floor. */
  receivedAt: number | null;
  /** Why the first snapshot could not be loaded, while none has arrived. */
  error: string | null;
}

/**
 * Fetch the snapshot once, then follow pushes. Fetched again whenever the push channel comes back, so a
 * board that was disconnected is current at once instead of at the next push.
 */
export function useFloorSnapshot(client: ApiClient): FloorFeed {
  const [feed, setFeed] = useState<FloorFeed>({ snapshot: null, receivedAt: null, error: null });
  const latest = useRef<FloorSnapshot | null>(null);

  useEffect(() => {
    let active = true;
    const accept = (snapshot: FloorSnapshot) => {
      latest.current = snapshot;
      setFeed({ snapshot, receivedAt: Date.now(), error: null });
    };
    const fetchOnce = () => {
      client.call('floor/snapshot', {}).then(
        (snapshot) => {
          // A push may have overtaken the fetch; never step back in time.
          if (active && (!latest.current || snapshot.now >= latest.current.now)) accept(snapshot);
        },
        (error: unknown) => {
          if (active && !latest.current) setFeed((f) => ({ ...f, error: error instanceof Error ? error.message : String(error) }));
        },
      );
    };
    const offPush = client.on('floor/snapshot', (snapshot) => {
      if (active) accept(snapshot);
    });
    let previous = client.connection();
    const offConnection = client.onConnection((state) => {
      if (state === 'live' && previous === 'disconnected') fetchOnce();
      previous = state;
    });
    fetchOnce();
    return () => {
      active = false;
      offPush();
      offConnection();
    };
  }, [client]);

  return feed;
}
