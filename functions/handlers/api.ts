import { handle } from 'hono/aws-lambda';
import { awsAdapters } from '../adapters/aws';
import { ApiEnvSchema, readEnv, verifierOptions } from '../adapters/config';
import { createVerifier } from '../adapters/jwt';
import { createLogger } from '../adapters/logger';
import { systemClock } from '../core/ports';
import { createApp } from '../http/app';

// Created once per execution environment, reused by every invocation.
const env = readEnv(ApiEnvSchema, process.env);
const { stores, publisher } = awsAdapters(env);
const verify = createVerifier(verifierOptions(env));

export const app = createApp({
  stores,
  publisher,
  clock: systemClock,
  verify,
  logger: createLogger('apel-api'),
  version: process.env.APP_VERSION ?? 'dev',
  ...(env.REPORT_SCHEDULE ? { schedule: env.REPORT_SCHEDULE } : {}),
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

/** API Gateway HTTP API (payload 2.0) → Hono. */
export const handler = handle(app);
