import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { type Access, isOperator, mayOfficiate } from '../../core/access';
import { localTime } from '../../core/calendar';
import { Forbidden } from '../../core/errors';
import { buildDayReport, publishReport, reportKey, rollCallHead } from '../../core/publish';
import type { Report } from '../../core/report';
import { reportForUnits, summaryForUnits } from '../../core/report-scope';
import { callerAccess } from '../access';
import {
  DateParam,
  PublishResultSchema,
  ReportListQuery,
  ReportListSchema,
  ReportQuery,
  ReportSchema,
  RollCallQuery,
} from '../admin-schemas';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { ADMIN, bearer, errorResponses, jsonResponse } from '../openapi-docs';
import { reportResponse } from '../report-response';
import { valid } from '../validate';

/**
 * The newest published version of a day's report, or null when none was published. Read from the
 * version's own files, which never change: the day's current files are rewritten by every
 * publisher, and two racing publishers may leave an older version there for a moment.
 */
export async function publishedReport(
  deps: AppDeps,
  date: string,
  rollCallId = 'pagi',
): Promise<Report | null> {
  const newest = await deps.stores.publications.newest(date, rollCallId);
  if (!newest) return null;
  const json =
    (await deps.publisher.read(reportKey(date, 'report.json', newest.version, rollCallId))) ??
    // Recorded, its files not written yet (or published before versions had their own folder).
    (await deps.publisher.read(reportKey(date, 'report.json', undefined, rollCallId)));
  return json ? (JSON.parse(json) as Report) : null;
}

/**
 * How a non-admin may see a day's report: an officer sees their roll call's whole board, today
 * only and as JSON (what the board reads); an operator sees any day and format, their units
 * only. Neither: 403.
 */
async function viewOf(
  deps: AppDeps,
  a: Access,
  q: { rollCall: string; format: string },
  date: string,
): Promise<'all' | 'units'> {
  if (a.admin) return 'all';
  if (q.format === 'json' && mayOfficiate(a, q.rollCall)) {
    const { timezone } = await deps.stores.settings.getSettings();
    if (localTime(deps.clock.now(), timezone).date === date) return 'all';
  }
  if (isOperator(a)) return 'units';
  throw new Forbidden('officer of that roll call, today');
}

export function reportRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get(
      '/',
      describeRoute({
        tags: ['admin: reports'],
        summary:
          'What was published from `from` to `to`: the newest version of each date and roll call',
        description:
          'Sorted by date (then roll call, `pagi` first); at most 366 dates (400 VALIDATION_FAILED ' +
          'names `to`). Each item carries the per-unit totals, so a trend needs no other request. ' +
          'An operator gets their units’ rows only, and totals of those.',
        security: bearer,
        responses: {
          200: jsonResponse('the published reports', ReportListSchema),
          ...errorResponses([...ADMIN, 'VALIDATION_FAILED']),
        },
      }),
      valid('query', ReportListQuery),
      async (c) => {
        const { from, to } = c.req.valid('query');
        const [items, access] = await Promise.all([
          deps.stores.publications.list(from, to),
          callerAccess(c, deps),
        ]);
        return c.json({ items: items.map((s) => summaryForUnits(s, access)) });
      },
    )
    .get(
      '/:date',
      describeRoute({
        tags: ['admin: reports'],
        summary: 'A day’s report: the published one, or live (version 0) if not yet published',
        description:
          'An operator gets their units only (people, per-unit rows, totals), in every format. ' +
          'An officer gets the whole JSON report of their roll call for today (the board).',
        security: bearer,
        responses: {
          200: {
            description:
              'the report: JSON, or with `?format=csv` a CSV file, `?format=html` the wall page',
            headers: {
              'x-apel-report': {
                description: '`published`, or `live` when the day has not been published',
                schema: { type: 'string', enum: ['published', 'live'] },
              },
            },
            content: {
              'application/json': { schema: resolver(ReportSchema) },
              'text/csv': { schema: { type: 'string' } },
              'text/html': { schema: { type: 'string' } },
            },
          },
          ...errorResponses([...ADMIN, 'VALIDATION_FAILED', 'NOT_FOUND', 'BEFORE_DEPLOYMENT']),
        },
      }),
      valid('param', DateParam),
      valid('query', ReportQuery),
      async (c) => {
        const { date } = c.req.valid('param');
        const q = c.req.valid('query');
        const access = await callerAccess(c, deps);
        const view = await viewOf(deps, access, q, date);
        const shown = (r: Report) => (view === 'all' ? r : reportForUnits(r, access));
        const published = q.live === 'true' ? null : await publishedReport(deps, date, q.rollCall);
        if (published) {
          const { language } = await deps.stores.settings.getSettings();
          c.header('x-apel-report', 'published');
          return reportResponse(c, shown(published), q.format, q.lang ?? language);
        }
        const live = await buildDayReport(deps.stores, date, q.rollCall);
        const report = {
          ...live.content,
          ...rollCallHead(live.rollCall),
          generatedAt: deps.clock.now().toISOString(),
          version: 0,
        };
        c.header('x-apel-report', 'live');
        return reportResponse(c, shown(report), q.format, q.lang ?? live.settings.language);
      },
    )
    .post(
      '/:date/publish',
      describeRoute({
        tags: ['admin: reports'],
        summary: 'Publish a day’s report now (the same as the schedule; idempotent)',
        security: bearer,
        responses: {
          200: jsonResponse(
            'published (changed: false when the same content was already out)',
            PublishResultSchema,
          ),
          ...errorResponses([
            ...ADMIN,
            'VALIDATION_FAILED',
            'NOT_FOUND',
            'PAYLOAD_TOO_LARGE',
            'REPORT_TOO_EARLY',
            'BEFORE_DEPLOYMENT',
          ]),
        },
      }),
      valid('param', DateParam),
      valid('query', RollCallQuery),
      async (c) => {
        const { date } = c.req.valid('param');
        const { rollCall } = c.req.valid('query');
        const r = await publishReport(
          { ...deps, actor: c.var.principal.employeeId },
          date,
          rollCall,
        );
        deps.logger.info('report published', {
          requestId: c.var.requestId,
          date,
          rollCallId: rollCall,
          version: r.report.version,
          changed: r.changed,
          by: c.var.principal.employeeId,
        });
        return c.json({
          date,
          rollCallId: rollCall,
          version: r.report.version,
          changed: r.changed,
          generatedAt: r.report.generatedAt,
          totals: r.report.totals,
          keys: r.keys,
        });
      },
    );
}
