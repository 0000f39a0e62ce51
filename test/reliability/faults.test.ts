import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamo/client';
import { createStores } from '../../functions/adapters/dynamo/stores';
import { silentLogger } from '../../functions/adapters/logger';
import { createApp } from '../../functions/http/app';
import { DEMO_POINT } from '../../functions/local/demo';
import { type LocalDynamo, startDynalite } from '../../functions/local/dynalite';
import { testRuntime } from '../support/app';
import { always, type FaultyDynamo, startFaultyDynamo } from '../support/faulty-dynamo';
import { answerOf, expectErrorBody } from '../support/fuzz/oracle';
import { FakeClock } from '../support/memory-store';

const DATE = '2026-11-27';
const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z')); // Friday, 07:12 WIB
/** Short per-attempt limits, so that a hang costs the suite 1 s rather than 10. */
const SHORT = { connectionMs: 200, requestMs: 300 };

let dynamo: LocalDynamo;
let proxy: FaultyDynamo;
let rt: Awaited<ReturnType<typeof testRuntime>>;
/** The same table, reached directly: what is really stored, whatever the proxy does. */
let direct: ReturnType<typeof createStores>;
const closers: (() => void)[] = [];

beforeAll(async () => {
  dynamo = await startDynalite();
  proxy = await startFaultyDynamo(dynamo.endpoint);
  rt = await testRuntime(clock, { roster: 40, endpoint: proxy.endpoint });
  const doc = createDocumentClient({ endpoint: dynamo.endpoint });
  direct = createStores(doc, rt.tableName);
  closers.push(() => doc.destroy());
  proxy.reset();
});
afterEach(() => proxy.reset());
afterAll(async () => {
  for (const close of closers) close();
  await rt.close();
  await proxy.stop();
  await dynamo.close();
});

/**
 * The API as it runs on Lambda: the production DynamoDB client (retries, timeouts) pointed at
 * the faulty proxy. A fresh client each time, so that one test's retries do not use up the
 * next one's retry quota.
 */
function lambdaApp(opts: { timeouts?: typeof SHORT | 'default'; maxAttempts?: number } = {}) {
  const timeouts = opts.timeouts ?? SHORT;
  const doc = createDocumentClient({
    endpoint: proxy.endpoint,
    ...(timeouts === 'default' ? {} : { timeouts }),
    ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
  });
  closers.push(() => doc.destroy());
  const stores = createStores(doc, rt.tableName);
  return createApp({ ...rt, stores, logger: silentLogger });
}

async function checkIn(app: ReturnType<typeof lambdaApp>, employeeId: string) {
  const res = await app.request('/v1/checkins', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await rt.token(employeeId)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      lat: DEMO_POINT.lat,
      lon: DEMO_POINT.lon,
      accuracy: 8,
      capturedAt: clock.now().toISOString(),
    }),
  });
  return answerOf(res);
}

function expectUnavailable(a: Awaited<ReturnType<typeof checkIn>>) {
  expect(a.status, a.text).toBe(503);
  expectErrorBody(a);
  expect(a.json.error.code).toBe('STORE_UNAVAILABLE');
  expect(Number(a.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
}

const stored = (employeeId: string) => direct.checkins.employeeDay(employeeId, DATE);

describe('a failing DynamoDB answers 503 STORE_UNAVAILABLE with Retry-After', () => {
  it.each([
    ['throttled (ProvisionedThroughputExceededException)', 'throttle', 'demo-001'],
    ['throttled (ThrottlingException)', 'throttling', 'demo-002'],
    ['failing (500 InternalServerError)', 'internal', 'demo-003'],
    ['unavailable (503)', 'unavailable', 'demo-004'],
    ['dropping connections', 'reset', 'demo-005'],
    ['hung (no answer)', 'hang', 'demo-006'],
  ] as const)('%s: after the SDK’s three attempts', async (_, fault, employeeId) => {
    proxy.setRule(always(fault));
    const started = performance.now();
    const a = await checkIn(lambdaApp(), employeeId);
    const ms = performance.now() - started;
    expectUnavailable(a);
    // The first store call was tried three times, then given up; nothing was written.
    expect(proxy.seen.map((s) => s.op)).toEqual(['BatchGetItem', 'BatchGetItem', 'BatchGetItem']);
    // Three 300 ms attempts plus the SDK's backoff (up to 0.5 s and 1 s when throttled).
    expect(ms).toBeLessThan(3 * SHORT.requestMs + 1_500 + 1_000);
    proxy.reset();
    expect(await stored(employeeId)).toEqual({ checkin: null, attempts: [] });
  });

  it('admin routes too: GET /v1/settings is 503 with Retry-After, not a 500', async () => {
    proxy.setRule(always('internal'));
    const res = await lambdaApp().request('/v1/settings', {
      headers: { authorization: `Bearer ${await rt.token('bkd-admin', true)}` },
    });
    expectUnavailable(await answerOf(res));
  });

  it('a fault on one attempt is absorbed by the SDK’s retry: the check-in is 201', async () => {
    proxy.setRule(({ n }) => (n === 0 ? 'throttle' : null));
    const a = await checkIn(lambdaApp(), 'demo-007');
    expect(a.status).toBe(201);
    expect(proxy.seen[0]).toMatchObject({ op: 'BatchGetItem', fault: 'throttle' });
    expect(proxy.seen[1]).toMatchObject({ op: 'BatchGetItem', fault: null });
  });
});

describe('a hung DynamoDB never holds a check-in', () => {
  it('with the production time limits one attempt gives up after about 3 s: 503', async () => {
    proxy.setRule(always('hang'));
    const started = performance.now();
    const a = await checkIn(lambdaApp({ timeouts: 'default', maxAttempts: 1 }), 'demo-008');
    const ms = performance.now() - started;
    expectUnavailable(a);
    expect(ms).toBeGreaterThanOrEqual(2_900);
    expect(ms).toBeLessThan(5_000);
  });
});
