/**
 * Who this console is signed in as (`access/session`), for the screens to show only what the caller may do. What a
 * caller may do is read from METHOD_ROLES, the one table the host enforces (src/shared/api.ts): a control that calls
 * a method is shown when `roleAllows` says its role may call it, so there is no second list to drift. Hiding is for
 * the reader's sake; the host refuses a viewer's admin call whatever the page shows.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { METHOD_ROLES, roleAllows, type ApiName, type Caller } from '../../../../shared/api';

/** Outside a provider (a component test) the console is the desktop app's: the admin, over IPC. */
const DESKTOP: Caller = { role: 'admin', token: null, names: true };
const CallerContext = createContext<Caller>(DESKTOP);

export function SessionProvider({ caller, children }: { caller: Caller; children: ReactNode }) {
  return <CallerContext.Provider value={caller}>{children}</CallerContext.Provider>;
}

export function useSessionCaller(): Caller {
  return useContext(CallerContext);
}

/** Whether this caller may call the method (METHOD_ROLES + roleAllows, as the host decides). */
export function callerAllows(caller: Caller, method: ApiName): boolean {
  return roleAllows(caller.role, METHOD_ROLES[method]);
}

/** Whether the signed-in caller may call the method: show the control that calls it, or not. */
export function useAllows(method: ApiName): boolean {
  return callerAllows(useSessionCaller(), method);
}
