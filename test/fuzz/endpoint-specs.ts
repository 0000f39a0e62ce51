import fc from 'fast-check';
import * as v from 'valibot';
import { addDays } from '../../functions/core/calendar';
import { RollCallSchema } from '../../functions/core/rollcalls';
import type { Settings } from '../../functions/core/settings';
import { SettingsSchema } from '../../functions/core/settings';
import {
  EmployeePage,
  EmployeeSchema,
  ExcuseSchema,
  HolidaySchema,
  ImportResultSchema,
  PublishResultSchema,
  ReportListSchema,
  ReportSchema,
} from '../../functions/http/admin-schemas';
import {
  AppealPageResponse,
  AppealResponse,
  MyAppealsResponse,
} from '../../functions/http/appeal-schemas';
import { AuditPageSchema } from '../../functions/http/audit-schemas';
import { ImportPreviewSchema } from '../../functions/http/import-schemas';
import { AttendanceSchema, MarkSchema } from '../../functions/http/mark-schemas';
import { PAGE_ASSETS } from '../../functions/http/pages/assets.generated';
import {
  ChallengeResponse,
  GroundCodeResponse,
  PasskeyList,
  PasskeyOut,
  PendingList,
  RotateResponse,
} from '../../functions/http/presence-schemas';
import { MonthLockSchema } from '../../functions/http/recap-schemas';
import { RecapJobSchema, ReportJobSchema } from '../../functions/http/report-job-schemas';
import {
  RollCallList,
  RollCallRemoved,
  TodayResponse,
} from '../../functions/http/rollcall-schemas';
import { excuseIdOf } from '../../functions/http/routes/excuses';
import { HistorySchema } from '../../functions/http/routes/history';
import { MeResponse } from '../../functions/http/routes/me';
import { UnitList } from '../../functions/http/routes/units';
import {
  CheckinResponse,
  EmployeeDayResponse,
  PageConfigResponse,
} from '../../functions/http/schemas';
import { StaffList, StaffSchema } from '../../functions/http/staff-schemas';
import { DEMO_SITE, DEMO_UNITS } from '../../functions/local/demo';
import { LOCAL_AUDIENCE } from '../../functions/local/issuer';
import type { Answer } from '../support/answer';
import { csvBody } from '../support/fuzz/csv';
import { jsonBody } from '../support/fuzz/request';
import {
  checkinBody,
  cursor,
  employeeBody,
  employeeId,
  excuseBody,
  isoDate,
  rollCallBody,
  rollCallId,
  SEEDED,
  settingsBody,
  siteFeature,
  siteId,
} from '../support/fuzz/valid-inputs';
import { SoftAuthenticator } from '../support/soft-authenticator';

export interface SuccessContext {
  /** Who asked (the token's employee). */
  readonly who: string;
  /** The deployment's settings when the property started. */
  readonly settings: Settings;
}

/** How to fuzz one endpoint, and what a success from it must look like. */
export interface EndpointSpec {
  readonly as: 'nobody' | 'employee' | 'admin';
  readonly params?: Readonly<Record<string, fc.Arbitrary<string>>>;
  readonly query?: fc.Arbitrary<Record<string, string>>;
  readonly body?: { readonly type: string; readonly text: fc.Arbitrary<string> };
  readonly success: (a: Answer, ctx: SuccessContext) => void;
  /** For a route no generated request can succeed on: the refusal that shows one got through. */
  readonly reaches?: string;
}

type Check = (a: Answer, ctx: SuccessContext) => void;

function schemaCheck(statuses: readonly number[], schema: v.GenericSchema): Check {
  return (a) => {
    if (!statuses.includes(a.status)) throw new Error(`unexpected ${a.status}: ${a.text}`);
    if (!/^application\/json/.test(a.headers.get('content-type') ?? '')) {
      throw new Error(`a JSON success answered as ${a.headers.get('content-type')}`);
    }
    const r = v.safeParse(schema, a.json);
    if (!r.success) {
      throw new Error(`success body off its schema: ${v.summarize(r.issues)}\n${a.text}`);
    }
  };
}

function both(...checks: Check[]): Check {
  return (a, ctx) => {
    for (const c of checks) c(a, ctx);
  };
}

