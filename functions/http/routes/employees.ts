import { Hono } from 'hono';
import * as v from 'valibot';
import { localTime } from '../../core/calendar';
import { CsvRejected, NotFound, ValidationFailed } from '../../core/errors';
import { applyEmployeeChange } from '../../core/roster';
import { importRoster } from '../../core/roster-import';
import { searchTerms } from '../../core/roster-search';
import {
  EmployeeBody,
  EmployeeIdParam,
  EmployeeListQuery,
  EmployeePage,
  EmployeePatch,
  EmployeeSchema,
  ImportResultSchema,
} from '../admin-schemas';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { adminRoute } from '../openapi-docs';
import { valid } from '../validate';
import { wordIssue, wordLineError } from '../validation-messages';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Employees a search page holds at most (each is one read of its profile). */
const MAX_SEARCH_PAGE = 100;

/** The roster: create, update, change some fields, deactivate, list, search, import a CSV. */
export function employeeRoutes(deps: AppDeps) {
  const { roster, sites, settings } = deps.stores;

  async function checkSites(siteIds: readonly string[]) {
    const found = await Promise.all(siteIds.map((id) => sites.get(id)));
    const unknown = siteIds.filter((_, i) => found[i] === null);
    if (unknown.length > 0) {
      throw new ValidationFailed('unknown ground', [
        {
          path: 'siteIds',
          message: {
            id: `tidak ada lapangan apel dengan id ${unknown.join(', ')}`,
            en: `no ground with id ${unknown.join(', ')}`,
          },
        },
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
        'List the roster, by unit (ordered by name, any case), everyone, or a name/NIP search (q), a page at a time',
        { 200: ['a page of the roster; `cursor` fetches the next', EmployeePage] },
        ['VALIDATION_FAILED'],
      ),
      valid('query', EmployeeListQuery),
      async (c) => {
        const q = c.req.valid('query');
        if (q.q !== undefined) {
          const page = await roster.search(searchTerms(q.q), {
            ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
            limit: Math.min(q.limit ?? 50, MAX_SEARCH_PAGE),
          });
          // `unit` narrows a search (same unit, any case); a page may then hold fewer.
          const unit = q.unit?.toLocaleLowerCase('id');
          return c.json(
            unit === undefined
              ? page
              : {
                  ...page,
                  items: page.items.filter((e) => e.unit.toLocaleLowerCase('id') === unit),
                },
          );
        }
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
        'Import a roster CSV (Excel exports: UTF-8 or Windows-1252, ";" or ","); all or nothing, per-line errors',
        { 200: ['imported: the counts of each outcome', ImportResultSchema] },
        ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE'],
        { requestBody: { content: { 'text/csv': { schema: { type: 'string' } } } } },
      ),
      async (c) => {
        // Bytes, not text: Excel's plain "CSV" is Windows-1252, which c.req.text() would garble.
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const result = await importRoster({ ...deps.stores, clock: deps.clock }, bytes).catch(
          (err: unknown) => {
            if (!(err instanceof CsvRejected)) throw err;
            throw new CsvRejected(
              err.lines.map((l) => ({
                line: l.line,
                errors: l.errors.map((e) => wordLineError(e, c.var.language)),
              })),
            );
          },
        );
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
    .patch(
      '/:employeeId',
      adminRoute(
        'admin: roster',
        'Change some fields of an employee (merged with the stored record, then checked as PUT)',
        { 200: ['updated', EmployeeSchema] },
        ['VALIDATION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
      ),
      valid('param', EmployeeIdParam),
      valid('json', EmployeePatch),
      async (c) => {
        const { employeeId } = c.req.valid('param');
        const patch = c.req.valid('json');
        const [existing, t] = await Promise.all([roster.get(employeeId), now()]);
        if (!existing) throw new NotFound('employee', employeeId);
        const merged = v.safeParse(EmployeeBody, {
          name: patch.name ?? existing.name,
          unit: patch.unit ?? existing.unit,
          siteIds: patch.siteIds ?? [...existing.siteIds],
          active: patch.active ?? existing.active,
          ...(patch.since === undefined ? {} : { since: patch.since }),
          ...(patch.until === undefined ? {} : { until: patch.until }),
        });
        if (!merged.success) {
          throw new ValidationFailed(
            'the request does not match the schema',
            merged.issues.map((i) => ({
              path: (i.path ?? []).map((p) => String(p.key)).join('.'),
              message: wordIssue(i),
            })),
          );
        }
        if (patch.siteIds !== undefined) await checkSites(merged.output.siteIds);
        const e = applyEmployeeChange(employeeId, existing, merged.output, t.local, t.settings);
        await roster.put(e);
        deps.logger.info('employee changed', {
          requestId: c.var.requestId,
          employeeId,
          fields: Object.keys(patch),
          by: c.var.principal.employeeId,
        });
        return c.json(e);
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
