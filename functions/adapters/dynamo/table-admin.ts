import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { createTableInput } from './table';

/**
 * Create the table where it does not exist yet and wait until it is ACTIVE. For the local server
 * and tests; on AWS the CDK stack owns the table.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (err) {
    if (
      !(err instanceof ResourceNotFoundException) &&
      (err as Error).name !== 'ResourceNotFoundException'
    )
      throw err;
  }
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  for (let i = 0; i < 200; i++) {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesReady = (out.Table?.GlobalSecondaryIndexes ?? []).every(
      (g) => g.IndexStatus === 'ACTIVE',
    );
    if (out.Table?.TableStatus === 'ACTIVE' && indexesReady) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`table ${tableName} did not become ACTIVE`);
}
