import type { ApiArgs, ApiName, ApiResult, FloorboardBridge, PushEvents, PushName } from '../../../shared/api';
import { ApiError } from './api-error';
import { createBridgeTransport } from './bridge-transport';
import { HttpTransport, screenTokenOf } from './http-transport';
import type { ConnectionState, SignedOut, Transport } from './transport';

export { ApiError } from './api-error';
export type { ConnectionState, SignedOut } from './transport';

/**
 * The renderer's only door to the engine. Typed from `Api`, so renaming a handler breaks this build;
 * envelopes stop here: `call` returns the value or throws an `ApiError`.
 */
export class ApiClient {
  /**
   * `desktop`: the Electron app (the preload bridge), whose files are written into a folder it can show; `browser`:
   * a page on the headless host, which downloads them.
   */
  constructor(
    private readonly transport: Transport,
    readonly runtime: 'desktop' | 'browser' = 'browser',
  ) {}

  async call<K extends ApiName>(name: K, args: ApiArgs<K>): Promise<ApiResult<K>> {
    let envelope;
    try {
      envelope = await this.transport.call(name, args);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError('transport', String(error), name);
    }
    if (envelope.ok) return envelope.value;
    throw new ApiError(envelope.error.code, envelope.error.message, name, envelope.error.issues ?? []);
  }

  on<E extends PushName>(event: E, listener: (payload: PushEvents[E]) => void): () => void {
    return this.transport.on(event, listener);
  }

  connection(): ConnectionState {
    return this.transport.connection();
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    return this.transport.onConnection(listener);
  }

  /** Set once the host refused this page's credential (connection 'signed-out'). */
  signedOut(): SignedOut | null {
    return this.transport.signedOut();
  }

  close(): void {
    this.transport.close();
  }
}

/** The preload bridge when running in Electron, else HTTP + WebSocket against the page's own origin. */
export function createClient(host: { floorboard?: FloorboardBridge; location: { href: string } } = window): ApiClient {
  if (host.floorboard) return new ApiClient(createBridgeTransport(host.floorboard), 'desktop');
  return new ApiClient(new HttpTransport({ pageUrl: host.location.href, screenToken: screenTokenOf(host.location.href) }), 'browser');
}
