import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { App } from 'aws-cdk-lib';
import { ApelStack } from './apel-stack';
import { readConfig } from './config';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** The handlers the stack bundles. */
export const ENTRIES = {
  api: root('functions/handlers/api.ts'),
  report: root('functions/handlers/daily-report.ts'),
  preToken: root('functions/handlers/pre-token-generation.ts'),
};

/**
 * Add the apel stack to an app, configured from the app's context. The stack is
 * environment-agnostic unless the CLI provides an account and region (CDK_DEFAULT_*): synth
 * needs no credentials and makes no lookups.
 */
export function createApelApp(app: App): ApelStack {
  const config = readConfig((key) => app.node.tryGetContext(key));
  const { version } = JSON.parse(readFileSync(root('package.json'), 'utf8')) as {
    version: string;
  };
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const region = process.env.CDK_DEFAULT_REGION;
  return new ApelStack(app, config.prefix, {
    description: 'apel: geofenced roll-call (apel) check-in for civil servants',
    env: account && region ? { account, region } : undefined,
    config,
    apiEntry: ENTRIES.api,
    reportEntry: ENTRIES.report,
    preTokenEntry: ENTRIES.preToken,
    version,
  });
}
