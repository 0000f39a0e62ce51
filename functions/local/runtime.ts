import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoStore } from '../adapters/dynamo/store';
import { ensureTable } from '../adapters/dynamo/table-admin';
import { createVerifier } from '../adapters/jwt';
import { type Clock, systemClock } from '../core/ports';
import { DEFAULT_SETTINGS } from '../core/settings';
import { createApp } from '../http/app';
import type { AppLogger } from '../http/env';
import { DEMO_SITE, demoPeople, demoRoster } from './demo';
import { startDynalite } from './dynalite';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, localIssuer } from './issuer';
import { LOCAL_SIGN_IN_PATH, localSignInConfig, localSignInRoutes } from './sign-in';

export interface LocalRuntimeOptions {
  /** Where the store and keys persist; the store is in memory when `persist` is false. */
  readonly dataDir: string;
  readonly persist?: boolean;
  readonly tableName?: string;
  readonly clock?: Clock;
  readonly logger: AppLogger;
  readonly seedDemo?: boolean;
}

/**
 * The whole deployment on one machine: dynalite in process, the table, the demo data on first
 * start, a local token issuer with a demo sign-in page, and the same Hono app as on Lambda.
 */
export async function startLocalRuntime(o: LocalRuntimeOptions) {
  const dynamo = await startDynalite(
    o.persist === false ? {} : { path: join(o.dataDir, 'dynamodb') },
  );
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const tableName = o.tableName ?? 'apel';
  await ensureTable(client, tableName);
  const store = new DynamoStore(doc, tableName);
  const seeded = o.seedDemo !== false && !(await store.hasSettings());
  if (seeded) {
    await store.putSettings(DEFAULT_SETTINGS);
    await store.putSite(DEMO_SITE);
    await store.putEmployees(demoRoster());
  }
  const issuer = await localIssuer(o.dataDir);
  const verify = createVerifier({
    issuer: LOCAL_ISSUER,
    audience: [LOCAL_AUDIENCE],
    jwks: issuer.jwks,
    algorithms: ['ES256'],
    employeeClaim: 'sub',
    groupsClaim: 'cognito:groups',
    adminGroup: 'admin',
  });
  const clock = o.clock ?? systemClock;
  const app = createApp({
    store,
    clock,
    verify,
    logger: o.logger,
    version: 'local',
    web: localSignInConfig(LOCAL_AUDIENCE),
  });
  // The demo sign-in exists only here: on AWS the page signs in with Cognito.
  app.route(
    LOCAL_SIGN_IN_PATH,
    localSignInRoutes({ issuer, clientId: LOCAL_AUDIENCE, people: demoPeople() }),
  );
  return {
    app,
    store,
    issuer,
    endpoint: dynamo.endpoint,
    tableName,
    seeded,
    async close() {
      client.destroy();
      await dynamo.close();
    },
  };
}

export type LocalRuntime = Awaited<ReturnType<typeof startLocalRuntime>>;
