import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import * as v from 'valibot';
import { isOperator, mayOperateUnit } from '../../core/access';
import { Forbidden, ValidationFailed } from '../../core/errors';
import { keepLockedMonth, monthRecap } from '../../core/recap-days';
import { yearRecap } from '../../core/recap-year';
import { renderRecapCsv } from '../../core/render/recap-csv';
import { callerAccess } from '../access';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { ADMIN, bearer, errorResponses } from '../openapi-docs';
import { PeriodParam, RecapQuery, RecapSchema, YearRecapSchema } from '../recap-schemas';
import { valid } from '../validate';
import { monthLockRoutes } from './month-locks';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The monthly and yearly recaps (admins; operators a unit of theirs), and the month locks (admins). */
export function recapRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get(
      '/:period',
      describeRoute({
        tags: ['admin: recaps'],
        summary: 'A month’s recap (`YYYY-MM`: JSON, CSV or xlsx) or a year’s (`YYYY`: JSON, paged)',
        description:
          'A month: one row per employee, per-unit and overall totals. Each day counts as its ' +
          'newest published version (what the wall said, corrections included); days not yet ' +
          'published are counted live and listed in `pending`. A locked month answers the recap ' +
          'kept when it was locked. A year: per employee the months side by side and the ' +
          'year’s totals, `limit` employees a page (`next` → `cursor`).',
        security: bearer,
        responses: {
          200: {
            description: 'the recap',
            content: {
              'application/json': { schema: resolver(v.union([RecapSchema, YearRecapSchema])) },
              'text/csv': { schema: { type: 'string' } },
              [XLSX]: { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...errorResponses([...ADMIN, 'VALIDATION_FAILED', 'NOT_FOUND', 'MONTH_IN_FUTURE']),
        },
      }),
      valid('param', PeriodParam),
      valid('query', RecapQuery),
      async (c) => {
        const { period } = c.req.valid('param');
        const asked = c.req.valid('query');
        // An operator reads their own units' recap, one unit at a time: the one they operate
        // when they name none and have one, else the `unit` they name.
        const access = await callerAccess(c, deps);
        const q =
          !access.admin && !asked.unit && access.units.length === 1
            ? { ...asked, unit: access.units[0] }
            : asked;
        if (!access.admin) {
          if (!isOperator(access)) throw new Forbidden('admin');
          if (!q.unit || !mayOperateUnit(access, q.unit))
            throw new Forbidden('operator of that unit');
        }
        if (period.length === 4) {
          if (q.format !== 'json') {
            throw new ValidationFailed('a year’s recap is JSON only', [
              {
                path: 'format',
                message: {
                  id: 'rekap tahunan hanya tersedia sebagai JSON; unduh CSV/xlsx per bulan',
                  en: 'a year’s recap is JSON only; download CSV/xlsx per month',
                },
              },
            ]);
          }
          const year = await yearRecap(deps, period, q.rollCall, {
            ...(q.unit ? { unit: q.unit } : {}),
            offset: Number(q.cursor ?? 0),
            limit: q.limit ?? 500,
          });
          return c.json(year);
        }
        const recap = await monthRecap(deps, period, q.rollCall, q.unit);
        const name = `rekap-${q.rollCall}-${period}${q.unit ? `-${q.unit.replace(/[^\w-]+/g, '_')}` : ''}`;
        if (q.format === 'csv') {
          return c.body(renderRecapCsv(recap), 200, {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="${name}.csv"`,
          });
        }
        if (q.format === 'xlsx') {
          const { renderRecapXlsx } = await import('../../core/recap-xlsx');
          const bytes = await renderRecapXlsx(recap);
          return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
            'content-type': XLSX,
            'content-disposition': `attachment; filename="${name}.xlsx"`,
          });
        }
        return c.json(recap);
      },
    )
    .route(
      '/',
      monthLockRoutes(deps, (lock) => keepLockedMonth(deps, lock)),
    );
}
