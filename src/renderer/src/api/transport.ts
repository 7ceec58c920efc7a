import type { FloorboardBridge } from '../../../shared/api';

/** connecting: before the first push channel opened; live: pushes flow; disconnected: lost, retrying. */
export type ConnectionState = 'connecting' | 'live' | 'disconnected';

/**
 * What the client needs from a runtime: the preload bridge's two methods, plus the state of the push
 * channel so the wallboard can say when it is no longer live.
 */
export interface Transport extends FloorboardBridge {
  connection(): ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}
