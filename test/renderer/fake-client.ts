/** An ApiClient over a fake bridge for component tests: each call is recorded and answered by `handlers`. */
import type { ApiArgs, ApiErrorCode, ApiName, ApiResult, Caller, Envelope, FloorboardBridge, FloorSnapshot } from '../../src/shared/api';
import { createBridgeTransport } from '../../src/renderer/src/api/bridge-transport';
import { ApiClient } from '../../src/renderer/src/api/client';

type Handler<K extends ApiName> = (args: ApiArgs<K>) => ApiResult<K> | Promise<ApiResult<K>>;
export type Handlers = { [K in ApiName]?: Handler<K> };

/** The desktop app's caller: `access/session` answers it unless a test passes a handler of its own. */
const ADMIN: Caller = { role: 'admin', token: null, names: true };

/** A refusal as the engine sends it: a code other than invalid-args, or invalid-args with each issue's path. */
export class FakeRefusal extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/** An Error a handler throws (`runtime`: the client's, desktop for the app's folder, browser for downloads) becomes an error envelope (invalid-args, or a FakeRefusal's), as the engine's refusals do. */
export function fakeClient(given: Handlers, options: { runtime?: 'desktop' | 'browser' } = {}) {
  const handlers: Handlers = { 'access/session': () => ADMIN, ...given };
  const calls: { name: ApiName; args: unknown }[] = [];
  const listeners = new Set<(s: FloorSnapshot) => void>();
  const bridge: FloorboardBridge = {
    call: (async (name: ApiName, args: unknown): Promise<Envelope<unknown>> => {
      calls.push({ name, args });
      const handler = handlers[name] as ((a: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'unknown-method', message: `no fake for ${name}` } };
      try {
        return { ok: true, value: await handler(args) };
      } catch (e) {
        if (e instanceof FakeRefusal) return { ok: false, error: { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) } };
        return { ok: false, error: { code: 'invalid-args', message: (e as Error).message } };
      }
    }) as FloorboardBridge['call'],
    on: ((_event: string, listener: (s: FloorSnapshot) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }) as FloorboardBridge['on'],
  };
  const client = new ApiClient(createBridgeTransport(bridge), options.runtime ?? 'browser');
  return { client, calls, push: (s: FloorSnapshot) => listeners.forEach((l) => l(s)), callsOf: (name: ApiName) => calls.filter((c) => c.name === name) };
}
