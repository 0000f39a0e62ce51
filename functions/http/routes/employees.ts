import { Hono } from 'hono';
import * as v from 'valibot';
import { mayOperateUnit } from '../../core/access';
import { localTime } from '../../core/calendar';
import { CsvRejected, Forbidden, NotFound, ValidationFailed } from '../../core/errors';
import { applyEmployeeChange } from '../../core/roster';
import { applyImport } from '../../core/roster-import';
import { kindOfFile, planImport } from '../../core/roster-plan';
import { searchTerms } from '../../core/roster-search';
import { callerAccess } from '../access';
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
import { ImportPreviewSchema, ImportQuery, MAX_PREVIEW_ITEMS, XLSX_TYPE } from '../import-schemas';
import { adminRoute } from '../openapi-docs';
import { operatorRosterPage, withinUnits } from '../operator-roster';
import { rosterCorrected } from '../roster-corrected';
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
        {
          description:
            'An operator sees their units only: `unit` must be one of them (403 otherwise), a ' +
            'search keeps their units’ people, and without `unit` the list walks their units.',
        },
      ),
      valid('query', EmployeeListQuery),
      async (c) => {
        const q = c.req.valid('query');
        const access = await callerAccess(c, deps);
        if (!access.admin && q.unit !== undefined && !mayOperateUnit(access, q.unit)) {
          throw new Forbidden('operator of that unit');
        }
        if (q.q !== undefined) {
          const page = await roster.search(searchTerms(q.q), {
            ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
            limit: Math.min(q.limit ?? 50, MAX_SEARCH_PAGE),
          });
          // `unit` narrows a search (same unit, any case); a page may then hold fewer.
          const unit = q.unit?.toLocaleLowerCase('id');
          const narrowed =
            unit === undefined
              ? page
              : {
                  ...page,
                  items: page.items.filter((e) => e.unit.toLocaleLowerCase('id') === unit),
                };
          return c.json(access.admin ? narrowed : withinUnits(narrowed, access));
        }
        if (!access.admin) {
          return c.json(
            await operatorRosterPage(roster, access, {
              ...(q.unit === undefined ? {} : { unit: q.unit }),
              ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
              limit: q.limit ?? 100,
            }),
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
        'Import a roster: a CSV (Excel exports: UTF-8 or Windows-1252, ";" or ",") or an Excel workbook (.xlsx, its first sheet); all or nothing, per-line errors. With dryRun=true: the preview, nothing written',
        {
          200: [
            'imported: the counts of each outcome; with dryRun=true the planned changes and every bad line',
            v.union([ImportResultSchema, ImportPreviewSchema]),
          ],
        },
        ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE'],
        {
          requestBody: {
            content: {
              'text/csv': { schema: { type: 'string' } },
              [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
            },
          },
        },
      ),
      valid('query', ImportQuery),
      async (c) => {
        // Bytes, not text: Excel's plain "CSV" is Windows-1252, which c.req.text() would garble.
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const kind = kindOfFile(bytes, c.req.header('content-type') ?? '');
        const lang = c.var.language;
        const worded = (lines: readonly { line: number; errors: readonly string[] }[]) =>
          lines.map((l) => ({ line: l.line, errors: l.errors.map((e) => wordLineError(e, lang)) }));
        const importDeps = { ...deps.stores, clock: deps.clock };
        if (c.req.valid('query').dryRun === 'true') {
          return c.json(await preview(importDeps, bytes, kind, worded));
        }
        const { result, changes } = await applyImport(importDeps, bytes, kind).catch(
          (err: unknown) => {
            if (!(err instanceof CsvRejected)) throw err;
            throw new CsvRejected(worded(err.lines));
          },
        );
        // One entry per employee the import changed, so that an employee's history shows it;
        // the published days whose attendees it altered republish, once each.
        await rosterCorrected(c, deps, 'employee.import', changes, (await now()).local.date);
        deps.logger.info('roster imported', {
          requestId: c.var.requestId,
          by: c.var.principal.employeeId,
          kind,
          ...result,
        });
        return c.json(result);
      },
    )
    .get(
      '/:employeeId',
      adminRoute(
        'admin: roster',
        'One employee (an operator: of their units only, 403 otherwise)',
        { 200: ['the employee', EmployeeSchema] },
        ['VALIDATION_FAILED', 'NOT_FOUND'],
      ),
      valid('param', EmployeeIdParam),
      async (c) => {
        const { employeeId } = c.req.valid('param');
        const [e, access] = await Promise.all([roster.get(employeeId), callerAccess(c, deps)]);
        if (!e) throw new NotFound('employee', employeeId);
        if (!mayOperateUnit(access, e.unit)) throw new Forbidden('operator of that unit');
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
        await rosterCorrected(
          c,
          deps,
          'employee.put',
          [{ before: existing, after: e }],
          t.local.date,
        );
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
        await rosterCorrected(
          c,
          deps,
          'employee.patch',
          [{ before: existing, after: e }],
          t.local.date,
        );
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
        await rosterCorrected(
          c,
          deps,
          'employee.delete',
          [{ before: existing, after: e }],
          t.local.date,
        );
        deps.logger.info('employee deactivated', {
          requestId: c.var.requestId,
          employeeId,
          by: c.var.principal.employeeId,
        });
        return c.json(e);
      },
    );
}

type Worded = (
  lines: readonly { line: number; errors: readonly string[] }[],
) => { line: number; errors: string[] }[];

/** A dry run's answer: the plan, or a file that cannot be read at all as its one bad line. */
async function preview(
  importDeps: Parameters<typeof planImport>[0],
  bytes: Uint8Array,
  kind: ReturnType<typeof kindOfFile>,
  worded: Worded,
): Promise<v.InferInput<typeof ImportPreviewSchema>> {
  const plan = await planImport(importDeps, bytes, kind).catch((err: unknown) => {
    if (!(err instanceof CsvRejected)) throw err;
    return { total: 0, changes: [], unchanged: 0, errors: err.lines };
  });
  const count = (k: string) => plan.changes.filter((ch) => ch.kind === k).length;
  return {
    dryRun: true,
    total: plan.total,
    created: count('new'),
    updated: count('changed'),
    deactivated: count('deactivated'),
    unchanged: plan.unchanged,
    changes: plan.changes.slice(0, MAX_PREVIEW_ITEMS).map((ch) => ({
      line: ch.line,
      kind: ch.kind,
      employeeId: ch.after.employeeId,
      before: ch.before && { ...ch.before, siteIds: [...ch.before.siteIds] },
      after: { ...ch.after, siteIds: [...ch.after.siteIds] },
      fields: [...ch.fields],
    })),
    errors: worded(plan.errors.slice(0, MAX_PREVIEW_ITEMS)),
    badLines: plan.errors.length,
  };
}