function page(type: RegExp): Check {
  return (a) => {
    if (a.status !== 200 || !type.test(a.headers.get('content-type') ?? '')) {
      throw new Error(`expected 200 ${type}, got ${a.status} ${a.headers.get('content-type')}`);
    }
  };
}

/**
 * A month as the recaps take it: a past one (lockable), this one, later ones, and ones that do
 * not exist. One lockable month only: each first lock of a month builds and keeps its recap
 * (seconds), while locking a locked month again changes nothing.
 */
const month = fc.oneof(
  fc.constantFrom('2026-10', '2026-11', '2027-01', '2030-02'),
  fc
    .tuple(fc.integer({ min: 1990, max: 2110 }), fc.integer({ min: 0, max: 13 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
);

/** A report answers as JSON, CSV or HTML, whichever ?format= asked for. */
const reportCheck: Check = (a, ctx) => {
  const type = a.headers.get('content-type') ?? '';
  if (type.startsWith('text/csv')) return page(/^text\/csv/)(a, ctx);
  if (type.startsWith('text/html')) return page(/^text\/html/)(a, ctx);
  return schemaCheck([200], ReportSchema)(a, ctx);
};

/** An accepted check-in is the asker's, and obeys the rules it was accepted under. */
const checkinCheck = both(schemaCheck([200, 201], CheckinResponse), (a, { who, settings }) => {
  const c = a.json.checkin;
  if (c.employeeId !== who) throw new Error(`${who} got ${c.employeeId}'s check-in`);
  if (a.json.duplicate !== (a.status === 200)) throw new Error('duplicate does not match status');
  const skewMs = Math.abs(Date.parse(c.capturedAt) - Date.parse(c.receivedAt));
  if (!(skewMs <= (settings.maxClockSkewS + 0.5) * 1000)) {
    throw new Error(`accepted a device time ${c.capturedAt} that is ${skewMs} ms off`);
  }
  if (!(c.accuracyM <= settings.maxAccuracyM)) throw new Error(`accepted accuracy ${c.accuracyM}`);
});

const myDayCheck = both(schemaCheck([200], EmployeeDayResponse), (a, { who }) => {
  if (a.json.employeeId !== who || (a.json.checkin && a.json.checkin.employeeId !== who)) {
    throw new Error(`${who} was shown someone else's day: ${a.text}`);
  }
});

const Feature = v.object({
  type: v.literal('Feature'),
  id: v.string(),
  geometry: v.object({
    type: v.picklist(['Polygon', 'MultiPolygon']),
    coordinates: v.array(v.any()),
  }),
  properties: v.object({ name: v.string() }),
});

const dateQuery = fc.record({ date: isoDate }, { requiredKeys: [] });
const langQuery = fc.record({ lang: fc.constantFrom('id', 'en') }, { requiredKeys: [] });
const json = (valid: fc.Arbitrary<unknown>) => ({
  type: 'application/json',
  text: jsonBody(valid),
});
const excuseId = fc.oneof(
  fc.stringMatching(/^[a-f0-9]{20}$/),
  excuseBody.map(excuseIdOf),
  fc.constant(excuseIdOf(SEEDED.excuse)),
);
const holidayDate = fc.oneof(isoDate, fc.constant(SEEDED.holiday.date));

/** The local demo sign-in's authorization request, as the check-in page sends it. */
const authorizeParams = fc.record(
  {
    response_type: fc.constant('code'),
    client_id: fc.constant(LOCAL_AUDIENCE),
    redirect_uri: fc.constantFrom('http://localhost/', 'http://localhost/?x=1'),
    scope: fc.constantFrom('openid', 'openid profile'),
    state: fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/),
    nonce: fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/),
    code_challenge: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    code_challenge_method: fc.constant('S256'),
    lang: fc.constantFrom('id', 'en'),
  },
  {
    requiredKeys: [
      'response_type',
      'client_id',
      'redirect_uri',
      'state',
      'code_challenge',
      'code_challenge_method',
    ],
  },
);
const form = (valid: fc.Arbitrary<Record<string, string>>) => ({
  type: 'application/x-www-form-urlencoded',
  text: fc.oneof(
    { weight: 4, arbitrary: valid.map((r) => new URLSearchParams(r).toString()) },
    { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  ),
});

/** A redirect back to the page, carrying a code or OAuth's access_denied, and the state. */
const redirectCheck: Check = (a) => {
  // No one chosen, or an id not on the roster: the sign-in page again, saying why.
  if (a.status === 200 && /^text\/html/.test(a.headers.get('content-type') ?? '')) {
    if (!a.text.includes('role="alert"')) throw new Error('the sign-in page again, but no reason');
    return;
  }
  const to = a.headers.get('location') ?? '';
  if (a.status !== 302 || !to.startsWith('http://localhost/')) {
    throw new Error(`expected a 302 back to the page, got ${a.status} to ${to}`);
  }
  const q = new URL(to).searchParams;
  if (!q.get('state') || (q.get('code') === null) === (q.get('error') !== 'access_denied')) {
    throw new Error(`a redirect with neither code nor error: ${to}`);
  }
};

/**
 * Every endpoint of the API, keyed "METHOD /path/:param" as app.routes lists them. `now` is the
 * test clock, so that device times land near the server's.
 */
/** Proof of presence's routes (ground codes, passkeys, the kiosk page). */
const registration = fc.constant(
  new SoftAuthenticator('localhost', 'http://localhost').register('bm90LWEtY2hhbGxlbmdl'),
);
const credentialId = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/), fc.constant('AAAA'));
const presenceSpecs: Readonly<Record<string, EndpointSpec>> = {
  'GET /kiosk/:siteId': { as: 'nobody', params: { siteId }, success: page(/^text\/html/) },
  'GET /v1/sites/:siteId/code': {
    as: 'admin',
    params: { siteId },
    success: schemaCheck([200], GroundCodeResponse),
  },
  'POST /v1/sites/:siteId/code/rotate': {
    as: 'admin',
    params: { siteId },
    success: schemaCheck([200], RotateResponse),
  },
  'GET /v1/checkins/challenge': { as: 'employee', success: schemaCheck([200], ChallengeResponse) },
  'GET /v1/me/passkeys': { as: 'employee', success: schemaCheck([200], PasskeyList) },
  'POST /v1/me/passkeys/options': {
    as: 'employee',
    body: json(fc.constant({})),
    success: schemaCheck([200], v.looseObject({ challenge: v.string() })),
  },
  // No generated body answers a challenge the server made: the refusal shows one got through.
  'POST /v1/me/passkeys': {
    as: 'employee',
    body: json(registration),
    success: schemaCheck([201], v.object({ passkey: PasskeyOut })),
    reaches: 'PASSKEY_INVALID',
  },
  'GET /v1/passkeys/pending': { as: 'admin', success: schemaCheck([200], PendingList) },
  'GET /v1/employees/:employeeId/passkeys': {
    as: 'admin',
    params: { employeeId },
    success: schemaCheck([200], PasskeyList),
  },
  'POST /v1/employees/:employeeId/passkeys/:credentialId/approve': {
    as: 'admin',
    params: { employeeId, credentialId },
    success: schemaCheck([200], v.object({ employeeId: v.string(), passkey: PasskeyOut })),
    reaches: 'NOT_FOUND',
  },
  'DELETE /v1/employees/:employeeId/passkeys': {
    as: 'admin',
    params: { employeeId },
    success: schemaCheck([200], v.object({ employeeId: v.string(), removed: v.number() })),
  },
};

