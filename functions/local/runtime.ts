import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDynamoClients, localServerRequestHandler } from '../adapters/dynamo/client';
import { employeeItem } from '../adapters/dynamo/items';
import { wordItems } from '../adapters/dynamo/roster-search';
import { createStores } from '../adapters/dynamo/stores';
import { ensureTable } from '../adapters/dynamo/table-admin';
import { FilePublisher } from '../adapters/publish/file-publisher';
import { type Clock, type ReportPublisher, systemClock } from '../core/ports';
import type { AppLogger } from '../core/ports/logger';
import { DEFAULT_SETTINGS } from '../core/settings';
import { createApp } from '../http/app';
import type { MapTiles } from '../http/pages/map-tiles';
import { DEMO_SITE, demoPeople, demoRoster } from './demo';
import { type LocalDynamo, startDynalite } from './dynalite';
import { LOCAL_AUDIENCE, localIssuer, localVerifier } from './issuer';
import { inProcessRunner } from './report-runner';
import { inlineRepublisher } from './republisher';
import { LOCAL_SIGN_IN_PATH, localSignInConfig, localSignInRoutes } from './sign-in';

export interface LocalRuntimeOptions {
  /** Where the store, the keys and the published reports live. */
  readonly dataDir: string;
  /** Keep the store on disk (default) or in memory. */
  readonly persist?: boolean;
  /** Use a dynalite already running (the server's) instead of starting one. */
  readonly endpoint?: string;
  readonly tableName?: string;
  readonly clock?: Clock;
  readonly logger: AppLogger;
  readonly seedDemo?: boolean;
  /**
   * The address people open when it is not localhost (APEL_PUBLIC_URL, e.g. an https tunnel to
   * try the page on a phone): the local issuer answers on that host as well as on loopback.
   */
  readonly publicUrl?: string | undefined;
  /** When a new store's deployment began (its first day: no report before); default now. */
  readonly deployedAt?: Date;
  /** The console map's tiles (TILE_URL, TILE_ATTRIBUTION); OpenStreetMap's when absent. */
  readonly tiles?: MapTiles;
  /** Rosters from this size on have their reports built in the background. @default 20,000 */
  readonly reportInlineLimit?: number;
  /** Where reports go instead of files under dataDir (tests: an S3 stand-in). */
  readonly publisher?: ReportPublisher;
}

/** APEL_PUBLIC_URL as a URL, or a startup error naming the variable. */
function publicUrlOf(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new Error(
      `APEL_PUBLIC_URL: must be an http(s) URL such as https://apel.example.org, not ${value}`,
    );
  }
  return value;
}

/** The file that tells other local commands where the running server's store answers. */
export const endpointFile = (dataDir: string) => join(dataDir, 'dynalite.endpoint');

/**
 * The whole deployment on one machine: dynalite in process, the table, the demo data on first
 * start, a local token issuer with a demo sign-in page, reports as files, and the same Hono app
 * as on Lambda.
 */
export async function startLocalRuntime(o: LocalRuntimeOptions) {
  const publicUrl = publicUrlOf(o.publicUrl);
  // A fresh clone has no .data/ yet: everything below writes into it.
  if (o.persist !== false) await mkdir(o.dataDir, { recursive: true });
  const owned = o.endpoint === undefined;
  const dynamo: LocalDynamo = owned
    ? await startDynalite(o.persist === false ? {} : { path: join(o.dataDir, 'dynamodb') })
    : { endpoint: o.endpoint as string, close: async () => {} };
  if (owned && o.persist !== false) await writeFile(endpointFile(o.dataDir), dynamo.endpoint);
  // The SDK's own timeouts: this one process serves every request (DYNAMO_TIMEOUTS, why).
  const { client, doc } = createDynamoClients({
    endpoint: dynamo.endpoint,
    timeouts: null,
    requestHandler: localServerRequestHandler(o.logger),
  });
  const tableName = o.tableName ?? 'apel';
  await ensureTable(client, tableName);
  const clock = o.clock ?? systemClock;
  const stores = createStores(doc, tableName, clock);
  // A new store is a new deployment: its first settings record its first day (no report before).
  const fresh = !(await stores.settings.hasSettings());
  if (fresh) await stores.settings.bootstrap(DEFAULT_SETTINGS, o.deployedAt ?? clock.now());
  const seeded = o.seedDemo !== false && fresh;
  if (seeded) {
    await stores.sites.put(DEMO_SITE);
    // Locally a batch is fine and five times faster; deployed, the API never batch-writes.
    await stores.table.batchPut(demoRoster().flatMap((e) => [employeeItem(e), ...wordItems(e)]));
  }
  const issuer = await localIssuer(o.dataDir);
  const verify = localVerifier(issuer.jwks);
  const publisher = o.publisher ?? new FilePublisher(o.dataDir, o.logger);
  const app = createApp({
    // Large rosters' reports in the background, as the report function builds them on AWS.
    reports: {
      runner: inProcessRunner({ stores, publisher, clock }, o.logger),
      ...(o.reportInlineLimit === undefined ? {} : { inlineLimit: o.reportInlineLimit }),
    },
    stores,
    publisher,
    clock,
    // Locally a correction republishes at once, inside the request that made it.
    republisher: inlineRepublisher({ stores, publisher, clock }, o.logger),
    verify,
    logger: o.logger,
    version: 'local',
    web: localSignInConfig(LOCAL_AUDIENCE),
    ...(o.tiles ? { tiles: o.tiles } : {}),
  });
  // The demo sign-in exists only here: on AWS the page signs in with Cognito.
  app.route(
    LOCAL_SIGN_IN_PATH,
    localSignInRoutes({
      issuer,
      clientId: LOCAL_AUDIENCE,
      people: demoPeople(),
      roster: stores.roster,
      publicUrl,
    }),
  );
  return {
    app,
    stores,
    publisher,
    clock,
    issuer,
    verify,
    endpoint: dynamo.endpoint,
    tableName,
    seeded,
    async close() {
      client.destroy();
      if (owned) {
        await dynamo.close();
        if (o.persist !== false) await rm(endpointFile(o.dataDir), { force: true });
      }
    },
  };
}

export type LocalRuntime = Awaited<ReturnType<typeof startLocalRuntime>>;
