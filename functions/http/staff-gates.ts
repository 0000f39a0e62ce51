import type { MiddlewareHandler } from 'hono';
import { type Access, isOfficer, isOperator } from '../core/access';
import { Forbidden } from '../core/errors';
import { callerAccess } from './access';
import type { AppDeps } from './deps';
import type { AppEnv } from './env';

type May = (a: Access) => boolean;
const either: May = (a) => isOperator(a) || isOfficer(a);

/**
 * The admin routes staff may also use (DESIGN.md, "Who may do what"), by method and path; the
 * route itself then narrows the answer to the caller's units or roll calls (http/access.ts,
 * core/access.ts). Whatever is not listed here stays the admins' alone: a route added later is
 * locked until someone decides otherwise.
 */
const STAFF_ROUTES: readonly { method: string; path: RegExp; may: May }[] = [
  // The roster, read: an operator's units only.
  { method: 'GET', path: /^\/v1\/employees\/?$/, may: isOperator },
  { method: 'GET', path: /^\/v1\/employees\/[^/]+\/?$/, may: isOperator },
  { method: 'GET', path: /^\/v1\/employees\/[^/]+\/history\/?$/, may: isOperator },
  // The units' counts: an operator's own units.
  { method: 'GET', path: /^\/v1\/units\/?$/, may: isOperator },
  // Excuses of their units' employees: entered, listed, revoked.
  { method: 'POST', path: /^\/v1\/excuses\/?$/, may: isOperator },
  { method: 'GET', path: /^\/v1\/excuses\/?$/, may: isOperator },
  { method: 'DELETE', path: /^\/v1\/excuses\/[^/]+\/?$/, may: isOperator },
  // Reports filtered to an operator's units; an officer's roll call today (the board).
  { method: 'GET', path: /^\/v1\/reports\/?$/, may: isOperator },
  { method: 'GET', path: /^\/v1\/reports\/[^/]+\/?$/, may: either },
  // The roll calls (rules, no one's data): an operator's report picker, an officer's own.
  { method: 'GET', path: /^\/v1\/rollcalls\/?$/, may: either },
  { method: 'GET', path: /^\/v1\/rollcalls\/[^/]+\/?$/, may: either },
  // The grounds of an officer's roll calls, and their codes for the kiosk.
  { method: 'GET', path: /^\/v1\/sites\/?$/, may: isOfficer },
  { method: 'GET', path: /^\/v1\/sites\/[^/]+\/?$/, may: isOfficer },
  { method: 'GET', path: /^\/v1\/sites\/[^/]+\/code\/?$/, may: isOfficer },
];

/**
 * The gate of the admin routes: an admin passes; anyone else only on a route listed above and
 * with the role it needs, their staff record read once (and kept for the route). Admins never
 * cost a read; nothing on the check-in's path goes through here.
 */
export function staffOrAdmin(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.var.principal?.admin) {
      const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
      const rule = STAFF_ROUTES.find((r) => r.method === method && r.path.test(c.req.path));
      if (!rule) throw new Forbidden('admin');
      if (!rule.may(await callerAccess(c, deps))) throw new Forbidden('admin');
    }
    await next();
  };
}
