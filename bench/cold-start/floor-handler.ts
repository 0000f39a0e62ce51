import { BatchGetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { createDocumentClient } from '../../functions/adapters/dynamo/client';

/**
 * The cold-start floor: Hono and the DynamoDB document client (from the API's own factory, so
 * with its timeouts and retries: a dozen lines) and nothing else of ours. Its check-in
 * makes the same DynamoDB calls as the API's first check-in in a fresh instance (employee +
 * settings, the ground, then the check-in and the attempt), so that the difference is our code.
 */
const doc = createDocumentClient({
  endpoint: process.env.DYNAMODB_ENDPOINT,
  region: process.env.AWS_REGION,
});
const TableName = process.env.TABLE_NAME ?? 'apel';

const app = new Hono();
app.get('/v1/health', (c) => c.json({ status: 'ok', time: new Date().toISOString() }));
app.post('/v1/checkins', async (c) => {
  const body = await c.req.json();
  const id = `floor-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await doc.send(
    new BatchGetCommand({
      RequestItems: {
        [TableName]: {
          Keys: [
            { pk: 'EMP#demo-001', sk: 'PROFILE' },
            { pk: 'CONFIG', sk: 'SETTINGS' },
          ],
        },
      },
    }),
  );
  await doc.send(
    new BatchGetCommand({
      RequestItems: { [TableName]: { Keys: [{ pk: 'SITE#balai-kota-medan', sk: 'SITE' }] } },
    }),
  );
  await Promise.all([
    doc.send(
      new PutCommand({
        TableName,
        Item: { pk: `FLOOR#${id}`, sk: 'CHECKIN', ...body },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
    doc.send(new PutCommand({ TableName, Item: { pk: `FLOOR#${id}`, sk: 'ATTEMPT', ...body } })),
  ]);
  return c.json({ checkin: body, duplicate: false }, 201);
});

export const handler = handle(app);
