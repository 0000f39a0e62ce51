import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ASSETS } from '../../functions/http/pages/assets.generated';
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
      expect(r.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(r.text).not.toMatch(/\sstyle=|<style/);
    },
  );

  it('carries the same security headers as the check-in page', async () => {
    const [page, admin] = await Promise.all([rt.call('GET', '/'), rt.call('GET', '/admin')]);
    expect(csp(admin.headers)).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'frame-ancestors': "'none'",
    });
    expect(admin.headers.get('content-security-policy')).not.toContain('unsafe');
    for (const h of [
      'content-security-policy',
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

describe('the console script', () => {
  it('is served, and stays under the 150 KB gzip budget', async () => {
    const { gzipSync } = await import('node:zlib');
    const r = await rt.call('GET', `/assets/${PAGE_ASSETS['console.js'].file}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(gzipSync(r.text).length).toBeLessThan(150 * 1024);
  });
});
