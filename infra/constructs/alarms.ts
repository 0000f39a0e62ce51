import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DIMENSION, METRIC, SERVICE } from '../../functions/core/metrics';
import type { Data } from './data';

/** Refusal codes whose surge means the deployment, not the employees, is wrong. */
export const SURGE_CODES = {
  OUTSIDE_GEOFENCE: 'a ground drawn in the wrong place / lapangan apel salah gambar',
  CLOCK_SKEW: "the server's or a phone network's clock is off / jam server atau jaringan salah",
  NOT_ON_ROSTER: 'the roster or the employee claim is wrong / daftar pegawai atau klaim salah',
} as const;

export interface AlarmsProps {
  /** Where alarms are sent. */
  readonly topic: ITopic;
  /** The API whose 5xx answers count. */
  readonly api: HttpApi;
  /** The table (and its indexes) whose throttling counts. */
  readonly data: Data;
  /** The daily-report function whose errors count. */
  readonly reportFunction: IFunction;
  /** The report's dead-letter queue: any message in it is a day not published. */
  readonly deadLetters: IQueue;
  /** 5xx answers in five minutes that raise the alarm. @default 5 */
  readonly api5xxThreshold?: number;
  /** Throttled reads and writes in five minutes that raise the alarm. @default 10 */
  readonly throttleThreshold?: number;
  /** Namespace of the functions' own metrics (POWERTOOLS_METRICS_NAMESPACE). */
  readonly metricsNamespace: string;
  /** The report function's timeout: a run that comes near it raises an alarm. */
  readonly reportTimeout: Duration;
  /** Minutes between two ticks of the report schedule: a quarter hour without one raises one. */
  readonly tickMinutes: number;
  /** Share of one refusal code among all check-ins, over ten minutes, that raises one. @default 0.5 */
  readonly surgeShare?: number;
  /** Check-ins in five minutes below which no share counts (a quiet morning). @default 20 */
  readonly surgeMinimum?: number;
}

const PERIOD = Duration.minutes(5);

/**
 * What an admin must hear about, sent to the notices topic: the API failing (5xx), the table
 * throttling (on-demand tables throttle when a peak doubles the previous one too quickly),
 * the report function failing, and report events dead-lettered (a day not published). From the
 * functions' own metrics: a surge of one refusal code (a bad ground, a wrong clock, a broken
 * roster refuse everyone at once), a report run near its timeout, a workday with no publication.
 */
export class Alarms extends Construct {
  readonly api5xx: Alarm;
  readonly throttles: Alarm;
  readonly reportErrors: Alarm;
  readonly deadLetters: Alarm;
  readonly surges: Record<keyof typeof SURGE_CODES, Alarm>;
  readonly reportSlow: Alarm;
  /** The tick stopped: no run of the report function for a quarter of an hour. */
  readonly tickStopped: Alarm;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.api5xx = this.alarm('Api5xx', {
      metric: props.api.metricServerError({ period: PERIOD, statistic: 'Sum' }),
      threshold: props.api5xxThreshold ?? 5,
      description: 'API menjawab 5xx / the API answers 5xx',
    });
    this.throttles = this.alarm('TableThrottles', {
      metric: throttleEvents(props.data),
      threshold: props.throttleThreshold ?? 10,
      description: 'Tabel DynamoDB membatasi permintaan / the DynamoDB table throttles requests',
    });
    this.reportErrors = this.alarm('ReportErrors', {
      metric: props.reportFunction.metricErrors({ period: PERIOD, statistic: 'Sum' }),
      threshold: 1,
      description: 'Fungsi laporan harian gagal / the daily-report function failed',
    });
    this.deadLetters = this.alarm('ReportDeadLetters', {
      metric: props.deadLetters.metricApproximateNumberOfMessagesVisible({
        period: PERIOD,
        statistic: 'Maximum',
      }),
      threshold: 1,
      description:
        'Laporan harian tidak terbit; lihat antrean DLQ / a daily report was not published; see the DLQ',
    });
    const own = (service: string, metricName: string, dims = {}, statistic = 'Sum') =>
      new Metric({
        namespace: props.metricsNamespace,
        metricName,
        dimensionsMap: { service, ...dims },
        statistic,
        period: PERIOD,
      });
    const all = own(SERVICE.api, METRIC.checkins);
    const minimum = props.surgeMinimum ?? 20;
    this.surges = Object.fromEntries(
      Object.entries(SURGE_CODES).map(([code, meaning]) => {
        const refused = own(SERVICE.api, METRIC.checkins, {
          [DIMENSION.outcome]: 'refused',
          [DIMENSION.code]: code,
        });
        const alarm = this.alarm(`Surge${code}`, {
          metric: new MathExpression({
            expression: `IF(all >= ${minimum}, refused / all, 0)`,
            usingMetrics: { all, refused },
            label: `share of check-ins refused ${code}`,
            period: PERIOD,
          }),
          threshold: props.surgeShare ?? 0.5,
          evaluationPeriods: 2,
          description: `banyak absen ditolak ${code} / many check-ins refused ${code}: ${meaning}`,
        });
        return [code, alarm];
      }),
    ) as Record<keyof typeof SURGE_CODES, Alarm>;
    this.reportSlow = this.alarm('ReportNearTimeout', {
      metric: own(SERVICE.report, METRIC.reportDuration, {}, 'Maximum'),
      threshold: Math.round(props.reportTimeout.toMilliseconds() * 0.8),
      description:
        'Laporan harian hampir melewati batas waktu fungsi / the daily report ran above 80% ' +
        'of its timeout: raise its memory or timeout',
    });
    this.tickStopped = this.stopped(props);

