import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../functions/core/settings';
import { DEMO_POINT } from '../../../functions/local/demo';
import { demoFix, testRuntime } from '../../support/app';
import { FakeClock } from '../../support/memory-store';
import { offset } from '../../support/shapes';

const FRIDAY_0712 = '2026-11-27T00:12:00.000Z';
const clock = new FakeClock(new Date(FRIDAY_0712));
let rt: Awaited<ReturnType<typeof testRuntime>>;

beforeAll(async () => {
  rt = await testRuntime(clock);
});
afterAll(() => rt.close());
beforeEach(() => clock.set(FRIDAY_0712));

const body = (over: Record<string, unknown> = {}) => demoFix(clock, over);

function expectError(r: { json: any }, code: string) {
  expect(r.json).toEqual({
    error: { code, message: expect.any(String), details: expect.any(Object) },
  });
}

describe('POST /v1/checkins', () => {
  it('201 for a new check-in, 200 with duplicate: true for the repeat', async () => {
    const first = await rt.call('POST', '/v1/checkins', { as: 'demo-001', body: body() });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({
      checkin: {
        employeeId: 'demo-001',
        date: '2026-11-27',
        rollCallId: 'pagi',
        status: 'on_time',
        siteId: 'balai-kota-medan',
        distanceToEdgeM: expect.any(Number),
        accuracyM: 8,
        flags: [],
        capturedAt: FRIDAY_0712,
        receivedAt: FRIDAY_0712,
      },
      duplicate: false,
    });
    clock.advance(30_000);
    const again = await rt.call('POST', '/v1/checkins', { as: 'demo-001', body: body() });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ ...first.json, duplicate: true });
  });

  it('takes the employee from the token, never from the body', async () => {
    const r = await rt.call('POST', '/v1/checkins', {
      as: 'demo-003',
      body: body({ employeeId: 'demo-004' }),
    });
    expect(r.status).toBe(201);
    expect(r.json.checkin.employeeId).toBe('demo-003');
  });

  it('422 OUTSIDE_GEOFENCE with the distance, in Indonesian by default and English on request', async () => {
    const [, lat] = offset(DEMO_POINT.lon, DEMO_POINT.lat, 0, 300);
    const r = await rt.call('POST', '/v1/checkins', { as: 'demo-002', body: body({ lat }) });
    expect(r.status).toBe(422);
    expectError(r, 'OUTSIDE_GEOFENCE');
    expect(r.json.error.details.distanceM).toBeGreaterThan(200);
    expect(r.json.error.message).toMatch(/^Anda berada [\d,]+ m di luar lapangan apel\.$/);
    const en = await rt.call('POST', '/v1/checkins', {
      as: 'demo-002',
      body: body({ lat }),
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json.error.message).toMatch(/^You are [\d.]+ m outside the apel ground\.$/);
  });

  it.each([
    ['a mock location', { mock: true }, 'MOCK_LOCATION'],
    ['poor accuracy', { accuracy: 120 }, 'ACCURACY_TOO_LOW'],
    ['a skewed device clock', { capturedAt: '2026-11-27T00:00:00Z' }, 'CLOCK_SKEW'],
  ])('422 for %s', async (_, over, code) => {
    const r = await rt.call('POST', '/v1/checkins', { as: 'demo-010', body: body(over) });
    expect(r.status).toBe(422);
    expectError(r, code);
  });

  it('422 when the window is closed or it is not a workday', async () => {
    clock.set('2026-11-27T01:05:00Z'); // 08:05 WIB
    expectError(
      await rt.call('POST', '/v1/checkins', { as: 'demo-011', body: body() }),
      'WINDOW_CLOSED',
    );
    clock.set('2026-11-29T00:12:00Z'); // Sunday
    const r = await rt.call('POST', '/v1/checkins', { as: 'demo-011', body: body() });
    expect(r.status).toBe(422);
    expectError(r, 'NOT_A_WORKDAY');
  });

  it('403 NOT_ON_ROSTER for a signed-in stranger', async () => {
    const r = await rt.call('POST', '/v1/checkins', { as: 'stranger', body: body() });
    expect(r.status).toBe(403);
    expectError(r, 'NOT_ON_ROSTER');
  });

  it.each([
    ['a string latitude', { lat: 'x' }, 'lat'],
    ['latitude 91', { lat: 91 }, 'lat'],
    ['a huge longitude', { lon: 1e308 }, 'lon'],
    ['zero accuracy', { accuracy: 0 }, 'accuracy'],
    ['a date without a zone', { capturedAt: '2026-11-27T07:12:00' }, 'capturedAt'],
    [
      'an hour-only offset Date cannot read',
      { capturedAt: '2026-11-27T07:12:00+07' },
      'capturedAt',
    ],
    ['mock as a string', { mock: 'yes' }, 'mock'],
  ])('400 VALIDATION_FAILED for %s, naming the field', async (_, over, field) => {
    const r = await rt.call('POST', '/v1/checkins', { as: 'demo-012', body: body(over) });
    expect(r.status).toBe(400);
    expectError(r, 'VALIDATION_FAILED');
    expect(r.json.error.details.issues.map((i: { path: string }) => i.path)).toContain(field);
  });

  it.each([
    ['malformed JSON', '{"lat":', {}],
    ['a JSON array', '[1,2]', {}],
    ['null', 'null', {}],
    ['a form body', 'lat=1', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no body', '', {}],
  ])('400 VALIDATION_FAILED for %s', async (_, raw, headers) => {
    const r = await rt.call('POST', '/v1/checkins', { as: 'demo-012', body: raw, headers });
    expect(r.status).toBe(400);
    expectError(r, 'VALIDATION_FAILED');
  });

  it('413 PAYLOAD_TOO_LARGE for a body over 16 KiB', async () => {
    const r = await rt.call('POST', '/v1/checkins', {
      as: 'demo-012',
      body: body({ deviceId: 'x'.repeat(20_000) }),
    });
    expect(r.status).toBe(413);
    expectError(r, 'PAYLOAD_TOO_LARGE');
  });

  it('401 without a token, with a garbage token, and with a tampered one', async () => {
    expectError(await rt.call('POST', '/v1/checkins', { body: body() }), 'UNAUTHORIZED');
    const garbage = await rt.call('POST', '/v1/checkins', {
      body: body(),
      headers: { authorization: 'Bearer abc' },
    });
    expect(garbage.status).toBe(401);
    const good = await rt.token('demo-013');
    const [h, p, s] = good.split('.');
    const payload = JSON.parse(Buffer.from(p as string, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: 'demo-014' })).toString(
      'base64url',
    );
    const tampered = await rt.call('POST', '/v1/checkins', {
      body: body(),
      headers: { authorization: `Bearer ${h}.${forged}.${s}` },
    });
    expect(tampered.status).toBe(401);
    expectError(tampered, 'UNAUTHORIZED'); // why it failed is logged, not answered (auth.test.ts)
  });
});

