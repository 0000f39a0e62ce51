import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { EmployeeSchema } from '../admin-schemas';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { bearer, errorResponses, jsonResponse, SIGNED_IN } from '../openapi-docs';

export const ROLES = ['admin', 'operator', 'officer', 'employee'] as const;

export const MeResponse = v.object({
  userId: v.pipe(v.string(), v.description("the caller's id, from the token's configured claim")),
  employee: v.optional(
    v.pipe(EmployeeSchema, v.description("the caller's roster record, when they are on it")),
  ),
  roles: v.pipe(
    v.array(v.picklist(ROLES)),
    v.description(
      '`admin` for the admin group; `operator` / `officer` from a staff record; `employee` while active on the roster',
    ),
  ),
  units: v.pipe(v.array(v.string()), v.description('units an operator may see (staff records)')),
  rollCallIds: v.pipe(
    v.array(v.string()),
    v.description('roll calls an officer may mark (staff records)'),
  ),
});
export type Me = v.InferOutput<typeof MeResponse>;

/**
 * Who the caller is to apel: what the console (and any client) shows follows it. An operator's
 * units and an officer's roll calls come from their staff record (core/staff.ts).
 */
export function meRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get(
    '/',
    describeRoute({
      tags: ['me'],
      summary: 'Who I am: roster record and roles',
      description: 'Anyone signed in. `employee` is absent when the caller is not on the roster.',
      security: bearer,
      responses: {
        200: jsonResponse('the caller', MeResponse),
        ...errorResponses([...SIGNED_IN, 'STORE_UNAVAILABLE']),
      },
    }),
    async (c) => {
      const { employeeId, admin } = c.var.principal;
      const [employee, staff] = await Promise.all([
        deps.stores.roster.get(employeeId),
        deps.stores.staff.get(employeeId),
      ]);
      const roles: Me['roles'] = [];
      if (admin) roles.push('admin');
      for (const role of staff?.roles ?? []) roles.push(role);
      if (employee?.active) roles.push('employee');
      const body: Me = {
        userId: employeeId,
        ...(employee ? { employee: { ...employee, siteIds: [...employee.siteIds] } } : {}),
        roles,
        units: [...(staff?.roles.includes('operator') ? staff.units : [])],
        rollCallIds: [...(staff?.roles.includes('officer') ? staff.rollCallIds : [])],
      };
      c.header('cache-control', 'no-store');
      return c.json(body);
    },
  );
}