    for (const alarm of [
      this.api5xx,
      this.throttles,
      this.reportErrors,
      this.deadLetters,
      ...Object.values(this.surges),
      this.reportSlow,
      this.tickStopped,
    ]) {
      alarm.addAlarmAction(new SnsAction(props.topic));
    }
  }

  /**
   * The tick did not run (the schedule was disabled or deleted, or Scheduler cannot invoke the
   * function): three ticks' worth of time with no invocation. Report times are data, so there is
   * no deploy-time hour to watch; a tick that runs and fails raises ReportErrors instead.
   */
  private stopped(props: AlarmsProps): Alarm {
    const minutes = props.tickMinutes * 3;
    return new Alarm(this, 'ReportTickStopped', {
      metric: props.reportFunction.metricInvocations({
        period: Duration.minutes(minutes),
        statistic: 'Sum',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      // Lambda sends no data point for a period without invocations: that is the failure.
      treatMissingData: TreatMissingData.BREACHING,
      alarmDescription:
        `apel: Jadwal laporan berhenti: fungsi laporan tidak berjalan ${minutes} menit / ` +
        `the report tick stopped: no run of the report function in ${minutes} minutes`,
    });
  }

  private alarm(
    id: string,
    o: { metric: IMetric; threshold: number; description: string; evaluationPeriods?: number },
  ) {
    return new Alarm(this, id, {
      metric: o.metric,
      threshold: o.threshold,
      evaluationPeriods: o.evaluationPeriods ?? 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: `apel: ${o.description}`,
    });
  }
}

/**
 * Read and write throttle events of the table and of each index, summed. DynamoDB reports
 * them only when there are some, so missing points count as zero.
 */
function throttleEvents(data: Data): IMetric {
  const { tableName } = data.table;
  const scopes = [
    {},
    ...data.indexNames.map((GlobalSecondaryIndexName) => ({ GlobalSecondaryIndexName })),
  ];
  const metrics: Record<string, IMetric> = {};
  scopes.forEach((scope, i) => {
    for (const kind of ['Read', 'Write']) {
      metrics[`${kind.toLowerCase()}${i}`] = new Metric({
        namespace: 'AWS/DynamoDB',
        metricName: `${kind}ThrottleEvents`,
        dimensionsMap: { TableName: tableName, ...scope },
        statistic: 'Sum',
        period: PERIOD,
      });
    }
  });
  return new MathExpression({
    expression: 'SUM(FILL(METRICS(), 0))',
    usingMetrics: metrics,
    label: 'throttle events (table and indexes)',
    period: PERIOD,
  });
}
