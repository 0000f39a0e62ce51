import * as v from 'valibot';
import { awsAdapters } from '../adapters/aws';
import { ReportEnvSchema, readEnv } from '../adapters/config';
import { createLogger } from '../adapters/logger';
import { createMetrics } from '../adapters/metrics';
import { isIsoDate, isoWeekdayOf, localTime } from '../core/calendar';
import { SERVICE } from '../core/metrics';
import { systemClock } from '../core/ports';
import { publishReport } from '../core/publish';
import { BeforeDeployment } from '../core/settings-history';

export { SCHEDULE_INPUT } from './daily-report-input';

const EventSchema = v.object({
  /** ISO time the schedule fired for. */
  scheduledTime: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  /** A manual run or a backfill: publish this date. */
  date: v.optional(v.pipe(v.string(), v.check(isIsoDate, 'date must be YYYY-MM-DD'))),
  executionId: v.optional(v.string()),
  attemptNumber: v.optional(v.union([v.string(), v.number()])),
});
export type ReportEvent = v.InferInput<typeof EventSchema>;

const env = readEnv(ReportEnvSchema, process.env);
const logger = createLogger('apel-daily-report');
const metrics = createMetrics(SERVICE.report);
const deps = { ...awsAdapters(env), clock: systemClock };

/**
 * Publish the day's report. Any failure is thrown, so the schedule retries and, in the end,
 * the dead-letter queue holds the event; a re-run publishes the same report.
 */
export async function handler(event: ReportEvent) {
  try {
    return await run(event);
  } finally {
    metrics.flush();
  }
}

async function run(event: ReportEvent) {
  const started = performance.now();
  const e = v.parse(EventSchema, event ?? {});
  const settings = await deps.stores.settings.getSettings();
  const at = e.scheduledTime ? new Date(e.scheduledTime) : deps.clock.now();
  const date = e.date ?? localTime(at, settings.timezone).date;
  if (!e.date && !settings.workdays.includes(isoWeekdayOf(date))) {
    logger.info('not a workday: nothing published', { date });
    return { date, skipped: 'not a workday' };
  }
  let r: Awaited<ReturnType<typeof publishReport>>;
  try {
    r = await publishReport(deps, date);
  } catch (err) {
    // A backfill of a date before the deployment existed: retrying would never change that.
    if (!(err instanceof BeforeDeployment)) throw err;
    logger.warn('before the deployment: nothing published', {
      date,
      firstDay: err.details.firstDay,
    });
    return { date, skipped: 'before the deployment' };
  }
  metrics.report({
    durationMs: performance.now() - started,
    result: r.changed ? 'new' : 'unchanged',
  });
  logger.info('report published', {
    date,
    version: r.report.version,
    changed: r.changed,
    attempt: e.attemptNumber,
    ...r.report.totals,
  });
  return { date, version: r.report.version, changed: r.changed, totals: r.report.totals };
}
