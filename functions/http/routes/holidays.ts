import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { NotFound } from '../../core/errors';
import { DateParam, HolidayBody, HolidaySchema, YearQuery } from '../admin-schemas';
import type { AppDeps } from '../app';
import type { AppEnv } from '../env';
import { bearer, errorResponses, jsonResponse } from '../openapi-docs';
import { valid } from '../validate';

const doc = (summary: string, ok: number, schema: v.GenericSchema, errors: number[]) =>
  describeRoute({
    tags: ['admin: calendar'],
    summary,
    security: bearer,
    responses: { [ok]: jsonResponse('ok', schema), ...errorResponses(...errors) },
  });

/** The holiday calendar: no apel, nobody absent. */
export function holidayRoutes(deps: AppDeps) {
  const holidays = deps.stores.holidays;
  return new Hono<AppEnv>()
    .get(
      '/',
      doc(
        'Holidays of a year',
        200,
        v.object({ year: v.number(), items: v.array(HolidaySchema) }),
        [400, 401, 403],
      ),
      valid('query', YearQuery),
      async (c) => {
        const { year } = c.req.valid('query');
        return c.json({ year, items: await holidays.year(year) });
      },
    )
    .get(
      '/:date',
      doc('One holiday', 200, HolidaySchema, [400, 401, 403, 404]),
      valid('param', DateParam),
      async (c) => {
        const { date } = c.req.valid('param');
        const h = await holidays.get(date);
        if (!h) throw new NotFound('holiday', date);
        return c.json(h);
      },
    )
    .put(
      '/:date',
      doc('Declare a holiday', 200, HolidaySchema, [400, 401, 403]),
      valid('param', DateParam),
      valid('json', HolidayBody),
      async (c) => {
        const { date } = c.req.valid('param');
        const holiday = { date, name: c.req.valid('json').name };
        await holidays.put(holiday);
        deps.logger.info('holiday saved', {
          requestId: c.var.requestId,
          date,
          by: c.var.principal.employeeId,
        });
        return c.json(holiday);
      },
    )
    .delete(
      '/:date',
      doc(
        'Withdraw a holiday',
        200,
        v.object({ date: v.string(), removed: v.boolean() }),
        [400, 401, 403, 404],
      ),
      valid('param', DateParam),
      async (c) => {
        const { date } = c.req.valid('param');
        if (!(await holidays.remove(date))) throw new NotFound('holiday', date);
        return c.json({ date, removed: true });
      },
    );
}
