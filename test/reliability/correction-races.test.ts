import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredAuditEntry } from '../../functions/core/audit';
import { type Republisher, republishCorrected } from '../../functions/core/corrections';
import { buildDayReport, contentHash } from '../../functions/core/publish';
import type { Report } from '../../functions/core/report';
import { reportKey } from '../../functions/core/report-files';
import { createApp } from '../../functions/http/app';
import type { AppEnv } from '../../functions/http/env';
import { demoEmployeeId } from '../../functions/local/demo';
import { type Answer, answerOf } from '../support/answer';
import { testRuntime } from '../support/app';
import { backends } from '../support/dynamo';
import { FakeClock } from '../support/memory-store';

// Issue 15.4: corrections of one published day made at once — marks, a withdrawal, an excuse,
// accepted appeals of both claims, roster dates, a holiday — through the routes, republished
// locally (inside each request) and as on AWS (the report function, invoked asynchronously, many
// at once). None is lost, in the last version or in any after the one that first showed it; every
// version is a real change; the wall says "corrected"; the audit log has one entry per change.

const DATE = '2026-11-27'; // Friday
const NINE_WIB = '2026-11-27T02:00:00.000Z'; // pagi closed at 08:00: published, appeals open
const ROSTER = 20;
const id = demoEmployeeId;
const ADMIN = 'bkd-admin';
const REASON = 'HP mati, hadir di lapangan (dilihat petugas)';
/** Fifteen requests, each republishing the day it corrected while the others write: on the
 * shared test machine a burst took up to 40 s. */
const RACE_TIMEOUT_MS = 180_000;

type Call = (
  method: string,
  path: string,
  opts?: { as?: string; admin?: boolean; body?: unknown },
) => Promise<Answer>;
type Runtime = Awaited<ReturnType<typeof testRuntime>>;

/**
 * How the report function republishes on AWS (adapters/lambda-republisher.ts): the request only
 * asks; each ask is its own run of republishCorrected, started a moment later and running beside
 * every other (one Lambda instance each), with Lambda's two retries of a run that failed.
 */
function asynchronousRepublisher(rt: Runtime) {
  const deps = { stores: rt.stores, publisher: rt.publisher, clock: rt.clock };
  const runs: Promise<unknown>[] = [];
  const failures: Error[] = [];
  const republisher: Republisher = {
    async republish(targets) {
      const run = async () => {
        for (let attempt = 0; attempt < 3; attempt++) {
          await new Promise((r) => setTimeout(r, Math.random() * 20));
          const failed = (await republishCorrected(deps, targets)).flatMap((r) =>
            r.error ? [r.error] : [],
          );
          if (failed.length === 0) return;
          if (attempt === 2) failures.push(...failed);
        }
      };
      runs.push(run());
    },
  };
  return {
    republisher,
    /** Every run asked for so far, finished; the failures that outlived their retries. */
    async drain() {
      while (runs.length > 0) await runs.shift();
      return failures.splice(0);
    },
  };
}

const MODES = [
  { name: 'locally (inside each request)', aws: false },
  { name: 'as on AWS (asynchronous report function runs)', aws: true },
];

