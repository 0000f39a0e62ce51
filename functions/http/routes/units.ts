import { Hono } from 'hono';
import * as v from 'valibot';
import { mayOperateUnit } from '../../core/access';
import { callerAccess } from '../access';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { adminRoute } from '../openapi-docs';

export const UnitCountSchema = v.object({
  unit: v.pipe(v.string(), v.description('as most of its employees spell it')),
  employees: v.pipe(v.number(), v.description('on the roster, active or not')),
  active: v.number(),
});
export const UnitList = v.object({ items: v.array(UnitCountSchema) });

/**
 * The roster's units with their counts, for the console's suggestions (the roster's unit
 * filter, a roll call's units). Admins see every unit, an operator their own.
 */
export function unitRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get(
    '/',
    adminRoute(
      'admin: roster',
      "The roster's units (any case is one unit), each with its employees, all and active",
      { 200: ['the units, by name', UnitList] },
      [],
      {
        description:
          'Counted over the whole roster and kept for a minute in each process: a change made ' +
          'elsewhere may take that long to show.',
      },
    ),
    async (c) => {
      const [units, access] = await Promise.all([
        deps.stores.roster.units(),
        callerAccess(c, deps),
      ]);
      return c.json({ items: units.filter((u) => mayOperateUnit(access, u.unit)) });
    },
  );
}
