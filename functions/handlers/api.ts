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
});

/** API Gateway HTTP API (payload 2.0) → Hono. */
export const handler = handle(app);
