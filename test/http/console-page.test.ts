import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv, TileEnvSchema, TileUrl } from '../../functions/adapters/config';
import { silentLogger } from '../../functions/adapters/logger';
import { createApp } from '../../functions/http/app';
import { PAGE_ASSETS } from '../../functions/http/pages/assets.generated';
import { mapTiles, tileSource } from '../../functions/http/pages/map-tiles';
import { BUILT } from '../../scripts/build-pages';
import { testRuntime } from '../support/app';
import { csp } from '../support/csp';
import { FakeClock } from '../support/memory-store';

const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
let rt: Awaited<ReturnType<typeof testRuntime>>;

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 1 });
});
afterAll(() => rt.close());

describe('GET /admin (the staff console)', () => {
  it.each(['/admin', '/admin/', '/admin/settings', '/admin/holidays'])(
    '%s is the console document, Indonesian, its own script and stylesheet, nothing inline',
    async (path) => {
      const r = await rt.call('GET', path);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/html/);
      expect(r.headers.get('cache-control')).toBe('no-cache');
      expect(r.text).toMatch(/^<!doctype html>\s*<html lang="id">/);
      expect(r.text).toContain('<title>Konsol apel</title>');
      expect(r.text).toContain(`src="/assets/${PAGE_ASSETS['console.js'].file}"`);
      expect(r.text).toContain(`href="/assets/${PAGE_ASSETS['console.css'].file}"`);
      expect(r.text).not.toContain(PAGE_ASSETS['checkin.js'].file);
      // The map bundle is named, for the grounds screen to fetch; no element loads it here.
      expect(r.text).toContain(`data-map-script="/assets/${PAGE_ASSETS['grounds-map.js'].file}"`);
      expect(r.text).toContain(`data-map-style="/assets/${PAGE_ASSETS['grounds-map.css'].file}"`);
      expect(r.text).not.toMatch(/<(script|link)[^>]*grounds-map/);
      expect(r.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(r.text).not.toMatch(/\sstyle=|<style/);
    },
  );

  it('carries the same security headers as the check-in page, the map’s tile host alone added', async () => {
    const [page, admin] = await Promise.all([rt.call('GET', '/'), rt.call('GET', '/admin')]);
    expect(csp(admin.headers)).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'frame-ancestors': "'none'",
    });
    expect(admin.headers.get('content-security-policy')).not.toContain('unsafe');
    const [a, b] = [csp(admin.headers), csp(page.headers)];
    expect(a['img-src']).toBe(`${b['img-src']} https://tile.openstreetmap.org`);
    expect({ ...a, 'img-src': '' }).toEqual({ ...b, 'img-src': '' });
    for (const h of [
      'referrer-policy',
      'x-frame-options',
      'x-content-type-options',
      'strict-transport-security',
    ]) {
      expect(admin.headers.get(h), h).toBe(page.headers.get(h));
    }
    // The check-in page may use the camera (it scans the ground's code); the console may not.
    expect(admin.headers.get('permissions-policy')).toBe(
      page.headers.get('permissions-policy')?.replace('camera=(self)', 'camera=()'),
    );
  });

  it('is not in the OpenAPI document (a page, not an API route)', async () => {
    const doc = (await rt.call('GET', '/v1/openapi.json')).json;
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/admin'))).toEqual([]);
  });

  it('does not swallow what is not under /admin', async () => {
    expect((await rt.call('GET', '/administrator')).status).toBe(404);
  });
});

describe('a deployment’s own tiles (TILE_URL)', () => {
  it('reach the page through /config.json, and their host (subdomains too) alone into img-src', async () => {
    const app = createApp({
      stores: rt.stores,
      publisher: rt.publisher,
      clock,
      verify: rt.verify,
      logger: silentLogger,
      tiles: mapTiles(
        'https://{s}.tiles.pemkomedan.go.id/osm/{z}/{x}/{y}.png',
        'Peta © Pemko Medan',
      ),
    });
    const cfg = (await (await app.request('/config.json')).json()) as { map: unknown };
    expect(cfg.map).toEqual({
      tileUrl: 'https://{s}.tiles.pemkomedan.go.id/osm/{z}/{x}/{y}.png',
      attribution: 'Peta © Pemko Medan',
    });
    const img = csp((await app.request('/admin/grounds')).headers)['img-src'];
    expect(img).toBe("'self' data: https://*.tiles.pemkomedan.go.id");
    expect(csp((await app.request('/')).headers)['img-src']).toBe("'self' data:");
  });

  it('a custom URL without attribution shows none; the default keeps OpenStreetMap’s', () => {
    expect(mapTiles('http://localhost:8080/{z}/{x}/{y}.png').attribution).toBe('');
    expect(mapTiles(undefined).attribution).toContain('OpenStreetMap');
    expect(tileSource('http://localhost:8080/{z}/{x}/{y}.png')).toBe('http://localhost:8080');
  });

  it('TILE_URL is checked at start: http(s), one host, {z} {x} {y}', () => {
    const ok = (u: string) => v.safeParse(TileUrl, u).success;
    expect(ok('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(true);
    expect(ok('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe(true);
    expect(ok('https://tile.example.org/tiles.png')).toBe(false);
    expect(ok('javascript:alert(1)//{z}/{x}/{y}')).toBe(false);
    expect(ok("https://a.org/{z}/{x}/{y}' onerror")).toBe(false);
    expect(() =>
      readEnv(TileEnvSchema, { TILE_URL: 'ftp://tiles.example.org/{z}/{x}/{y}.png' }),
    ).toThrow(/TILE_URL: must be an http\(s\) URL template/);
  });
});

describe('the console script', () => {
  it('is served, and stays under the 150 KB gzip budget', async () => {
    const { gzipSync } = await import('node:zlib');
    const r = await rt.call('GET', `/assets/${PAGE_ASSETS['console.js'].file}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(gzipSync(r.text).length).toBeLessThan(150 * 1024);
  });

  it('holds no map code: Leaflet and geoman are the grounds map’s own bundle, served beside it', async () => {
    const { gzipSync } = await import('node:zlib');
    const console = readFileSync(join(BUILT, PAGE_ASSETS['console.js'].file), 'utf8');
    expect(console).not.toMatch(/leaflet-geoman|leaflet-container/);
    const [js, css] = await Promise.all([
      rt.call('GET', `/assets/${PAGE_ASSETS['grounds-map.js'].file}`),
      rt.call('GET', `/assets/${PAGE_ASSETS['grounds-map.css'].file}`),
    ]);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.text).toContain('leaflet-container');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    // Leaflet's own images are inside its stylesheet: no image request to any other place.
    expect(css.text).toMatch(/\.leaflet-control-layers-toggle\{[^}]*url\(data:image\/png;base64,/);
    expect(css.text).not.toMatch(/url\(["']?(https?:|\/\/|images\/)/);
    // What the map costs, on the one screen that loads it (BENCHMARKS.md).
    expect(gzipSync(js.text).length).toBeLessThan(160 * 1024);
  });
});
