import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamo/client';
import { createStores } from '../../functions/adapters/dynamo/stores';
import { silentLogger } from '../../functions/adapters/logger';
import { AuthUnavailable } from '../../functions/core/errors';
import { runJob } from '../../functions/core/report-jobs';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { createApp, MAX_BODY_BYTES, MAX_SITE_BYTES } from '../../functions/http/app';
import { MAX_IMPORT_BYTES } from '../../functions/http/routes/employees';
import { DEMO_POINT, DEMO_SITE } from '../../functions/local/demo';
import { type LocalDynamo, startDynalite } from '../../functions/local/dynalite';
import { type Answer, answerOf } from '../support/answer';
import { testRuntime } from '../support/app';
import { always, type FaultyDynamo, startFaultyDynamo } from '../support/faulty-dynamo';
import { FakeClock } from '../support/memory-store';
import { APEL_SORE_BODY } from '../support/rollcalls';
import { endpointsOf } from '../support/routes';
import { SoftAuthenticator } from '../support/soft-authenticator';
import { checkin } from '../support/store-contract';

/**
 * Every route, asked for each answer it can give, and every answer held to the document the app
 * serves: the status must be declared for the operation, the content type declared for that
 * status, the JSON body valid against the declared schema, the declared headers present. At the
 * end, every declared status (but 500) must have been seen: the document claims nothing the
 * code does not do, and the code answers nothing the document does not say.
 */

const FRIDAY_0712 = '2026-11-27T00:12:00.000Z';
const FRIDAY_0805 = '2026-11-27T01:05:00.000Z'; // after check-in closes at 08:00 WIB
const DATE = '2026-11-27';
const clock = new FakeClock(new Date(FRIDAY_0712));

let dynamo: LocalDynamo;
let proxy: FaultyDynamo;
let rt: Awaited<ReturnType<typeof testRuntime>>;
let doc: any;
const ajv = new Ajv2020({ strict: false, allErrors: true });
const compiled = new WeakMap<object, ValidateFunction>();
/** "METHOD /template STATUS" of every answer checked. */
const seen = new Set<string>();
const closers: (() => void)[] = [];

beforeAll(async () => {
  dynamo = await startDynalite();
  proxy = await startFaultyDynamo(dynamo.endpoint);
  rt = await testRuntime(clock, { roster: 5, endpoint: proxy.endpoint });
  doc = (await rt.call('GET', '/v1/openapi.json')).json;
});
afterAll(async () => {
  for (const close of closers) close();
  await rt.close();
  await proxy.stop();
  await dynamo.close();
});

/** OpenAPI's `/v1/sites/{siteId}` for Hono's `/v1/sites/:siteId`. */
const template = (honoPath: string) => honoPath.replace(/:(\w+)/g, '{$1}');

function conforms(method: string, path: string, a: Answer) {
  const where = `${method} ${path} → ${a.status}`;
  const op = doc.paths[path]?.[method.toLowerCase()];
  expect(op, `${method} ${path} is not in the document`).toBeDefined();
  const declared = op.responses[String(a.status)];
  expect(declared, `${where} is not declared: ${a.text.slice(0, 300)}`).toBeDefined();
  const type = (a.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  const media = declared.content?.[type];
  expect(
    media,
    `${where} answered ${type}; declared ${Object.keys(declared.content ?? {})}`,
  ).toBeDefined();
  if (type === 'application/json') {
    let validate = compiled.get(media.schema);
    if (!validate) {
      validate = ajv.compile(media.schema);
      compiled.set(media.schema, validate);
    }
    expect(
      validate(a.json),
      `${where}: ${ajv.errorsText(validate.errors)}\n${a.text.slice(0, 500)}`,
    ).toBe(true);
  } else {
    expect(media.schema?.type, `${where}: a ${type} body is a string`).toBe('string');
  }
  for (const name of Object.keys(declared.headers ?? {})) {
    expect(a.headers.get(name), `${where} lacks the declared header ${name}`).not.toBeNull();
  }
  seen.add(`${method} ${path} ${a.status}`);
}

interface Ask {
  as?: string;
  admin?: boolean;
  body?: unknown;
  headers?: Record<string, string>;
  app?: { request: (p: string, init: RequestInit) => Response | Promise<Response> };
}

/** Send one request, expect `status`, and hold the answer to the document. */
async function ask(status: number, method: string, path: string, url: string, o: Ask = {}) {
  let a: Answer;
  if (o.app) {
    const headers: Record<string, string> = { ...o.headers };
    if (o.as) headers.authorization = `Bearer ${await rt.token(o.as, o.admin)}`;
    a = await answerOf(await o.app.request(url, { method, headers }));
  } else {
    a = await rt.call(method, url, {
      ...(o.as === undefined ? {} : { as: o.as }),
      ...(o.admin === undefined ? {} : { admin: o.admin }),
      ...(o.body === undefined ? {} : { body: o.body }),
      ...(o.headers === undefined ? {} : { headers: o.headers }),
    });
  }
  expect(a.status, `${method} ${url}: ${a.text.slice(0, 300)}`).toBe(status);
  conforms(method, path, a);
  return a;
}

const admin = { as: 'bkd-admin', admin: true } as const;
const fix = (over: Record<string, unknown> = {}) => ({
  lat: DEMO_POINT.lat,
  lon: DEMO_POINT.lon,
  accuracy: 8,
  capturedAt: clock.now().toISOString(),
  ...over,
});
const square = (lon: number, lat: number, d = 0.001) => ({
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ],
    ],
  },
  properties: { name: 'Lapangan Merdeka' },
});
const employee = {
  name: 'Rina Siregar',
  unit: 'Dinas Kesehatan',
  siteIds: [DEMO_SITE.siteId],
  active: true,
};
const excuse = { employeeId: 'demo-002', from: DATE, to: DATE, kind: 'sick' };
const csv = `NIP;Nama;Unit kerja;Lapangan;Aktif\n199001012020011001;Andi;Dinas Pendidikan;${DEMO_SITE.siteId};Aktif\n`;

