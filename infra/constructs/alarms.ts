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
import type { Data } from './data';

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
}

const PERIOD = Duration.minutes(5);

/**
 * What an admin must hear about, sent to the notices topic: the API failing (5xx), the table
 * throttling (on-demand tables throttle when a peak doubles the previous one too quickly),
 * the report function failing, and report events dead-lettered (a day not published).
 */
export class Alarms extends Construct {
  readonly api5xx: Alarm;
  readonly throttles: Alarm;
  readonly reportErrors: Alarm;
  readonly deadLetters: Alarm;

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
    for (const alarm of [this.api5xx, this.throttles, this.reportErrors, this.deadLetters]) {
      alarm.addAlarmAction(new SnsAction(props.topic));
    }
  }

  private alarm(id: string, o: { metric: IMetric; threshold: number; description: string }) {
    return new Alarm(this, id, {
      metric: o.metric,
      threshold: o.threshold,
      evaluationPeriods: 1,
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
