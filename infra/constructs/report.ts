import { Duration, Stack } from 'aws-cdk-lib';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { keys } from '../../functions/adapters/dynamo/table';
import { SCHEDULE_INPUT, TICK_MINUTES } from '../../functions/handlers/daily-report-input';
import { acknowledge, nagArn } from '../nag';
import { ApelFunction } from './apel-function';
import type { Data } from './data';

export interface ReportProps {
  /** The report handler's entry file (exports `handler`). */
  readonly entry: string;
  /** The table it reads the day from and records publications in. */
  readonly data: Data;
  /** Where report files go. */
  readonly bucket: IBucket;
  /** Where the publication notice goes. */
  readonly topic: ITopic;
  /** How long the function's logs are kept. */
  readonly logRetention: RetentionDays;
  /** @default 'INFO' */
  readonly logLevel?: string;
  /**
   * Memory in MB: the whole roster of the day is in memory at once; 1,769 MB is one full vCPU,
   * and the build is CPU-bound (BENCHMARKS.md, "Reports at 250,000"). @default 1769
   */
  readonly memorySize?: number;
  /**
   * Tries after the first failed delivery or run, each way (Scheduler delivering, Lambda
   * running); publishing is idempotent, so a retry is harmless. @default 2
   */
  readonly retryAttempts?: number;
}

/**
 * The reports: an EventBridge Scheduler tick every five minutes invokes the report function,
 * which publishes every roll call whose report time (data: the settings and the roll calls) has
 * passed and that is not published yet; it reads the table, writes the files and the notice. An event that cannot be delivered, or whose run keeps failing, lands in
 * the dead-letter queue (an alarm watches it); re-running it publishes the same report.
 */
export class Report extends Construct {
  readonly fn: ApelFunction;
  readonly deadLetters: Queue;
  readonly schedule: Schedule;
  /** Let the API start jobs here (an asynchronous invoke) and tell it the function's name. */
  acceptJobsFrom(api: ApelFunction): void {
    this.fn.function.grantInvoke(api.role);
    api.addEnvironment('REPORT_FUNCTION_NAME', this.fn.function.functionName);
  }

  /** Longest run Lambda allows the report function. */
  readonly timeout = Duration.minutes(5);

  constructor(scope: Construct, id: string, props: ReportProps) {
    super(scope, id);
    const retryAttempts = props.retryAttempts ?? 2;
    const maxEventAge = Duration.hours(2);
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    this.fn = new ApelFunction(this, 'Publisher', {
      entry: props.entry,
      description: 'apel: publishes the absentee reports that are due (every roll call)',
      memorySize: props.memorySize ?? 1769,
      // A recap's workbook loads exceljs (core/recap-xlsx.ts): beside the bundle, as the API's.
      sideModules: ['exceljs'],
      timeout: this.timeout,
      logRetention: props.logRetention,
      logLevel: props.logLevel,
    });
    // Reads everything; writes only its publication records and settles the corrections log
    // (functions/adapters/dynamo/table.ts).
    this.fn.bindTable(props.data, {
      partitionKeys: [keys.publicationPk('*'), keys.newestReport().pk, keys.correctionsPk()],
    });
    // It reads back what it builds on: a job's status (reports/jobs/), the published versions a
    // recap counts, a locked month's kept recap (core/recap-jobs.ts).
    this.fn.bindReports(props.bucket, props.topic, { read: true });
    // Scheduler invokes asynchronously: failed runs are Lambda's to retry and dead-letter.
    this.fn.function.configureAsyncInvoke({
      retryAttempts,
      maxEventAge,
      onFailure: new SqsDestination(this.deadLetters),
    });

    this.schedule = new Schedule(this, 'Tick', {
      description: `apel: publishes the roll calls that are due, every ${TICK_MINUTES} minutes`,
      schedule: ScheduleExpression.rate(Duration.minutes(TICK_MINUTES)),
      target: new LambdaInvoke(this.fn.function, {
        input: ScheduleTargetInput.fromObject(SCHEDULE_INPUT),
        retryAttempts,
        maxEventAge,
        deadLetterQueue: this.deadLetters,
      }),
    });

    acknowledge(
      this.deadLetters,
      'SQS3',
      'This queue is itself the dead-letter queue: of the Scheduler target and of the report ' +
        "function's asynchronous invocations (cdk-nag recognises only SQS redrive policies).",
    );
    // The Scheduler target's role is CDK's, shared at stack level; the finding names our function.
    acknowledge(
      Stack.of(this),
      `IAM5[Resource::${nagArn(this.fn.function)}:*]`,
      "CDK's Scheduler Lambda target grants lambda:InvokeFunction on the report function and " +
        'its versions (`:*`); it is this one function, nothing else.',
    );
  }
}
