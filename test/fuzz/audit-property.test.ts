import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Answer } from '../support/answer';
import { testRuntime } from '../support/app';
import { fuzzParams, fuzzTimeout } from '../support/fuzz/oracle';
import { FakeClock } from '../support/memory-store';
import { type Endpoint, endpointsOf } from '../support/routes';
import { SoftAuthenticator } from '../support/soft-authenticator';
import { requestFor, seedFuzzRuntime, send } from './endpoint-fuzz';
import { type EndpointSpec, endpointSpecs } from './endpoint-specs';

/**
 * The audit log's property (issue 15, item 5): over generated sequences of requests to every
 * mutating route, each successful change writes exactly one entry naming its actor, action and
 * subject, and each refused or failed request writes none. The routes come from the app's own
 * OpenAPI document: a mutating route added later, and not listed below, fails the first test.
 */

// Friday 27 November 2026, 07:12 WIB, as the endpoint fuzz; a second passes before each request.
const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
const rt = await testRuntime(clock, { roster: 40 });
afterAll(() => rt.close());
await seedFuzzRuntime(rt, clock);

interface Written {
  readonly action: string;
  /** The subject, or a kind prefix (`employee:`) when the answer does not name each one. */
  readonly subject: string;
}
type Expect = (a: Answer, ctx: { who: string; at: string }) => Written[];

const one = (action: string, subject: string): Written[] => [{ action, subject }];

/** What a success of each mutating route writes, read from its answer. */
const AUDITED: Readonly<Record<string, Expect>> = {
  'PUT /v1/settings': () => one('settings.put', 'settings:deployment'),
  'PUT /v1/rollcalls/:id': (a) => one('rollcall.put', `rollcall:${a.json.id}`),
  'DELETE /v1/rollcalls/:id': (a) => one('rollcall.delete', `rollcall:${a.json.id}`),
  'PUT /v1/sites/:siteId': (a) => one('site.put', `site:${a.json.id}`),
  'DELETE /v1/sites/:siteId': (a) => one('site.delete', `site:${a.json.siteId}`),
  'POST /v1/sites/:siteId/code/rotate': (a) => one('groundcode.rotate', `site:${a.json.siteId}`),
  'PUT /v1/employees/:employeeId': (a) => one('employee.put', `employee:${a.json.employeeId}`),
  'PATCH /v1/employees/:employeeId': (a) => one('employee.patch', `employee:${a.json.employeeId}`),
  'DELETE /v1/employees/:employeeId': (a) =>
    one('employee.delete', `employee:${a.json.employeeId}`),
  // One per employee the import changed; a dry run writes nothing.
  'POST /v1/employees/import': (a) =>
    a.json.dryRun === true
      ? []
      : Array.from({ length: a.json.created + a.json.updated }, () => ({
          action: 'employee.import',
          subject: 'employee:',
        })),
  // 200: the same excuse stood already, nothing changed.
  'POST /v1/excuses': (a) =>
    a.status === 201 ? one('excuse.create', `excuse:${a.json.excuseId}`) : [],
  // Revoked by this very request (its instant), or it had been revoked before: nothing changed.
  'DELETE /v1/excuses/:id': (a, { who, at }) =>
    a.json.revokedBy === who && a.json.revokedAt === at
      ? one('excuse.revoke', `excuse:${a.json.excuseId}`)
      : [],
  'PUT /v1/holidays/:date': (a) => one('holiday.put', `holiday:${a.json.date}`),
  'DELETE /v1/holidays/:date': (a) => one('holiday.delete', `holiday:${a.json.date}`),
  'POST /v1/reports/:date/publish': (a) =>
    a.json.changed ? one('report.publish', `report:${a.json.date}/${a.json.rollCallId}`) : [],
  'POST /v1/me/passkeys': (_a, { who }) => one('passkey.register', `passkey:${who}`),
  'POST /v1/employees/:employeeId/passkeys/:credentialId/approve': (a) =>
    one('passkey.approve', `passkey:${a.json.employeeId}`),
  'PUT /v1/staff/:userId': (a) => one('staff.put', `staff:${a.json.userId}`),
  'DELETE /v1/staff/:userId': (a) => one('staff.delete', `staff:${a.json.userId}`),
  // Placed or replaced by this very request (its instant); a repeat of the same mark answers the
  // one that stood, and changed nothing.
  'PUT /v1/attendance/:date/:rollCallId/:employeeId': (a, { at }) =>
    a.json.markedAt === at
      ? one('mark.put', `mark:${a.json.date}/${a.json.rollCallId}/${a.json.employeeId}`)
      : [],
  'DELETE /v1/attendance/:date/:rollCallId/:employeeId': (a) =>
    one('mark.delete', `mark:${a.json.date}/${a.json.rollCallId}/${a.json.employeeId}`),
  'POST /v1/appeals': (a) =>
    one(a.status === 201 ? 'appeal.create' : 'appeal.update', `appeal:${a.json.appeal.appealId}`),
  // The decision, then what an accepted one recorded: a mark, or an excuse for the day.
  'POST /v1/appeals/:id/decision': (a) => {
    const appeal = a.json.appeal;
    const decide = one('appeal.decide', `appeal:${appeal.appealId}`);
    if (appeal.status !== 'accepted') return decide;
    return appeal.claim === 'present'
      ? [
          ...decide,
          {
            action: 'mark.put',
            subject: `mark:${appeal.date}/${appeal.rollCallId}/${appeal.employeeId}`,
          },
        ]
      : [...decide, { action: 'excuse.create', subject: 'excuse:' }];
  },
  // 200: the month was locked already, nothing changed.
  'POST /v1/recaps/:month/lock': (a) =>
    a.status === 201 ? one('month.lock', `month:${a.json.month}`) : [],
  'DELETE /v1/recaps/:month/lock': (a) => one('month.unlock', `month:${a.json.month}`),
  'DELETE /v1/employees/:employeeId/passkeys': (a) =>
    one('passkey.reset', `passkey:${a.json.employeeId}`),
};

