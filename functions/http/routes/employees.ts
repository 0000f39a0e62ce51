import { Hono } from 'hono';
import { localTime } from '../../core/calendar';
import { NotFound, ValidationFailed } from '../../core/errors';
import { applyEmployeeChange } from '../../core/roster';
import { importRoster } from '../../core/roster-import';
import {
  EmployeeBody,
  EmployeeIdParam,
  EmployeeListQuery,
  EmployeePage,
  EmployeeSchema,
  ImportResultSchema,
} from '../admin-schemas';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { adminRoute } from '../openapi-docs';
import { valid } from '../validate';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The roster: create, update, deactivate, list by unit with paging, import a CSV. */
export function employeeRoutes(deps: AppDeps) {
  const { roster, sites, settings } = deps.stores;

  async function checkSites(siteIds: readonly string[]) {
    const found = await Promise.all(siteIds.map((id) => sites.get(id)));
    const unknown = siteIds.filter((_, i) => found[i] === null);
    if (unknown.length > 0) {
      throw new ValidationFailed('unknown ground', [
        { path: 'siteIds', message: `no ground with id ${unknown.join(', ')}` },
      ]);
    }
  }

  async function now() {
    const s = await settings.getSettings();
    return { local: localTime(deps.clock.now(), s.timezone), settings: s };
  }

  return new Hono<AppEnv>()
    .get(
      '/',
      adminRoute(
        'admin: roster',
        'List the roster, by unit (ordered by name) or everyone, a page at a time',
        { 200: ['a page of the roster; `cursor` fetches the next', EmployeePage] },
        ['VALIDATION_FAILED'],
      ),
      valid('query', EmployeeListQuery),
      async (c) => {
        const q = c.req.valid('query');
        const page = await roster.list({
          ...(q.unit === undefined ? {} : { unit: q.unit }),
          ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
          limit: q.limit ?? 100,
        });
        return c.json(page);
      },
    )
    .post(
      '/import',
      adminRoute(
        'admin: roster',
        'Import a roster CSV (Excel exports: BOM, ";" or ","); all or nothing, per-line errors',
        { 200: ['imported: the counts of each outcome', ImportResultSchema] },
        ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE'],
        { requestBody: { content: { 'text/csv': { schema: { type: 'string' } } } } },
      ),
      async (c) => {
        const csv = await c.req.text();
        if (csv.trim().length === 0) {
          throw new ValidationFailed('the body must be a CSV file', [
            { path: '', message: 'empty body' },
          ]);
        }
        const result = await importRoster({ ...deps.stores, clock: deps.clock }, csv);
        deps.logger.info('roster imported', {
          requestId: c.var.requestId,
          by: c.var.principal.employeeId,
          ...result,
        });
        return c.json(result);
      },
    )
    .get(
      '/:employeeId',
      adminRoute('admin: roster', 'One employee', { 200: ['the employee', EmployeeSchema] }, [
        'VALIDATION_FAILED',
        'NOT_FOUND',
      ]),
      valid('param', EmployeeIdParam),
      async (c) => {
        const { employeeId } = c.req.valid('param');
        const e = await roster.get(employeeId);
        if (!e) throw new NotFound('employee', employeeId);
        return c.json(e);
      },
    )
    .put(
      '/:employeeId',
      adminRoute(
        'admin: roster',
        'Create or update an employee (name, unit, grounds, active)',
        { 200: ['updated', EmployeeSchema], 201: ['created', EmployeeSchema] },
        ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE'],
      ),
      valid('param', EmployeeIdParam),
      valid('json', EmployeeBody),
      async (c) => {
        const { employeeId } = c.req.valid('param');
        const body = c.req.valid('json');
        await checkSites(body.siteIds);
        const [existing, t] = await Promise.all([roster.get(employeeId), now()]);
        const e = applyEmployeeChange(employeeId, existing, body, t.local, t.settings);
        await roster.put(e);
        deps.logger.info('employee saved', {
          requestId: c.var.requestId,
          employeeId,
          by: c.var.principal.employeeId,
        });
        return c.json(e, existing ? 200 : 201);
      },
    )
    .delete(
      '/:employeeId',
      adminRoute(
        'admin: roster',
        'Deactivate an employee (kept for past reports)',
        { 200: ['deactivated', EmployeeSchema] },
        ['VALIDATION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
      ),
      valid('param', EmployeeIdParam),
      async (c) => {
        const { employeeId } = c.req.valid('param');
        const [existing, t] = await Promise.all([roster.get(employeeId), now()]);
        if (!existing) throw new NotFound('employee', employeeId);
        const e = applyEmployeeChange(
          employeeId,
          existing,
          { ...existing, active: false, until: undefined },
          t.local,
          t.settings,
        );
        await roster.put(e);
        deps.logger.info('employee deactivated', {
          requestId: c.var.requestId,
          employeeId,
          by: c.var.principal.employeeId,
        });
        return c.json(e);
      },
    );
}
