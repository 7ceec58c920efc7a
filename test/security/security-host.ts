/**
 * The real host on 127.0.0.1 for the security tests, in this process, with a dispatcher that counts its calls
 * (a refused request must reach no handler) and a renderer folder holding one page.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dispatch } from '../../src/core/api/dispatch';
import { startHost, type Host, type HostOptions } from '../../src/server/host';
import { testAccess, type TestAccess } from '../helpers/access';
import { testEngine } from '../helpers/engine';
import { T0 } from '../helpers/events';

export interface SecurityHost {
  host: Host;
  port: number;
  t: ReturnType<typeof testEngine>;
  /** The methods the dispatcher was called with, in order. */
  calls: string[];
  /** The access service, and the headers of an admin client (Bearer: the admin secret) and of new viewer tokens. */
  access: TestAccess;
  close(): Promise<void>;
}

export async function securityHost(options: Partial<HostOptions> = {}): Promise<SecurityHost> {
  const t = testEngine(T0);
  const access = testAccess(t.engine);
  const calls: string[] = [];
  const counted = ((name: string, args: unknown, caller) => {
    calls.push(name);
    return access.dispatch(name, args as never, caller);
  }) as Dispatch;
  const rendererDir = mkdtempSync(join(tmpdir(), 'floorboard-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Floorboard</title>');
  const host = await startHost({ engine: t.engine, dispatch: counted, access: access.access, rendererDir, port: 0, host: '127.0.0.1', ...options });
  return {
    host,
    port: Number(new URL(host.url).port),
    t,
    calls,
    access,
    close: async () => {
      await host.close();
      t.close();
    },
  };
}
