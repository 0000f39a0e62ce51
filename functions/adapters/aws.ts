import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import type { ReportEnv } from './config';
import { createDocumentClient } from './dynamo/client';
import { createStores } from './dynamo/stores';
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

/** The adapters a Lambda function runs on: the table, the reports bucket and the topic. */
export function awsAdapters(env: ReportEnv) {
  const stores = createStores(
    createDocumentClient({ endpoint: env.DYNAMODB_ENDPOINT, region: env.AWS_REGION }),
    env.TABLE_NAME,
  );
  const publisher = new S3Publisher(
    new S3Client({
      ...clientOptions(env.AWS_REGION, env.S3_ENDPOINT),
      forcePathStyle: env.S3_ENDPOINT !== undefined,
    }),
    env.REPORTS_BUCKET,
    env.REPORTS_TOPIC_ARN ? new SNSClient(clientOptions(env.AWS_REGION, env.SNS_ENDPOINT)) : null,
    env.REPORTS_TOPIC_ARN,
  );
  return { stores, publisher };
}
