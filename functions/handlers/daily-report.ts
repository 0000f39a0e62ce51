import * as v from 'valibot';
import { awsAdapters } from '../adapters/aws';
import { ReportEnvSchema, readEnv } from '../adapters/config';
import { createLogger } from '../adapters/logger';
import { createMetrics } from '../adapters/metrics';
import { isIsoDate } from '../core/calendar';
import { type CorrectionTarget, republishCorrected } from '../core/corrections';
import { Text } from '../core/fields';
import { SERVICE } from '../core/metrics';
import { systemClock } from '../core/ports';
import { publishReport } from '../core/publish';
import { publishDue } from '../core/publish-due';
import { runJob } from '../core/report-jobs';
import { PAGI, RollCallId } from '../core/rollcalls';
import { BeforeDeployment } from '../core/settings-history';
import { PeriodParam } from '../http/recap-schemas';

export { SCHEDULE_INPUT } from './daily-report-input';

const EventSchema = v.object({
  /** ISO time the tick fired for: what is due is decided as of then. */
  scheduledTime: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  /** A manual run or a backfill: publish this date (pagi, or `rollCallId`). */
  date: v.optional(v.pipe(v.string(), v.check(isIsoDate, 'date must be YYYY-MM-DD'))),
  /** With `date`: the roll call to publish. */
  rollCallId: v.optional(RollCallId),
  /** From the API (adapters/lambda-republisher.ts): corrected days to republish. */
  republish: v.optional(
    v.pipe(
      v.array(v.object({ date: v.pipe(v.string(), v.check(isIsoDate)), rollCallId: RollCallId })),
      v.maxLength(400),
    ),
  ),
  /**
   * A report the API handed over (core/report-jobs.ts): a large roster's publication or live
   * report, or a recap (core/recap-jobs.ts) of a period, all units or one.
   */
  job: v.optional(
    v.variant('kind', [
      v.object({
        kind: v.picklist(['publish', 'live']),
        date: v.pipe(v.string(), v.check(isIsoDate, 'date must be YYYY-MM-DD')),
        rollCallId: RollCallId,
      }),
      v.object({
        kind: v.literal('recap'),
        date: PeriodParam.entries.period,
        rollCallId: RollCallId,
        unit: v.optional(Text(200)),
      }),
    ]),
  ),
  executionId: v.optional(v.string()),
  attemptNumber: v.optional(v.union([v.string(), v.number()])),
});
export type ReportEvent = v.InferInput<typeof EventSchema>;

const env = readEnv(ReportEnvSchema, process.env);
const logger = createLogger('apel-daily-report');
const metrics = createMetrics(SERVICE.report);
const deps = { ...awsAdapters(env), clock: systemClock, logger };
/** DynamoDB's indexes are eventually consistent (typically well under a second behind). */
const REPUBLISH_SETTLE_MS = 1_500;

/**
 * The tick (every five minutes, EventBridge Scheduler): publish every roll call whose report time
 * has passed and that is not published yet (core/publish-due.ts); each roll call's report time is
 * data. An event with `date` publishes that date's roll call (pagi unless `rollCallId`). Any
 * failure is thrown, so Lambda retries and, in the end, the dead-letter queue holds the event; the
 * next tick tries again anyway, and a re-run publishes the same report.
 */
export async function handler(event: ReportEvent) {
  try {
    const e = v.parse(EventSchema, event ?? {});
    if (e.republish) {
      const { republished } = await corrected(e.republish);
      return { at: deps.clock.now().toISOString(), published: [], republished };
    }
    if (e.job) return await job(e.job);
    return e.date ? await manual(e.date, e.rollCallId ?? PAGI) : await tick(e);
  } finally {
    metrics.flush();
  }
}

type Parsed = v.InferOutput<typeof EventSchema>;

