/**
 * One entry point for every adapter (IPC, HTTP, the CLI): check the caller's role, validate, call, show the caller
 * its view of the answer, answer with an envelope. An invalid payload changes nothing and gets a message that names
 * the field; a method the caller's role may not call reaches no handler.
 */
import { randomBytes } from 'node:crypto';
import { METHOD_ROLES, roleAllows, type AccessApi, type ApiArgs, type ApiName, type ApiResult, type Caller, type EngineHandlers, type Envelope } from '../../shared/api';
import type { ReportsApi } from '../../shared/api-reports';
import type { CenterApi } from '../../shared/api-center';
import type { BoardsCoreApi, BoardScreensApi } from '../../shared/api-boards';
import { ADMIN } from '../access/access';
import { screenRefusal } from '../access/board-scope';
import { createPseudonyms, viewerView } from '../access/viewer-view';
import { formatZodError } from '../model/events';
import { RefusedError } from './refused';
import { apiArgSchemas } from './schemas';

/**
 * Typed for a caller that names the method (the CLI: `dispatch('metrics/window', {...})` answers a MetricsReport),
 * untyped for a transport that forwards whatever name and body came in (HTTP, IPC): both are validated the same.
 * `caller`: who calls; omitted, the process itself (the CLI, the desktop app's own window over IPC): admin. The
 * host always passes the caller its request authenticated as.
 */
export type Dispatch = <K extends string>(
  name: K,
  args: K extends ApiName ? ApiArgs<K> : unknown,
  caller?: Caller,
) => Promise<Envelope<K extends ApiName ? ApiResult<K> : unknown>>;

/**
 * The engine's handlers, the access ones where the runtime has an admin secret and tokens (core/access), and the
 * reports ones (core/reports; `reports/reveal` only where the runtime can show a folder: the desktop app), and the
 * center's settings (api/handlers/center.ts, where the runtime knows the flags it started with), and the boards
 * (api/handlers/boards.ts).
 */
export type DispatchHandlers = EngineHandlers &
  Partial<{ [K in keyof AccessApi]: AccessApi[K] }> &
  Partial<{ [K in keyof ReportsApi]: ReportsApi[K] }> &
  Partial<{ [K in keyof CenterApi]: CenterApi[K] }> &
  Partial<{ [K in keyof BoardsCoreApi]: BoardsCoreApi[K] }> &
  Partial<{ [K in keyof BoardScreensApi]: BoardScreensApi[K] }>;

export interface DispatcherOptions {
  /** A viewer's view of an answer (core/access/viewer-view.ts); by default with pseudonyms of this dispatcher's own. */
  view?: <K extends ApiName>(name: K, value: ApiResult<K>, caller: Caller) => ApiResult<K>;
  /** Told of every unexpected error, with the id its answer carries (the runtime's log line). */
  onError?: (name: string, error: unknown, id: string) => void;
  /** One line for an error (a busy or read-only database...), else null for the error's own message. */
  describe?: (error: unknown) => string | null;
}

function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(apiArgSchemas, name);
}

/**
 * An unexpected error answers `internal` with one line (`describe`'s, else the error's message) and a short id that
 * the runtime's log line (`onError`) carries too; never a stack.
 */
export function createDispatcher(handlers: DispatchHandlers, options: DispatcherOptions = {}): Dispatch {
  const pseudonyms = createPseudonyms();
  const view = options.view ?? ((name, value, caller) => viewerView(name, value, caller, pseudonyms));
  const dispatch = async (name: string, args: unknown, caller: Caller = ADMIN): Promise<Envelope<unknown>> => {
    // a screen's token opens its board only: refused before anything else is said about the method or its arguments
    const outOfScreen = screenRefusal(caller, name, args ?? {});
    if (outOfScreen !== null) return { ok: false, error: { code: 'forbidden', message: outOfScreen } };
    if (!isApiName(name)) return { ok: false, error: { code: 'unknown-method', message: `unknown method "${name}"` } };
    if (!roleAllows(caller.role, METHOD_ROLES[name])) {
      return { ok: false, error: { code: 'forbidden', message: `${name} is for an admin; this ${caller.role} token may only read the floor` } };
    }
    const handler = handlers[name] as ((a: unknown, c: Caller) => unknown) | undefined;
    if (handler === undefined) return { ok: false, error: { code: 'unknown-method', message: `${name} is not served here` } };
    const parsed = apiArgSchemas[name].safeParse(args ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return { ok: false, error: { code: 'invalid-args', message: `${name}: ${formatZodError(parsed.error)}`, issues } };
    }
    try {
      const value = (await handler(parsed.data, caller)) as ApiResult<typeof name>;
      return { ok: true, value: view(name, value, caller) };
    } catch (e) {
      if (e instanceof RefusedError) return { ok: false, error: { code: 'refused', message: e.message, ...(e.issues ? { issues: e.issues } : {}) } };
      const id = randomBytes(4).toString('hex');
      options.onError?.(name, e, id);
      const line = options.describe?.(e) ?? (e as Error).message;
      return { ok: false, error: { code: 'internal', message: `${name} failed: ${line} (error ${id})` } };
    }
  };
  // one implementation for both: the answer is the handler's, as the name says (checked at run time above)
  return dispatch as Dispatch;
}
