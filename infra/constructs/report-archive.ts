import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { JOBS_PREFIX } from '../../functions/core/report-jobs';

/** Days a background build's status and live report are kept. */
export const JOB_DAYS = 2;

export interface ReportArchiveProps {
  /**
   * Days an overwritten or deleted report version is kept before S3 expires it. Reports of a
   * date are rewritten when an admin publishes again; the old versions are the audit trail.
   * @default 365
   */
  readonly noncurrentVersionDays?: number;
  /** Days S3 server access logs are kept. @default 90 */
  readonly accessLogDays?: number;
}

/**
 * Where published reports live: `reports/{date}/report.json|report.csv|wall.html` and
 * `latest/`. Stateful, so apart from the report function: private (public access blocked,
 * TLS only), encrypted (S3-managed keys, no KMS cost), versioned, retained with the stack gone,
 * and its server access logs in a second private bucket.
 */
export class ReportArchive extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: ReportArchiveProps = {}) {
    super(scope, id);
    const common = {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    };
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      ...common,
      lifecycleRules: [{ expiration: Duration.days(props.accessLogDays ?? 90) }],
    });
    this.bucket = new Bucket(this, 'Reports', {
      ...common,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'reports/',
      lifecycleRules: [
        {
          noncurrentVersionExpiration: Duration.days(props.noncurrentVersionDays ?? 365),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
        // Background builds' status and live reports (core/report-jobs.ts): a day's worth of use.
        {
          prefix: JOBS_PREFIX,
          expiration: Duration.days(JOB_DAYS),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
      // The console follows the API's redirect to a presigned GET (functions/http/report-serve.ts):
      // a cross-origin fetch, which needs CORS. Any origin, GET only, no credentials: the
      // signature in the address is the authorization, and it expires in two minutes.
      cors: [
        {
          allowedMethods: [HttpMethods.GET, HttpMethods.HEAD],
          allowedOrigins: ['*'],
          exposedHeaders: ['content-disposition', 'content-type', 'content-length'],
          maxAge: 3600,
        },
      ],
    });
  }
}