/** A valid request of every documented operation: what the generic refusals are tried on. */
const phone = new SoftAuthenticator('localhost', 'http://localhost');
const registration = phone.register('bm90LW1hZGU');

const REQUESTS: Record<string, { url: string; body?: unknown; type?: string }> = {
  'GET /v1/health': { url: '/v1/health' },
  'GET /v1/openapi.json': { url: '/v1/openapi.json' },
  'POST /v1/checkins': { url: '/v1/checkins', body: fix() },
  'GET /v1/checkins/me': { url: '/v1/checkins/me' },
  'GET /v1/settings': { url: '/v1/settings' },
  'PUT /v1/settings': { url: '/v1/settings', body: DEFAULT_SETTINGS },
  'GET /v1/sites': { url: '/v1/sites' },
  'GET /v1/sites/{siteId}': { url: `/v1/sites/${DEMO_SITE.siteId}` },
  'PUT /v1/sites/{siteId}': { url: '/v1/sites/merdeka', body: square(98.67, 3.59) },
  'DELETE /v1/sites/{siteId}': { url: '/v1/sites/merdeka' },
  'GET /v1/employees': { url: '/v1/employees' },
  'POST /v1/employees/import': { url: '/v1/employees/import', body: csv, type: 'text/csv' },
  'GET /v1/employees/{employeeId}': { url: '/v1/employees/demo-001' },
  'PUT /v1/employees/{employeeId}': { url: '/v1/employees/19900101', body: employee },
  'PATCH /v1/employees/{employeeId}': { url: '/v1/employees/19900101', body: { unit: 'BKD' } },
  'DELETE /v1/employees/{employeeId}': { url: '/v1/employees/19900101' },
  'GET /v1/units': { url: '/v1/units' },
  'POST /v1/excuses': { url: '/v1/excuses', body: excuse },
  'GET /v1/excuses': { url: `/v1/excuses?date=${DATE}` },
  'DELETE /v1/excuses/{id}': { url: '/v1/excuses/0123456789abcdef0123' },
  'GET /v1/attendance/{date}/{rollCallId}': { url: `/v1/attendance/${DATE}/pagi` },
  'PUT /v1/attendance/{date}/{rollCallId}/{employeeId}': {
    url: `/v1/attendance/${DATE}/pagi/demo-005`,
    body: { status: 'on_time', reason: 'HP mati' },
  },
  'DELETE /v1/attendance/{date}/{rollCallId}/{employeeId}': {
    url: `/v1/attendance/${DATE}/pagi/demo-005`,
  },
  'GET /v1/staff': { url: '/v1/staff' },
  'GET /v1/staff/{userId}': { url: '/v1/staff/demo-003' },
  'PUT /v1/staff/{userId}': {
    url: '/v1/staff/demo-003',
    body: { roles: ['operator'], units: ['BKD'] },
  },
  'DELETE /v1/staff/{userId}': { url: '/v1/staff/demo-003' },
  'GET /v1/holidays': { url: '/v1/holidays?year=2026' },
  'GET /v1/holidays/{date}': { url: '/v1/holidays/2026-12-25' },
  'PUT /v1/holidays/{date}': { url: '/v1/holidays/2026-12-25', body: { name: 'Natal' } },
  'DELETE /v1/holidays/{date}': { url: '/v1/holidays/2026-12-25' },
  'GET /v1/reports': { url: '/v1/reports?from=2026-11-01&to=2026-11-30' },
  'GET /v1/audit': { url: '/v1/audit?from=2026-11-01&to=2026-11-30' },
  'GET /v1/rollcalls': { url: '/v1/rollcalls' },
  'GET /v1/rollcalls/today': { url: '/v1/rollcalls/today' },
  'GET /v1/rollcalls/{id}': { url: '/v1/rollcalls/pagi' },
  'PUT /v1/rollcalls/{id}': { url: '/v1/rollcalls/sore', body: APEL_SORE_BODY },
  'DELETE /v1/rollcalls/{id}': { url: '/v1/rollcalls/sore' },
  'GET /v1/reports/{date}': { url: `/v1/reports/${DATE}` },
  'POST /v1/reports/{date}/publish': { url: `/v1/reports/${DATE}/publish` },
  'GET /v1/reports/{date}/publish': { url: `/v1/reports/${DATE}/publish` },
  'GET /wall': { url: '/wall' },
  'GET /wall/{date}': { url: `/wall/${DATE}` },
  'GET /config.json': { url: '/config.json' },
  'GET /v1/me': { url: '/v1/me' },
  'GET /v1/sites/{siteId}/code': { url: `/v1/sites/${DEMO_SITE.siteId}/code` },
  'POST /v1/sites/{siteId}/code/rotate': { url: `/v1/sites/${DEMO_SITE.siteId}/code/rotate` },
  'GET /v1/checkins/challenge': { url: '/v1/checkins/challenge' },
  'GET /v1/me/passkeys': { url: '/v1/me/passkeys' },
  'POST /v1/me/passkeys/options': { url: '/v1/me/passkeys/options', body: {} },
  'POST /v1/me/passkeys': { url: '/v1/me/passkeys', body: registration },
  'GET /v1/passkeys/pending': { url: '/v1/passkeys/pending' },
  'GET /v1/employees/{employeeId}/passkeys': { url: '/v1/employees/demo-001/passkeys' },
  'POST /v1/employees/{employeeId}/passkeys/{credentialId}/approve': {
    url: '/v1/employees/demo-001/passkeys/AAAA/approve',
  },
  'DELETE /v1/employees/{employeeId}/passkeys': { url: '/v1/employees/demo-001/passkeys' },
  'GET /v1/recaps/{period}': { url: '/v1/recaps/2026-11' },
  'GET /v1/recaps/{period}/job': { url: '/v1/recaps/2026-11/job' },
  'POST /v1/recaps/{month}/lock': { url: '/v1/recaps/2026-10/lock' },
  'POST /v1/appeals': { url: '/v1/appeals', body: { date: DATE, claim: 'present', reason: 'GPS' } },
  'GET /v1/appeals/me': { url: '/v1/appeals/me' },
  'GET /v1/appeals': { url: '/v1/appeals' },
  'POST /v1/appeals/{id}/decision': {
    url: `/v1/appeals/${DATE}.pagi.demo-005/decision`,
    body: { decision: 'reject', note: 'x' },
  },
  'DELETE /v1/recaps/{month}/lock': { url: '/v1/recaps/2026-10/lock', body: { reason: 'x' } },
  'GET /v1/me/history': { url: '/v1/me/history?month=2026-11' },
  'GET /v1/employees/{employeeId}/history': { url: '/v1/employees/demo-001/history?month=2026-11' },
};

