import { PAGE_ASSETS } from './assets.generated';

export type AssetName = keyof typeof PAGE_ASSETS;
type Asset = (typeof PAGE_ASSETS)[AssetName];

const byFile = new Map<string, Asset>(Object.values(PAGE_ASSETS).map((a) => [a.file, a]));

/** The URL of an asset; its name carries a hash of its content, so it may be cached for ever. */
export function assetPath(name: AssetName): string {
  return `/assets/${PAGE_ASSETS[name].file}`;
}

export function assetByFile(file: string): Asset | undefined {
  return byFile.get(file);
}
