import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { mayOperateUnit } from '../../core/access';
import { Forbidden } from '../../core/errors';
import { employeeHistory } from '../../core/history';
import { callerAccess } from '../access';
import { EmployeeIdParam } from '../admin-schemas';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { ADMIN, bearer, errorResponses, jsonResponse, SIGNED_IN } from '../openapi-docs';
import { Month } from '../recap-schemas';
import { valid } from '../validate';

export const HistoryQuery = v.object({
  month: v.pipe(Month, v.description('the month, `YYYY-MM` (not one still to come)')),
});

export const HistorySchema = v.object({
  employeeId: v.string(),
  name: v.string(),
  unit: v.string(),
  month: v.string(),
  timezone: v.string(),
  days: v.array(
    v.object({
      date: v.string(),
      workday: v.boolean(),
      holiday: v.optional(v.string()),
      rollCalls: v.array(
        v.object({
          rollCallId: v.string(),
          status: v.picklist(['on_time', 'late', 'excused', 'absent', 'pending']),
          method: v.optional(v.picklist(['gps', 'manual', 'appeal'])),
          at: v.optional(v.string()),
          lateMinutes: v.optional(
            v.pipe(v.number(), v.description('minutes after the start in force that day')),
          ),
          kind: v.optional(v.string()),
          published: v.pipe(v.boolean(), v.description('false: the day is counted live')),
        }),
      ),
    }),
  ),
});

const DESCRIPTION =
  'Each day of the month up to today and each roll call with its status and method, read as ' +
  'the recap reads it: a published day as its newest version, an unpublished one live ' +
  '(`pending` while not yet present, late or excused).';

/** GET /v1/me/history: the caller's own month (an employee on the roster). */
export function myHistoryRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get(
    '/',
    describeRoute({
      tags: ['me'],
      summary: 'My month, day by day (riwayat)',
      description: DESCRIPTION,
      security: bearer,
      responses: {
        200: jsonResponse('the month', HistorySchema),
        ...errorResponses([
          ...SIGNED_IN,
          'STORE_UNAVAILABLE',
          'VALIDATION_FAILED',
          'NOT_FOUND',
          'MONTH_IN_FUTURE',
        ]),
      },
    }),
    valid('query', HistoryQuery),
    async (c) => {
      const { month } = c.req.valid('query');
      c.header('cache-control', 'no-store');
      return c.json(await employeeHistory(deps, c.var.principal.employeeId, month));
    },
  );
}

/** GET /v1/employees/{id}/history: any employee's month (admins; an operator their units' employees). */
export function employeeHistoryRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get(
    '/:employeeId/history',
    describeRoute({
      tags: ['admin: roster'],
      summary: 'An employee’s month, day by day',
      description: DESCRIPTION,
      security: bearer,
      responses: {
        200: jsonResponse('the month', HistorySchema),
        ...errorResponses([...ADMIN, 'VALIDATION_FAILED', 'NOT_FOUND', 'MONTH_IN_FUTURE']),
      },
    }),
    valid('param', EmployeeIdParam),
    valid('query', HistoryQuery),
    async (c) => {
      const { month } = c.req.valid('query');
      const { employeeId } = c.req.valid('param');
      const access = await callerAccess(c, deps);
      if (!access.admin) {
        const e = await deps.stores.roster.get(employeeId);
        if (e && !mayOperateUnit(access, e.unit)) throw new Forbidden('operator of that unit');
      }
      return c.json(await employeeHistory(deps, employeeId, month));
    },
  );
}
