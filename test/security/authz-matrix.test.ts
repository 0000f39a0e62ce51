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
import { APEL_SORE_BODY } from '../support/rollcalls';
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
const callerTokens = {} as Record<Caller, string>;

// demo-013 is of Dinas Kesehatan, the unit OPERATOR operates (demo-003, of the same unit, is moved
// to another unit by the PATCH sample).
const excuse = { employeeId: 'demo-013', from: '2026-11-27', to: '2026-11-27', kind: 'sick' };

/** Staff and a second employee, beyond the token kinds; none of the staff is on the roster. */
const CALLERS = {
  'operator of the unit': 'matrix-op-kesehatan',
  'operator of another unit': 'matrix-op-pendidikan',
  'officer of the roll call': 'matrix-officer-pagi',
  'officer of another roll call': 'matrix-officer-malam',
  'another employee': 'demo-002',
} as const;
type Caller = keyof typeof CALLERS;
const CALLER_KINDS = Object.keys(CALLERS) as Caller[];
const appealBody = { date: '2026-11-26', claim: 'present', reason: 'GPS saya bermasalah' };
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
  for (const userId of ['matrix-officer', 'matrix-revoked']) {
    await rt.stores.staff.put({ userId, roles: ['officer'], units: [], rollCallIds: ['pagi'] });
  }
  // Another roll call, held at a ground of its own: its officer sees neither pagi nor the demo ground.
  await rt.stores.sites.put({
    siteId: 'matrix-field',
    name: 'Lain',
    geometry: square(98.5, 3.4, 80),
  });
  await rt.call('PUT', '/v1/rollcalls/matrix-malam', {
    as: ADMIN,
    admin: true,
    body: {
      name: 'Apel malam',
      schedule: { kind: 'daily' },
      opensAt: '19:00',
      startsAt: '19:10',
      closesAt: '19:20',
      reportAt: '19:30',
      siteIds: ['matrix-field'],
      active: true,
    },
  });
  const staff = (userId: string, units: string[], rollCallIds: string[]) =>
    rt.stores.staff.put({
      userId,
      roles: [
        ...(units.length ? ['operator' as const] : []),
        ...(rollCallIds.length ? ['officer' as const] : []),
      ],
      units,
      rollCallIds,
    });
  await staff(CALLERS['operator of the unit'], ['Dinas Kesehatan'], []);
  await staff(CALLERS['operator of another unit'], ['Dinas Pendidikan'], []);
  await staff(CALLERS['officer of the roll call'], [], ['pagi']);
  await staff(CALLERS['officer of another roll call'], [], ['matrix-malam']);
  for (const kind of CALLER_KINDS) callerTokens[kind] = `Bearer ${await rt.token(CALLERS[kind])}`;
  await rt.call('POST', '/v1/reports/2026-11-26/publish', { as: ADMIN, admin: true });
  await rt.stores.monthLocks.lock('2026-09', { by: ADMIN, at: clock.now().toISOString() });
  await rt.stores.marks.create({
    employeeId: 'demo-011',
    date: '2026-11-27',
    rollCallId: 'pagi',
    status: 'on_time',
    reason: 'HP mati',
    method: 'manual',
    by: ADMIN,
    markedAt: clock.now().toISOString(),
  });
  // Thursday's pagi is open for appeals on Friday: demo-005's awaits a decision (not demo-002's:
  // that is "another employee", whose own first appeal the matrix asks for).
  const filed = await rt.call('POST', '/v1/appeals', { as: 'demo-005', body: appealBody });
  if (filed.status !== 201) throw new Error(`setup appeal: ${filed.status} ${filed.text}`);
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
  'POST /v1/appeals',
  'GET /v1/appeals/me',

  'GET /v1/checkins/challenge',
  'GET /v1/me/passkeys',
  'POST /v1/me/passkeys/options',
  'POST /v1/me/passkeys',
  'GET /v1/me/history',
]);

interface Sample {
  readonly path: string;
  readonly body?: unknown;
  readonly csv?: string;
  readonly form?: Record<string, string>;
  /** The status a valid token gets (an admin on an employee route is an employee too). */
  readonly ok: number | { employee: number; admin: number };
  /**
   * What staff get on an admin route they may use (asked after the token kinds, so after the
   * admin's own request); absent: 403 for each, the admins' alone.
   */
  readonly staff?: Partial<Record<Exclude<Caller, 'another employee'>, number>>;
}

