import { liveReport } from './day-report';
import { DomainError, type ErrorDetails, StoreUnavailable } from './errors';
import type { Clock, ReportPublisher } from './ports';
import { type PublishDeps, publishReport } from './publish';
import type { RecapSources } from './recap-days';
import { buildRecapFiles, type RecapSummary, unitKey } from './recap-jobs';
import type { Totals } from './report';
import { JOBS_PREFIX, renderReport, servedFiles } from './report-files';

/**
 * Reports built away from the API (issue 16, "At 250,000"): a live report or a publication of a
 * large roster takes longer than the API's 29 s and more memory than its 512 MB, so the API
 * records a job, hands it to the report function (on AWS an asynchronous Lambda invoke, locally
 * the same code in process) and answers 202; the client polls the job's status.
 *
 * A job's status is a small JSON file beside the files it makes, under
 * `reports/jobs/{date}/{rollCallId}/` (`publish.json`, `live.json`, and the live report's files
 * in `live/`), read and written through the publisher: S3 is read-after-write consistent, the
 * bucket expires the folder (infra/constructs/report-archive.ts), and neither function needs a
 * grant on new kinds of table item. Two requests at once may start two runs: publishing is
 * idempotent (publishReport converges on one version) and a live build only overwrites the
 * same files with the same day.
 */
export type ReportJobKind = 'publish' | 'live' | 'recap';
export type ReportJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ReportJobRequest {
  readonly kind: ReportJobKind;
  /** The day; a recap's period (`YYYY-MM` or `YYYY`, core/recap-jobs.ts). */
  readonly date: string;
  readonly rollCallId: string;
  /** A recap of one unit. */
  readonly unit?: string;
}

/** What a finished publication says (the body POST …/publish answers inline). */
export interface PublishSummary {
  readonly date: string;
  readonly rollCallId: string;
  readonly version: number;
  readonly changed: boolean;
  readonly generatedAt: string;
  readonly totals: Totals;
  readonly keys: string[];
}

export interface ReportJob extends ReportJobRequest {
  readonly status: ReportJobStatus;
  readonly requestedAt: string;
  readonly requestedBy: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  /** A publication's outcome. */
  readonly result?: PublishSummary;
  /** A live report's or a recap's, when done: when it was made. */
  readonly generatedAt?: string;
  /** A recap's, when done: how many rows (and a year's pages) it has. */
  readonly recap?: Omit<RecapSummary, 'generatedAt'>;
  readonly error?: {
    readonly code: string;
    readonly message: string;
    readonly details?: ErrorDetails;
  };
}

/** Starts a job where it runs: the report function (AWS), or this process (locally). */
export interface ReportRunner {
  start(job: ReportJobRequest): Promise<void>;
}

/** Rosters from this size on are built away from the API (see docs/architecture.md). */
export const INLINE_ROSTER_LIMIT = 20_000;
/** A queued or running job older than this is taken as lost (the report function's 5-minute timeout, and a minute). */
export const JOB_STALE_MS = 6 * 60_000;
/** A live report built this recently is served again rather than built anew. */
export const LIVE_FRESH_MS = 60_000;
/** What a 202 tells the client to wait before asking again (seconds). */
export const POLL_AFTER_S = 5;

export { JOBS_PREFIX };

export function jobFolder(date: string, rollCallId: string): string {
  return `${JOBS_PREFIX}${date}/${rollCallId}/`;
}
export function jobKey(r: ReportJobRequest): string {
  const name = r.kind === 'recap' ? `recap-${unitKey(r.unit)}` : r.kind;
  return `${jobFolder(r.date, r.rollCallId)}${name}.json`;
}
/** Where a live job writes the report's files (JSON, and each language's CSV and wall). */
export function liveFolder(date: string, rollCallId: string): string {
  return `${jobFolder(date, rollCallId)}live/`;
}

type JobStore = Pick<ReportPublisher, 'read' | 'write'>;

export async function readJob(publisher: JobStore, r: ReportJobRequest): Promise<ReportJob | null> {
  const body = await publisher.read(jobKey(r));
  if (body === null) return null;
  try {
    return JSON.parse(body) as ReportJob;
  } catch (err) {
    // Only a store that let a reader see an object being written shows half a file (S3 does
    // not; a local S3 server may): the status is there to be read again in a moment.
    throw new StoreUnavailable(1, err);
  }
}

async function writeJob(publisher: JobStore, job: ReportJob): Promise<void> {
  await publisher.write([
    { key: jobKey(job), body: JSON.stringify(job), contentType: 'application/json' },
  ]);
}

/** A job that is queued or running and not lost. */
export function isPending(job: ReportJob | null, now: Date): job is ReportJob {
  return (
    job !== null &&
    (job.status === 'queued' || job.status === 'running') &&
    now.getTime() - Date.parse(job.requestedAt) < JOB_STALE_MS
  );
}

