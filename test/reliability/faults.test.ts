import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient, DYNAMO_TIMEOUTS } from '../../functions/adapters/dynamo/client';
import { createStores } from '../../functions/adapters/dynamo/stores';
import { silentLogger } from '../../functions/adapters/logger';
import { createApp } from '../../functions/http/app';
import { DEMO_POINT } from '../../functions/local/demo';
import { type LocalDynamo, startDynalite } from '../../functions/local/dynalite';
import { answerOf } from '../support/answer';
import { testRuntime } from '../support/app';
import { always, type FaultyDynamo, on, startFaultyDynamo } from '../support/faulty-dynamo';
import { expectErrorBody } from '../support/fuzz/oracle';
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
 * The API as it runs on Lambda: the production DynamoDB client (its retries; its time limits,
 * shortened) pointed at the faulty proxy. A fresh client each time, so that one test's retries
 * do not use up the next one's retry quota.
 */
function lambdaApp() {
  const doc = createDocumentClient({ endpoint: proxy.endpoint, timeouts: SHORT });
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

const stored = async (employeeId: string) => {
  const { checkins: _all, ...day } = await direct.checkins.employeeDay(employeeId, DATE);
  return day;
};

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
    // The two first calls — the context read (BatchGetItem) and the rate limit's attempt counter
    // (UpdateItem), made side by side — were tried up to three times each, the first to give up
    // ending the request; nothing was written. (The other's retries may outlive the answer,
    // hence only this employee's requests are counted.)
    const mine = proxy.seen.filter((s) => s.body.includes(`EMP#${employeeId}"`)).map((s) => s.op);
    const tries = (op: string) => mine.filter((o) => o === op).length;
    expect(mine.filter((op) => op !== 'BatchGetItem' && op !== 'UpdateItem')).toEqual([]);
    expect(Math.max(tries('BatchGetItem'), tries('UpdateItem'))).toBe(3);
    expect(Math.min(tries('BatchGetItem'), tries('UpdateItem'))).toBeGreaterThanOrEqual(1);
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
    expect(proxy.seen[0]).toMatchObject({ fault: 'throttle' });
    expect(proxy.seen.slice(1).every((s) => s.fault === null)).toBe(true);
    expect(proxy.seen.filter((s) => s.op === 'PutItem').length).toBeGreaterThan(0);
  });
});

describe('a hung DynamoDB never holds a check-in', () => {
  it('the production client gives up connecting after 1 s and on an attempt after 3 s', async () => {
    // The hung case above runs these same settings with shorter numbers; here, the numbers.
    const doc = createDocumentClient({ endpoint: proxy.endpoint });
    closers.push(() => doc.destroy());
    await createStores(doc, rt.tableName).settings.getSettings(); // the handler resolves its config
    const handler = doc.config.requestHandler as unknown as {
      httpHandlerConfigs(): Record<string, unknown>;
    };
    expect(handler.httpHandlerConfigs()).toMatchObject({
      connectionTimeout: DYNAMO_TIMEOUTS.connectionMs,
      requestTimeout: DYNAMO_TIMEOUTS.requestMs,
      throwOnRequestTimeout: true,
    });
    expect(DYNAMO_TIMEOUTS).toEqual({ connectionMs: 1_000, requestMs: 3_000 });
    expect(await doc.config.maxAttempts()).toBe(3);
  });
});

describe('a client retrying after a fault: one check-in, stored once', () => {
  it('the check-in write fails: 503 and nothing stored; the retry is 201, later ones 200', async () => {
    const app = lambdaApp();
    proxy.setRule(on('#CHECKIN', 'internal'));
    expectUnavailable(await checkIn(app, 'demo-010'));
    expect(await stored('demo-010')).toEqual({ checkin: null, attempts: [] });
    proxy.reset();
    const first = await checkIn(app, 'demo-010');
    const again = await checkIn(app, 'demo-010');
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.json).toEqual({ ...first.json, duplicate: true });
    const day = await stored('demo-010');
    expect(day.checkin).toEqual(first.json.checkin);
    expect(day.attempts.map((t) => t.outcome)).toEqual(['accepted', 'accepted']);
    expect(
      (await direct.checkins.checkinsOn(DATE)).filter((c) => c.employeeId === 'demo-010'),
    ).toHaveLength(1);
  });

  it('the write lands but its answer is lost: the SDK’s retry finds it and returns it', async () => {
    const app = lambdaApp();
    let lost = 0;
    proxy.setRule((r) =>
      r.op === 'PutItem' && r.body.includes('#CHECKIN') && lost++ === 0 ? 'lost-answer' : null,
    );
    const a = await checkIn(app, 'demo-011');
    // The request's own write stood; its retry met it and answered with it (duplicate: true).
    expect(a.status).toBe(200);
    expect(a.json.checkin.employeeId).toBe('demo-011');
    const day = await stored('demo-011');
    expect(day.checkin).toEqual(a.json.checkin);
    expect(day.attempts).toHaveLength(1);
    const again = await checkIn(app, 'demo-011');
    expect(again.status).toBe(200);
    expect(again.json.checkin).toEqual(a.json.checkin);
  });

  it('every answer lost: 503, yet the check-in stood; the client’s retry gets 200 with it', async () => {
    const app = lambdaApp();
    proxy.setRule(on('#CHECKIN', 'lost-answer'));
    expectUnavailable(await checkIn(app, 'demo-012'));
    const landed = await stored('demo-012');
    expect(landed.checkin?.employeeId).toBe('demo-012');
    proxy.reset();
    const retry = await checkIn(app, 'demo-012');
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual({ checkin: landed.checkin, duplicate: true });
  });
});

