import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { assetPath } from '../../functions/http/pages/assets';
import { excuseIdOf } from '../../functions/http/routes/excuses';
import { DEMO_POINT } from '../../functions/local/demo';
import { LOCAL_AUDIENCE } from '../../functions/local/issuer';
import { answerOf } from '../support/answer';
import { testRuntime } from '../support/app';
import { expectErrorBody } from '../support/fuzz/oracle';
import { FakeClock } from '../support/memory-store';
import { endpointsOf } from '../support/routes';
import { square } from '../support/shapes';
import { SoftAuthenticator } from '../support/soft-authenticator';
import { TOKEN_KINDS, type TokenKind, tokenHeaders } from '../support/tokens';

// Friday 27 November 2026, 07:12 WIB: check-in open, the 26th publishable.
const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
const rt = await testRuntime(clock, { roster: 20 });
afterAll(() => rt.close());
const EMPLOYEE = 'demo-001';
const ADMIN = 'bkd-admin';
let tokens: Record<TokenKind, string | null>;

const excuse = { employeeId: 'demo-003', from: '2026-11-27', to: '2026-11-27', kind: 'sick' };
const fix = () => ({
  lat: DEMO_POINT.lat,
  lon: DEMO_POINT.lon,
  accuracy: 8,
  capturedAt: clock.now().toISOString(),
});

beforeAll(async () => {
  tokens = await tokenHeaders(rt.dataDir, { employee: EMPLOYEE, admin: ADMIN }, rt.token);
  // What the DELETE and GET samples act on, so that no sample depends on another's order.
  await rt.stores.sites.put({ siteId: 'to-retire', name: 'Lama', geometry: square(98.6, 3.5, 80) });
  await rt.stores.holidays.put({ date: '2026-12-25', name: 'Hari Raya Natal' });
  await rt.call('PUT', '/v1/rollcalls/to-remove', {
    as: ADMIN,
    admin: true,
    body: {
      name: 'Apel siang',
      schedule: { kind: 'daily' },
      opensAt: '12:00',
      startsAt: '12:10',
      closesAt: '12:20',
      reportAt: '12:30',
      active: true,
    },
  });
  await rt.call('POST', '/v1/excuses', { as: ADMIN, admin: true, body: excuse });
  await rt.call('POST', '/v1/reports/2026-11-26/publish', { as: ADMIN, admin: true });
});

/** Who may call a route. The default is admin, so a new route is locked until decided. */
const PAGE = [
  'GET /',
  'GET /config.json',
  'GET /assets/:file',
  'GET /admin',
  'GET /admin/*',
  'GET /kiosk/:siteId',
];
/** The local demo issuer (npm start only; the Lambda app does not mount it). */
const LOCAL_ISSUER = [
  'GET /local-issuer/jwks.json',
  'GET /local-issuer/authorize',
  'POST /local-issuer/authorize',
  'POST /local-issuer/token',
];
const PUBLIC = new Set(['GET /v1/health', 'GET /v1/openapi.json', ...PAGE, ...LOCAL_ISSUER]);
const WALL = new Set(['GET /wall', 'GET /wall/:date']);
const EMPLOYEE_ROUTES = new Set([
  'POST /v1/checkins',
  'GET /v1/checkins/me',
  'GET /v1/me',
  'GET /v1/rollcalls/today',

  'GET /v1/checkins/challenge',
  'GET /v1/me/passkeys',
  'POST /v1/me/passkeys/options',
  'POST /v1/me/passkeys',
]);

interface Sample {
  readonly path: string;
  readonly body?: unknown;
  readonly csv?: string;
  readonly form?: Record<string, string>;
  /** The status a valid token gets (an admin on an employee route is an employee too). */
  readonly ok: number | { employee: number; admin: number };
}

const authorize = new URLSearchParams({
  response_type: 'code',
  client_id: LOCAL_AUDIENCE,
  redirect_uri: 'http://localhost/',
  state: 'matrix-state',
  code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  code_challenge_method: 'S256',
});