const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
const declares = (op: any, status: number) => String(status) in op.responses;

describe('the document covers the app', () => {
  it('every route the app serves is documented, and every documented one has a request here', () => {
    // The pages (check-in, console) and their assets (not an API), and the local demo sign-in (only on `npm start`).
    const hidden = new Set([
      'GET /',
      'GET /assets/:file',
      'GET /admin',
      'GET /admin/*',
      'GET /kiosk/:siteId',
    ]);
    const local = (key: string) => key.includes(' /local-issuer/');
    const served = endpointsOf(rt.app)
      .filter((e) => !hidden.has(e.key) && !local(e.key))
      .map((e) => `${e.method} ${template(e.path)}`)
      .sort();
    const documented = operations()
      .map((o) => `${o.method} ${o.path}`)
      .sort();
    expect(documented).toEqual(served);
    expect(Object.keys(REQUESTS).sort()).toEqual(documented);
  });
});

describe('refusals every route of a kind gives', () => {
  it('401 without a token, where a token is needed', async () => {
    for (const { method, path, op } of operations()) {
      if (!declares(op, 401)) continue;
      const r = REQUESTS[`${method} ${path}`];
      await ask(401, method, path, r?.url as string, r?.body === undefined ? {} : { body: r.body });
    }
  });

  it('403 for an employee on an admin route', async () => {
    for (const { method, path, op } of operations()) {
      // Employee routes: their 403 is NOT_ON_ROSTER (asked below); an employee on the roster gets through.
      const employees = ['/v1/checkins', '/v1/rollcalls/today', '/v1/appeals'];
      if (
        !declares(op, 403) ||
        employees.includes(path) ||
        path.startsWith('/v1/me/passkeys') ||
        path === '/v1/me/history'
      ) {
        continue;
      }
      const r = REQUESTS[`${method} ${path}`];
      // The wall opens for employees on the roster: a stranger is refused there.
      await ask(403, method, path, r?.url as string, {
        as: path.startsWith('/wall') ? 'stranger' : 'demo-001',
        ...(r?.body ? { body: r.body } : {}),
      });
    }
  });

  it('413 for a body over the route’s limit', async () => {
    for (const { method, path, op } of operations()) {
      if (!declares(op, 413)) continue;
      const r = REQUESTS[`${method} ${path}`];
      const max = path.endsWith('/import')
        ? MAX_IMPORT_BYTES
        : path.startsWith('/v1/sites/')
          ? MAX_SITE_BYTES
          : MAX_BODY_BYTES;
      await ask(413, method, path, r?.url as string, {
        ...admin,
        body: 'x'.repeat(max + 1),
        headers: { 'content-type': 'application/json' },
      });
    }
  });

  it('503 when the store is out of reach, and when the token keys are', async () => {
    const docClient = createDocumentClient({
      endpoint: proxy.endpoint,
      timeouts: { connectionMs: 200, requestMs: 300 },
    });
    closers.push(() => docClient.destroy());
    const broken = createApp({
      ...rt,
      stores: createStores(docClient, rt.tableName),
      logger: silentLogger,
    });
    const noKeys = createApp({
      ...rt,
      logger: silentLogger,
      verify: async () => {
        throw new AuthUnavailable(new Error('JWKS unreachable'));
      },
    });
    proxy.setRule(always('unavailable'));
    try {
      for (const { method, path, op } of operations()) {
        if (!declares(op, 503)) continue;
        const r = REQUESTS[`${method} ${path}`];
        const init = {
          as: path === '/v1/checkins' || path === '/v1/checkins/me' ? 'demo-001' : 'bkd-admin',
          admin: true,
        };
        const a = await ask503(broken, method, path, r?.url as string, r?.body, init);
        expect(a.json.error.code).toBe('STORE_UNAVAILABLE');
      }
    } finally {
      proxy.reset();
    }
    for (const path of ['/v1/checkins/me', '/v1/settings']) {
      const a = await ask(503, 'GET', path, path, { app: noKeys, as: 'bkd-admin', admin: true });
      expect(a.json.error.code).toBe('AUTH_UNAVAILABLE');
    }
  });
});

async function ask503(
  app: ReturnType<typeof createApp>,
  method: string,
  path: string,
  url: string,
  body: unknown,
  who: { as: string; admin: boolean },
) {
  const headers: Record<string, string> = {
    authorization: `Bearer ${await rt.token(who.as, who.admin)}`,
  };
  let text: string | undefined;
  if (body !== undefined) {
    text = typeof body === 'string' ? body : JSON.stringify(body);
    headers['content-type'] = typeof body === 'string' ? 'text/csv' : 'application/json';
  }
  const a = await answerOf(
    await app.request(url, { method, headers, ...(text === undefined ? {} : { body: text }) }),
  );
  expect(a.status, `${method} ${url}: ${a.text.slice(0, 300)}`).toBe(503);
  conforms(method, path, a);
  return a;
}

const json = (o: Ask = {}) => ({ ...admin, ...o });
const badJson = { body: '{"lat": ', headers: { 'content-type': 'application/json' } };