describe('no partial records', () => {
  it.each([
    ['internal', 'demo-020'],
    ['reset', 'demo-021'],
    ['hang', 'demo-022'],
  ] as const)(
    'an accepted attempt is never stored without its check-in (check-in write: %s)',
    async (fault, employeeId) => {
      proxy.setRule(on('#CHECKIN', fault));
      expectUnavailable(await checkIn(lambdaApp(), employeeId));
      proxy.reset();
      expect(await stored(employeeId)).toEqual({ checkin: null, attempts: [] });
    },
  );

  it('the attempt write fails after the check-in stood: 503; the retry returns it and records the attempt', async () => {
    const app = lambdaApp();
    proxy.setRule(on('#ATTEMPT#', 'internal'));
    expectUnavailable(await checkIn(app, 'demo-030'));
    const between = await stored('demo-030');
    expect(between.checkin?.employeeId).toBe('demo-030');
    expect(between.attempts).toEqual([]);
    proxy.reset();
    const retry = await checkIn(app, 'demo-030');
    expect(retry.status).toBe(200);
    expect(retry.json.checkin).toEqual(between.checkin);
    expect((await stored('demo-030')).attempts.map((t) => t.outcome)).toEqual(['accepted']);
  });
});

describe('many-item writes: a fault may leave part written; the same request again completes it', () => {
  const admin = async () => ({ authorization: `Bearer ${await rt.token('bkd-admin', true)}` });

  it('roster import: 503 with some rows written; importing the file again finishes it', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `imp-${String(i).padStart(3, '0')}`);
    const csv = `NIP;Nama;Unit Kerja;Lapangan\n${ids.map((id) => `${id};Pegawai ${id};BKD;balai-kota-medan`).join('\n')}\n`;
    const post = async (app: ReturnType<typeof lambdaApp>) =>
      answerOf(
        await app.request('/v1/employees/import', {
          method: 'POST',
          headers: { ...(await admin()), 'content-type': 'text/csv' },
          body: csv,
        }),
      );
    // The write of imp-030 fails on every attempt (the API writes one PutItem per item: its
    // role may not BatchWriteItem, which could also delete).
    proxy.setRule(on('imp-030', 'internal'));
    expectUnavailable(await post(lambdaApp()));
    proxy.reset();
    const written = await direct.roster.getMany(ids);
    expect(written.size).toBeGreaterThan(0);
    expect(written.size).toBeLessThan(ids.length);
    const retry = await post(lambdaApp());
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual({
      total: 60,
      created: 60 - written.size,
      updated: 0,
      unchanged: written.size,
    });
    expect((await direct.roster.getMany(ids)).size).toBe(60);
  });

  it('excuse over 40 days: 503 with days missing; posting it again covers every day', async () => {
    const body = { employeeId: 'demo-031', from: '2027-01-01', to: '2027-02-09', kind: 'leave' };
    const post = async () =>
      answerOf(
        await lambdaApp().request('/v1/excuses', {
          method: 'POST',
          headers: { ...(await admin()), 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    const days = async () => {
      let covered = 0;
      for (let d = 0; d < 40; d++) {
        const date = new Date(Date.UTC(2027, 0, 1 + d)).toISOString().slice(0, 10);
        if ((await direct.excuses.on(date)).some((x) => x.employeeId === 'demo-031')) covered++;
      }
      return covered;
    };
    proxy.setRule(on('EXCUSES#2027-02-05', 'internal'));
    expectUnavailable(await post());
    proxy.reset();
    expect(await days()).toBeLessThan(40);
    expect([200, 201]).toContain((await post()).status);
    expect(await days()).toBe(40);
  });
});