/** One valid request per route, as the right caller would send it. */
const SAMPLES: Record<string, Sample> = {
  'GET /': { path: '/', ok: 200 },
  'GET /config.json': { path: '/config.json', ok: 200 },
  'GET /assets/:file': { path: assetPath('checkin.js'), ok: 200 },
  'GET /local-issuer/jwks.json': { path: '/local-issuer/jwks.json', ok: 200 },

  // The console's document is public like the page's; what it shows comes from the API.
  'GET /admin': { path: '/admin', ok: 200 },
  'GET /admin/*': { path: '/admin/settings', ok: 200 },
  'GET /local-issuer/authorize': { path: `/local-issuer/authorize?${authorize}`, ok: 200 },
  // The demo sign-in picks who you are: that is what it is for, and it is never deployed.
  'POST /local-issuer/authorize': {
    path: '/local-issuer/authorize',
    form: { ...Object.fromEntries(authorize), employee: 'demo-001' },
    ok: 302,
  },
  // A code never handed out: refused whatever the caller's token (it has no say here).
  'POST /local-issuer/token': {
    path: '/local-issuer/token',
    form: {
      grant_type: 'authorization_code',
      code: 'never-issued',
      redirect_uri: 'http://localhost/',
      client_id: LOCAL_AUDIENCE,
      code_verifier: 'a'.repeat(43),
    },
    ok: 400,
  },
  'GET /v1/health': { path: '/v1/health', ok: 200 },
  'GET /v1/openapi.json': { path: '/v1/openapi.json', ok: 200 },
  // bkd-admin is not on the roster: an admin checks in like anyone else, or not at all.
  'POST /v1/checkins': { path: '/v1/checkins', body: fix, ok: { employee: 201, admin: 403 } },
  'GET /v1/checkins/me': { path: '/v1/checkins/me', ok: { employee: 200, admin: 200 } },
  'GET /v1/me': { path: '/v1/me', ok: { employee: 200, admin: 200 } },
  'GET /v1/settings': { path: '/v1/settings', ok: 200 },
  'GET /v1/rollcalls': { path: '/v1/rollcalls', ok: 200 },
  // bkd-admin is not on the roster: no roll calls of their own.
  'GET /v1/rollcalls/today': { path: '/v1/rollcalls/today', ok: { employee: 200, admin: 403 } },
  'GET /v1/rollcalls/:id': { path: '/v1/rollcalls/pagi', ok: 200 },
  'PUT /v1/rollcalls/:id': {
    path: '/v1/rollcalls/matrix-sore',
    body: {
      name: 'Apel sore',
      schedule: { kind: 'daily' },
      opensAt: '15:30',
      startsAt: '16:00',
      closesAt: '16:30',
      reportAt: '17:00',
      active: true,
    },
    ok: 201,
  },
  'DELETE /v1/rollcalls/:id': { path: '/v1/rollcalls/to-remove', ok: 200 },
  'PUT /v1/settings': { path: '/v1/settings', body: DEFAULT_SETTINGS, ok: 200 },
  'GET /v1/sites': { path: '/v1/sites', ok: 200 },
  'GET /v1/sites/:siteId': { path: '/v1/sites/balai-kota-medan', ok: 200 },
  'PUT /v1/sites/:siteId': {
    path: '/v1/sites/matrix-ground',
    body: { type: 'Feature', geometry: square(98.7, 3.6, 60), properties: { name: 'Uji' } },
    ok: 201,
  },
  'DELETE /v1/sites/:siteId': { path: '/v1/sites/to-retire', ok: 200 },
  'GET /v1/employees': { path: '/v1/employees?limit=5', ok: 200 },
  'POST /v1/employees/import': {
    path: '/v1/employees/import',
    csv: 'NIP;Nama;Unit Kerja;Lapangan\r\n199001012015011001;Dewi Sembiring;BKD;balai-kota-medan\r\n',
    ok: 200,
  },
  'GET /v1/employees/:employeeId': { path: '/v1/employees/demo-002', ok: 200 },
  'PUT /v1/employees/:employeeId': {
    path: '/v1/employees/matrix-emp',
    body: { name: 'Uji', unit: 'BKD', siteIds: ['balai-kota-medan'], active: true },
    ok: 201,
  },
  'PATCH /v1/employees/:employeeId': {
    path: '/v1/employees/demo-003',
    body: { unit: 'Dinas Pendidikan' },
    ok: 200,
  },
  'DELETE /v1/employees/:employeeId': { path: '/v1/employees/demo-020', ok: 200 },
  'POST /v1/excuses': { path: '/v1/excuses', body: { ...excuse, kind: 'duty' }, ok: 201 },
  'GET /v1/excuses': { path: '/v1/excuses?date=2026-11-27', ok: 200 },
  'DELETE /v1/excuses/:id': { path: `/v1/excuses/${excuseIdOf(excuse as never)}`, ok: 200 },
  'GET /v1/holidays': { path: '/v1/holidays?year=2026', ok: 200 },
  'GET /v1/holidays/:date': { path: '/v1/holidays/2026-12-25', ok: 200 },
  'PUT /v1/holidays/:date': {
    path: '/v1/holidays/2026-12-26',
    body: { name: 'Cuti bersama' },
    ok: 200,
  },
  'DELETE /v1/holidays/:date': { path: '/v1/holidays/2026-12-25', ok: 200 },
  'GET /v1/reports': { path: '/v1/reports?from=2026-11-01&to=2026-11-30', ok: 200 },
  'GET /v1/reports/:date': { path: '/v1/reports/2026-11-26', ok: 200 },
  'POST /v1/reports/:date/publish': { path: '/v1/reports/2026-11-26/publish', ok: 200 },
  // No background publication in this deployment: an admin is told 404, anyone else 401/403.
  'GET /v1/reports/:date/publish': { path: '/v1/reports/2026-11-26/publish', ok: 404 },
  'GET /wall': { path: '/wall', ok: 200 },
  'GET /wall/:date': { path: '/wall/2026-11-26', ok: 200 },
  // Proof of presence. The kiosk's document is public like the console's; its code is not.
  'GET /kiosk/:siteId': { path: '/kiosk/balai-kota-medan', ok: 200 },
  'GET /v1/sites/:siteId/code': { path: '/v1/sites/balai-kota-medan/code', ok: 200 },
  'POST /v1/sites/:siteId/code/rotate': { path: '/v1/sites/balai-kota-medan/code/rotate', ok: 200 },
  'GET /v1/checkins/challenge': { path: '/v1/checkins/challenge', ok: 200 },
  'GET /v1/me/passkeys': { path: '/v1/me/passkeys', ok: 200 },
  // bkd-admin is not on the roster: no phone of theirs to bind.
  'POST /v1/me/passkeys/options': {
    path: '/v1/me/passkeys/options',
    body: {},
    ok: { employee: 200, admin: 403 },
  },
  // A registration for a challenge the server never made: refused, for whoever sends it.
  'POST /v1/me/passkeys': {
    path: '/v1/me/passkeys',
    body: new SoftAuthenticator('localhost', 'http://localhost').register('bm90LW1hZGU'),
    ok: { employee: 422, admin: 403 },
  },
  'GET /v1/passkeys/pending': { path: '/v1/passkeys/pending', ok: 200 },
  'GET /v1/employees/:employeeId/passkeys': { path: '/v1/employees/demo-002/passkeys', ok: 200 },
  'POST /v1/employees/:employeeId/passkeys/:credentialId/approve': {
    path: '/v1/employees/demo-002/passkeys/AAAA/approve',
    ok: 404,
  },
  'DELETE /v1/employees/:employeeId/passkeys': { path: '/v1/employees/demo-002/passkeys', ok: 200 },
};

