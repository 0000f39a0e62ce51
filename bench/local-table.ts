import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createStores } from '../functions/adapters/dynamo/stores';
import { ensureTable } from '../functions/adapters/dynamo/table-admin';

/** The app's table on a local endpoint (dynalite), and the app's repositories over it. */
export async function localTable(endpoint: string, tableName: string) {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  await ensureTable(client, tableName);
  return { client, doc, stores: createStores(doc, tableName) };
}
