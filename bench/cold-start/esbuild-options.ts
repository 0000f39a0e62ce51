import type { BuildOptions } from 'esbuild';

/** The Node 24 runtime ships AWS SDK v3: the deployed bundles leave it out. */
export const SDK_EXTERNAL = ['@aws-sdk/*'];
/** Bundled beside the API's handler, not into it (ApelFunction's `sideModules`). */
export const SIDE_MODULES = ['exceljs', '@simplewebauthn/server'];

/**
 * esbuild's default on platform node takes each package's CommonJS build ("main") first; the ES
 * module build ("module") first lets esbuild tree-shake what is bundled.
 */
export const MODULE_FIRST = ['module', 'main'];

/**
 * How a Lambda entry point is bundled: the options infra/constructs/apel-function.ts gives the
 * CDK's NodejsFunction (format CJS, target node24, minify, source map without the sources, ES
 * module builds first, the SDK left to the runtime), as the esbuild options NodejsFunction turns
 * them into. Kept in step with that file by hand; the size table names them.
 */
export const LAMBDA_BUNDLE: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  mainFields: MODULE_FIRST,
  external: [...SDK_EXTERNAL, ...SIDE_MODULES],
  logLevel: 'error',
};

/** The function's NODE_OPTIONS on Lambda (apel-function.ts): source-mapped stack traces. */
export const LAMBDA_NODE_OPTIONS = '--enable-source-maps';
