import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ASSETS } from '../../functions/http/pages/assets.generated';
import { demoFix, testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
const lines: { message: string; attributes?: Record<string, unknown> }[] = [];
const logger = {
  info: (message: string, attributes?: Record<string, unknown>) =>
    lines.push({ message, ...(attributes ? { attributes } : {}) }),
  warn: () => {},
  error: () => {},
};
let rt: Awaited<ReturnType<typeof testRuntime>>;

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 3, logger });
});
afterAll(() => rt.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Cache-Control', () => {
  it('no-store on every /v1 answer: success, refusal, unknown path, CSV', async () => {
    const answers = [
      await rt.call('GET', '/v1/health'),
      await rt.call('GET', '/v1/openapi.json'),
      await rt.call('GET', '/v1/settings', { as: 'bkd-admin', admin: true }),
      await rt.call('GET', '/v1/reports/2026-11-27?format=csv', { as: 'bkd-admin', admin: true }),
      await rt.call('POST', '/v1/checkins', { as: 'demo-001', body: demoFix(clock) }),
      await rt.call('POST', '/v1/checkins', { as: 'demo-001', body: { lat: 'x' } }),
      await rt.call('GET', '/v1/settings'),
      await rt.call('GET', '/v1/no-such-thing'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 201, 400, 401, 404]);
    for (const a of answers) expect(a.headers.get('cache-control')).toBe('no-store');
  });

  it('leaves the page and its assets their own caching', async () => {
    expect((await rt.call('GET', '/')).headers.get('cache-control')).toBe('no-cache');
    const asset = await rt.call('GET', `/assets/${PAGE_ASSETS['checkin.js'].file}`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});

describe('X-Request-Id', () => {
  const idOf = async (sent?: string) => {
    const a = await rt.call(
      'GET',
      '/v1/health',
      sent === undefined ? {} : { headers: { 'x-request-id': sent } },
    );
    return a.headers.get('x-request-id');
  };

  it('keeps a plain id from the client, and logs under it', async () => {
    lines.length = 0;
    expect(await idOf('apigw-JKJaXmPLvHcESHA=')).toBe('apigw-JKJaXmPLvHcESHA=');
    expect(lines.find((l) => l.message === 'request')?.attributes?.requestId).toBe(
      'apigw-JKJaXmPLvHcESHA=',
    );
  });

  it('replaces a missing, long or unsafe one with a fresh UUID', async () => {
    for (const sent of [
      undefined,
      '',
      'x'.repeat(65),
      'evil" level="error',
      '<script>',
      'a b',
      '../../etc',
      '%0d%0ainjected',
    ]) {
      const id = await idOf(sent);
      expect(id, `sent ${sent}`).toMatch(UUID);
    }
  });
});

describe('the reader’s language', () => {
  const message = async (headers: Record<string, string>, query = '') =>
    (await rt.call('GET', `/v1/settings${query}`, { headers })).json.error.message as string;

  it('Indonesian by default, English on request; ?lang= wins over the header', async () => {
    const id = await message({});
    const en = await message({ 'accept-language': 'en-US,en;q=0.9' });
    expect(id).toMatch(/Silakan masuk/);
    expect(en).toMatch(/Please sign in/);
    expect(await message({ 'accept-language': 'en' }, '?lang=id')).toBe(id);
    expect(await message({}, '?lang=en')).toBe(en);
  });

  it('reads Accept-Language by quality, and takes the old code "in" for Indonesian', async () => {
    const id = await message({});
    expect(await message({ 'accept-language': 'en;q=0.2, id;q=0.9' })).toBe(id);
    expect(await message({ 'accept-language': 'in-ID' })).toBe(id);
    expect(await message({ 'accept-language': 'fr, en;q=0.5' })).toMatch(/Please sign in/);
    expect(await message({ 'accept-language': 'fr' })).toBe(id);
  });
});
