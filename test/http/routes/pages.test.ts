import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../functions/adapters/logger';
import { Unauthorized } from '../../../functions/core/errors';
import { DEFAULT_SETTINGS } from '../../../functions/core/settings';
import { createApp } from '../../../functions/http/app';
import { PAGE_ASSETS } from '../../../functions/http/pages/assets.generated';
import { BUILT, buildPageAssets } from '../../../scripts/build-pages';
import { testRuntime } from '../../support/app';
import { csp } from '../../support/csp';
import { FakeClock } from '../../support/memory-store';

const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
let rt: Awaited<ReturnType<typeof testRuntime>>;

beforeAll(async () => {
  rt = await testRuntime(clock);
});
afterAll(() => rt.close());

describe('GET / (the check-in page)', () => {
  it('is Indonesian HTML with the hashed script and stylesheet, nothing inline', async () => {
    const r = await rt.call('GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.text).toMatch(/^<!doctype html>\s*<html lang="id">/);
    expect(r.text).toContain('<title>Absen Apel</title>');
    expect(r.text).toContain(`src="/assets/${PAGE_ASSETS['checkin.js'].file}"`);
    expect(r.text).toContain(`href="/assets/${PAGE_ASSETS['style.css'].file}"`);
    expect(r.text).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1">/);
    expect(r.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(r.text).not.toMatch(/\sstyle=|<style/); // no inline style
    expect(r.text).toMatch(/id="status" role="status" aria-live="polite"/);
  });

  it('carries the page security headers: a CSP without unsafe-inline, no framing, no referrer', async () => {
    const r = await rt.call('GET', '/');
    const policy = csp(r.headers);
    expect(policy).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'connect-src': "'self'",
      'frame-ancestors': "'none'",
      'base-uri': "'none'",
    });
    expect(r.headers.get('content-security-policy')).not.toContain('unsafe');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('permissions-policy')).toContain('geolocation=(self)');
  });

  it('leaves the API responses alone', async () => {
    const r = await rt.call('GET', '/v1/health');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBeNull();
  });
});

describe('GET /assets/:file', () => {
  it('serves each asset with its type, cached for ever under its hashed name', async () => {
    for (const asset of Object.values(PAGE_ASSETS)) {
      const r = await rt.call('GET', `/assets/${asset.file}`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe(asset.type);
      expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.text).toBe(readFileSync(join(BUILT, asset.file), 'utf8'));
    }
  });

  it('404 in the error shape for anything else', async () => {
    const r = await rt.call('GET', '/assets/checkin.0000.js');
    expect(r.status).toBe(404);
    expect(r.json.error).toMatchObject({ code: 'NOT_FOUND', details: { what: 'asset' } });
  });

  it('match their sources (run `npm run build:pages` after editing the pages)', async () => {
    const built = await buildPageAssets();
    expect(Object.fromEntries(built.map(({ name, file, type }) => [name, { file, type }]))).toEqual(
      PAGE_ASSETS,
    );
    // Each body is a file of its own beside the code, and nothing else is there.
    for (const a of built) expect(readFileSync(join(BUILT, a.file), 'utf8')).toBe(a.body);
    expect(readdirSync(BUILT).sort()).toEqual(built.map((a) => a.file).sort());
  });
});

describe('GET /config.json', () => {
  it('gives the sign-in endpoints and the rules the page checks before sending', async () => {
    const r = await rt.call('GET', '/config.json');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      signIn: {
        authorizeUrl: '/local-issuer/authorize',
        tokenUrl: '/local-issuer/token',
        issuer: 'http://localhost/apel-local-issuer',
        jwksUrl: '/local-issuer/jwks.json',
        clientId: 'apel-local',
        scopes: ['openid'],
      },
      rules: {
        timezone: 'Asia/Jakarta',
        opensAt: '06:30',
        startsAt: '07:30',
        closesAt: '08:00',
        maxAccuracyM: 50,
        maxClockSkewS: 120,
      },
      // The console map's base tiles: OpenStreetMap's unless the deployment names its own.
      map: {
        tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
        attribution:
          '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
      },
    });
  });

  it('follows the settings at once', async () => {
    const settings = { ...DEFAULT_SETTINGS, timezone: 'Asia/Makassar', maxAccuracyM: 35 };
    const put = await rt.call('PUT', '/v1/settings', { as: 'bkd', admin: true, body: settings });
    expect(put.status).toBe(200);
    const r = await rt.call('GET', '/config.json');
    expect(r.json.rules).toMatchObject({ timezone: 'Asia/Makassar', maxAccuracyM: 35 });
    await rt.call('PUT', '/v1/settings', { as: 'bkd', admin: true, body: DEFAULT_SETTINGS });
  });

  it('says signIn: null where no web client is configured, and allows Cognito’s token endpoint and keys only', async () => {
    const verify = async () => {
      throw new Unauthorized('unused');
    };
    const deps = {
      stores: rt.stores,
      publisher: rt.publisher,
      clock,
      verify,
      logger: silentLogger,
    };
    const bare = createApp(deps);
    expect((await (await bare.request('/config.json')).json()).signIn).toBeNull();

    const cognito = 'https://apel.auth.ap-southeast-3.amazoncognito.com';
    const idp = 'https://cognito-idp.ap-southeast-3.amazonaws.com';
    const app = createApp({
      ...deps,
      web: {
        clientId: 'c1',
        authorizeUrl: `${cognito}/oauth2/authorize`,
        tokenUrl: `${cognito}/oauth2/token`,
        issuer: `${idp}/ap-southeast-3_abc`,
        jwksUrl: `${idp}/ap-southeast-3_abc/.well-known/jwks.json`,
        scopes: ['openid'],
      },
    });
    const page = await app.request('/');
    expect(csp(page.headers)['connect-src']).toBe(`'self' ${cognito} ${idp}`);
  });

  it('is in the OpenAPI document; the page, its assets and the local sign-in are not', async () => {
    const paths = Object.keys((await rt.call('GET', '/v1/openapi.json')).json.paths);
    expect(paths).toContain('/config.json');
    expect(paths.filter((p) => p === '/' || /^\/(assets|local-issuer)\//.test(p))).toEqual([]);
  });
});
