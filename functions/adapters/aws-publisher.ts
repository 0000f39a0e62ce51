import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import type { ReportPublisher } from '../core/ports';
import { type ReportEnv, reportsOrigin } from './config';
import { S3Publisher } from './publish/s3-publisher';

/** Client options for AWS, or for a local stand-in at `endpoint` (any region; keys from the env or dummies). */
function clientOptions(region: string | undefined, endpoint: string | undefined) {
  if (!endpoint) return region ? { region } : {};
  return {
    endpoint,
    region: region ?? 'local',
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local',
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
    },
  };
}

/** Report files in the reports bucket, the notice on the topic. */
export function s3Publisher(env: ReportEnv): ReportPublisher {
  return new S3Publisher(
    new S3Client({
      ...clientOptions(env.AWS_REGION, env.S3_ENDPOINT),
      forcePathStyle: env.S3_ENDPOINT !== undefined,
    }),
    env.REPORTS_BUCKET,
    env.REPORTS_TOPIC_ARN ? new SNSClient(clientOptions(env.AWS_REGION, env.SNS_ENDPOINT)) : null,
    env.REPORTS_TOPIC_ARN,
    reportsOrigin(env),
  );
}
