import type { CheckinResult } from './checkin';
import { AuthUnavailable, DomainError, StoreUnavailable } from './errors';

/**
 * What an operator counts, in the domain's words: the port the edges record through. The
 * adapter (functions/adapters/metrics.ts) turns these into CloudWatch metrics; tests and the
 * local server pass `noMetrics`. The names below are shared with the alarms (infra/), so a
 * metric and the alarm that watches it cannot drift apart.
 */
export interface Metrics {
  /** One evaluated check-in: accepted, a repeat, refused with its code, or failed. */
  checkin(outcome: CheckinOutcome): void;
  /** One run of the report: how long it took and whether it made a new version. */
  report(run: ReportRun): void;
}

export type CheckinOutcome =
  | { readonly outcome: 'accepted' | 'duplicate'; readonly code: 'on_time' | 'late' }
  | { readonly outcome: 'refused' | 'failed'; readonly code: string };

export interface ReportRun {
  readonly durationMs: number;
  /** `new`: a new version was published; `unchanged`: the same report again (a retry). */
  readonly result: 'new' | 'unchanged';
}

export const noMetrics: Metrics = { checkin: () => {}, report: () => {} };

/** Metric and dimension names, as CloudWatch shows them and the alarms read them. */
export const METRIC = {
  checkins: 'CheckIns',
  publications: 'Publications',
  reportDuration: 'ReportDuration',
} as const;
export const DIMENSION = { outcome: 'Outcome', code: 'Code', result: 'Result' } as const;
/** The `service` dimension of each function's metrics. */
export const SERVICE = { api: 'api', report: 'daily-report' } as const;

/**
 * Record how a check-in ended and pass the result (or the error) on unchanged. A refusal is a
 * domain error with its code (OUTSIDE_GEOFENCE, CLOCK_SKEW, …); a store or issuer that could not
 * be reached is a failure, not a refusal. Other errors are bugs: the API's 5xx count has them.
 */
export async function recordCheckin(
  metrics: Metrics,
  attempt: Promise<CheckinResult>,
): Promise<CheckinResult> {
  try {
    const result = await attempt;
    metrics.checkin({
      outcome: result.duplicate ? 'duplicate' : 'accepted',
      code: result.checkin.status,
    });
    return result;
  } catch (e) {
    if (e instanceof DomainError) {
      const failed = e instanceof StoreUnavailable || e instanceof AuthUnavailable;
      metrics.checkin({ outcome: failed ? 'failed' : 'refused', code: e.code });
    }
    throw e;
  }
}