/** A live job whose files are recent enough to serve. */
export function isFreshLive(job: ReportJob | null, now: Date): job is ReportJob {
  return (
    job !== null &&
    job.status === 'done' &&
    job.finishedAt !== undefined &&
    now.getTime() - Date.parse(job.finishedAt) < LIVE_FRESH_MS
  );
}

/**
 * Ask for a job: the one pending already, or a new one, queued and handed to the runner. A
 * runner that fails to start it leaves it failed (and throws), so nobody polls it for minutes.
 */
export async function requestJob(
  deps: { readonly publisher: JobStore; readonly clock: Clock; readonly runner: ReportRunner },
  r: ReportJobRequest,
  by: string,
): Promise<ReportJob> {
  const now = deps.clock.now();
  const standing = await readJob(deps.publisher, r);
  if (isPending(standing, now)) return standing;
  const job: ReportJob = {
    ...request(r),
    status: 'queued',
    requestedAt: now.toISOString(),
    requestedBy: by,
  };
  await writeJob(deps.publisher, job);
  try {
    await deps.runner.start(request(r));
  } catch (err) {
    await writeJob(deps.publisher, failed(job, err, deps.clock.now()));
    throw err;
  }
  return job;
}

/**
 * Run a job (the report function, or the local runner): mark it running, publish or build the
 * live report, and record the outcome. A refusal (REPORT_TOO_EARLY, BEFORE_DEPLOYMENT, …) is the
 * job's result, not the run's failure; anything else is recorded and thrown, so Lambda retries.
 */
export async function runJob(deps: JobDeps, r: ReportJobRequest): Promise<ReportJob> {
  const job = (await readJob(deps.publisher, r)) ?? {
    ...request(r),
    status: 'queued' as const,
    requestedAt: deps.clock.now().toISOString(),
    requestedBy: 'system',
  };
  await writeJob(deps.publisher, {
    ...job,
    status: 'running',
    startedAt: deps.clock.now().toISOString(),
  });
  try {
    const outcome =
      r.kind === 'publish'
        ? await publishOutcome(deps, r)
        : r.kind === 'live'
          ? await liveOutcome(deps, r)
          : await recapOutcome(deps, r);
    const done: ReportJob = {
      ...job,
      status: 'done',
      finishedAt: deps.clock.now().toISOString(),
      ...outcome,
    };
    await writeJob(deps.publisher, done);
    return done;
  } catch (err) {
    const out = failed(job, err, deps.clock.now());
    await writeJob(deps.publisher, out);
    if (err instanceof DomainError) return out;
    throw err;
  }
}

/** What a job's deps are: a publication's, and the month locks a recap reads. */
export type JobDeps = PublishDeps & { readonly stores: PublishDeps['stores'] & RecapSources };

/** A job's request, and nothing else (a unit only when there is one). */
function request(r: ReportJobRequest): ReportJobRequest {
  return {
    kind: r.kind,
    date: r.date,
    rollCallId: r.rollCallId,
    ...(r.unit === undefined ? {} : { unit: r.unit }),
  };
}

async function recapOutcome(deps: JobDeps, r: ReportJobRequest) {
  const { generatedAt, ...recap } = await buildRecapFiles(deps, r);
  return { generatedAt, recap };
}

async function publishOutcome(deps: PublishDeps, r: ReportJobRequest) {
  const p = await publishReport(deps, r.date, r.rollCallId);
  return { result: publishSummary(r.date, r.rollCallId, p) };
}

async function liveOutcome(deps: PublishDeps, r: ReportJobRequest) {
  const { report } = await liveReport(deps.stores, r.date, r.rollCallId, deps.clock.now());
  await deps.publisher.write(servedFiles(renderReport(report), liveFolder(r.date, r.rollCallId)));
  return { generatedAt: report.generatedAt };
}

/** POST …/publish's answer, from a publication. */
export function publishSummary(
  date: string,
  rollCallId: string,
  p: Awaited<ReturnType<typeof publishReport>>,
): PublishSummary {
  return {
    date,
    rollCallId,
    version: p.report.version,
    changed: p.changed,
    generatedAt: p.report.generatedAt,
    totals: p.report.totals,
    keys: p.keys,
  };
}

function failed(job: ReportJob, err: unknown, now: Date): ReportJob {
  const e = err as Error;
  return {
    ...job,
    status: 'failed',
    finishedAt: now.toISOString(),
    error: {
      code: err instanceof DomainError ? err.code : 'INTERNAL_ERROR',
      // A domain error's message is the API's own; anything else stays in the log.
      message: err instanceof DomainError ? e.message : 'the report could not be built',
      ...(err instanceof DomainError ? { details: err.details } : {}),
    },
  };
}
