import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { type Access, isOperator, mayOfficiate } from '../../core/access';
import { localTime } from '../../core/calendar';
import { liveReport, reportRules } from '../../core/day-report';
import { Forbidden, NotFound } from '../../core/errors';
import { assertPublishable, publishReport } from '../../core/publish';
import { publishedReport } from '../../core/published-report';
import type { Report } from '../../core/report';
import { reportFolder } from '../../core/report-files';
import { publishSummary, readJob, requestJob } from '../../core/report-jobs';
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
import { ReportJobSchema } from '../report-job-schemas';
import { reportResponse } from '../report-response';
import { accepted, buildsAway, jobBody, liveAway, serveStored } from '../report-serve';
import { valid } from '../validate';

// Exported here too: routes/wall.ts reads the published report from this file.
export { publishedReport };

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
          302: {
            description:
              'a published report (JSON, CSV) on AWS: a short-lived presigned address of the file ' +
              'in the reports bucket (`Location`); clients follow it (curl: `-L`)',
            content: { 'text/plain': { schema: { type: 'string', maxLength: 0 } } },
          },
          202: {
            ...jsonResponse(
              'a live report of a large roster, being built by the report function: ask again ' +
                'at the same address after `Retry-After` seconds',
              ReportJobSchema,
            ),
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
        const rc = q.rollCall;
        const newest = q.live === 'true' ? null : await deps.stores.publications.newest(date, rc);
        if (newest) {
          const lang = q.lang ?? (await deps.stores.settings.getSettings()).language;
          c.header('x-apel-report', 'published');
          // The stored files are the whole day's: an operator's view is rendered, filtered.
          if (view === 'all') {
            const folder = `${reportFolder(date, rc)}v${newest.version}/`;
            const stored = await serveStored(c, deps, { folder, date, format: q.format, lang });
            if (stored) return stored;
          }
          // A version from before the files were kept per language: rendered here, as then.
          const published = await publishedReport(deps, date, rc);
          if (published) return reportResponse(c, shown(published), q.format, lang);
        }
        // A large roster's live report is built away, for those who see the whole day.
        if (view === 'all' && (await buildsAway(deps))) {
          return liveAway(deps, c, date, rc, q.format, q.lang);
        }
        const live = await liveReport(deps.stores, date, rc, deps.clock.now());
        c.header('x-apel-report', 'live');
        return reportResponse(c, shown(live.report), q.format, q.lang ?? live.settings.language);
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
          202: jsonResponse(
            'a large roster: queued for the report function; poll `Location` (GET …/publish)',
            ReportJobSchema,
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
        if (deps.reports && (await buildsAway(deps))) {
          // Refused at once when it would be refused later: too early, before the deployment.
          const rules = await reportRules(deps.stores, date, rollCall);
          assertPublishable(date, rules.settings, deps.clock.now(), rules.rollCall.closesAt);
          const job = await requestJob(
            { ...deps, runner: deps.reports.runner },
            { kind: 'publish', date, rollCallId: rollCall },
            c.var.principal.employeeId,
          );
          deps.logger.info('report publication queued', {
            requestId: c.var.requestId,
            date,
            rollCallId: rollCall,
            by: c.var.principal.employeeId,
          });
          return accepted(c, job, publishPath(date, rollCall));
        }
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
        return c.json(publishSummary(date, rollCall, r));
      },
    )
    .get(
      '/:date/publish',
      describeRoute({
        tags: ['admin: reports'],
        summary: 'How a publication built in the background is going (after a 202 from POST)',
        description:
          'Large rosters are published by the report function: POST …/publish answers 202 and ' +
          'points here (`Location`). `status` goes queued → running → done (`result` is what ' +
          'POST answers inline) or failed (`error`). 404 NOT_FOUND when none was asked for.',
        security: bearer,
        responses: {
          200: jsonResponse('the publication job', ReportJobSchema),
          ...errorResponses([...ADMIN, 'VALIDATION_FAILED', 'NOT_FOUND', 'BEFORE_DEPLOYMENT']),
        },
      }),
      valid('param', DateParam),
      valid('query', RollCallQuery),
      async (c) => {
        const { date } = c.req.valid('param');
        const { rollCall } = c.req.valid('query');
        await reportRules(deps.stores, date, rollCall); // BEFORE_DEPLOYMENT, an unknown roll call
        const job = await readJob(deps.publisher, { kind: 'publish', date, rollCallId: rollCall });
        if (!job) throw new NotFound('report publication', `${date}/${rollCall}`);
        return c.json(jobBody(job, c.var.language));
      },
    );
}

function publishPath(date: string, rollCallId: string): string {
  return `/v1/reports/${date}/publish?rollCall=${encodeURIComponent(rollCallId)}`;
}
