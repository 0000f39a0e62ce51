import * as v from 'valibot';
import { PublishResultSchema } from './admin-schemas';

/** A report built in the background (core/report-jobs.ts), as GET …/publish and a 202 show it. */
export const ReportJobSchema = v.object({
  kind: v.pipe(
    v.picklist(['publish', 'live', 'recap']),
    v.description('a publication, a live report, or a recap'),
  ),
  date: v.pipe(v.string(), v.description('the day; a recap’s period (`YYYY-MM`, `YYYY`)')),
  rollCallId: v.string(),
  unit: v.optional(v.pipe(v.string(), v.description('a recap of one unit'))),
  status: v.picklist(['queued', 'running', 'done', 'failed']),
  requestedAt: v.string(),
  requestedBy: v.pipe(v.string(), v.description('who asked (an employee id, or `system`)')),
  startedAt: v.optional(v.string()),
  finishedAt: v.optional(v.string()),
  result: v.optional(
    v.pipe(
      PublishResultSchema,
      v.description('a publication once done: what POST …/publish answers inline'),
    ),
  ),
  generatedAt: v.optional(v.pipe(v.string(), v.description('a live report or a recap once done'))),
  recap: v.optional(
    v.pipe(
      v.object({ rows: v.number(), pages: v.optional(v.number()) }),
      v.description('a recap once done: its rows, and a year’s pages of 500'),
    ),
  ),
  error: v.optional(
    v.pipe(
      v.object({ code: v.string(), message: v.string() }),
      v.description('why it failed (REPORT_TOO_EARLY, BEFORE_DEPLOYMENT, STORE_UNAVAILABLE, …)'),
    ),
  ),
});

/** A recap's build (GET /v1/recaps/{period}/job): the job, and where the recap is answered. */
export const RecapJobSchema = v.object({
  ...ReportJobSchema.entries,
  location: v.optional(
    v.pipe(v.string(), v.description('the recap’s address (GET), which serves it once done')),
  ),
});