/** The status each kind of token must get on a route (wallAccess: authenticated). */
function expectedRow(key: string, sample: Sample): Record<TokenKind, number> {
  const row = {} as Record<TokenKind, number>;
  for (const kind of TOKEN_KINDS) {
    // A string groups claim is read as no groups: the admin's id without the admin role.
    const roleless = kind === 'groups as a string';
    const valid = kind === 'employee' || kind === 'admin' || roleless;
    const who = roleless ? 'admin' : (kind as 'employee' | 'admin');
    const ok = typeof sample.ok === 'number' ? sample.ok : sample.ok[who];
    if (PUBLIC.has(key)) row[kind] = sample.ok as number;
    else if (!valid) row[kind] = 401;
    // The wall opens for admins and for employees on the roster; the roleless admin id is neither.
    else if (roleless && !EMPLOYEE_ROUTES.has(key)) row[kind] = 403;
    else if (WALL.has(key) || EMPLOYEE_ROUTES.has(key)) row[kind] = ok;
    else row[kind] = kind === 'admin' ? ok : 403;
  }
  return row;
}

async function send(method: string, sample: Sample, authorization: string | null) {
  const headers: Record<string, string> = {};
  if (authorization) headers.authorization = authorization;
  const body = sample.form
    ? new URLSearchParams(sample.form).toString()
    : (sample.csv ??
      (sample.body === undefined
        ? undefined
        : JSON.stringify(typeof sample.body === 'function' ? sample.body() : sample.body)));
  if (body !== undefined) {
    headers['content-type'] = sample.form
      ? 'application/x-www-form-urlencoded'
      : sample.csv
        ? 'text/csv'
        : 'application/json';
  }
  return answerOf(
    await rt.app.request(sample.path, { method, headers, ...(body === undefined ? {} : { body }) }),
  );
}

const endpoints = endpointsOf(rt.app);
/** Status the employee token got per route, for the identity checks below. */
const employeeGot = new Map<string, number>();

