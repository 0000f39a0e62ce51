import { type Context, Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import * as v from 'valibot';
import { isOperator, mayOperateUnit } from '../../core/access';
import { Forbidden, ValidationFailed } from '../../core/errors';
import type { MonthLock } from '../../core/ports';
import { keepLockedMonth, monthRecap, rollCallsOfMonth } from '../../core/recap-days';
import { yearRecap } from '../../core/recap-year';
import { renderRecapCsv } from '../../core/render/recap-csv';
import { requestJob } from '../../core/report-jobs';
import { callerAccess } from '../access';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { ADMIN, bearer, errorResponses, jsonResponse } from '../openapi-docs';
import { PeriodParam, RecapQuery, RecapSchema, YearRecapSchema } from '../recap-schemas';
import { recapAway, recapJob, recapJobStatus } from '../recap-serve';
import { RecapJobSchema } from '../report-job-schemas';
import { buildsAway } from '../report-serve';
import { valid } from '../validate';
import { monthLockRoutes } from './month-locks';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Asked = v.InferOutput<typeof RecapQuery>;

/**
 * At a lock, the month's recaps are kept: built here for a small roster; for a large one by the
 * report function, a recap job per roll call (its build keeps the recap as of the lock, and
 * corrections to the month are refused from the lock on).
 */
async function keepAtLock(deps: AppDeps, lock: MonthLock): Promise<void> {
  if (!deps.reports || !(await buildsAway(deps))) return keepLockedMonth(deps, lock);
  const runner = deps.reports.runner;
  for (const id of await rollCallsOfMonth(deps, lock.month)) {
    await requestJob(
      { ...deps, runner },
      recapJob({ period: lock.month, rollCallId: id }),
      lock.lockedBy,
    );
  }
}

/**
 * Who may read which recap: admins any; an operator their own units', one unit at a time: the
 * one they operate when they name none and have one, else the `unit` they name.
 */
async function scoped(c: Context<AppEnv>, deps: AppDeps, asked: Asked): Promise<Asked> {
  const access = await callerAccess(c, deps);
  const q =
    !access.admin && !asked.unit && access.units.length === 1
      ? { ...asked, unit: access.units[0] }
      : asked;
  if (!access.admin) {
    if (!isOperator(access)) throw new Forbidden('admin');
    if (!q.unit || !mayOperateUnit(access, q.unit)) throw new Forbidden('operator of that unit');
  }
  return q;
}

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
          'year’s totals, `limit` employees a page (`next` → `cursor`). A large roster (about ' +
          '20,000 or more): built by the report function, 202 with `Location` its status; once ' +
          'built, the files are served (on AWS a 302 to the bucket) for ten minutes, a locked ' +
          'month’s for as long as the lock stands; a year then comes in pages of 500 (`limit` ' +
          'is not used; `cursor` must be a `next` it gave).',
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
          202: jsonResponse(
            'a large roster: the report function is building it; poll `Location` ' +
              '(GET …/{period}/job), then ask here again',
            RecapJobSchema,
          ),
          302: {
            description:
              'a large roster’s recap, built: on AWS a short-lived presigned address of the file ' +
              'in the reports bucket (`Location`); clients follow it (curl: `-L`)',
            content: { 'text/plain': { schema: { type: 'string', maxLength: 0 } } },
          },
          ...errorResponses([...ADMIN, 'VALIDATION_FAILED', 'NOT_FOUND', 'MONTH_IN_FUTURE']),
        },
      }),
      valid('param', PeriodParam),
      valid('query', RecapQuery),
      async (c) => {
        const { period } = c.req.valid('param');
        const q = await scoped(c, deps, c.req.valid('query'));
        if (period.length === 4 && q.format !== 'json') {
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
        const name = `rekap-${q.rollCall}-${period}${q.unit ? `-${q.unit.replace(/[^\w-]+/g, '_')}` : ''}`;
        // A large roster's recap is built by the report function and served from the bucket.
        if (await buildsAway(deps)) {
          return recapAway(deps, c, {
            period,
            rollCallId: q.rollCall,
            unit: q.unit,
            format: q.format,
            offset: Number(q.cursor ?? 0),
            name,
          });
        }
        if (period.length === 4) {
          const year = await yearRecap(deps, period, q.rollCall, {
            ...(q.unit ? { unit: q.unit } : {}),
            offset: Number(q.cursor ?? 0),
            limit: q.limit ?? 500,
          });
          return c.json(year);
        }
        const recap = await monthRecap(deps, period, q.rollCall, q.unit);
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
    .get(
      '/:period/job',
      describeRoute({
        tags: ['admin: recaps'],
        summary: 'How a recap built in the background is going (after a 202 from GET …/{period})',
        description:
          'A large roster’s recap is built by the report function: GET /v1/recaps/{period} ' +
          'answers 202 and points here (`Location`), with the same `rollCall` and `unit`. ' +
          '`status` goes queued → running → done (`recap`: its rows, a year’s pages) or failed ' +
          '(`error`); `location` is where the recap is answered once done. The same access as ' +
          'the recap. 404 NOT_FOUND when none was asked for; 422 MONTH_IN_FUTURE for a period to come.',
        security: bearer,
        responses: {
          200: jsonResponse('the recap’s build', RecapJobSchema),
          ...errorResponses([...ADMIN, 'VALIDATION_FAILED', 'NOT_FOUND', 'MONTH_IN_FUTURE']),
        },
      }),
      valid('param', PeriodParam),
      valid('query', RecapQuery),
      async (c) => {
        const { period } = c.req.valid('param');
        const q = await scoped(c, deps, c.req.valid('query'));
        return recapJobStatus(c, deps, {
          period,
          rollCallId: q.rollCall,
          unit: q.unit,
          format: q.format,
          offset: 0,
          name: '',
        });
      },
    )
    .route(
      '/',
      monthLockRoutes(deps, (lock) => keepAtLock(deps, lock)),
    );
}