describe('each route’s own answers', () => {
  it('service: health and the document', async () => {
    await ask(200, 'GET', '/v1/health', '/v1/health');
    await ask(200, 'GET', '/v1/openapi.json', '/v1/openapi.json');
    await ask(200, 'GET', '/config.json', '/config.json');
    await ask(200, 'GET', '/v1/me', '/v1/me', { as: 'demo-001' });
  });

  it('grounds: 201 created, 200 replaced, 400 shape or id, 404 unknown', async () => {
    const P = '/v1/sites/{siteId}';
    await ask(201, 'PUT', P, '/v1/sites/merdeka', json({ body: square(98.67, 3.59) }));
    await ask(200, 'PUT', P, '/v1/sites/merdeka', json({ body: square(98.67, 3.59, 0.002) }));
    const bowtie = square(98.67, 3.59);
    bowtie.geometry.coordinates[0] = [
      [98.67, 3.59],
      [98.671, 3.591],
      [98.671, 3.59],
      [98.67, 3.591],
      [98.67, 3.59],
    ];
    const g = await ask(400, 'PUT', P, '/v1/sites/merdeka', json({ body: bowtie }));
    expect(g.json.error.code).toBe('INVALID_GEOMETRY');
    await ask(400, 'PUT', P, '/v1/sites/merdeka', json(badJson));
    await ask(400, 'GET', P, '/v1/sites/Not%20An%20Id', admin);
    await ask(404, 'GET', P, '/v1/sites/nowhere', admin);
    await ask(200, 'GET', P, `/v1/sites/${DEMO_SITE.siteId}`, admin);
    await ask(200, 'GET', '/v1/sites', '/v1/sites', admin);
    await ask(200, 'DELETE', P, '/v1/sites/merdeka', admin);
    await ask(404, 'DELETE', P, '/v1/sites/merdeka', admin);
    await ask(400, 'DELETE', P, '/v1/sites/Not%20An%20Id', admin);
  });

  it('roster: 201 created, 200 updated, 400, 404, list, import', async () => {
    const P = '/v1/employees/{employeeId}';
    await ask(201, 'PUT', P, '/v1/employees/19900101', json({ body: employee }));
    await ask(
      200,
      'PUT',
      P,
      '/v1/employees/19900101',
      json({ body: { ...employee, unit: 'Dinas Sosial' } }),
    );
    await ask(
      400,
      'PUT',
      P,
      '/v1/employees/19900101',
      json({ body: { ...employee, siteIds: ['nowhere'] } }),
    );
    await ask(400, 'PUT', P, '/v1/employees/a%20b', json({ body: employee }));
    await ask(200, 'GET', P, '/v1/employees/19900101', admin);
    await ask(404, 'GET', P, '/v1/employees/nobody', admin);
    await ask(200, 'PATCH', P, '/v1/employees/19900101', json({ body: { unit: 'BKD' } }));
    await ask(400, 'PATCH', P, '/v1/employees/19900101', json({ body: { colour: 'red' } }));
    await ask(404, 'PATCH', P, '/v1/employees/nobody', json({ body: { unit: 'BKD' } }));
    await ask(400, 'GET', P, '/v1/employees/a%20b', admin);
    await ask(200, 'DELETE', P, '/v1/employees/19900101', admin);
    await ask(404, 'DELETE', P, '/v1/employees/nobody', admin);
    await ask(400, 'DELETE', P, '/v1/employees/a%20b', admin);
    await ask(200, 'GET', '/v1/employees', '/v1/employees?limit=2', admin);
    await ask(400, 'GET', '/v1/employees', '/v1/employees?limit=zero', admin);
    await ask(400, 'GET', '/v1/employees', '/v1/employees?cursor=forged', admin);
    await ask(200, 'GET', '/v1/units', '/v1/units', admin);
    const I = '/v1/employees/import';
    await ask(200, 'POST', I, I, json({ body: csv, headers: { 'content-type': 'text/csv' } }));
    const bad = await ask(
      400,
      'POST',
      I,
      I,
      json({ body: 'NIP;Nama\n1;x\n', headers: { 'content-type': 'text/csv' } }),
    );
    expect(bad.json.error.code).toBe('VALIDATION_FAILED');
    // The dry run: the preview's own answer shape, bad lines in it rather than a 400.
    const csvType = { headers: { 'content-type': 'text/csv' } };
    const dry = await ask(200, 'POST', I, `${I}?dryRun=true`, json({ body: csv, ...csvType }));
    expect(dry.json.dryRun).toBe(true);
    const dryBad = await ask(
      200,
      'POST',
      I,
      `${I}?dryRun=true`,
      json({ body: 'NIP;Nama\n1;x\n', ...csvType }),
    );
    expect(dryBad.json.badLines).toBe(1);
    await ask(400, 'POST', I, `${I}?dryRun=perhaps`, json({ body: csv, ...csvType }));
  });

  it('excuses: 201, 200 for the same again, 400, 404', async () => {
    await ask(201, 'POST', '/v1/excuses', '/v1/excuses', json({ body: excuse }));
    const again = await ask(200, 'POST', '/v1/excuses', '/v1/excuses', json({ body: excuse }));
    await ask(
      400,
      'POST',
      '/v1/excuses',
      '/v1/excuses',
      json({ body: { ...excuse, employeeId: 'nobody' } }),
    );
    await ask(400, 'POST', '/v1/excuses', '/v1/excuses', json(badJson));
    await ask(200, 'GET', '/v1/excuses', `/v1/excuses?date=${DATE}`, admin);
    await ask(400, 'GET', '/v1/excuses', '/v1/excuses', admin);
    await ask(200, 'GET', '/v1/excuses', `/v1/excuses?date=${DATE}&limit=1`, admin);
    await ask(400, 'GET', '/v1/excuses', `/v1/excuses?date=${DATE}&limit=0`, admin);
    await ask(400, 'GET', '/v1/excuses', `/v1/excuses?date=${DATE}&cursor=forged`, admin);
    const P = '/v1/excuses/{id}';
    await ask(400, 'DELETE', P, '/v1/excuses/not-an-id', admin);
    await ask(404, 'DELETE', P, '/v1/excuses/0123456789abcdef0123', admin);
    await ask(200, 'DELETE', P, `/v1/excuses/${again.json.excuseId}`, admin);
  });

  it('attendance marks: 201, 200, 400, 404, 409, the list, withdraw 200 then 404', async () => {
    const L = '/v1/attendance/{date}/{rollCallId}';
    const P = `${L}/{employeeId}`;
    const url = `/v1/attendance/${DATE}/pagi/demo-005`;
    const body = { status: 'excused', kind: 'duty', reason: 'Surat tugas' };
    await rt.stores.marks.remove(DATE, 'pagi', 'demo-005');
    await ask(201, 'PUT', P, url, json({ body }));
    await ask(200, 'PUT', P, url, json({ body: { ...body, reason: 'Surat tugas 7' } }));
    await ask(400, 'PUT', P, url, json({ body: { status: 'excused', reason: 'x' } }));
    await ask(400, 'PUT', P, url, json(badJson));
    await ask(404, 'PUT', P, `/v1/attendance/${DATE}/pagi/nobody`, json({ body }));
    await rt.stores.checkins.putFirstCheckin(
      checkin('demo-005', {
        date: '2026-11-26',
        receivedAt: '2026-11-26T00:12:00.000Z',
        siteId: DEMO_SITE.siteId,
      }),
    );
    await ask(409, 'PUT', P, '/v1/attendance/2026-11-26/pagi/demo-005', json({ body }));
    const list = await ask(200, 'GET', L, `/v1/attendance/${DATE}/pagi`, admin);
    expect(list.json.items.length).toBeGreaterThan(0);
    await ask(404, 'GET', L, `/v1/attendance/${DATE}/nope`, admin);
    await ask(400, 'GET', L, `/v1/attendance/2026-02-30/pagi`, admin);
    await ask(200, 'DELETE', P, url, admin);
    await ask(404, 'DELETE', P, url, admin);
    await ask(400, 'DELETE', P, '/v1/attendance/x/pagi/demo-005', admin);
    // Before the deployment's first day (a year before the clock): no rules, no report.
    const early = '/v1/attendance/2024-01-05/pagi';
    await ask(422, 'GET', L, early, admin);
    await ask(422, 'PUT', P, `${early}/demo-005`, json({ body }));
    await ask(422, 'DELETE', P, `${early}/demo-005`, admin);
    // A locked month refuses both.
    const october = '/v1/attendance/2026-10-30/pagi/demo-005';
    await ask(201, 'PUT', P, october, json({ body }));
    const lock = '/v1/recaps/2026-10/lock';
    expect((await rt.call('POST', lock, admin)).status).toBe(201);
    await ask(409, 'PUT', P, october, json({ body: { ...body, reason: 'lain' } }));
    await ask(409, 'DELETE', P, october, admin);
    expect((await rt.call('DELETE', lock, json({ body: { reason: 'uji' } }))).status).toBe(200);
    await ask(200, 'DELETE', P, october, admin);
  });

  it('staff: grant 201, replace 200, read, list, revoke, 400, 404', async () => {
    const P = '/v1/staff/{userId}';
    const body = { roles: ['operator'], units: ['BKD'] };
    await ask(201, 'PUT', P, '/v1/staff/demo-003', json({ body }));
    await ask(200, 'PUT', P, '/v1/staff/demo-003', json({ body: { ...body, name: 'Rina' } }));
    await ask(400, 'PUT', P, '/v1/staff/demo-003', json({ body: { roles: ['operator'] } }));
    await ask(400, 'PUT', P, '/v1/staff/demo-003', json(badJson));
    await ask(200, 'GET', P, '/v1/staff/demo-003', admin);
    await ask(404, 'GET', P, '/v1/staff/demo-004', admin);
    await ask(400, 'GET', P, '/v1/staff/a%20b', admin);
    await ask(200, 'GET', '/v1/staff', '/v1/staff', admin);
    await ask(200, 'DELETE', P, '/v1/staff/demo-003', admin);
    await ask(404, 'DELETE', P, '/v1/staff/demo-003', admin);
    await ask(400, 'DELETE', P, '/v1/staff/a%20b', admin);
  });

  it('holidays: declare, read, list, withdraw, 400, 404', async () => {
    const P = '/v1/holidays/{date}';
    await ask(200, 'PUT', P, '/v1/holidays/2026-12-25', json({ body: { name: 'Natal' } }));
    await ask(400, 'PUT', P, '/v1/holidays/2026-12-25', json({ body: { name: '' } }));
    await ask(200, 'GET', P, '/v1/holidays/2026-12-25', admin);
    await ask(404, 'GET', P, '/v1/holidays/2026-12-24', admin);
    await ask(400, 'GET', P, '/v1/holidays/2026-13-01', admin);
    await ask(200, 'GET', '/v1/holidays', '/v1/holidays?year=2026', admin);
    await ask(400, 'GET', '/v1/holidays', '/v1/holidays?year=26', admin);
    await ask(200, 'DELETE', P, '/v1/holidays/2026-12-25', admin);
    await ask(404, 'DELETE', P, '/v1/holidays/2026-12-25', admin);
    await ask(400, 'DELETE', P, '/v1/holidays/someday', admin);
  });

  it('month locks: 201, 200 again, 422 not over, 409 corrections refused, unlock 200, 404', async () => {
    const G = '/v1/recaps/{period}';
    for (const format of ['json', 'csv', 'xlsx']) {
      await ask(200, 'GET', G, `/v1/recaps/2026-11?format=${format}`, admin);
    }
    await ask(400, 'GET', G, '/v1/recaps/2026-11?format=pdf', admin);
    await ask(404, 'GET', G, '/v1/recaps/2026-11?unit=Nowhere', admin);
    await ask(422, 'GET', G, '/v1/recaps/2027-01', admin);
    const P = '/v1/recaps/{month}/lock';
    const early = await ask(422, 'POST', P, '/v1/recaps/2026-11/lock', admin);
    expect(early.json.error.code).toBe('MONTH_NOT_OVER');
    await ask(400, 'POST', P, '/v1/recaps/2026-13/lock', admin);
    await ask(201, 'POST', P, '/v1/recaps/2026-10/lock', admin);
    await ask(200, 'POST', P, '/v1/recaps/2026-10/lock', admin);
    const H = '/v1/holidays/{date}';
    const h = await ask(409, 'PUT', H, '/v1/holidays/2026-10-20', json({ body: { name: 'X' } }));
    expect(h.json.error.code).toBe('MONTH_LOCKED');
    await ask(409, 'DELETE', H, '/v1/holidays/2026-10-20', admin);
    const october = { ...excuse, from: '2026-10-30', to: '2026-11-02' };
    await ask(409, 'POST', '/v1/excuses', '/v1/excuses', json({ body: october }));
    const reason = { body: { reason: 'koreksi cuti' } };
    await ask(400, 'DELETE', P, '/v1/recaps/2026-10/lock', json({ body: {} }));
    await ask(200, 'DELETE', P, '/v1/recaps/2026-10/lock', json(reason));
    await ask(404, 'DELETE', P, '/v1/recaps/2026-10/lock', json(reason));
    const x = await ask(201, 'POST', '/v1/excuses', '/v1/excuses', json({ body: october }));
    await ask(201, 'POST', P, '/v1/recaps/2026-10/lock', admin);
    const X = '/v1/excuses/{id}';
    await ask(409, 'DELETE', X, `/v1/excuses/${x.json.excuseId}`, admin);
    await ask(200, 'DELETE', P, '/v1/recaps/2026-10/lock', json(reason));
  }, 240_000); // a recap reads each day of its month: seconds on dynalite

  it('history: 200 own and any employee’s, 400 no month, 404 nobody, 422 a month to come', async () => {
    const M = '/v1/me/history';
    await ask(200, 'GET', M, '/v1/me/history?month=2026-11', { as: 'demo-001' });
    await ask(400, 'GET', M, '/v1/me/history?month=2026-13', { as: 'demo-001' });
    await ask(422, 'GET', M, '/v1/me/history?month=2026-12', { as: 'demo-001' });
    await ask(404, 'GET', M, '/v1/me/history?month=2026-11', admin);
    const E = '/v1/employees/{employeeId}/history';
    await ask(200, 'GET', E, '/v1/employees/demo-002/history?month=2026-11', admin);
    await ask(400, 'GET', E, '/v1/employees/demo-002/history', admin);
    await ask(404, 'GET', E, '/v1/employees/nobody/history?month=2026-11', admin);
    await ask(422, 'GET', E, '/v1/employees/demo-002/history?month=2030-01', admin);
  }, 120_000);

  it('proof of presence: the ground code, passkeys, approval, reset', async () => {
    const C = '/v1/sites/{siteId}/code';
    await ask(200, 'GET', C, `/v1/sites/${DEMO_SITE.siteId}/code`, admin);
    await ask(404, 'GET', C, '/v1/sites/nowhere/code', admin);
    await ask(400, 'GET', C, '/v1/sites/Not%20An%20Id/code', admin);
    const R = '/v1/sites/{siteId}/code/rotate';
    await ask(200, 'POST', R, `/v1/sites/${DEMO_SITE.siteId}/code/rotate`, admin);
    await ask(404, 'POST', R, '/v1/sites/nowhere/code/rotate', admin);
    await ask(400, 'POST', R, '/v1/sites/Not%20An%20Id/code/rotate', admin);
    const me = { as: 'demo-004' };
    await ask(200, 'GET', '/v1/checkins/challenge', '/v1/checkins/challenge', me);
    const O = '/v1/me/passkeys/options';
    const opts = await ask(200, 'POST', O, O, { ...me, body: {} });
    await ask(403, 'POST', O, O, { as: 'stranger', body: {} });
    const P = '/v1/me/passkeys';
    await ask(422, 'POST', P, P, { ...me, body: registration });
    await ask(403, 'POST', P, P, { as: 'stranger', body: registration });
    await ask(400, 'POST', P, P, { ...me, body: { id: 'x' } });
    await ask(201, 'POST', P, P, { ...me, body: phone.register(opts.json.challenge) });
    await ask(200, 'GET', P, P, me);
    const L = '/v1/employees/{employeeId}/passkeys';
    await ask(200, 'GET', L, '/v1/employees/demo-004/passkeys', admin);
    await ask(400, 'GET', L, '/v1/employees/a%20b/passkeys', admin);
    await ask(200, 'GET', '/v1/passkeys/pending', '/v1/passkeys/pending', admin);
    const A = '/v1/employees/{employeeId}/passkeys/{credentialId}/approve';
    const second = new SoftAuthenticator('localhost', 'http://localhost');
    const opts2 = await ask(200, 'POST', O, O, { ...me, body: {} });
    const pending = await ask(201, 'POST', P, P, {
      ...me,
      body: second.register(opts2.json.challenge),
    });
    expect(pending.json.passkey.status).toBe('pending');
    await ask(200, 'POST', A, `/v1/employees/demo-004/passkeys/${second.id}/approve`, admin);
    await ask(404, 'POST', A, '/v1/employees/demo-004/passkeys/AAAA/approve', admin);
    await ask(400, 'POST', A, '/v1/employees/demo-004/passkeys/not%20base64/approve', admin);
    await ask(200, 'DELETE', L, '/v1/employees/demo-004/passkeys', admin);
    await ask(400, 'DELETE', L, '/v1/employees/a%20b/passkeys', admin);
  });

  it('settings: read, replace, 400', async () => {
    await ask(200, 'GET', '/v1/settings', '/v1/settings', admin);
    await ask(200, 'PUT', '/v1/settings', '/v1/settings', json({ body: DEFAULT_SETTINGS }));
    await ask(
      400,
      'PUT',
      '/v1/settings',
      '/v1/settings',
      json({ body: { ...DEFAULT_SETTINGS, opensAt: '7am' } }),
    );
  });

  it('check-in: 201, 200 repeat, 400, 403, 422, 429; my day', async () => {
    const P = '/v1/checkins';
    await ask(201, 'POST', P, P, { as: 'demo-001', body: fix() });
    await ask(200, 'POST', P, P, { as: 'demo-001', body: fix() });
    await ask(400, 'POST', P, P, { as: 'demo-001', body: { lat: 'here' } });
    await ask(400, 'POST', P, P, {
      as: 'demo-001',
      body: JSON.stringify(fix()),
      headers: { 'content-type': 'text/plain' },
    });
    const nr = await ask(403, 'POST', P, P, { as: 'stranger', body: fix() });
    expect(nr.json.error.code).toBe('NOT_ON_ROSTER');
    const out = await ask(422, 'POST', P, P, {
      as: 'demo-003',
      body: fix({ lat: DEMO_POINT.lat + 0.01 }),
    });
    expect(out.json.error.code).toBe('OUTSIDE_GEOFENCE');
    let limited: Answer | null = null;
    for (let i = 0; i < 12 && !limited; i++) {
      const a = await rt.call('POST', P, { as: 'demo-004', body: fix({ mock: true }) });
      conforms('POST', P, a);
      if (a.status === 429) limited = a;
      else expect(a.status).toBe(422);
    }
    expect(limited?.json.error.code).toBe('RATE_LIMITED');
    await ask(200, 'GET', '/v1/checkins/me', '/v1/checkins/me', { as: 'demo-001' });
    await ask(400, 'GET', '/v1/checkins/me', '/v1/checkins/me?date=yesterday', { as: 'demo-001' });
  });

  it('roll calls: 200 list and today, 201 created, 200 replaced, 400, 403, 404', async () => {
    const L = '/v1/rollcalls';
    const O = '/v1/rollcalls/{id}';
    const T = '/v1/rollcalls/today';
    await ask(200, 'GET', L, L, admin);
    await ask(200, 'GET', O, `${L}/pagi`, admin);
    await ask(404, 'GET', O, `${L}/sore`, admin);
    await ask(400, 'GET', O, `${L}/Not%20an%20id`, admin);
    await ask(201, 'PUT', O, `${L}/sore`, { ...admin, body: APEL_SORE_BODY });
    await ask(200, 'PUT', O, `${L}/sore`, { ...admin, body: { ...APEL_SORE_BODY, name: 'Sore' } });
    const overlap = { ...APEL_SORE_BODY, opensAt: '07:00', startsAt: '07:10', closesAt: '07:20' };
    await ask(400, 'PUT', O, `${L}/dua`, { ...admin, body: overlap });
    const today = await ask(200, 'GET', T, T, { as: 'demo-001' });
    expect(today.json.rollCalls.map((r: { id: string }) => r.id)).toEqual(['pagi', 'sore']);
    expect((await ask(403, 'GET', T, T, { as: 'stranger' })).json.error.code).toBe('NOT_ON_ROSTER');
    await ask(400, 'DELETE', O, `${L}/pagi`, admin);
    await ask(200, 'DELETE', O, `${L}/sore`, admin);
    await ask(404, 'DELETE', O, `${L}/sore`, admin);
  });

  it('reports and the wall: 422 too early, 404 unpublished, 200 in each format', async () => {
    const R = '/v1/reports/{date}';
    const W = '/wall/{date}';
    await ask(404, 'GET', '/wall', '/wall', admin);
    await ask(404, 'GET', W, `/wall/${DATE}`, admin);
    const early = await ask(422, 'POST', `${R}/publish`, `/v1/reports/${DATE}/publish`, admin);
    expect(early.json.error.code).toBe('REPORT_TOO_EARLY');
    await ask(400, 'POST', `${R}/publish`, '/v1/reports/27-11-2026/publish', admin);
    // No publication was handed to the background (the demo roster is published inline).
    await ask(404, 'GET', `${R}/publish`, `/v1/reports/${DATE}/publish`, admin);
    await ask(400, 'GET', `${R}/publish`, '/v1/reports/27-11-2026/publish', admin);
    for (const format of ['json', 'csv', 'html']) {
      await ask(200, 'GET', R, `/v1/reports/${DATE}?format=${format}`, admin);
    }
    await ask(400, 'GET', R, `/v1/reports/${DATE}?format=pdf`, admin);
    await ask(404, 'GET', R, `/v1/reports/${DATE}?rollCall=nothing`, admin);
    await ask(404, 'POST', `${R}/publish`, `/v1/reports/${DATE}/publish?rollCall=nothing`, admin);
    const before = await ask(422, 'GET', R, '/v1/reports/2020-01-06', admin);
    await ask(422, 'GET', `${R}/publish`, '/v1/reports/2020-01-06/publish', admin);
    expect(before.json.error.code).toBe('BEFORE_DEPLOYMENT');
    clock.set(FRIDAY_0805);
    await ask(200, 'POST', `${R}/publish`, `/v1/reports/${DATE}/publish`, admin);
    await ask(200, 'GET', R, `/v1/reports/${DATE}`, admin);
    // A publication's status, as the report function leaves it (core/report-jobs.ts).
    await runJob(rt, { kind: 'publish', date: DATE, rollCallId: 'pagi' });
    await ask(200, 'GET', `${R}/publish`, `/v1/reports/${DATE}/publish`, admin);
    // At 250,000: the roster counts as large (a job is started, 202), and on AWS a published
    // file is a redirect to the bucket (302).
    const large = Object.assign(Object.create(rt.stores.roster), { sizeAtLeast: async () => true });
    const away = createApp({
      ...rt,
      logger: silentLogger,
      stores: { ...rt.stores, roster: large },
      reports: { runner: { start: async () => {} } },
    });
    await ask(202, 'POST', `${R}/publish`, `/v1/reports/${DATE}/publish`, { ...admin, app: away });
    await ask(202, 'GET', R, `/v1/reports/${DATE}?live=true`, { ...admin, app: away });
    const bucket = Object.assign(Object.create(rt.publisher), {
      link: async () => 'https://apel-reports.s3.ap-southeast-3.amazonaws.com/reports/x.json',
    });
    const linked = createApp({ ...rt, logger: silentLogger, publisher: bucket });
    await ask(302, 'GET', R, `/v1/reports/${DATE}?format=json`, { ...admin, app: linked });
    // A large roster's recap: 202 to its build's status (none, then queued), and once built a
    // redirect to the bucket.
    const C = '/v1/recaps/{period}';
    await ask(404, 'GET', `${C}/job`, '/v1/recaps/2026-11/job', admin);
    await ask(400, 'GET', `${C}/job`, '/v1/recaps/2026-13/job', admin);
    await ask(422, 'GET', `${C}/job`, '/v1/recaps/2099-01/job', admin);
    await ask(202, 'GET', C, '/v1/recaps/2026-11', { ...admin, app: away });
    await ask(200, 'GET', `${C}/job`, '/v1/recaps/2026-11/job', { ...admin, app: away });
    await runJob(rt, { kind: 'recap', date: '2026-11', rollCallId: 'pagi' });
    const builtAway = createApp({
      ...rt,
      logger: silentLogger,
      stores: { ...rt.stores, roster: large },
      publisher: bucket,
      reports: { runner: { start: async () => {} } },
    });
    await ask(302, 'GET', C, '/v1/recaps/2026-11?format=xlsx', { ...admin, app: builtAway });
    const L = '/v1/reports';
    const listed = await ask(200, 'GET', L, `${L}?from=2026-11-01&to=${DATE}`, admin);
    expect(listed.json.items.map((i: { date: string }) => i.date)).toContain(DATE);
    await ask(400, 'GET', L, `${L}?from=2025-01-01&to=${DATE}`, admin);
    await ask(200, 'GET', '/wall', '/wall', admin);
    await ask(200, 'GET', W, `/wall/${DATE}`, admin);
    await ask(400, 'GET', W, '/wall/today', admin);
    await ask(400, 'GET', '/wall', '/wall?lang=fr', admin);
  });

  it('appeals: 201, 200 again, 400, 403, 404, 409, 422; the inbox; one decision', async () => {
    // After the reports' case: Friday 08:05 WIB, check-in closed, the appeal window open.
    const A = '/v1/appeals';
    const D = '/v1/appeals/{id}/decision';
    const present = { date: DATE, claim: 'present', reason: 'GPS saya bermasalah' };
    const closed = await ask(422, 'POST', A, A, {
      as: 'demo-003',
      body: { ...present, date: '2026-11-30' },
    });
    expect(closed.json.error.code).toBe('APPEAL_CLOSED');
    await ask(201, 'POST', A, A, { as: 'demo-003', body: present });
    await ask(200, 'POST', A, A, { as: 'demo-003', body: { ...present, reason: 'lagi' } });
    await ask(400, 'POST', A, A, { as: 'demo-003', body: { ...present, reason: '' } });
    const nr = await ask(403, 'POST', A, A, { as: 'stranger', body: present });
    expect(nr.json.error.code).toBe('NOT_ON_ROSTER');
    await ask(404, 'POST', A, A, { as: 'demo-003', body: { ...present, rollCallId: 'nothing' } });
    const checked = await ask(409, 'POST', A, A, { as: 'demo-001', body: present });
    expect(checked.json.error.code).toBe('ALREADY_CHECKED_IN');
    await ask(200, 'GET', `${A}/me`, `${A}/me`, { as: 'demo-003' });
    await ask(200, 'GET', A, `${A}?status=open&date=${DATE}`, admin);
    await ask(400, 'GET', A, `${A}?cursor=forged`, admin);
    await ask(403, 'GET', A, A, { as: 'demo-001' });
    const id = `/v1/appeals/${DATE}.pagi.demo-003/decision`;
    await ask(
      400,
      'POST',
      D,
      '/v1/appeals/nonsense/decision',
      json({ body: { decision: 'reject', note: 'x' } }),
    );
    await ask(
      404,
      'POST',
      D,
      `/v1/appeals/${DATE}.pagi.demo-004/decision`,
      json({ body: { decision: 'reject', note: 'x' } }),
    );
    await ask(200, 'POST', D, id, json({ body: { decision: 'reject', note: 'tidak terlihat' } }));
    const twice = await ask(409, 'POST', D, id, json({ body: { decision: 'accept', note: 'x' } }));
    expect(twice.json.error.code).toBe('APPEAL_DECIDED');
  });
});

