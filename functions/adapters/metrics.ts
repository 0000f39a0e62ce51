import { MetricUnit, Metrics as Powertools } from '@aws-lambda-powertools/metrics';
import { DIMENSION, METRIC, type Metrics } from '../core/metrics';

/** The metrics port, buffered for one invocation; `flush` writes them as EMF lines on stdout. */
export interface InvocationMetrics extends Metrics {
  flush(): void;
}

type Unit = (typeof MetricUnit)[keyof typeof MetricUnit];
interface Entry {
  readonly dimensions: Readonly<Record<string, string>>;
  readonly values: readonly (readonly [name: string, unit: Unit, value: number])[];
}

/**
 * CloudWatch metrics through Powertools' embedded metric format: Lambda's log stream carries
 * them, CloudWatch extracts them, no API call and no extra latency. Namespace from
 * `POWERTOOLS_METRICS_NAMESPACE` (the stack sets it to the deployment prefix), `service` is the
 * function. Each entry is published under its own dimensions and under `service` alone, so an
 * alarm can divide one code's refusals by all check-ins. Entries with the same dimensions share
 * one EMF line; `flush` once at the end of each invocation.
 */
export function createMetrics(service: string): InvocationMetrics {
  const powertools = new Powertools({
    namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || 'apel',
    serviceName: service,
  });
  let pending: Entry[] = [];
  return {
    checkin(o) {
      pending.push({
        dimensions: { [DIMENSION.outcome]: o.outcome, [DIMENSION.code]: o.code },
        values: [[METRIC.checkins, MetricUnit.Count, 1]],
      });
    },
    report(run) {
      pending.push({
        dimensions: { [DIMENSION.result]: run.result },
        values: [
          [METRIC.publications, MetricUnit.Count, 1],
          [METRIC.reportDuration, MetricUnit.Milliseconds, Math.round(run.durationMs)],
        ],
      });
    },
    flush() {
      const groups = new Map<string, Entry[]>();
      for (const e of pending) {
        const key = JSON.stringify(e.dimensions);
        groups.set(key, [...(groups.get(key) ?? []), e]);
      }
      pending = [];
      for (const entries of groups.values()) {
        powertools.addDimensions(entries[0]?.dimensions ?? {});
        powertools.addDimensions({});
        for (const e of entries)
          for (const [name, unit, value] of e.values) {
            powertools.addMetric(name, unit, value);
          }
        powertools.publishStoredMetrics();
      }
    },
  };
}
