import type { ReportPublisher } from '../core/ports';
import { type ReportEnv, reportsOrigin } from './config';
import { createDocumentClient } from './dynamo/client';
import { createStores } from './dynamo/stores';

/** The adapters a Lambda function runs on: the table, the reports bucket and the topic. */
export function awsAdapters(env: ReportEnv) {
  const stores = createStores(
    createDocumentClient({ endpoint: env.DYNAMODB_ENDPOINT, region: env.AWS_REGION }),
    env.TABLE_NAME,
  );
  return { stores, publisher: lazyPublisher(env) };
}

/**
 * The S3/SNS publisher, loaded on first use: loading and building the S3 and SNS clients cost
 * the API ~15 ms of every cold start (BENCHMARKS.md), and most API requests never touch a
 * report file. The bundle still holds the code; only its evaluation waits.
 */
function lazyPublisher(env: ReportEnv): ReportPublisher {
  const origin = reportsOrigin(env);
  let made: Promise<ReportPublisher> | null = null;
  const get = () => {
    made ??= import('./aws-publisher').then(
      (m) => m.s3Publisher(env),
      (err) => {
        made = null;
        throw err;
      },
    );
    return made;
  };
  return {
    write: async (files) => (await get()).write(files),
    read: async (key) => (await get()).read(key),
    readBytes: async (key) => (await get()).readBytes?.(key) ?? null,
    notify: async (subject, message) => (await get()).notify(subject, message),
    link: async (key, as) => (await get()).link?.(key, as) ?? null,
    ...(origin ? { linkOrigin: origin } : {}),
  };
}