/** Mutating routes that change nothing an admin keeps, and why they are not in the log. */
const NOT_AUDITED: Readonly<Record<string, string>> = {
  // The check-in is the record itself (kept with its attempts); at 1,000 a second it would put
  // the log's month partition over DynamoDB's write limit (docs/architecture.md, "Audit").
  'POST /v1/checkins': 'the check-in and its attempts are their own record',
  'POST /v1/me/passkeys/options': 'a single-use challenge that expires; nothing is changed',
  'POST /local-issuer/authorize': 'the local demo sign-in, not a deployment',
  'POST /local-issuer/token': 'the local demo sign-in, not a deployment',
};

const MUTATING = ['post', 'put', 'patch', 'delete'];

async function documentedMutations(): Promise<string[]> {
  const doc = (await rt.call('GET', '/v1/openapi.json')).json as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => MUTATING.includes(m))
      .map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

const sameWrite = (w: Written, e: { action: string; subject: string }) =>
  e.action === w.action &&
  (w.subject.endsWith(':') ? e.subject.startsWith(w.subject) : e.subject === w.subject);

type Step = { e: Endpoint; spec: EndpointSpec; req: Parameters<typeof send>[2] };
const successes = new Map<string, number>();

/** Send one request and hold the entries it wrote to what its answer says it changed. */
async function check(e: Step['e'], spec: Step['spec'], req: Step['req']) {
  clock.advance(1_000);
  const at = clock.now().toISOString();
  const a = await send(rt, spec, req);
  const written = await rt.stores.audit.search({
    from: at,
    to: new Date(clock.now().getTime() + 1).toISOString(),
    limit: 1_000,
  });
  expect(a.status, a.text.slice(0, 300)).toBeLessThan(500);
  const all = written.items.map((x) => ({ actor: x.actor, action: x.action, subject: x.subject }));
  // A correction of a published day republishes it: the system's entry, not the request's own.
  const republish = (g: { actor: string; action: string }) =>
    g.actor === 'system' && g.action === 'report.publish';
  const got = all.filter((g) => !republish(g));
  if (a.status >= 300)
    expect(all.filter(republish), `${e.key} refused, yet republished`).toEqual([]);
  // A request that matched no route (another method) or was refused writes nothing.
  if (a.status >= 300 || req.method !== e.method) {
    expect(got, `${req.method} ${req.url} → ${a.status}`).toEqual([]);
    return;
  }
  successes.set(e.key, (successes.get(e.key) ?? 0) + 1);
  const want = (AUDITED[e.key] as Expect)(a, { who: req.who, at });
  expect(got.length, `${e.key} → ${a.status} ${a.text.slice(0, 200)}`).toBe(want.length);
  for (const g of got) expect(g.actor, e.key).toBe(req.who);
  const unmatched = [...got];
  for (const w of want) {
    const i = unmatched.findIndex((g) => sameWrite(w, g));
    expect(
      i,
      `${e.key}: no entry ${w.action} ${w.subject} in ${JSON.stringify(got)}`,
    ).toBeGreaterThanOrEqual(0);
    unmatched.splice(i, 1);
  }
}

