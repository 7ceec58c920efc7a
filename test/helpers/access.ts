/**
 * Access for tests that run an engine in-process: the access service over the engine's store with a fixed admin
 * secret (no file), the dispatcher a runtime would make with it, and the headers an admin client sends.
 */
import { createAccess, type Access } from '../../src/core/access/access';
import { fixedAdminSecret } from '../../src/core/access/admin-secret';
import { createDispatcher, type Dispatch } from '../../src/core/api/dispatch';
import type { Engine } from '../../src/core/engine';

export interface TestAccess {
  access: Access;
  dispatch: Dispatch;
  secret: ReturnType<typeof fixedAdminSecret>;
  /** `Authorization: Bearer <admin secret>`. */
  admin(): Record<string, string>;
  /** A new viewer token's Authorization header. */
  viewer(name: string, options?: { names?: boolean; expiresDays?: number }): { token: string; headers: Record<string, string> };
}

export function testAccess(engine: Engine): TestAccess {
  const secret = fixedAdminSecret();
  const access = createAccess({ store: engine.store, secret, now: () => engine.wall.now() });
  const dispatch = createDispatcher({ ...engine.handlers, ...access.handlers }, { view: access.view });
  return {
    access,
    dispatch,
    secret,
    admin: () => ({ authorization: `Bearer ${secret.current()}` }),
    viewer(name, options = {}) {
      const { token } = access.handlers['access/create-token']({ name, ...options });
      return { token, headers: { authorization: `Bearer ${token}` } };
    },
  };
}

/** What startHost needs of access: the dispatcher and the access service (an admin is `testAccess(...).admin()`). */
export function hostAccess(engine: Engine): { dispatch: Dispatch; access: Access } {
  const t = testAccess(engine);
  return { dispatch: t.dispatch, access: t.access };
}
