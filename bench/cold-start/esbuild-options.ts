import type { BuildOptions } from 'esbuild';

/**
 * How a Lambda entry point is bundled: what the CDK's NodejsFunction runs with
 * `bundling: { format: ESM, target: 'node24', minify: true, mainFields: ['module', 'main'],
 * banner }` — tree-shaken ESM for the Node 24 runtime.
 *
 * `mainFields: ['module', 'main']` makes esbuild take each package's ES module build, which it
 * can tree-shake; esbuild's default on platform node takes the CommonJS build first and kept
 * ~200 KB more of the AWS SDK (the size table shows both).
 * The banner gives the ESM bundle a `require` for the CommonJS parts that call it on Node
 * built-ins.
 */
export const LAMBDA_BUNDLE: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  minify: true,
  treeShaking: true,
  mainFields: ['module', 'main'],
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'error',
};

/** The Node 24 Lambda runtime ships AWS SDK v3: the alternative of not bundling it. */
export const SDK_EXTERNAL = ['@aws-sdk/*', '@smithy/*'];
