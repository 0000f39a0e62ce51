import type { Context } from 'hono';
import { reportRules } from '../core/day-report';
import type { Lang } from '../core/render/labels';
import { CONTENT_TYPES, downloadName, type ReportFormat, servedKey } from '../core/report-files';
import {
  INLINE_ROSTER_LIMIT,
  isFreshLive,
  isPending,
  LIVE_FRESH_MS,
  liveFolder,
  POLL_AFTER_S,
  type ReportJob,
  type ReportJobRequest,
  readJob,
  requestJob,
} from '../core/report-jobs';
import type { AppDeps } from './deps';
import type { AppEnv } from './env';
import { STATUS } from './errors';
import { messageFor } from './messages';
import { PAGE_HEADERS } from './report-response';

/** Whether this deployment's reports are built away from the API: a runner and a large roster. */
export async function buildsAway(deps: AppDeps): Promise<boolean> {
  if (!deps.reports) return false;
  const limit = deps.reports.inlineLimit ?? INLINE_ROSTER_LIMIT;
  return (await deps.stores.roster.sizeAtLeast?.(limit)) ?? false;
}

/**
 * A stored report file under `folder` (a published version's, a live job's) in the format and
 * language asked for: on AWS a redirect (302) to a short-lived presigned address in the bucket,
 * so that no report passes through the API function (Lambda answers at most 6 MB; the 250,000
 * report's JSON is 9.5 MB), except the wall page, which is answered here under the pages' CSP
 * (2.1 MB at 250,000); locally the file itself. Null when the file is not there (a version
 * published before the files were kept per language).
 */
export async function serveStored(
  c: Context<AppEnv>,
  deps: AppDeps,
  o: { folder: string; date: string; format: ReportFormat; lang: Lang },
): Promise<Response | null> {
  const key = servedKey(o.folder, o.format, o.lang);
  const contentType = CONTENT_TYPES[o.format];
  const filename = downloadName(o.date, o.format);
  if (deps.publisher.link && o.format !== 'html') {
    const url = await deps.publisher.link(key, { contentType, ...(filename ? { filename } : {}) });
    if (url === null) return null;
    return c.body('', 302, { location: url, 'content-type': 'text/plain; charset=utf-8' });
  }
  const body = await deps.publisher.read(key);
  if (body === null) return null;
  return c.body(body, 200, {
    'content-type': contentType,
    ...(filename ? { 'content-disposition': `attachment; filename="${filename}"` } : {}),
    ...(o.format === 'html' ? PAGE_HEADERS : {}),
  });
}

/** A job's status as the API shows it: an error's message in the reader's language. */
export function jobBody(job: ReportJob, lang: Lang): ReportJob {
  if (!job.error) return job;
  const { code, details, message } = job.error;
  return { ...job, error: { code, message: messageFor(code, details ?? {}, lang, message) } };
}

/** 202: the report is being built; ask again at `location` after Retry-After seconds. */
export function accepted(c: Context<AppEnv>, job: ReportJob, location: string): Response {
  c.header('retry-after', String(POLL_AFTER_S));
  c.header('location', location);
  return c.json(jobBody(job, c.var.language), 202);
}

/**
 * A live report of a large roster: the one built in the last minute, else 202 while the report
 * function builds it (the client asks again at the same address). A build that just failed is
 * answered with its error, so a client does not poll a failure.
 */
export async function liveAway(
  deps: AppDeps,
  c: Context<AppEnv>,
  date: string,
  rollCallId: string,
  format: 'json' | 'csv' | 'html',
  asked: 'id' | 'en' | undefined,
) {
  const rules = await reportRules(deps.stores, date, rollCallId);
  const lang = asked ?? rules.settings.language;
  const r: ReportJobRequest = { kind: 'live', date, rollCallId };
  const now = deps.clock.now();
  const job = await readJob(deps.publisher, r);
  c.header('x-apel-report', 'live');
  if (isFreshLive(job, now)) {
    const folder = liveFolder(date, rollCallId);
    const stored = await serveStored(c, deps, { folder, date, format, lang });
    if (stored) return stored;
  }
  if (
    job?.status === 'failed' &&
    job.error &&
    now.getTime() - Date.parse(job.finishedAt ?? job.requestedAt) < LIVE_FRESH_MS
  ) {
    const { error } = jobBody(job, c.var.language);
    const status = STATUS[error?.code as keyof typeof STATUS] ?? 500;
    return c.json({ error }, status);
  }
  const pending =
    isPending(job, now) || !deps.reports
      ? job
      : await requestJob({ ...deps, runner: deps.reports.runner }, r, c.var.principal.employeeId);
  const url = new URL(c.req.url);
  return accepted(c, pending as NonNullable<typeof pending>, `${url.pathname}${url.search}`);
}