describe('GET /v1/checkins/me', () => {
  it('lists my check-in and attempts for today, and only mine', async () => {
    const [, lat] = offset(DEMO_POINT.lon, DEMO_POINT.lat, 0, 500);
    await rt.call('POST', '/v1/checkins', { as: 'demo-020', body: body({ lat }) });
    clock.advance(5_000);
    await rt.call('POST', '/v1/checkins', { as: 'demo-020', body: body() });
    await rt.call('POST', '/v1/checkins', { as: 'demo-021', body: body() });
    const r = await rt.call('GET', '/v1/checkins/me', { as: 'demo-020' });
    expect(r.status).toBe(200);
    expect(r.json.employeeId).toBe('demo-020');
    expect(r.json.date).toBe('2026-11-27');
    expect(r.json.checkin.employeeId).toBe('demo-020');
    expect(r.json.attempts.map((a: { outcome: string }) => a.outcome)).toEqual([
      'OUTSIDE_GEOFENCE',
      'accepted',
    ]);
  });

  it('answers an empty day and refuses a bad date', async () => {
    const r = await rt.call('GET', '/v1/checkins/me?date=2026-11-20', { as: 'demo-020' });
    expect(r.json).toEqual({
      employeeId: 'demo-020',
      date: '2026-11-20',
      checkin: null,
      checkins: [],
      attempts: [],
    });
    const bad = await rt.call('GET', '/v1/checkins/me?date=2026-02-30', { as: 'demo-020' });
    expect(bad.status).toBe(400);
    expectError(bad, 'VALIDATION_FAILED');
  });
});