describe('the audit log answers as documented', () => {
  it('200 a page (its cursor the next), 400 for a range out of order or too long, or a cursor not given out', async () => {
    const A = '/v1/audit';
    await ask(200, 'PUT', '/v1/holidays/{date}', '/v1/holidays/2026-12-24', {
      ...admin,
      body: { name: 'Malam Natal' },
    });
    await ask(200, 'PUT', '/v1/holidays/{date}', '/v1/holidays/2026-12-31', {
      ...admin,
      body: { name: 'Malam Tahun Baru' },
    });
    const first = await ask(200, 'GET', A, `${A}?limit=1&actor=bkd-admin`, admin);
    expect(first.json.items).toHaveLength(1);
    expect(first.json.cursor).toBeTypeOf('string');
    const next = await ask(
      200,
      'GET',
      A,
      `${A}?limit=1&actor=bkd-admin&cursor=${first.json.cursor}`,
      admin,
    );
    expect(next.json.items[0].at <= first.json.items[0].at).toBe(true);
    await ask(400, 'GET', A, `${A}?from=2026-12-02&to=2026-12-01`, admin);
    await ask(400, 'GET', A, `${A}?from=2025-01-01&to=2026-12-01`, admin);
    await ask(400, 'GET', A, `${A}?limit=1&cursor=${first.json.cursor}`, admin);
    await ask(400, 'GET', A, `${A}?cursor=not-a-cursor`, admin);
    await ask(400, 'GET', A, `${A}?subject=no%20kind`, admin);
  });
});

describe('the document claims nothing the code does not do', () => {
  it('every declared status (but 500, a fault) was answered above', () => {
    const missing = operations().flatMap(({ method, path, op }) =>
      Object.keys(op.responses)
        .filter((s) => s !== '500' && !seen.has(`${method} ${path} ${s}`))
        .map((s) => `${method} ${path} ${s}`),
    );
    expect(missing).toEqual([]);
  });
});