async function tick(e: Parsed) {
  const started = performance.now();
  // As of the time the tick fired for: a retry an hour later decides the same way.
  const at = e.scheduledTime ? new Date(e.scheduledTime) : deps.clock.now();
  const due = await publishDue({ ...deps, clock: { now: () => at } });
  const published = [];
  const failed: Error[] = [];
  for (const p of due) {
    if (p.result) {
      metrics.report({
        durationMs: performance.now() - started,
        result: p.result.changed ? 'new' : 'unchanged',
      });
      logger.info('report published', {
        date: p.date,
        rollCallId: p.rollCallId,
        version: p.result.report.version,
        changed: p.result.changed,
        attempt: e.attemptNumber,
        ...p.result.report.totals,
      });
      published.push({
        date: p.date,
        rollCallId: p.rollCallId,
        version: p.result.report.version,
        changed: p.result.changed,
        totals: p.result.report.totals,
      });
    } else {
      logger.error('report failed', {
        date: p.date,
        rollCallId: p.rollCallId,
        error: p.error?.message,
      });
      failed.push(p.error ?? new Error(`publishing ${p.date}/${p.rollCallId} failed`));
    }
  }
  // The safety net: corrections a lost or failed invocation left pending.
  const republished = await corrected();
  // Every failure is logged above; the first is thrown (its code intact) so that Lambda retries,
  // the errors alarm sees it, and the dead-letter queue holds the event in the end.
  if (failed[0]) throw failed[0];
  return {
    at: at.toISOString(),
    published,
    ...(republished.republished.length > 0 ? { republished: republished.republished } : {}),
  };
}

/**
 * Republish corrected days (the API's asynchronous invocation), or every pending one (the tick).
 * A failure is thrown after all were tried, so that Lambda retries the invocation; the entry stays
 * pending for the tick in any case.
 */
async function corrected(targets?: readonly CorrectionTarget[]) {
  // The correction was written a moment ago: index reads (the roster's) catch up first.
  if (targets) await new Promise((r) => setTimeout(r, REPUBLISH_SETTLE_MS));
  const results = await republishCorrected(deps, targets);
  const republished = [];
  let failure: Error | undefined;
  for (const r of results) {
    if (r.error) {
      logger.error('republish failed', { ...r.target, error: r.error.message });
      failure ??= r.error;
    } else if (r.version) {
      logger.info('corrected report published', { ...r.target, version: r.version });
      republished.push({ ...r.target, version: r.version });
    }
  }
  if (failure && targets) throw failure;
  return { republished };
}

/**
 * A job from the API: its outcome (done, or failed with a refusal's code) is in its status file
 * for the client polling it; an unexpected failure is thrown as well, so Lambda retries it.
 */
async function job(j: NonNullable<Parsed['job']>) {
  const started = performance.now();
  const out = await runJob(deps, j);
  logger.info('report job finished', {
    ...j,
    status: out.status,
    ms: Math.round(performance.now() - started),
    ...(out.error ? { error: out.error.code } : {}),
  });
  return { ...j, status: out.status };
}

async function manual(date: string, rollCallId: string) {
  const started = performance.now();
  let r: Awaited<ReturnType<typeof publishReport>>;
  try {
    r = await publishReport(deps, date, rollCallId);
  } catch (err) {
    // A backfill of a date before the deployment existed: retrying would never change that.
    if (!(err instanceof BeforeDeployment)) throw err;
    logger.warn('before the deployment: nothing published', {
      date,
      firstDay: err.details.firstDay,
    });
    return { date, rollCallId, skipped: 'before the deployment' };
  }
  metrics.report({
    durationMs: performance.now() - started,
    result: r.changed ? 'new' : 'unchanged',
  });
  logger.info('report published', {
    date,
    rollCallId,
    version: r.report.version,
    changed: r.changed,
    ...r.report.totals,
  });
  return {
    date,
    rollCallId,
    version: r.report.version,
    changed: r.changed,
    totals: r.report.totals,
  };
}