/** Staff records: mostly the demo's people and the roll calls that exist, so grants succeed. */
const staffBody = fc.oneof(
  fc.record(
    {
      roles: fc.constant(['operator']),
      units: fc.uniqueArray(fc.constantFrom(...DEMO_UNITS), { minLength: 1, maxLength: 3 }),
      name: fc.constantFrom('Rina Siregar', ' Budi '),
    },
    { requiredKeys: ['roles', 'units'] },
  ),
  fc.record({ roles: fc.constant(['officer']), rollCallIds: fc.constantFrom(['pagi'], ['sore']) }),
  fc.record({
    roles: fc.constant(['officer', 'operator']),
    units: fc.constant([DEMO_UNITS[0]]),
    rollCallIds: fc.constant(['pagi']),
  }),
);
const userId = fc.oneof(employeeId, fc.constantFrom(...SEEDED.staff));
const staffSpecs: Readonly<Record<string, EndpointSpec>> = {
  'GET /v1/staff': { as: 'admin', success: schemaCheck([200], StaffList) },
  'GET /v1/staff/:userId': {
    as: 'admin',
    params: { userId },
    success: schemaCheck([200], StaffSchema),
  },
  'PUT /v1/staff/:userId': {
    as: 'admin',
    params: { userId },
    body: json(staffBody),
    success: schemaCheck([200, 201], StaffSchema),
  },
  'DELETE /v1/staff/:userId': {
    as: 'admin',
    params: { userId },
    success: schemaCheck([200], StaffSchema),
  },
};

