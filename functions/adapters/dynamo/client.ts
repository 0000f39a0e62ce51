import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoClientOptions {
  /** A local endpoint (dynalite, DynamoDB Local); unset on AWS. */
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
  readonly maxAttempts?: number;
}

/** One document client per process; against a local endpoint it needs any region and credentials. */
export function createDocumentClient(opts: DynamoClientOptions = {}): DynamoDBDocumentClient {
  const local = opts.endpoint !== undefined;
  const client = new DynamoDBClient({
    ...(local
      ? {
          endpoint: opts.endpoint,
          region: opts.region ?? 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : opts.region
        ? { region: opts.region }
        : {}),
    maxAttempts: opts.maxAttempts ?? 3,
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
