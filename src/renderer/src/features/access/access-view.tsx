import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AccessTokenView, FloorSnapshot } from '../../../../shared/api';
import type { ConnectionState } from '../../api/client';
import { useClient } from '../../api/client-context';
import { useNow } from '../../lib/use-now';
import { FloorHeader } from '../floor/floor-header';
import { NewToken } from './new-token';
import { TokenForm } from './token-form';
import { TokenTable } from './token-table';
import './access.css';

interface AccessViewProps {
  snapshot: FloorSnapshot;
  connection: ConnectionState;
  receivedAt: number | null;
}

/** Token lists are read again this often, so "last used" moves without a reload. */
const REFRESH_MS = 30_000;

/** The admin's Access screen: the viewer tokens, revoked from their row, and a form to make one (shown once). */
export function AccessView({ snapshot, connection, receivedAt }: AccessViewProps) {
  const client = useClient();
  const tick = useNow(REFRESH_MS / 2);
  const [tokens, setTokens] = useState<AccessTokenView[] | null>(null);
  // read again when the list changes: a token just made was made "just now", not "in under a minute" of a stale clock
  const now = useMemo(() => Math.max(tick, Date.now()), [tick, tokens]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [made, setMade] = useState<{ token: string; view: AccessTokenView } | null>(null);

  const load = useCallback(() => {
    client.call('access/tokens', {}).then(
      (list) => (setTokens(list), setLoadError(null)),
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)),
    );
  }, [client]);
  useEffect(() => {
    load();
    const id = setInterval(load, REFRESH_MS);
    return () => clearInterval(id);
  }, [load]);

  const revoke = async (name: string): Promise<string | null> => {
    try {
      await client.call('access/revoke-token', { name });
      setTokens((list) => list?.filter((t) => t.name !== name) ?? null);
      if (made?.view.name === name) setMade(null);
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };

  return (
    <div className="floor access-screen" data-testid="access-view">
      <FloorHeader snapshot={snapshot} connection={connection} receivedAt={receivedAt} view="access" />
      <main className="access-main">
        <p className="access-explain" data-testid="access-explain">
          A viewer token signs a wall display or a manager&apos;s browser in read only: the floor and the standards, no Feeds or Access
          screen, no editing, no acknowledging alerts; agents appear as pseudonyms unless the token shows names.
        </p>
        {made && <NewToken token={made.token} view={made.view} origin={window.location.origin} onDone={() => setMade(null)} />}
        <section className="panel" aria-labelledby="tokens-title">
          <h2 className="panel__title" id="tokens-title">
            Viewer tokens
          </h2>
          {loadError && (
            <p className="banner banner--warn" role="alert">
              Cannot list the tokens: {loadError}
            </p>
          )}
          {tokens && <TokenTable tokens={tokens} now={now} timeZone={snapshot.center.timeZone} onRevoke={revoke} />}
        </section>
        <section className="panel">
          <TokenForm
            onCreated={(m) => {
              setMade(m);
              setTokens((list) => [...(list ?? []).filter((t) => t.name !== m.view.name), m.view]);
            }}
          />
        </section>
      </main>
    </div>
  );
}
