import { Hono } from 'hono';
import { NotFound, ValidationFailed } from '../../core/errors';
import { type StaffRecord, staffRecord } from '../../core/staff';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { adminRoute } from '../openapi-docs';
import { StaffBody, StaffList, StaffSchema, UserIdParam } from '../staff-schemas';
import { valid } from '../validate';

const TAG = 'admin: staff';

const plain = (r: StaffRecord) => ({
  ...r,
  roles: [...r.roles],
  units: [...r.units],
  rollCallIds: [...r.rollCallIds],
});

/**
 * Operators and officers (DESIGN.md, "Who may do what"): an admin grants a user the operator
 * role for units, the officer role for roll calls, or both; DELETE revokes every role. A grant
 * takes effect at the user's next request (the record is read, consistently, per request).
 */
export function staffRoutes(deps: AppDeps) {
  const { staff, settings } = deps.stores;
  return new Hono<AppEnv>()
    .get(
      '/',
      adminRoute(TAG, 'Every operator and officer', { 200: ['the staff', StaffList] }, []),
      async (c) => c.json({ items: (await staff.list()).map(plain) }),
    )
    .get(
      '/:userId',
      adminRoute(TAG, "One user's staff record", { 200: ['the record', StaffSchema] }, [
        'VALIDATION_FAILED',
        'NOT_FOUND',
      ]),
      valid('param', UserIdParam),
      async (c) => {
        const { userId } = c.req.valid('param');
        const r = await staff.get(userId);
        if (!r) throw new NotFound('staff record', userId);
        return c.json(plain(r));
      },
    )
    .put(
      '/:userId',
      adminRoute(
        TAG,
        'Grant a user roles: operator of units, officer of roll calls (replaces the record whole)',
        { 200: ['replaced', StaffSchema], 201: ['granted', StaffSchema] },
        ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE'],
        {
          description:
            'Units are matched with the roster’s in any case. Every roll call named must exist ' +
            '(400 VALIDATION_FAILED names `rollCallIds` otherwise).',
        },
      ),
      valid('param', UserIdParam),
      valid('json', StaffBody),
      async (c) => {
        const { userId } = c.req.valid('param');
        const body = c.req.valid('json');
        if (body.rollCallIds.length > 0) {
          const known = new Set((await settings.getRules()).rollCalls.map((rc) => rc.id));
          const unknown = body.rollCallIds.filter((id) => !known.has(id));
          if (unknown.length > 0) {
            throw new ValidationFailed('unknown roll call', [
              {
                path: 'rollCallIds',
                message: {
                  id: `tidak ada apel dengan id ${unknown.join(', ')}`,
                  en: `no roll call with id ${unknown.join(', ')}`,
                },
              },
            ]);
          }
        }
        const record = staffRecord(userId, body);
        const before = await staff.put(record);
        deps.logger.info('staff granted', {
          requestId: c.var.requestId,
          userId,
          roles: [...record.roles],
          by: c.var.principal.employeeId,
        });
        return c.json(plain(record), before ? 200 : 201);
      },
    )
    .delete(
      '/:userId',
      adminRoute(
        TAG,
        'Revoke every role of a user (they keep their own data as an employee)',
        { 200: ['revoked: the record as it was', StaffSchema] },
        ['VALIDATION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
      ),
      valid('param', UserIdParam),
      async (c) => {
        const { userId } = c.req.valid('param');
        const removed = await staff.remove(userId);
        if (!removed) throw new NotFound('staff record', userId);
        deps.logger.info('staff revoked', {
          requestId: c.var.requestId,
          userId,
          by: c.var.principal.employeeId,
        });
        return c.json(plain(removed));
      },
    );
}