describe('authorization matrix: every route × every kind of token', () => {
  it('has a sample request for every route the app serves', () => {
    expect(endpoints.map((e) => e.key).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  for (const e of endpoints) {
    const sample = SAMPLES[e.key];
    if (!sample) continue; // named by the test above
    it(`${e.key}`, async () => {
      const got = {} as Record<TokenKind, number>;
      for (const kind of TOKEN_KINDS) {
        const a = await send(e.method, sample, tokens[kind]);
        got[kind] = a.status;
        if (a.status >= 400) expectErrorBody(a);
        if (a.status === 401) expect(a.json.error.code).toBe('UNAUTHORIZED');
        if (a.status === 403 && kind === 'employee') expect(a.json.error.code).toBe('FORBIDDEN');
      }
      employeeGot.set(e.key, got.employee);
      expect(got).toEqual(expectedRow(e.key, sample));
    });
  }

  it('guards the import’s dry run (the preview) as the import itself', async () => {
    const key = 'POST /v1/employees/import';
    const sample = SAMPLES[key] as Sample;
    const dry = { ...sample, path: `${sample.path}?dryRun=true` };
    const got = {} as Record<TokenKind, number>;
    for (const kind of TOKEN_KINDS) {
      const a = await send('POST', dry, tokens[kind]);
      got[kind] = a.status;
      if (a.status >= 400) expectErrorBody(a);
      else expect(a.json.dryRun).toBe(true);
    }
    expect(got).toEqual(expectedRow(key, sample));
  });

  it('opens the wall to every caller, bad tokens included, when wallAccess is public', async () => {
    await rt.stores.settings.putSettings({ ...DEFAULT_SETTINGS, wallAccess: 'public' });
    try {
      for (const key of WALL) {
        const sample = SAMPLES[key] as Sample;
        for (const kind of TOKEN_KINDS) {
          expect((await send('GET', sample, tokens[kind])).status, `${key} ${kind}`).toBe(200);
        }
      }
    } finally {
      await rt.stores.settings.putSettings(DEFAULT_SETTINGS);
    }
  });
});

describe('an employee reaches only their own data', () => {
  it('takes no identity from a path, a query or a body on any route an employee may use', async () => {
    const open = [...employeeGot]
      .filter(([key, status]) => status < 400 && !LOCAL_ISSUER.includes(key))
      .map(([k]) => k);
    expect(open.sort()).toEqual(
      [
        ...PAGE,
        'GET /v1/checkins/me',
        'GET /v1/checkins/challenge',
        'GET /v1/me',
        'GET /v1/me/passkeys',
        'POST /v1/me/passkeys/options',
        'GET /v1/health',
        'GET /v1/openapi.json',
        'GET /v1/rollcalls/today',
        'GET /wall',
        'GET /wall/:date',
        'POST /v1/checkins',
      ].sort(),
    );
    const doc = (await send('GET', SAMPLES['GET /v1/openapi.json'] as Sample, null)).json;
    for (const key of open) {
      const [method, path] = key.split(' ') as [string, string];
      const params = endpoints.find((e) => e.key === key)?.params ?? [];
      expect(
        // The kiosk's page names its ground; it holds no data (its script asks as an admin).
        params.filter((p) => p !== 'date' && p !== 'file' && key !== 'GET /kiosk/:siteId'),
        key,
      ).toEqual([]);
      const op = doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()] ?? {};
      const fields = [
        ...(op.parameters ?? []).map((p: { name: string }) => p.name),
        ...Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
      ];
      for (const f of fields) expect(f, key).not.toMatch(/employee|^sub$|user|nip/i);
    }
  });

  it('GET /v1/checkins/me answers with the caller’s day whatever else the request names', async () => {
    for (const id of ['demo-011', 'demo-012']) {
      expect((await rt.call('POST', '/v1/checkins', { as: id, body: fix() })).status).toBe(201);
    }
    const mine = await rt.call(
      'GET',
      '/v1/checkins/me?employeeId=demo-011&sub=demo-011&employee=demo-011',
      { as: 'demo-012', headers: { 'x-employee-id': 'demo-011', 'x-user': 'demo-011' } },
    );
    expect(mine.status).toBe(200);
    expect(mine.json.employeeId).toBe('demo-012');
    expect(mine.json.checkin.employeeId).toBe('demo-012');
    expect(mine.json.attempts).toHaveLength(1);
  });

  it('POST /v1/checkins files the check-in under the token’s employee, never the body’s', async () => {
    const before = await rt.call('GET', '/v1/checkins/me', { as: 'demo-011' });
    const r = await rt.call('POST', '/v1/checkins', {
      as: 'demo-013',
      body: { ...fix(), employeeId: 'demo-011', sub: 'demo-011', employee: 'demo-011' },
    });
    expect(r.status).toBe(201);
    expect(r.json.checkin.employeeId).toBe('demo-013');
    expect((await rt.call('GET', '/v1/checkins/me', { as: 'demo-011' })).json).toEqual(before.json);
  });
});
