import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { publishReport } from '../../functions/core/publish';
import { runJob } from '../../functions/core/report-jobs';
import { withRollCall } from '../../functions/core/rollcalls';
import { excuseIdOf } from '../../functions/http/routes/excuses';
import { answerOf } from '../support/answer';
import { testRuntime } from '../support/app';
import { brokenJson } from '../support/fuzz/json';
import { expectNo5xx, FUZZ_RUNS, fuzzParams, fuzzTimeout } from '../support/fuzz/oracle';
import { headers, queryString, segment } from '../support/fuzz/request';
import { SEEDED } from '../support/fuzz/valid-inputs';
import { FakeClock } from '../support/memory-store';
import { type Endpoint, endpointsOf, fillPath } from '../support/routes';
import { square } from '../support/shapes';
import { type EndpointSpec, endpointSpecs } from './endpoint-specs';

export type Runtime = Awaited<ReturnType<typeof testRuntime>>;

/** One generated request for an endpoint: path params, query, headers, body, who asks. */
export function requestFor(e: Endpoint, spec: EndpointSpec) {
  const params: Record<string, fc.Arbitrary<string>> = {};
  for (const name of e.params) {
    const valid = spec.params?.[name];
    if (!valid) throw new Error(`${e.key}: no generator for :${name}`);
    params[name] = segment(valid);
  }
  // PATCH and OPTIONS match no route: the 404 must be in the contract too.
  const method = fc.oneof(
    { arbitrary: fc.constant(e.method), weight: 19 },
    { arbitrary: fc.constantFrom('PATCH', 'OPTIONS'), weight: 1 },
  );
  return fc
    .record({
      method,
      params: fc.record(params),
      query: queryString(spec.query ?? fc.constant({})),
      headers: headers(spec.body?.type ?? null),
      body: spec.body ? spec.body.text : fc.option(brokenJson, { freq: 4 }),
      employee: fc.integer({ min: 1, max: 80 }).map((n) => `demo-${String(n).padStart(3, '0')}`),
    })
    .map((r) => ({
      ...r,
      who: spec.as === 'admin' ? 'bkd-admin' : spec.as === 'employee' ? r.employee : '',
      url: `${fillPath(e.path, r.params)}${r.query}`,
      // A GET cannot carry a body (fetch refuses to build one).
      body: r.method === 'GET' ? null : r.body,
    }));
}

export async function send(
  rt: Runtime,
  spec: EndpointSpec,
  req: ReturnType<typeof requestFor> extends fc.Arbitrary<infer R> ? R : never,
) {
  const h: Record<string, string> = { ...req.headers.extra };
  if (req.headers.contentType) h['content-type'] = req.headers.contentType;
  if (req.headers.authorization !== undefined) {
    if (req.headers.authorization !== null) h.authorization = req.headers.authorization;
  } else if (spec.as !== 'nobody') {
    h.authorization = `Bearer ${await rt.token(req.who, spec.as === 'admin')}`;
  }
  const res = await rt.app.request(req.url, {
    method: req.method,
    headers: h,
    ...(req.body === null ? {} : { body: req.body }),
  });
  return answerOf(res);
}

/** What the fuzz's requests act on: a holiday, grounds, roll calls, an excuse, a published day. */
export async function seedFuzzRuntime(rt: Runtime, clock: FakeClock) {
  await rt.stores.holidays.put(SEEDED.holiday);
  for (const userId of SEEDED.staff) {
    await rt.stores.staff.put({ userId, roles: ['officer'], units: [], rollCallIds: ['pagi'] });
  }
  for (const siteId of SEEDED.sites) {
    await rt.stores.sites.put({ siteId, name: siteId, geometry: square(98.7, 3.6, 50) });
  }
  for (const [i, id] of SEEDED.rollCalls.entries()) {
    const h = String(12 + i);
    await rt.stores.settings.changeRules((rules) =>
      withRollCall(rules, {
        id,
        name: id,
        schedule: { kind: 'daily' },
        opensAt: `${h}:00`,
        startsAt: `${h}:05`,
        closesAt: `${h}:10`,
        reportAt: `${h}:15`,
        active: true,
      }),
    );
  }
  await rt.stores.excuses.put({
    ...SEEDED.excuse,
    excuseId: excuseIdOf(SEEDED.excuse),
    createdAt: '2026-11-20T02:00:00.000Z',
    createdBy: 'bkd-admin',
  });
  // A published day, so that the wall has something to show; published again as a background
  // job would, so that GET …/publish has a status to answer.
  await publishReport({ ...rt, clock }, '2026-11-26');
  await runJob({ ...rt, clock }, { kind: 'publish', date: '2026-11-26', rollCallId: 'pagi' });
}

/**
 * Fuzz one half of the app's endpoints (every other one in route order, so that a new route
 * lands in one half or the other): two files, so that vitest runs them on two cores.
 */
export async function fuzzEndpoints(half: 0 | 1) {
  // Friday 27 November 2026, 07:12 WIB: check-in is open, so valid bodies reach the store.
  const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
  // A roster of 60 (demo-001…060; the fuzz also signs in as demo-061…080, who are not on it)
  // keeps every report the fuzz asks for cheap to build.
  const rt = await testRuntime(clock, { roster: 60 });
  afterAll(() => rt.close());
  await seedFuzzRuntime(rt, clock);
  const specs = endpointSpecs(() => clock.now());
  const endpoints = endpointsOf(rt.app);

  describe('fuzzing every endpoint in process (bodies, query strings, headers, path params)', () => {
    // Checked once, in the first half.
    if (half === 0) {
      it('has a fuzz spec for every route the app serves, and none for a route it does not', () => {
        expect(endpoints.map((e) => e.key).sort()).toEqual(Object.keys(specs).sort());
        for (const e of endpoints) {
          expect(Object.keys(specs[e.key]?.params ?? {}).sort(), e.key).toEqual(
            [...e.params].sort(),
          );
        }
      });
    }

    for (const [i, e] of endpoints.entries()) {
      const spec = specs[e.key];
      if (i % 2 !== half || !spec) continue; // no spec: the test above names it
      it(
        `${e.key}: ${FUZZ_RUNS} requests, never a 5xx, every error in the contract`,
        async () => {
          const settings = await rt.stores.settings.getSettings();
          const tally = new Map<string, number>();
          let successes = 0;
          await fc.assert(
            fc.asyncProperty(requestFor(e, spec), async (req) => {
              const a = await send(rt, spec, req);
              const k = a.status < 400 ? String(a.status) : `${a.status} ${a.json?.error?.code}`;
              tally.set(k, (tally.get(k) ?? 0) + 1);
              if (a.status < 400 || (spec.reaches && a.json?.error?.code === spec.reaches)) {
                successes++;
              }
              expectNo5xx(a, (ok) => spec.success(ok, { who: req.who, settings }));
            }),
            fuzzParams(),
          );
          if (process.env.FUZZ_STATS) console.log('FUZZ_STATS', e.key, JSON.stringify([...tally]));
          // Generators that never get past the validators would test only the validators.
          if (FUZZ_RUNS >= 100) expect(successes, JSON.stringify([...tally])).toBeGreaterThan(0);
        },
        fuzzTimeout(),
      );
    }

    it('left Object.prototype as it was (no "__proto__" field reached it)', () => {
      expect(Object.keys(Object.prototype)).toEqual([]);
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });
  });
}
