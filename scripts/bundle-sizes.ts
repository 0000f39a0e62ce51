import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGE_ASSETS } from '../functions/http/pages/assets.generated';
import { BUILT } from './build-pages';

/**
 * The pages' bundles as served (functions/http/pages/built/, built by
 * `npm run build:pages`): bytes minified and gzipped (level 9, as a CDN would). The console's
 * budget is 150 KB gzip before the map; the map (Leaflet + leaflet-geoman) loads on the grounds
 * screen only. BENCHMARKS.md quotes this table.
 *
 *   node_modules/.bin/tsx scripts/bundle-sizes.ts
 */
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const size = (name: keyof typeof PAGE_ASSETS) => {
  const body = readFileSync(join(BUILT, PAGE_ASSETS[name].file));
  return { name, min: Buffer.byteLength(body), gz: gzipSync(body, { level: 9 }).length };
};

const groups = [
  ['check-in page', ['checkin.js', 'style.css']],
  ['console, every screen (before the map)', ['console.js', 'console.css']],
  ['grounds map, on the grounds screen only', ['grounds-map.js', 'grounds-map.css']],
] as const;

const lines = ['| bundle | file | minified | gzip |', '|---|---|---|---|'];
for (const [what, names] of groups) {
  for (const n of names) {
    const s = size(n);
    lines.push(`| ${what} | ${n} | ${kb(s.min)} | ${kb(s.gz)} |`);
  }
}
const js = size('console.js').gz;
lines.push('', `console JS before the map: ${kb(js)} gzip of the 150 KB budget`);
process.stdout.write(`${lines.join('\n')}\n`);
