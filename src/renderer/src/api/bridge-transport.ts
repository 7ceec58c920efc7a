import type { FloorboardBridge } from '../../../shared/api';
import type { ConnectionState, Transport } from './transport';

/**
 * Electron: calls and pushes go over IPC through the preload bridge. IPC does not drop while the
 * window lives, so the connection is always live; the caller is always the admin (the app itself).
 */
export function createBridgeTransport(bridge: FloorboardBridge): Transport {
  return {
    call: (name, args) => bridge.call(name, args),
    on: (event, listener) => bridge.on(event, listener),
    connection: (): ConnectionState => 'live',
    onConnection: () => () => {},
    signedOut: () => null,
    close: () => {},
  };
}