/** A well-formed request as the fuzz would send it, for the sequence every route succeeds in. */
function plain(
  method: string,
  url: string,
  who: string,
  body?: unknown,
  type = 'application/json',
): Step['req'] {
  return {
    method,
    url,
    who,
    params: {},
    query: '',
    employee: who,
    headers: { contentType: body === undefined ? null : type, extra: {} },
    body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
  } as unknown as Step['req'];
}

/** One the day's published report names absent: they may appeal it. */
async function absentOn(date: string): Promise<string> {
  const report = await rt.call('GET', `/v1/reports/${date}`, { as: 'bkd-admin', admin: true });
  const first = report.json.absent?.[0]?.employeeId as string | undefined;
  if (!first) throw new Error(`nobody absent on ${date}: ${report.status}`);
  return first;
}

describe('every change is audited once, a failure never', () => {
  it('knows every mutating route of the OpenAPI document, and no route it does not have', async () => {
    const documented = await documentedMutations();
    const served = endpointsOf(rt.app)
      .filter((e) => MUTATING.includes(e.method.toLowerCase()))
      .map((e) => e.key);
    const known = [...Object.keys(AUDITED), ...Object.keys(NOT_AUDITED)].sort();
    // Every documented mutation is decided; a served one missing from the document is too.
    expect([...new Set([...documented, ...served])].sort()).toEqual(known);
    expect(documented.filter((k) => k in AUDITED).sort()).toEqual(Object.keys(AUDITED).sort());
  });

  it('a sequence of well-formed requests: every audited route succeeds and writes its entries', async () => {
    const specs = endpointSpecs(() => clock.now());
    const byKey = new Map(endpointsOf(rt.app).map((e) => [e.key, e]));
    const run = async (key: string, req: Step['req']) => {
      const e = byKey.get(key);
      const spec = specs[key];
      if (!e || !spec) throw new Error(`${key}: not served`);
      await check(e, spec, req);
      expect(successes.get(key), `${key} did not succeed`).toBeGreaterThan(0);
    };
    const A = 'bkd-admin';
    const emp = { name: 'Uji Audit', unit: 'BKD', siteIds: ['balai-kota-medan'], active: true };
    const settings = (await rt.call('GET', '/v1/settings', { as: A, admin: true })).json;
    const sore = {
      name: 'Sore',
      schedule: { kind: 'daily' },
      opensAt: '15:30',
      startsAt: '16:00',
      closesAt: '16:30',
      reportAt: '17:00',
      active: true,
    };
    const ground = {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [98.6, 3.5],
            [98.601, 3.5],
            [98.601, 3.501],
            [98.6, 3.501],
            [98.6, 3.5],
          ],
        ],
      },
      properties: { name: 'Uji' },
    };
    const excuse = { employeeId: 'demo-005', from: '2026-11-27', to: '2026-11-27', kind: 'duty' };
    await run('PUT /v1/settings', plain('PUT', '/v1/settings', A, settings));
    await run('PUT /v1/rollcalls/:id', plain('PUT', '/v1/rollcalls/sore', A, sore));
    await run('DELETE /v1/rollcalls/:id', plain('DELETE', '/v1/rollcalls/sore', A));
    await run('PUT /v1/sites/:siteId', plain('PUT', '/v1/sites/uji', A, ground));
    await run('POST /v1/sites/:siteId/code/rotate', plain('POST', '/v1/sites/uji/code/rotate', A));
    await run('DELETE /v1/sites/:siteId', plain('DELETE', '/v1/sites/uji', A));
    await run('PUT /v1/employees/:employeeId', plain('PUT', '/v1/employees/uji-1', A, emp));
    await run(
      'PATCH /v1/employees/:employeeId',
      plain('PATCH', '/v1/employees/uji-1', A, { unit: 'Dinas Kesehatan' }),
    );
    await run('DELETE /v1/employees/:employeeId', plain('DELETE', '/v1/employees/uji-1', A));
    const csv =
      'NIP;Nama;Unit kerja;Lapangan;Aktif\nuji-2;Dua;BKD;balai-kota-medan;Aktif\nuji-3;Tiga;BKD;balai-kota-medan;Aktif\n';
    await run(
      'POST /v1/employees/import',
      plain('POST', '/v1/employees/import', A, csv, 'text/csv'),
    );
    await run('POST /v1/excuses', plain('POST', '/v1/excuses', A, excuse));
    const made = await rt.call('POST', '/v1/excuses', { as: A, admin: true, body: excuse });
    await run('DELETE /v1/excuses/:id', plain('DELETE', `/v1/excuses/${made.json.excuseId}`, A));
    await run(
      'PUT /v1/holidays/:date',
      plain('PUT', '/v1/holidays/2026-12-25', A, { name: 'Natal' }),
    );
    await run('DELETE /v1/holidays/:date', plain('DELETE', '/v1/holidays/2026-12-25', A));
    await run('POST /v1/reports/:date/publish', plain('POST', '/v1/reports/2026-11-25/publish', A));
    const phone = new SoftAuthenticator('localhost', 'http://localhost');
    const opts = await rt.call('POST', '/v1/me/passkeys/options', { as: 'demo-007', body: {} });
    await run(
      'POST /v1/me/passkeys',
      plain('POST', '/v1/me/passkeys', 'demo-007', phone.register(opts.json.challenge)),
    );
    const second = new SoftAuthenticator('localhost', 'http://localhost');
    const opts2 = await rt.call('POST', '/v1/me/passkeys/options', { as: 'demo-007', body: {} });
    await run(
      'POST /v1/me/passkeys',
      plain('POST', '/v1/me/passkeys', 'demo-007', second.register(opts2.json.challenge)),
    );
    await run(
      'POST /v1/employees/:employeeId/passkeys/:credentialId/approve',
      plain('POST', `/v1/employees/demo-007/passkeys/${second.id}/approve`, A),
    );
    await run(
      'DELETE /v1/employees/:employeeId/passkeys',
      plain('DELETE', '/v1/employees/demo-007/passkeys', A),
    );
    const grant = { roles: ['operator'], units: ['Dinas Kesehatan'], rollCallIds: [] };
    await run('PUT /v1/staff/:userId', plain('PUT', '/v1/staff/uji-op', A, grant));
    await run('DELETE /v1/staff/:userId', plain('DELETE', '/v1/staff/uji-op', A));
    const mark = { status: 'on_time', reason: 'HP mati di lapangan' };
    const markUrl = '/v1/attendance/2026-11-27/pagi/demo-030';
    await run('PUT /v1/attendance/:date/:rollCallId/:employeeId', plain('PUT', markUrl, A, mark));
    await run('DELETE /v1/attendance/:date/:rollCallId/:employeeId', plain('DELETE', markUrl, A));
    await run('POST /v1/recaps/:month/lock', plain('POST', '/v1/recaps/2026-10/lock', A));
    await run(
      'DELETE /v1/recaps/:month/lock',
      plain('DELETE', '/v1/recaps/2026-10/lock', A, { reason: 'koreksi rekap Oktober' }),
    );
    // Thursday's pagi, appealed on Friday morning by one who did not check in, then rejected.
    const appeal = { date: '2026-11-26', claim: 'present', reason: 'GPS saya bermasalah' };
    const filer = await absentOn('2026-11-26');
    await run('POST /v1/appeals', plain('POST', '/v1/appeals', filer, appeal));
    await run(
      'POST /v1/appeals/:id/decision',
      plain('POST', `/v1/appeals/2026-11-26.pagi.${filer}/decision`, A, {
        decision: 'reject',
        note: 'Tidak ada bukti',
      }),
    );
    expect([...successes.keys()].sort()).toEqual(Object.keys(AUDITED).sort());
  });

  it(
    'for generated sequences of requests: exactly the entries each success names, none for a failure',
    async () => {
      const specs = endpointSpecs(() => clock.now());
      const endpoints = endpointsOf(rt.app).filter((e) => e.key in AUDITED);
      let generated = 0;
      const step = fc.oneof(
        ...endpoints.map((e) => {
          const spec = specs[e.key];
          if (!spec) throw new Error(`${e.key}: no fuzz spec`);
          return requestFor(e, spec).map((req) => ({ e, spec, req }));
        }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
          for (const { e, spec, req } of steps) {
            const before = successes.get(e.key) ?? 0;
            await check(e, spec, req);
            if ((successes.get(e.key) ?? 0) > before) generated++;
          }
        }),
        { ...fuzzParams(), numRuns: Math.max(40, Math.ceil(fuzzParams().numRuns ?? 0) / 2) },
      );
      // Generated requests that never got past the validators would prove nothing about the log.
      expect(generated, JSON.stringify([...successes])).toBeGreaterThan(0);
    },
    // A month's lock builds and keeps that month's recap (every day, every roll call): a
    // sequence of locks and unlocks takes seconds, and more on a loaded machine.
    fuzzTimeout(2000),
  );
});