const OPERATORS = { 'operator of the unit': 200, 'operator of another unit': 200 } as const;
const ALL_STAFF = {
  ...OPERATORS,
  'officer of the roll call': 200,
  'officer of another roll call': 200,
} as const;

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
  // An admin off the roster has no month of their own.
  'GET /v1/me/history': { path: '/v1/me/history?month=2026-11', ok: { employee: 200, admin: 404 } },
  'GET /v1/settings': { path: '/v1/settings', ok: 200 },
  'GET /v1/rollcalls': { path: '/v1/rollcalls', ok: 200, staff: ALL_STAFF },
  // bkd-admin is not on the roster: no roll calls of their own.
  'GET /v1/rollcalls/today': { path: '/v1/rollcalls/today', ok: { employee: 200, admin: 403 } },
  'GET /v1/rollcalls/:id': {
    path: '/v1/rollcalls/pagi',
    ok: 200,
    staff: { ...OPERATORS, 'officer of the roll call': 200 },
  },
  'PUT /v1/rollcalls/:id': {
    path: '/v1/rollcalls/matrix-sore',
    body: APEL_SORE_BODY,
    ok: 201,
  },
  'DELETE /v1/rollcalls/:id': { path: '/v1/rollcalls/to-remove', ok: 200 },
  'PUT /v1/settings': { path: '/v1/settings', body: DEFAULT_SETTINGS, ok: 200 },
  // The other officer's list holds only their roll call's ground.
  'GET /v1/sites': {
    path: '/v1/sites',
    ok: 200,
    staff: { 'officer of the roll call': 200, 'officer of another roll call': 200 },
  },
  'GET /v1/sites/:siteId': {
    path: '/v1/sites/balai-kota-medan',
    ok: 200,
    staff: { 'officer of the roll call': 200 },
  },
  'PUT /v1/sites/:siteId': {
    path: '/v1/sites/matrix-ground',
    body: { type: 'Feature', geometry: square(98.7, 3.6, 60), properties: { name: 'Uji' } },
    ok: 201,
  },
  'DELETE /v1/sites/:siteId': { path: '/v1/sites/to-retire', ok: 200 },
  // Each operator lists their own unit.
  'GET /v1/employees': { path: '/v1/employees?limit=5', ok: 200, staff: OPERATORS },
  'GET /v1/units': { path: '/v1/units', ok: 200, staff: OPERATORS },
  'POST /v1/employees/import': {
    path: '/v1/employees/import',
    csv: 'NIP;Nama;Unit Kerja;Lapangan\r\n199001012015011001;Dewi Sembiring;BKD;balai-kota-medan\r\n',
    ok: 200,
  },
  'GET /v1/employees/:employeeId': {
    path: '/v1/employees/demo-013',
    ok: 200,
    staff: { 'operator of the unit': 200 },
  },
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
  // After the admin's: the same excuse again (200).
  'POST /v1/excuses': {
    path: '/v1/excuses',
    body: { ...excuse, kind: 'duty' },
    ok: 201,
    staff: { 'operator of the unit': 200 },
  },
  'GET /v1/excuses': { path: '/v1/excuses?date=2026-11-27', ok: 200, staff: OPERATORS },
  // After the admin's: revoked already, the first revocation answered.
  'DELETE /v1/excuses/:id': {
    path: `/v1/excuses/${excuseIdOf(excuse as never)}`,
    ok: 200,
    staff: { 'operator of the unit': 200 },
  },
  'GET /v1/staff': { path: '/v1/staff', ok: 200 },
  'GET /v1/staff/:userId': { path: '/v1/staff/matrix-officer', ok: 200 },
  'PUT /v1/staff/:userId': {
    path: '/v1/staff/matrix-new',
    body: { roles: ['operator'], units: ['BKD'] },
    ok: 201,
  },
  'DELETE /v1/staff/:userId': { path: '/v1/staff/matrix-revoked', ok: 200 },
  'GET /v1/holidays': { path: '/v1/holidays?year=2026', ok: 200 },
  'GET /v1/holidays/:date': { path: '/v1/holidays/2026-12-25', ok: 200 },
  'PUT /v1/holidays/:date': {
    path: '/v1/holidays/2026-12-26',
    body: { name: 'Cuti bersama' },
    ok: 200,
  },
  'DELETE /v1/holidays/:date': { path: '/v1/holidays/2026-12-25', ok: 200 },
  'GET /v1/reports': {
    path: '/v1/reports?from=2026-11-01&to=2026-11-30',
    ok: 200,
    staff: OPERATORS,
  },
  // Yesterday's: operators (their units), not officers (today's board only).
  'GET /v1/reports/:date': { path: '/v1/reports/2026-11-26', ok: 200, staff: OPERATORS },
  'GET /v1/audit': { path: '/v1/audit?from=2026-11-01&to=2026-11-30', ok: 200 },
  'POST /v1/reports/:date/publish': { path: '/v1/reports/2026-11-26/publish', ok: 200 },
  // Each operator (of one unit) gets their own unit's recap without naming it.
  'GET /v1/recaps/:period': { path: '/v1/recaps/2026-11', ok: 200, staff: OPERATORS },
  // No background recap in this deployment: an admin and each operator (their own unit) are
  // told 404, anyone else 401/403.
  'GET /v1/recaps/:period/job': {
    path: '/v1/recaps/2026-11/job',
    ok: 404,
    staff: { 'operator of the unit': 404, 'operator of another unit': 404 },
  },
  'POST /v1/recaps/:month/lock': { path: '/v1/recaps/2026-10/lock', ok: 201 },
  'DELETE /v1/recaps/:month/lock': {
    path: '/v1/recaps/2026-09/lock',
    body: { reason: 'salah kunci' },
    ok: 200,
  },
  // No background publication in this deployment: an admin is told 404, anyone else 401/403.
  'GET /v1/reports/:date/publish': { path: '/v1/reports/2026-11-26/publish', ok: 404 },
  'GET /wall': { path: '/wall', ok: 200 },
  'GET /wall/:date': { path: '/wall/2026-11-26', ok: 200 },
  // Proof of presence. The kiosk's document is public like the console's; its code is not.
  'GET /kiosk/:siteId': { path: '/kiosk/balai-kota-medan', ok: 200 },
  'GET /v1/sites/:siteId/code': {
    path: '/v1/sites/balai-kota-medan/code',
    ok: 200,
    staff: { 'officer of the roll call': 200 },
  },
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
  // Appeals: an employee files their own (bkd-admin is not on the roster); staff decide.
  'POST /v1/appeals': { path: '/v1/appeals', body: appealBody, ok: { employee: 201, admin: 403 } },
  'GET /v1/appeals/me': { path: '/v1/appeals/me', ok: { employee: 200, admin: 200 } },
  'GET /v1/appeals': { path: '/v1/appeals', ok: 200, staff: OPERATORS },
  'POST /v1/appeals/:id/decision': {
    path: '/v1/appeals/2026-11-26.pagi.demo-005/decision',
    body: { decision: 'reject', note: 'Tidak terlihat di lapangan' },
    ok: 200,
  },
  'GET /v1/employees/:employeeId/passkeys': { path: '/v1/employees/demo-002/passkeys', ok: 200 },
  'GET /v1/employees/:employeeId/history': {
    path: '/v1/employees/demo-002/history?month=2026-11',
    ok: 200,
  },
  'POST /v1/employees/:employeeId/passkeys/:credentialId/approve': {
    path: '/v1/employees/demo-002/passkeys/AAAA/approve',
    ok: 404,
  },
  'DELETE /v1/employees/:employeeId/passkeys': { path: '/v1/employees/demo-002/passkeys', ok: 200 },
  // Attendance marks: operators and officers within their scope (test/http/routes/attendance.test.ts).
  'GET /v1/attendance/:date/:rollCallId': {
    path: '/v1/attendance/2026-11-27/pagi',
    ok: 200,
    staff: { ...OPERATORS, 'officer of the roll call': 200 },
  },
  'PUT /v1/attendance/:date/:rollCallId/:employeeId': {
    path: '/v1/attendance/2026-11-27/pagi/demo-010',
    body: { status: 'on_time', reason: 'HP mati' },
    ok: 201,
    // demo-010 is of Sekretariat Daerah: neither operator's; the officer marks on the day.
    staff: { 'officer of the roll call': 200 },
  },
  'DELETE /v1/attendance/:date/:rollCallId/:employeeId': {
    path: '/v1/attendance/2026-11-27/pagi/demo-011',
    ok: 200,
    // Asked after the admin withdrew it: nothing is left to withdraw, for anyone.
    staff: {
      'operator of the unit': 404,
      'operator of another unit': 404,
      'officer of the roll call': 404,
      'officer of another roll call': 404,
    },
  },
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