/**
 * Mostly a value that gets through, else anything. A request passes every one of its path
 * params, body and headers, so each must be likely valid for some of 100 to reach the store.
 */
const mostly = <T>(likely: fc.Arbitrary<T>, any: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: likely, weight: 6 }, { arbitrary: any, weight: 1 });
/** Days of the fuzzed deployment: yesterday (published), today, and a workday before. */
const deployedDay = fc.constantFrom('2026-11-26', '2026-11-27', '2026-11-25');
/** People on the fuzzed roster (demo-001…060). */
const rostered = fc.integer({ min: 1, max: 60 }).map((n) => `demo-${String(n).padStart(3, '0')}`);

/** Attendance marks: mostly today and recent days, existing roll calls, demo people. */
const markDate = mostly(deployedDay, fc.oneof(isoDate, fc.constant('2026-11-30')));
const markRollCall = mostly(fc.constant('pagi'), rollCallId);
const markEmployee = mostly(rostered, employeeId);
const markBody = mostly<unknown>(
  fc.constant({ status: 'on_time', reason: 'HP mati' }),
  fc.record(
    {
      status: fc.constantFrom('on_time', 'late', 'excused', 'present'),
      kind: fc.constantFrom('leave', 'sick', 'duty', 'permit', 'other', 'holiday'),
      at: fc.oneof(fc.constantFrom('07:40', '24:00', '7:5'), fc.string({ maxLength: 6 })),
      reason: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('x'.repeat(501))),
    },
    { requiredKeys: ['status', 'reason'] },
  ),
);
const markSpecs: Readonly<Record<string, EndpointSpec>> = {
  'GET /v1/attendance/:date/:rollCallId': {
    as: 'admin',
    params: { date: markDate, rollCallId: markRollCall },
    query: fc.record(
      {
        q: fc.string({ maxLength: 20 }),
        limit: fc.oneof(fc.integer({ min: 0, max: 2000 }).map(String), fc.string()),
      },
      { requiredKeys: [] },
    ),
    success: schemaCheck([200], AttendanceSchema),
  },
  'PUT /v1/attendance/:date/:rollCallId/:employeeId': {
    as: 'admin',
    params: { date: markDate, rollCallId: markRollCall, employeeId: markEmployee },
    body: json(markBody),
    success: schemaCheck([200, 201], MarkSchema),
  },
  'DELETE /v1/attendance/:date/:rollCallId/:employeeId': {
    as: 'admin',
    params: { date: markDate, rollCallId: markRollCall, employeeId: markEmployee },
    success: schemaCheck([200], MarkSchema),
    reaches: 'NOT_FOUND',
  },
};

