import type { BuildOptions } from 'esbuild';

/**
 * How a Lambda entry point is bundled: the options infra/constructs/apel-function.ts gives the
 * CDK's NodejsFunction (format CJS, target node24, minify, source map without the sources,
 * nothing external), as the esbuild options NodejsFunction turns them into. Kept in step with
 * that file by hand; the size table names them.
 */
export const LAMBDA_BUNDLE: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'error',
};

/** The function's NODE_OPTIONS on Lambda (apel-function.ts): source-mapped stack traces. */
export const LAMBDA_NODE_OPTIONS = '--enable-source-maps';

/** The Node 24 runtime ships AWS SDK v3: the alternative of not bundling it. */
export const SDK_EXTERNAL = ['@aws-sdk/*', '@smithy/*'];

/**
 * esbuild's default on platform node takes each package's CommonJS build ("main") first; the ES
 * module build ("module") first lets esbuild tree-shake the SDK. A proposal, measured beside the
 * options as deployed.
 */
export const MODULE_FIRST = ['module', 'main'];
