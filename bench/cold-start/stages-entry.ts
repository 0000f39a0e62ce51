// The API handler's start-up split into stages, each timed: the same modules and the same work
// as functions/handlers/api.ts, in the order it does them, bundled like a Lambda. The floor's
// modules are imported statically (evaluated before this body runs; the driver marks when the
// import began); ours come through dynamic imports, which esbuild inlines and evaluates only
// where they are reached, so each stage's time is that stage's own evaluation and work.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const marks: [string, number][] = [];
const importStarted = (globalThis as { benchImportStarted?: number }).benchImportStarted;
let t = importStarted ?? performance.now();
const mark = (stage: string) => {
  const now = performance.now();
  marks.push([stage, now - t]);
  t = now;
};
// Keep the floor's imports, as the handler uses them.
if (!DynamoDBClient || !DynamoDBDocumentClient || !Hono) throw new Error('unreachable');
mark('AWS SDK and Hono modules (what the floor loads)');
// CommonJS has no top-level await: the stages run as one async start-up that the first
// invocation waits for (each stage is still timed on its own).
const ready = (async () => {
  const { ApiEnvSchema, readEnv, verifierOptions } = await import(
    '../../functions/adapters/config'
  );
  const env = readEnv(ApiEnvSchema, process.env);
  mark('valibot + environment schema parsed');
  const { awsAdapters } = await import('../../functions/adapters/aws');
  const { stores, publisher } = awsAdapters(env);
  mark(
    'adapters: DynamoDB document client (the floor makes one too), repositories, report publisher (its S3 and SNS clients load on first use)',
  );
  const { createVerifier } = await import('../../functions/adapters/jwt');
  const verify = createVerifier(verifierOptions(env));
  mark('jose + verifier');
  const { createLogger } = await import('../../functions/adapters/logger');
  const logger = createLogger('apel-api');
  mark('Powertools Logger module + constructed');
  const { systemClock } = await import('../../functions/core/ports');
  const { createApp } = await import('../../functions/http/app');
  mark('HTTP and core modules (routes, schemas, hono-openapi, geofence, report)');
  const app = createApp({ stores, publisher, clock: systemClock, verify, logger });
  const handler = handle(app);
  mark('createApp + handle');
  process.stdout.write(`\nBENCH_STAGES ${JSON.stringify(marks)}\n`);
  return handler;
})();

export const handler = async (...args: Parameters<Awaited<typeof ready>>) => (await ready)(...args);