/** Appeals: dates around the seeded days; reasons of every length, kinds with and without claim. */
const appealBody = mostly<unknown>(
  // Yesterday was published: whoever did not check in may appeal it.
  fc.record({
    date: fc.constant('2026-11-26'),
    claim: fc.constant('present'),
    reason: fc.constant('GPS HP tidak terbaca'),
  }),
  fc.record(
    {
      date: fc.oneof(isoDate, deployedDay),
      rollCallId: fc.oneof(rollCallId, fc.constant('pagi')),
      claim: fc.constantFrom('present', 'excused', 'maybe'),
      kind: fc.constantFrom('sick', 'leave', 'duty', 'permit', 'other', 'flu'),
      reason: fc.oneof(fc.string({ maxLength: 40 }), fc.string({ minLength: 480, maxLength: 520 })),
    },
    { requiredKeys: ['date', 'claim', 'reason'] },
  ),
);
const appealId = fc.oneof(
  fc.tuple(isoDate, employeeId).map(([d, e]) => `${d}.pagi.${e}`),
  fc.string({ minLength: 1, maxLength: 60 }),
);
/** An appeal answered is the asker's own. */
const ownAppeal = both(schemaCheck([200, 201], AppealResponse), (a, { who }) => {
  if (a.json.appeal.employeeId !== who) throw new Error(`${who} got ${a.json.appeal.employeeId}'s`);
});
const appealSpecs: Readonly<Record<string, EndpointSpec>> = {
  'POST /v1/appeals': {
    as: 'employee',
    body: json(appealBody),
    // A day out of the window, or one appealed already, is refused by the rules past validation.
    reaches: 'APPEAL_CLOSED',
    success: ownAppeal,
  },
  'GET /v1/appeals/me': { as: 'employee', success: schemaCheck([200], MyAppealsResponse) },
  'GET /v1/appeals': {
    as: 'admin',
    query: fc.record(
      {
        status: fc.constantFrom('open', 'accepted', 'rejected', 'closed'),
        date: isoDate,
        unit: fc.oneof(fc.constantFrom(...DEMO_UNITS), fc.string({ maxLength: 30 })),
        cursor,
        limit: fc.integer({ min: -1, max: 300 }).map(String),
      },
      { requiredKeys: [] },
    ),
    success: schemaCheck([200], AppealPageResponse),
  },
  'POST /v1/appeals/:id/decision': {
    as: 'admin',
    params: { id: appealId },
    body: json(
      fc.record(
        {
          decision: fc.constantFrom('accept', 'reject', 'defer'),
          note: fc.string({ maxLength: 30 }),
        },
        { requiredKeys: [] },
      ),
    ),
    reaches: 'NOT_FOUND',
    success: schemaCheck([200], AppealResponse),
  },
};