describe('settings', () => {
  it('lets an admin read and replace them, validated, and the window moves at once', async () => {
    const admin = { as: 'bkd-admin', admin: true };
    expect((await rt.call('GET', '/v1/settings', admin)).json).toEqual(DEFAULT_SETTINGS);
    const bad = await rt.call('PUT', '/v1/settings', {
      ...admin,
      body: { ...DEFAULT_SETTINGS, timezone: 'Mars/Olympus' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.issues[0].path).toBe('timezone');
    const put = await rt.call('PUT', '/v1/settings', {
      ...admin,
      body: { ...DEFAULT_SETTINGS, closesAt: '09:00', reportAt: '09:30' },
    });
    expect(put.status).toBe(200);
    clock.set('2026-11-27T01:30:00Z'); // 08:30 WIB, now inside the longer window
    const r = await rt.call('POST', '/v1/checkins', { as: 'demo-030', body: body() });
    expect(r.status).toBe(201);
    expect(r.json.checkin.status).toBe('late');
    await rt.call('PUT', '/v1/settings', { ...admin, body: DEFAULT_SETTINGS });
  });

  it('takes a new report time, zone and workdays without a deploy: the tick reads them', async () => {
    // On AWS a tick publishes whatever is due, so nothing fixed at deploy time refuses these.
    const admin = { as: 'bkd-admin', admin: true } as const;
    const next = {
      ...DEFAULT_SETTINGS,
      timezone: 'Asia/Makassar',
      closesAt: '09:00',
      reportAt: '09:30',
      workdays: [6, 1, 2, 3, 4, 5],
    };
    const put = await rt.call('PUT', '/v1/settings', { ...admin, body: next });
    expect(put.status).toBe(200);
    const got = (await rt.call('GET', '/v1/settings', admin)).json;
    expect(got).toMatchObject({ timezone: 'Asia/Makassar', reportAt: '09:30', closesAt: '09:00' });
    expect([...got.workdays].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    await rt.call('PUT', '/v1/settings', { ...admin, body: DEFAULT_SETTINGS });
    expect((await rt.call('GET', '/v1/settings', admin)).json).toEqual(DEFAULT_SETTINGS);
  });

  it('403 FORBIDDEN for an employee', async () => {
    const r = await rt.call('GET', '/v1/settings', { as: 'demo-001' });
    expect(r.status).toBe(403);
    expectError(r, 'FORBIDDEN');
    const put = await rt.call('PUT', '/v1/settings', { as: 'demo-001', body: DEFAULT_SETTINGS });
    expect(put.status).toBe(403);
  });
});

describe('health, OpenAPI, unknown routes', () => {
  it('answers health without a token', async () => {
    const r = await rt.call('GET', '/v1/health');
    expect(r.status).toBe(200);
    expect(r.json.status).toBe('ok');
  });

  it('publishes OpenAPI 3.1 generated from the schemas', async () => {
    const r = await rt.call('GET', '/v1/openapi.json');
    expect(r.json.openapi).toBe('3.1.0');
    const post = r.json.paths['/v1/checkins'].post;
    const schema = post.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['lat', 'lon', 'accuracy', 'capturedAt']);
    expect(schema.properties.lat).toMatchObject({ type: 'number', minimum: -90, maximum: 90 });
    expect(Object.keys(post.responses)).toEqual(
      expect.arrayContaining(['200', '201', '400', '401', '403', '422']),
    );
    expect(r.json.paths['/v1/settings'].put.requestBody).toBeDefined();
  });

  it('404 NOT_FOUND in the error shape', async () => {
    const r = await rt.call('GET', '/v1/nothing-here');
    expect(r.status).toBe(404);
    expectError(r, 'NOT_FOUND');
  });
});
