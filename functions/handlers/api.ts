import { Hono } from 'hono';
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { awsAdapters } from '../adapters/aws';
import { ApiEnvSchema, readEnv, verifierOptions } from '../adapters/config';
import { createVerifier } from '../adapters/jwt';
import { lambdaRepublisher, tickOnlyRepublisher } from '../adapters/lambda-republisher';
import { createLogger } from '../adapters/logger';
import { createMetrics } from '../adapters/metrics';
import { lambdaRunner } from '../adapters/report-runner';
import { ValidationFailed } from '../core/errors';
import { SERVICE } from '../core/metrics';
import { systemClock } from '../core/ports';
import { createApp } from '../http/app';
import type { AppEnv } from '../http/env';
import { errorHandler } from '../http/errors';
import { mapTiles } from '../http/pages/map-tiles';
import { isCanonicalPath } from './path-guard';

// Created once per execution environment, reused by every invocation.
const env = readEnv(ApiEnvSchema, process.env);
const { stores, publisher } = awsAdapters(env);
const verify = createVerifier(verifierOptions(env));
const logger = createLogger('apel-api');
const metrics = createMetrics(SERVICE.api);

export const app = createApp({
  stores,
  publisher,
  clock: systemClock,
  verify,
  logger,
  metrics,
  version: process.env.APP_VERSION ?? 'dev',
  tiles: mapTiles(env.TILE_URL, env.TILE_ATTRIBUTION),
  republisher: env.REPORT_FUNCTION_NAME
    ? lambdaRepublisher({
        functionName: env.REPORT_FUNCTION_NAME,
        region: env.AWS_REGION,
        endpoint: env.LAMBDA_ENDPOINT,
      })
    : tickOnlyRepublisher(logger),
  // Large rosters' reports are built by the report function (core/report-jobs.ts).
  ...(env.REPORT_FUNCTION_NAME
    ? {
        reports: {
          runner: lambdaRunner({
            functionName: env.REPORT_FUNCTION_NAME,
            region: env.AWS_REGION,
            endpoint: env.LAMBDA_ENDPOINT,
          }),
        },
      }
    : {}),
  ...(env.WEB_CLIENT_ID && env.OIDC_AUTHORIZE_URL && env.OIDC_TOKEN_URL
    ? {
        web: {
          clientId: env.WEB_CLIENT_ID,
          authorizeUrl: env.OIDC_AUTHORIZE_URL,
          tokenUrl: env.OIDC_TOKEN_URL,
          // The page checks the ID token's issuer and signature; the API's issuer by default.
          issuer: env.OIDC_ISSUER ?? env.JWT_ISSUER,
          jwksUrl: (env.OIDC_JWKS_URL ?? env.JWT_JWKS_URL) as string,
          scopes: env.OIDC_SCOPES,
          ...(env.OIDC_LOGOUT_URL ? { logoutUrl: env.OIDC_LOGOUT_URL } : {}),
          ...(env.WEB_REDIRECT_URI ? { redirectUri: env.WEB_REDIRECT_URI } : {}),
        },
      }
    : {}),
});

/** Answers a path the gateway and the app would read differently (./path-guard.ts). */
const refuse = new Hono<AppEnv>()
  .all('*', () => {
    throw new ValidationFailed('path not canonical', [
      { path: 'path', message: 'encoded dot segments, slashes or backslashes are not allowed' },
    ]);
  })
  .onError(errorHandler(logger));

const toApp = handle(app);
const toRefuse = handle(refuse);

/** API Gateway HTTP API (payload 2.0) → Hono; the invocation's metrics are written at its end. */
export async function handler(event: LambdaEvent, context: LambdaContext) {
  const rawPath = 'rawPath' in event ? event.rawPath : event.path;
  try {
    return await (isCanonicalPath(rawPath) ? toApp : toRefuse)(event, context);
  } finally {
    metrics.flush();
  }
}