export const endpointSpecs = (now: () => Date): Readonly<Record<string, EndpointSpec>> => ({
  'GET /v1/health': {
    as: 'nobody',
    success: schemaCheck([200], v.object({ status: v.literal('ok'), version: v.string() })),
  },
  'GET /v1/openapi.json': {
    as: 'nobody',
    success: schemaCheck(
      [200],
      v.object({ openapi: v.literal('3.1.0'), paths: v.record(v.string(), v.unknown()) }),
    ),
  },
  'POST /v1/checkins': { as: 'employee', body: json(checkinBody(now)), success: checkinCheck },
  'GET /v1/checkins/me': { as: 'employee', query: dateQuery, success: myDayCheck },
  'GET /v1/me': { as: 'employee', success: schemaCheck([200], MeResponse) },
  'GET /v1/settings': { as: 'admin', success: schemaCheck([200], SettingsSchema) },
  'PUT /v1/settings': {
    as: 'admin',
    body: json(settingsBody),
    success: schemaCheck([200], SettingsSchema),
  },
  'GET /v1/rollcalls': { as: 'admin', success: schemaCheck([200], RollCallList) },
  'GET /v1/rollcalls/today': { as: 'employee', success: schemaCheck([200], TodayResponse) },
  'GET /v1/rollcalls/:id': {
    as: 'admin',
    params: { id: rollCallId },
    success: schemaCheck([200], RollCallSchema),
  },
  'PUT /v1/rollcalls/:id': {
    as: 'admin',
    params: { id: rollCallId },
    body: json(rollCallBody),
    success: schemaCheck([200, 201], RollCallSchema),
  },
  'DELETE /v1/rollcalls/:id': {
    as: 'admin',
    params: {
      id: fc.oneof(
        rollCallId.filter((id) => id !== 'pagi'),
        fc.constantFrom(...SEEDED.rollCalls),
      ),
    },
    success: schemaCheck([200], RollCallRemoved),
  },
  'GET /v1/sites': {
    as: 'admin',
    success: schemaCheck(
      [200],
      v.object({ type: v.literal('FeatureCollection'), features: v.array(Feature) }),
    ),
  },
  'GET /v1/sites/:siteId': {
    as: 'admin',
    params: { siteId },
    success: schemaCheck([200], Feature),
  },
  'PUT /v1/sites/:siteId': {
    as: 'admin',
    params: { siteId },
    body: json(siteFeature),
    success: schemaCheck([200, 201], Feature),
  },
  'DELETE /v1/sites/:siteId': {
    as: 'admin',
    params: {
      siteId: fc.oneof(
        siteId.filter((id) => id !== DEMO_SITE.siteId),
        fc.constantFrom(...SEEDED.sites),
      ),
    },
    success: schemaCheck([200], v.object({ siteId: v.string(), removed: v.literal(true) })),
  },
  'GET /v1/employees': {
    as: 'admin',
    query: fc.record(
      {
        unit: fc.constantFrom(...DEMO_UNITS),
        q: fc.constantFrom('siti', 'Sireg', 'demo-0', 'ö', 'a b', '19800101'),
        limit: fc.integer({ min: 1, max: 1000 }).map(String),
        cursor,
      },
      { requiredKeys: [] },
    ),
    success: schemaCheck([200], EmployeePage),
  },
  'GET /v1/units': {
    as: 'admin',
    success: schemaCheck([200], UnitList),
  },
  'POST /v1/employees/import': {
    as: 'admin',
    query: fc.record({ dryRun: fc.constantFrom('true', 'false') }, { requiredKeys: [] }),
    body: { type: 'text/csv', text: csvBody },
    success: schemaCheck([200], v.union([ImportResultSchema, ImportPreviewSchema])),
  },
  'GET /v1/employees/:employeeId': {
    as: 'admin',
    params: { employeeId },
    success: schemaCheck([200], EmployeeSchema),
  },
  'PUT /v1/employees/:employeeId': {
    as: 'admin',
    params: { employeeId },
    body: json(employeeBody),
    success: schemaCheck([200, 201], EmployeeSchema),
  },
  'PATCH /v1/employees/:employeeId': {
    as: 'admin',
    params: { employeeId },
    body: json(employeeBody.map((b) => Object.fromEntries(Object.entries(b).slice(0, 2)))),
    success: schemaCheck([200], EmployeeSchema),
  },
  'DELETE /v1/employees/:employeeId': {
    as: 'admin',
    params: { employeeId },
    success: schemaCheck([200], EmployeeSchema),
  },
  'POST /v1/excuses': {
    as: 'admin',
    body: json(excuseBody),
    success: schemaCheck([200, 201], ExcuseSchema),
  },
  'GET /v1/excuses': {
    as: 'admin',
    // Mostly a first page (a forged cursor never gets through), else every parameter at will.
    query: mostly<Record<string, string>>(
      fc.record({ date: mostly(deployedDay, isoDate) }),
      fc.record(
        {
          date: isoDate,
          limit: fc.integer({ min: 0, max: 1000 }).map(String),
          // Strings, and cursors shaped as the API's (a date and a day copy's key), forged.
          cursor: fc.oneof(
            fc.string({ maxLength: 40 }),
            fc
              .record({ d: fc.oneof(isoDate, fc.string()), s: fc.oneof(fc.string(), fc.integer()) })
              .map((c) => Buffer.from(JSON.stringify(c)).toString('base64url')),
          ),
        },
        { requiredKeys: ['date'] },
      ),
    ),
    success: schemaCheck(
      [200],
      v.object({
        date: v.string(),
        items: v.array(ExcuseSchema),
        cursor: v.optional(v.string()),
      }),
    ),
  },
  'DELETE /v1/excuses/:id': {
    as: 'admin',
    params: { id: excuseId },
    success: schemaCheck([200], ExcuseSchema),
  },
  'GET /v1/holidays': {
    as: 'admin',
    query: fc.record(
      { year: fc.integer({ min: 1990, max: 2110 }).map(String) },
      { requiredKeys: [] },
    ),
    success: schemaCheck([200], v.object({ year: v.number(), items: v.array(HolidaySchema) })),
  },
  'GET /v1/holidays/:date': {
    as: 'admin',
    params: { date: holidayDate },
    success: schemaCheck([200], HolidaySchema),
  },
  'PUT /v1/holidays/:date': {
    as: 'admin',
    params: { date: isoDate },
    body: json(fc.record({ name: fc.constantFrom('Hari Raya Natal', 'Idul Fitri 1448 H', ' x ') })),
    success: schemaCheck([200], HolidaySchema),
  },
  'DELETE /v1/holidays/:date': {
    as: 'admin',
    params: { date: holidayDate },
    success: schemaCheck([200], v.object({ date: v.string(), removed: v.literal(true) })),
  },
  'GET /v1/reports': {
    as: 'admin',
    query: fc
      .tuple(isoDate, fc.integer({ min: -3, max: 400 }))
      .map(([from, days]) => ({ from, to: addDays(from, days) })),
    success: schemaCheck([200], ReportListSchema),
  },
  'GET /v1/reports/:date': {
    as: 'admin',
    params: { date: isoDate },
    query: fc.record(
      {
        format: fc.constantFrom('json', 'csv', 'html'),
        lang: fc.constantFrom('id', 'en'),
        live: fc.constantFrom('true', 'false'),
      },
      { requiredKeys: [] },
    ),
    success: reportCheck,
  },
  'GET /v1/audit': {
    as: 'admin',
    query: fc.record(
      {
        from: isoDate,
        to: isoDate,
        actor: fc.constantFrom('bkd-admin', 'system', 'demo-001', 'bad id!'),
        subject: fc.constantFrom('employee:demo-001', 'site:yard', 'report:2026-11-26/pagi', 'x'),
        limit: fc.integer({ min: 0, max: 250 }).map(String),
        cursor,
      },
      { requiredKeys: [] },
    ),
    success: schemaCheck([200], AuditPageSchema),
  },
  // A past month reads each of its days (seconds on dynalite): the fuzz asks for later months
  // and years, and ones that do not exist; MONTH_IN_FUTURE shows a request got through.
  'GET /v1/recaps/:period': {
    as: 'admin',
    reaches: 'MONTH_IN_FUTURE',
    params: {
      period: fc.oneof(
        fc.constantFrom('2099', '2100-12', '2026-13', '1999', '2088-01'),
        fc
          .tuple(fc.integer({ min: 2090, max: 2110 }), fc.integer({ min: 0, max: 13 }))
          .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      ),
    },
    query: fc.record(
      {
        format: fc.constantFrom('json', 'csv', 'xlsx', 'pdf'),
        unit: fc.constantFrom('Dinas Kesehatan', 'dinas pendidikan', 'Nowhere'),
        limit: fc.constantFrom('1', '500', '0'),
      },
      { requiredKeys: [] },
    ),
    success: (a) => {
      if (a.status !== 200) throw new Error(`unexpected ${a.status}: ${a.text.slice(0, 200)}`);
    },
  },
  // Only a recap handed to the background has a status: none in the fuzz's deployment, so a
  // request that got through is told NOT_FOUND (the rest: bad periods, units, roll calls).
  'GET /v1/recaps/:period/job': {
    as: 'admin',
    reaches: 'NOT_FOUND',
    params: {
      period: fc.oneof(
        fc.constantFrom('2026', '2026-11', '2026-13', '1999', '2100-12'),
        fc
          .tuple(fc.integer({ min: 2020, max: 2110 }), fc.integer({ min: 0, max: 13 }))
          .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      ),
    },
    query: fc.record(
      {
        rollCall: fc.constantFrom('pagi', 'sore', 'BAD id'),
        unit: fc.constantFrom('Dinas Kesehatan', 'dinas pendidikan', 'Nowhere'),
      },
      { requiredKeys: [] },
    ),
    success: schemaCheck([200], RecapJobSchema),
  },
  // A past month reads each of its days: mostly months to come and ones that do not exist.
  'GET /v1/me/history': {
    as: 'employee',
    reaches: 'MONTH_IN_FUTURE',
    query: fc.record(
      { month: fc.oneof(month, fc.constantFrom('2026-1', '', 'x')) },
      { requiredKeys: [] },
    ),
    success: schemaCheck([200], HistorySchema),
  },
  'GET /v1/employees/:employeeId/history': {
    as: 'admin',
    reaches: 'MONTH_IN_FUTURE',
    params: { employeeId: fc.constantFrom('demo-001', 'demo-002', 'nobody', 'a%2Fb') },
    query: fc.record({ month: fc.oneof(month, fc.constantFrom('2099-12', '2026-00')) }),
    success: schemaCheck([200], HistorySchema),
  },
  'POST /v1/recaps/:month/lock': {
    as: 'admin',
    params: { month },
    success: schemaCheck([200, 201], MonthLockSchema),
  },
  // Unlocks mostly find nothing locked (404): that it got that far is what shows it through.
  'DELETE /v1/recaps/:month/lock': {
    as: 'admin',
    params: { month },
    body: json(fc.record({ reason: fc.constantFrom('koreksi', ' salah kunci ', 'x'.repeat(500)) })),
    reaches: 'NOT_FOUND',
    success: schemaCheck([200], MonthLockSchema),
  },
  'POST /v1/reports/:date/publish': {
    as: 'admin',
    params: { date: isoDate },
    success: schemaCheck([200], PublishResultSchema),
  },
  'GET /v1/reports/:date/publish': {
    as: 'admin',
    params: { date: mostly(fc.constant('2026-11-26'), isoDate) },
    query: fc.record({ rollCall: fc.constantFrom('pagi', 'sore') }, { requiredKeys: [] }),
    // Only a publication handed to the background has a status: the seeded one of the 26th.
    success: schemaCheck([200], ReportJobSchema),
  },
  'GET /': { as: 'nobody', query: langQuery, success: page(/^text\/html/) },
  'GET /config.json': { as: 'nobody', success: schemaCheck([200], PageConfigResponse) },
  'GET /admin': { as: 'nobody', success: page(/^text\/html/) },
  'GET /admin/*': { as: 'nobody', success: page(/^text\/html/) },
  'GET /assets/:file': {
    as: 'nobody',
    params: { file: fc.constantFrom(...Object.values(PAGE_ASSETS).map((a) => a.file)) },
    success: page(/^(text\/css|text\/javascript|application\/javascript)/),
  },
  'GET /local-issuer/jwks.json': {
    as: 'nobody',
    success: (a) => {
      if (a.status !== 200 || !Array.isArray(a.json?.keys)) throw new Error(`no JWKS: ${a.status}`);
    },
  },
  'GET /local-issuer/authorize': {
    as: 'nobody',
    query: authorizeParams,
    success: page(/^text\/html/),
  },
  'POST /local-issuer/authorize': {
    as: 'nobody',
    body: form(
      fc
        .tuple(
          authorizeParams,
          fc.record(
            {
              employee: fc.constantFrom('demo-001', 'demo-002', 'bkd-admin', 'nobody-here'),
              cancel: fc.constant('1'),
            },
            { requiredKeys: [] },
          ),
        )
        .map(([q, choice]) => ({ ...q, ...choice })),
    ),
    success: redirectCheck,
  },
  // A code is single-use and comes from a sign-in the fuzz cannot complete: every well-formed
  // request is refused with INVALID_GRANT, and the property is that nothing else happens.
  'POST /local-issuer/token': {
    as: 'nobody',
    body: form(
      fc.record({
        grant_type: fc.constant('authorization_code'),
        code: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        redirect_uri: fc.constant('http://localhost/'),
        client_id: fc.constant(LOCAL_AUDIENCE),
        code_verifier: fc.stringMatching(/^[A-Za-z0-9._~-]{43,64}$/),
      }),
    ),
    reaches: 'INVALID_GRANT',
    success: (a) => {
      throw new Error(`a token for a code nobody was given: ${a.status} ${a.text}`);
    },
  },
  ...presenceSpecs,
  ...staffSpecs,
  ...markSpecs,

  ...appealSpecs,
  'GET /wall': { as: 'employee', query: langQuery, success: page(/^text\/html/) },
  'GET /wall/:date': {
    as: 'employee',
    // Mostly the published day: any other is a 404, which tells nothing of the wall.
    params: { date: mostly(fc.constant('2026-11-26'), isoDate) },
    query: langQuery,
    success: page(/^text\/html/),
  },
});
