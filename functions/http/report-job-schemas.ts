import * as v from 'valibot';
import { PublishResultSchema } from './admin-schemas';

/** A report built in the background (core/report-jobs.ts), as GET …/publish and a 202 show it. */
export const ReportJobSchema = v.object({
  kind: v.pipe(v.picklist(['publish', 'live']), v.description('a publication, or a live report')),
  date: v.string(),
  rollCallId: v.string(),
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
  generatedAt: v.optional(v.pipe(v.string(), v.description('a live report once done'))),
  error: v.optional(
    v.pipe(
      v.object({ code: v.string(), message: v.string() }),
      v.description('why it failed (REPORT_TOO_EARLY, BEFORE_DEPLOYMENT, STORE_UNAVAILABLE, …)'),
    ),
  ),
});