/** The status each staff caller, and a second employee, must get on a route. */
function expectedCallers(key: string, sample: Sample): Record<Caller, number> {
  const row = {} as Record<Caller, number>;
  const employee = expectedRow(key, sample).employee;
  for (const kind of CALLER_KINDS) {
    if (kind === 'another employee') row[kind] = employee;
    else if (PUBLIC.has(key)) row[kind] = sample.ok as number;
    // Staff here are not on the roster: an employee route answers them as the roleless admin id.
    else if (EMPLOYEE_ROUTES.has(key))
      row[kind] = typeof sample.ok === 'number' ? sample.ok : sample.ok.admin;
    else if (WALL.has(key)) row[kind] = 403;
    else row[kind] = sample.staff?.[kind] ?? 403;
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

describe('authorization matrix: every route × every kind of token and caller', () => {
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
      const byCaller = {} as Record<Caller, number>;
      for (const kind of CALLER_KINDS) {
        const a = await send(e.method, sample, callerTokens[kind]);
        byCaller[kind] = a.status;
        if (a.status >= 400) expectErrorBody(a);
        if (a.status === 403 && !EMPLOYEE_ROUTES.has(e.key) && !WALL.has(e.key)) {
          expect(a.json.error.code, kind).toBe('FORBIDDEN');
        }
      }
      expect(byCaller).toEqual(expectedCallers(e.key, sample));
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
        'GET /v1/appeals/me',
        'POST /v1/appeals',
        'GET /v1/checkins/challenge',
        'GET /v1/me',
        'GET /v1/me/history',
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
