import type { Context } from 'hono';
import { MonthInFuture } from '../core/correction-errors';
import { NotFound, ValidationFailed } from '../core/errors';
import { lockedRecapKey, todayOf } from '../core/recap-days';
import {
  RECAP_FRESH_MS,
  RECAP_PAGE,
  RECAP_TYPES,
  type RecapFormat,
  recapFileKey,
  recapFolder,
  yearHeadKey,
  yearPageKey,
} from '../core/recap-jobs';
import {
  isPending,
  LIVE_FRESH_MS,
  type ReportJob,
  type ReportJobRequest,
  readJob,
  requestJob,
} from '../core/report-jobs';
import type { AppDeps } from './deps';
import type { AppEnv } from './env';
import { STATUS } from './errors';
import { accepted, jobBody } from './report-serve';

/** A recap asked for: the period, the roll call, one unit or all, the format, a year's page. */
export interface RecapAsk {
  readonly period: string;
  readonly rollCallId: string;
  readonly unit?: string | undefined;
  readonly format: RecapFormat;
  /** A year's `cursor`. */
  readonly offset: number;
  /** The download's name, without its extension. */
  readonly name: string;
}

const query = (a: Pick<RecapAsk, 'rollCallId' | 'unit'>) =>
  `?rollCall=${encodeURIComponent(a.rollCallId)}${a.unit === undefined ? '' : `&unit=${encodeURIComponent(a.unit)}`}`;
/** Where the recap is answered. */
export const recapPath = (a: Pick<RecapAsk, 'period' | 'rollCallId' | 'unit'>) =>
  `/v1/recaps/${a.period}${query(a)}`;
/** Where its background build's status is. */
export const recapJobPath = (a: Pick<RecapAsk, 'period' | 'rollCallId' | 'unit'>) =>
  `/v1/recaps/${a.period}/job${query(a)}`;

export function recapJob(a: Pick<RecapAsk, 'period' | 'rollCallId' | 'unit'>): ReportJobRequest {
  return {
    kind: 'recap',
    date: a.period,
    rollCallId: a.rollCallId,
    ...(a.unit === undefined ? {} : { unit: a.unit }),
  };
}

/**
 * A stored recap file: on AWS a 302 to a presigned GET (a month of 250,000 is ~75 MB of JSON,
 * far over Lambda's 6 MB answer), locally the file. Null when it is not there.
 */
async function serveFile(
  c: Context<AppEnv>,
  deps: AppDeps,
  key: string,
  format: RecapFormat,
  filename?: string,
): Promise<Response | null> {
  const contentType = RECAP_TYPES[format];
  if (deps.publisher.link) {
    const url = await deps.publisher.link(key, { contentType, ...(filename ? { filename } : {}) });
    if (url === null) return null;
    return c.body('', 302, { location: url, 'content-type': 'text/plain; charset=utf-8' });
  }
  const body =
    format === 'xlsx' ? await deps.publisher.readBytes?.(key) : await deps.publisher.read(key);
  if (body === null || body === undefined) return null;
  return c.body(body as string | Uint8Array<ArrayBuffer>, 200, {
    'content-type': contentType,
    ...(filename ? { 'content-disposition': `attachment; filename="${filename}"` } : {}),
  });
}

/** A year's page of a build: its stored page, or past the last one no rows (as inline). */
async function yearPage(c: Context<AppEnv>, deps: AppDeps, folder: string, offset: number) {
  const page = await serveFile(c, deps, yearPageKey(folder, offset), 'json');
  if (page || offset === 0) return page;
  const head = await deps.publisher.read(yearHeadKey(folder));
  return head === null ? null : c.json({ ...JSON.parse(head), rows: [] });
}

const isFresh = (job: ReportJob | null, now: Date): job is ReportJob =>
  job?.status === 'done' &&
  job.finishedAt !== undefined &&
  now.getTime() - Date.parse(job.finishedAt) < RECAP_FRESH_MS;

/**
 * A recap of a large roster (core/recap-jobs.ts): a locked month's stored files as they are,
 * else the files built in the last RECAP_FRESH_MS, else 202 while the report function builds
 * them, `Location` the build's status (GET /v1/recaps/{period}/job). A build that just failed
 * is answered with its error.
 */
export async function recapAway(deps: AppDeps, c: Context<AppEnv>, a: RecapAsk): Promise<Response> {
  const year = a.period.length === 4;
  if (year && a.offset % RECAP_PAGE !== 0) {
    throw new ValidationFailed('a cursor this recap gave', [
      {
        path: 'cursor',
        message: {
          id: `rekap tahunan ini dibagi per ${RECAP_PAGE} pegawai: pakai nilai next yang diberikannya`,
          en: `this year's recap comes in pages of ${RECAP_PAGE}: pass the next it gave`,
        },
      },
    ]);
  }
  const filename = year ? undefined : `${a.name}.${a.format}`;
  const lock = year ? null : await deps.stores.monthLocks.get(a.period);
  if (lock?.locked) {
    // What a lock kept never changes: its files are served for as long as the lock stands.
    const key =
      a.unit === undefined && a.format === 'json'
        ? lockedRecapKey(lock, a.rollCallId)
        : recapFileKey(recapFolder(a.period, a.rollCallId, a.unit, lock), a.format);
    const kept = await serveFile(c, deps, key, a.format, filename);
    if (kept) return kept;
  }
  const r = recapJob(a);
  const now = deps.clock.now();
  const job = await readJob(deps.publisher, r);
  if (!lock?.locked && isFresh(job, now)) {
    const folder = recapFolder(a.period, a.rollCallId, a.unit);
    const built = year
      ? await yearPage(c, deps, folder, a.offset)
      : await serveFile(c, deps, recapFileKey(folder, a.format), a.format, filename);
    if (built) return built;
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
  if (!isPending(job, now)) await refuseAtOnce(deps, a);
  const pending =
    isPending(job, now) || !deps.reports
      ? job
      : await requestJob({ ...deps, runner: deps.reports.runner }, r, c.var.principal.employeeId);
  return accepted(c, pending as ReportJob, recapJobPath(a));
}

/** What the build would refuse and costs nothing to tell now: a month to come, an empty unit. */
async function refuseAtOnce(deps: AppDeps, a: RecapAsk): Promise<void> {
  const today = await todayOf(deps);
  const first = a.period.length === 4 ? `${a.period}-01-01` : `${a.period}-01`;
  if (first > today) throw new MonthInFuture(a.period, today);
  if (a.unit !== undefined) {
    const someone = await deps.stores.roster.list({ unit: a.unit, limit: 1 });
    if (someone.items.length === 0) throw new NotFound('unit', a.unit);
  }
}

/** GET /v1/recaps/{period}/job: the build's status, and where the recap is answered. */
export async function recapJobStatus(c: Context<AppEnv>, deps: AppDeps, a: RecapAsk) {
  // A period to come has no recap, built or not (as GET /v1/recaps/{period} says).
  const today = await todayOf(deps);
  const first = a.period.length === 4 ? `${a.period}-01-01` : `${a.period}-01`;
  if (first > today) throw new MonthInFuture(a.period, today);
  const job = await readJob(deps.publisher, recapJob(a));
  if (!job) throw new NotFound('recap build', `${a.period}/${a.rollCallId}`);
  return c.json({ ...jobBody(job, c.var.language), location: recapPath(a) });
}