describe.each(backends())(
  'concurrent corrections of one published day, store on $name',
  (backend) => {
    describe.each(MODES)('republished $name', (mode) => {
      const clock = new FakeClock(new Date(NINE_WIB));
      let server: Awaited<ReturnType<typeof backend.start>>;
      let rt: Runtime;
      let call: Call;
      let drain: () => Promise<Error[]> = async () => [];
      let firstVersion = 0;
      let afterRound1 = 0;
      let excuseId = '';

      beforeAll(async () => {
        server = await backend.start();
        rt = await testRuntime(clock, { roster: ROSTER, endpoint: server.endpoint });
        let app: Hono<AppEnv> = rt.app;
        if (mode.aws) {
          const a = asynchronousRepublisher(rt);
          drain = a.drain;
          app = createApp({
            stores: rt.stores,
            publisher: rt.publisher,
            clock: rt.clock,
            verify: rt.verify,
            logger: { info: () => {}, warn: () => {}, error: () => {} },
            republisher: a.republisher,
          });
        }
        call = async (method, path, opts = {}) => {
          const headers: Record<string, string> = {};
          if (opts.as) headers.authorization = `Bearer ${await rt.token(opts.as, opts.admin)}`;
          if (opts.body !== undefined) headers['content-type'] = 'application/json';
          const res = await app.request(path, {
            method,
            headers,
            ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
          });
          return answerOf(res);
        };
        // demo-014 was marked before the day was published: its withdrawal is one of the races.
        const marked = await call('PUT', `/v1/attendance/${DATE}/pagi/${id(14)}`, {
          as: ADMIN,
          admin: true,
          body: { status: 'on_time', reason: REASON },
        });
        expect(marked.status).toBe(201);
        const published = await call('POST', `/v1/reports/${DATE}/publish`, {
          as: ADMIN,
          admin: true,
        });
        expect(published.status).toBe(200);
        firstVersion = published.json.version;
        expect(firstVersion).toBe(1);
        for (const [n, claim] of [
          [10, 'present'],
          [11, 'excused'],
        ] as const) {
          const appeal = await call('POST', '/v1/appeals', {
            as: id(n),
            body: {
              date: DATE,
              claim,
              ...(claim === 'excused' ? { kind: 'sick' } : {}),
              reason: 'Saya hadir, GPS error',
            },
          });
          expect(appeal.status).toBe(201);
        }
      });
      afterAll(async () => {
        await drain();
        await rt.close();
        await server.stop();
      });

      const admin = (method: string, path: string, body?: unknown) =>
        call(method, path, { as: ADMIN, admin: true, ...(body === undefined ? {} : { body }) });
      const markPath = (n: number) => `/v1/attendance/${DATE}/pagi/${id(n)}`;

      it(
        'publishes every correction of a burst: none lost in any version, each version a change',
        async () => {
          const onTime = { status: 'on_time', reason: REASON };
          const late = { status: 'late', at: '07:40', reason: 'datang terlambat' };
          const accept = { decision: 'accept', note: 'Terlihat di foto apel' };
          const burst = [
            // Marks for eight people, demo-001's sent twice (the same statement: one mark, one entry).
            ...[1, 2, 3, 4].map((n) => admin('PUT', markPath(n), onTime)),
            ...[5, 6, 7, 8].map((n) => admin('PUT', markPath(n), late)),
            admin('PUT', markPath(1), onTime),
            admin('DELETE', markPath(14)),
            admin('POST', '/v1/excuses', { employeeId: id(9), from: DATE, to: DATE, kind: 'duty' }),
            admin('POST', `/v1/appeals/${DATE}.pagi.${id(10)}/decision`, accept),
            admin('POST', `/v1/appeals/${DATE}.pagi.${id(11)}/decision`, accept),
            // Roster dates: demo-012 left the day before, demo-013 starts the day after.
            admin('PATCH', `/v1/employees/${id(12)}`, { until: '2026-11-26' }),
            admin('PATCH', `/v1/employees/${id(13)}`, { since: '2026-11-28' }),
          ];
          const answers = await Promise.all(burst);
          expect(answers.map((a) => a.status).filter((s) => s >= 300)).toEqual([]);
          expect(
            answers
              .slice(0, 4)
              .concat(answers[8] as Answer)
              .map((a) => a.status)
              .sort(),
          ).toEqual([200, 201, 201, 201, 201]);
          excuseId = answers[10]?.json.excuseId;
          expect(await drain()).toEqual([]);

          const versions = await standing();
          afterRound1 = versions.length;
          const last = versions.at(-1) as Report;
          const seen = corrections(last);
          expect(Object.entries(seen).filter(([, shown]) => !shown)).toEqual([]);
          expect(last.totals.expected).toBe(ROSTER - 2);
          // From the version that first shows a correction on, every later one shows it too.
          for (const name of Object.keys(seen) as (keyof typeof seen)[]) {
            const shown = versions.slice(1).map((r) => corrections(r)[name]);
            expect(shown.slice(shown.indexOf(true)).every(Boolean), name).toBe(true);
          }
          // Fourteen changes of the store (the repeated mark is none): at most fourteen new
          // versions, at least one.
          expect(versions.length - firstVersion).toBeGreaterThanOrEqual(1);
          expect(versions.length - firstVersion).toBeLessThanOrEqual(14);

          const entries = await auditOf();
          const count = (action: string, subject: string) =>
            entries.filter((e) => e.action === action && e.subject === subject).length;
          for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
            expect(count('mark.put', `mark:${DATE}/pagi/${id(n)}`), id(n)).toBe(1);
          }
          expect(count('mark.delete', `mark:${DATE}/pagi/${id(14)}`)).toBe(1);
          expect(count('excuse.create', `excuse:${excuseId}`)).toBe(1);
          expect(count('appeal.decide', `appeal:${DATE}.pagi.${id(10)}`)).toBe(1);
          expect(count('appeal.decide', `appeal:${DATE}.pagi.${id(11)}`)).toBe(1);
          expect(count('mark.put', `mark:${DATE}/pagi/${id(10)}`)).toBe(1);
          expect(entries.filter((e) => e.action === 'excuse.create')).toHaveLength(2);
          expect(count('employee.patch', `employee:${id(12)}`)).toBe(1);
          expect(count('employee.patch', `employee:${id(13)}`)).toBe(1);
        },
        RACE_TIMEOUT_MS,
      );

      it(
        'publishes a holiday declared among other corrections, and its withdrawal after',
        async () => {
          const burst = await Promise.all([
            admin('PUT', `/v1/holidays/${DATE}`, { name: 'Cuti bersama' }),
            admin('PUT', markPath(15), { status: 'on_time', reason: REASON }),
            admin('PUT', markPath(16), { status: 'late', at: '07:50', reason: 'ban bocor' }),
            admin('DELETE', `/v1/excuses/${excuseId}`),
          ]);
          expect(burst.map((a) => a.status)).toEqual([200, 201, 201, 200]);
          expect(await drain()).toEqual([]);
          const holiday = (await standing()).at(-1) as Report;
          expect([holiday.workday, holiday.holiday, holiday.absent]).toEqual([
            false,
            'Cuti bersama',
            [],
          ]);
          expect(holiday.version - afterRound1).toBeGreaterThanOrEqual(1);
          expect(holiday.version - afterRound1).toBeLessThanOrEqual(4);

          expect((await admin('DELETE', `/v1/holidays/${DATE}`)).status).toBe(200);
          expect(await drain()).toEqual([]);
          const versions = await standing();
          const last = versions.at(-1) as Report;
          expect(last.version).toBe(holiday.version + 1);
          expect(last.workday).toBe(true);
          expect(last.marked?.map((m) => m.employeeId)).toEqual(
            expect.arrayContaining([id(15), id(1), id(10)]),
          );
          expect(last.late.map((p) => p.employeeId)).toContain(id(16));
          // The revoked excuse no longer counts: demo-009 is named absent again.
          expect(last.absent.map((p) => p.employeeId)).toContain(id(9));
          const entries = await auditOf();
          expect(entries.filter((e) => e.action === 'holiday.put')).toHaveLength(1);
          expect(entries.filter((e) => e.action === 'holiday.delete')).toHaveLength(1);
          expect(entries.filter((e) => e.action === 'excuse.revoke')).toHaveLength(1);
        },
        RACE_TIMEOUT_MS,
      );

      /**
       * The day once nothing is pending: its versions 1..n, each file there, each unlike the one
       * before; n's content is the store's now, it is the day's current report, and the wall says
       * it was corrected, as version n. The audit log has one `report.publish` per version.
       */
      async function standing(): Promise<Report[]> {
        expect(await rt.stores.corrections.pending()).toEqual([]);
        const newest = await rt.stores.publications.newest(DATE, 'pagi');
        const live = await buildDayReport(rt.stores, DATE, 'pagi');
        expect(newest?.hash).toBe(contentHash(live.content));
        const n = newest?.version ?? 0;
        const versions: Report[] = [];
        for (let v = 1; v <= n; v++) {
          const text = await rt.publisher.read(reportKey(DATE, 'report.json', v));
          expect(text, `version ${v}`).not.toBeNull();
          versions.push(JSON.parse(text as string));
        }
        expect(versions.map((r) => r.version)).toEqual(versions.map((_, i) => i + 1));
        const contents = versions.map(({ generatedAt, version, rollCall, ...c }) =>
          JSON.stringify(c),
        );
        for (let i = 1; i < contents.length; i++) {
          expect(contents[i], `version ${i + 1} repeats ${i}`).not.toBe(contents[i - 1]);
        }
        expect(await rt.publisher.read(reportKey(DATE, 'report.json'))).toBe(
          await rt.publisher.read(reportKey(DATE, 'report.json', n)),
        );
        expect(await rt.publisher.read(reportKey(DATE, 'wall.html'))).toMatch(
          new RegExp(`Diperbarui [^<]*, versi ${n}(?!\\d)`),
        );
        const published = (await auditOf())
          .filter((e) => e.action === 'report.publish' && e.subject === `report:${DATE}/pagi`)
          .map((e) => (e.after as { version: number }).version)
          .sort((a, b) => a - b);
        expect(published).toEqual(versions.map((r) => r.version));
        return versions;
      }

      async function auditOf(): Promise<StoredAuditEntry[]> {
        const page = await rt.stores.audit.search({
          from: '2026-01-01',
          to: '2027-12-31',
          limit: 1000,
        });
        expect(page.more).toBe(false);
        return page.items;
      }
    });
  },
);

/** Which of the first burst's corrections a version shows. */
function corrections(r: Report) {
  const marked = (n: number, method = 'manual') =>
    (r.marked ?? []).some((m) => m.employeeId === id(n) && m.method === method);
  const named = (list: readonly { employeeId: string }[], n: number) =>
    list.some((p) => p.employeeId === id(n));
  const listed = (n: number) =>
    named(r.absent, n) || named(r.late, n) || named(r.excused, n) || marked(n);
  return {
    ...Object.fromEntries(
      [1, 2, 3, 4].map((n) => [`on time ${id(n)}`, marked(n) && !named(r.absent, n)]),
    ),
    ...Object.fromEntries([5, 6, 7, 8].map((n) => [`late ${id(n)}`, named(r.late, n)])),
    'withdrawn demo-014': named(r.absent, 14) && !marked(14),
    'excuse demo-009': named(r.excused, 9),
    'appeal present demo-010': marked(10, 'appeal'),
    'appeal excused demo-011': named(r.excused, 11),
    'until demo-012': !listed(12),
    'since demo-013': !listed(13),
  } as Record<string, boolean>;
}
