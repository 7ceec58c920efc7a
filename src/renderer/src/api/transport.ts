import type { FloorboardBridge } from '../../../shared/api';

/**
 * connecting: before the first push channel opened; live: pushes flow; disconnected: lost, retrying;
 * signed-out: the host refused the credential (none, revoked, expired, or the admin secret rotated): nothing is
 * retried until the page is opened again with a login link.
 */
export type ConnectionState = 'connecting' | 'live' | 'disconnected' | 'signed-out';

/** Why the host stopped answering this page, once it has (connection 'signed-out'). */
export interface SignedOut {
  /** The page had access before (a call answered, a socket opened): it ended, rather than never began. */
  ended: boolean;
  /** The host's words (its 401 message), or what the socket was closed with. */
  message: string;
}

/**
 * What the client needs from a runtime: the preload bridge's two methods, plus the state of the push
 * channel so the wallboard can say when it is no longer live.
 */
export interface Transport extends FloorboardBridge {
  connection(): ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** Set once the connection is 'signed-out'. */
  signedOut(): SignedOut | null;
  close(): void;
}
