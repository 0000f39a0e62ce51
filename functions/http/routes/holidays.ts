import { Hono } from 'hono';
import * as v from 'valibot';
import { localTime } from '../../core/calendar';
import { NotFound } from '../../core/errors';
import { assertMonthOpen } from '../../core/month-lock';
import { DateParam, HolidayBody, HolidaySchema, YearQuery } from '../admin-schemas';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { adminRoute } from '../openapi-docs';
import { valid } from '../validate';

/** The holiday calendar: no apel, nobody absent. */
export function holidayRoutes(deps: AppDeps) {
  const holidays = deps.stores.holidays;
  /** This year in the deployment's time zone (on 31 December 17:00 UTC it is already next year in WIB). */
  const thisYear = async () => {
    const { timezone } = await deps.stores.settings.getSettings();
    return Number(localTime(deps.clock.now(), timezone).date.slice(0, 4));
  };
  return new Hono<AppEnv>()
    .get(
      '/',
      adminRoute(
        'admin: calendar',
        'Holidays of a year (default: this year)',
        {
          200: [
            'the year’s holidays',
            v.object({ year: v.number(), items: v.array(HolidaySchema) }),
          ],
        },
        ['VALIDATION_FAILED'],
      ),
      valid('query', YearQuery),
      async (c) => {
        const q = c.req.valid('query');
        const year = q.year ?? (await thisYear());
        return c.json({ year, items: await holidays.year(year) });
      },
    )
    .get(
      '/:date',
      adminRoute('admin: calendar', 'One holiday', { 200: ['the holiday', HolidaySchema] }, [
        'VALIDATION_FAILED',
        'NOT_FOUND',
      ]),
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
      adminRoute('admin: calendar', 'Declare a holiday', { 200: ['declared', HolidaySchema] }, [
        'VALIDATION_FAILED',
        'PAYLOAD_TOO_LARGE',
        'MONTH_LOCKED',
      ]),
      valid('param', DateParam),
      valid('json', HolidayBody),
      async (c) => {
        const { date } = c.req.valid('param');
        await assertMonthOpen(deps.stores, date);
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
      adminRoute(
        'admin: calendar',
        'Withdraw a holiday',
        { 200: ['withdrawn', v.object({ date: v.string(), removed: v.boolean() })] },
        ['VALIDATION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'MONTH_LOCKED'],
      ),
      valid('param', DateParam),
      async (c) => {
        const { date } = c.req.valid('param');
        await assertMonthOpen(deps.stores, date);
        if (!(await holidays.remove(date))) throw new NotFound('holiday', date);
        return c.json({ date, removed: true });
      },
    );
}
