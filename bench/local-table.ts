import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoStore } from '../functions/adapters/dynamo/store';
import { ensureTable } from '../functions/adapters/dynamo/table-admin';

/** The app's table on a local endpoint (dynalite), and the app's store over it. */
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
  return { client, doc, store: new DynamoStore(doc, tableName) };
}
