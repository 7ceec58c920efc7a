/**
 * One entry point for every adapter (IPC, HTTP): validate, call, answer with an envelope.
 * An invalid payload changes nothing and gets a message that names the field.
 */
import { randomBytes } from 'node:crypto';
import type { Api, ApiArgs, ApiName, ApiResult, Envelope } from '../../shared/api';
import { formatZodError } from '../model/events';
import { RefusedError } from './refused';
import { apiArgSchemas } from './schemas';

/**
 * Typed for a caller that names the method (the CLI: `dispatch('metrics/window', {...})` answers a MetricsReport),
 * untyped for a transport that forwards whatever name and body came in (HTTP, IPC): both are validated the same.
 */
export type Dispatch = <K extends string>(name: K, args: K extends ApiName ? ApiArgs<K> : unknown) => Promise<Envelope<K extends ApiName ? ApiResult<K> : unknown>>;

function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(apiArgSchemas, name);
}

/**
 * An unexpected error answers `internal` with one line (`describe`'s, else the error's message) and a short id that
 * the runtime's log line (`onError`) carries too; never a stack.
 */
export function createDispatcher(handlers: Api, onError?: (name: string, error: unknown, id: string) => void, describe?: (error: unknown) => string | null): Dispatch {
  const dispatch = async (name: string, args: unknown): Promise<Envelope<unknown>> => {
    if (!isApiName(name)) return { ok: false, error: { code: 'unknown-method', message: `unknown method "${name}"` } };
    const parsed = apiArgSchemas[name].safeParse(args ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return { ok: false, error: { code: 'invalid-args', message: `${name}: ${formatZodError(parsed.error)}`, issues } };
    }
    try {
      const handler = handlers[name] as (a: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (e) {
      if (e instanceof RefusedError) return { ok: false, error: { code: 'refused', message: e.message } };
      const id = randomBytes(4).toString('hex');
      onError?.(name, e, id);
      const line = describe?.(e) ?? (e as Error).message;
      return { ok: false, error: { code: 'internal', message: `${name} failed: ${line} (error ${id})` } };
    }
  };
  // one implementation for both: the answer is the handler's, as the name says (checked at run time above)
  return dispatch as Dispatch;
}
