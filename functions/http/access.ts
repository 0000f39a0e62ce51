import type { Context, MiddlewareHandler } from 'hono';
import { type Access, accessOf } from '../core/access';
import { Forbidden } from '../core/errors';
import type { AppDeps } from './deps';
import type { AppEnv } from './env';

/**
 * The caller's access (core/access.ts): the principal's admin flag and, for anyone else, their
 * staff record, read once per request however many times a route asks (the promise is kept on
 * the context). Only staff routes call it: the check-in's path never reads a staff record.
 */
export function callerAccess(c: Context<AppEnv>, deps: AppDeps): Promise<Access> {
  const known = c.get('access');
  if (known) return known;
  const principal = c.var.principal;
  const access = principal.admin
    ? Promise.resolve(accessOf(principal, null))
    : deps.stores.staff.get(principal.employeeId).then((staff) => accessOf(principal, staff));
  c.set('access', access);
  return access;
}

/**
 * A gate for a route staff may use: `may` decides from the caller's access (an admin passes
 * always); a caller it refuses gets 403 FORBIDDEN before the route reads anything. The route
 * itself then narrows what it answers (a unit, a roll call) with mayOperateUnit / mayOfficiate.
 */
export function requireAccess(
  deps: AppDeps,
  may: (a: Access, c: Context<AppEnv>) => boolean,
  what = 'staff',
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.var.principal?.admin) {
      const a = await callerAccess(c, deps);
      if (!may(a, c)) throw new Forbidden(what);
    }
    await next();
  };
}
