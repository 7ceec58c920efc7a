import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient, ConnectionState } from './client';

const ClientContext = createContext<ApiClient | null>(null);

export function ClientProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): ApiClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside <ClientProvider>');
  return client;
}

export function useConnectionState(): ConnectionState {
  const client = useClient();
  return useSyncExternalStore(
    (onChange) => client.onConnection(onChange),
    () => client.connection(),
  );
}
