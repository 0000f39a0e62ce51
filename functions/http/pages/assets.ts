import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGE_ASSETS } from './assets.generated';

export type AssetName = keyof typeof PAGE_ASSETS;
type Asset = (typeof PAGE_ASSETS)[AssetName];

/**
 * The pages' scripts and stylesheets are files beside the code, not strings inside it
 * (`npm run build:pages` writes them to `built/` and their names into assets.generated.ts): the
 * API's import then parses none of their ~1 MB. From the sources (`npm start`, the tests) they
 * are `functions/http/pages/built/`; in the Lambda bundle, `built/` beside `index.js`, where the
 * API function's bundling copies them (infra/constructs/apel-function.ts, `sideFiles`). Each is
 * read on its first request and kept.
 */
export const BUILT_DIR = 'built';

const byFile = new Map<string, Asset>(Object.values(PAGE_ASSETS).map((a) => [a.file, a]));
const bodies = new Map<string, Promise<string>>();

/** The URL of an asset; its name carries a hash of its content, so it may be cached for ever. */
export function assetPath(name: AssetName): string {
  return `/assets/${PAGE_ASSETS[name].file}`;
}

export function assetByFile(file: string): Asset | undefined {
  return byFile.get(file);
}

/** The asset's bytes, read once per process (a failed read is dropped, to be tried again). */
export function assetBody(asset: Asset): Promise<string> {
  let body = bodies.get(asset.file);
  if (!body) {
    body = readFile(join(codeDir(), BUILT_DIR, asset.file), 'utf8');
    body.catch(() => bodies.delete(asset.file));
    bodies.set(asset.file, body);
  }
  return body;
}

/** This module's directory from the sources, the bundle's in the Lambda (CommonJS there). */
function codeDir(): string {
  return typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
}
