import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../functions/adapters/logger';
import { S3Publisher } from '../../functions/adapters/publish/s3-publisher';
import { monthRecap } from '../../functions/core/recap-days';
import { startLocalRuntime } from '../../functions/local/runtime';
import { answerOf } from '../support/answer';
import { type S3Local, startS3 } from '../support/aws-local';
import { FakeClock } from '../support/memory-store';
import { seedApelDay } from '../support/scenario';

// Recaps at 250,000 (issue 16): a large roster's recap is built by the report function (locally:
// in process) with a status to poll, and its files are served from where it wrote them. "Large"
// is made 100 here (the demo roster is 700). Deployed on the 23rd, so a month is five days.
const BUCKET = 'apel-recap-jobs';
const clock = new FakeClock(new Date('2026-11-27T03:00:00.000Z')); // 10:00 WIB, after the window

async function runtime(o: { publisher?: S3Publisher } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'apel-recap-jobs-'));
  const rt = await startLocalRuntime({
    dataDir,
    persist: false,
    clock,
    logger: process.env.DEBUG_LOG
      ? { info: () => {}, warn: console.warn, error: console.error }
      : silentLogger,
    deployedAt: new Date('2026-11-23T00:00:00Z'),
    reportInlineLimit: 100,
    ...(o.publisher ? { publisher: o.publisher } : {}),
  });
  await seedApelDay(rt.stores);
  const admin = await rt.issuer.sign({ employeeId: 'bkd-admin', admin: true, ttlS: 3600 });
  const call = async (method: string, path: string) =>
    answerOf(await rt.app.request(path, { method, headers: { authorization: `Bearer ${admin}` } }));
  return {
    rt,
    call,
    close: async () => {
      await rt.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
type Runtime = Awaited<ReturnType<typeof runtime>>;
const deps = (t: Runtime) => ({ stores: t.rt.stores, publisher: t.rt.publisher, clock });

const adminToken = (t: Runtime) =>
  t.rt.issuer.sign({ employeeId: 'bkd-admin', admin: true, ttlS: 600 });

/** Poll a build's status, as a client told 202 does, until it is done or failed. */
async function untilDone(t: Runtime, status: string) {
  for (let i = 0; i < 600; i++) {
    const a = await t.call('GET', status);
    // 503 says "again shortly" (Retry-After), as to any client; anything else is a failure.
    if (a.status !== 200 && a.status !== 503) throw new Error(`${status}: ${a.status} ${a.text}`);
    if (a.status === 200 && (a.json.status === 'done' || a.json.status === 'failed')) return a.json;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${status} was still being built`);
}

describe('a large roster’s recap: built in the background, a status to poll (files)', () => {
  let t: Runtime;
  beforeAll(async () => {
    t = await runtime();
  });
  afterAll(() => t.close());

  it('answers a month 202 pointing at its status, then the recap built meanwhile, in every format', async () => {
    const none = await t.call('GET', '/v1/recaps/2026-11/job');
    expect(none.status).toBe(404);
    expect(none.json.error.code).toBe('NOT_FOUND');

    const first = await t.call('GET', '/v1/recaps/2026-11');
    expect(first.status).toBe(202);
    expect(first.headers.get('retry-after')).toBe('5');
    expect(first.headers.get('location')).toBe('/v1/recaps/2026-11/job?rollCall=pagi');
    expect(first.json).toMatchObject({
      kind: 'recap',
      date: '2026-11',
      rollCallId: 'pagi',
      status: 'queued',
      requestedBy: 'bkd-admin',
    });
    // Asked again while it is being built: the same build, not a second.
    const again = await t.call('GET', '/v1/recaps/2026-11');
    expect([200, 202]).toContain(again.status);

    const job = await untilDone(t, first.headers.get('location') as string);
    expect(job).toMatchObject({
      status: 'done',
      location: '/v1/recaps/2026-11?rollCall=pagi',
      recap: { rows: 700 },
    });

    const got = await t.call('GET', job.location);
    expect(got.status).toBe(200);
    const inline = await monthRecap(deps(t), '2026-11', 'pagi');
    const { generatedAt: _g, ...want } = inline;
    const { generatedAt: _h, ...served } = got.json;
    expect(served).toEqual(want);
    expect(served.totals.expected).toBeGreaterThan(700);

    const csv = await t.call('GET', '/v1/recaps/2026-11?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="rekap-pagi-2026-11.csv"',
    );
    const lines = csv.text.split('\r\n');
    expect(lines.length).toBeGreaterThan(700);
    expect(lines.filter((l) => l.includes('JUMLAH UNIT'))).toHaveLength(served.units.length);

    const xlsx = await t.rt.app.request('/v1/recaps/2026-11?format=xlsx', {
      headers: { authorization: `Bearer ${await adminToken(t)}` },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(book.worksheets.map((w) => w.name)[0]).toBe('Ringkasan');
    expect(book.worksheets).toHaveLength(served.units.length + 1);
    expect(book.worksheets.slice(1).reduce((n, w) => n + w.actualRowCount - 2, 0)).toBe(700);

    // Ten minutes later it is built anew.
    clock.advance(10 * 60_000 + 1_000);
    expect((await t.call('GET', '/v1/recaps/2026-11')).status).toBe(202);
    await untilDone(t, '/v1/recaps/2026-11/job?rollCall=pagi');
  }, 120_000);

  it('builds one unit’s recap apart, and pages a year by the stored pages of 500', async () => {
    const unit = encodeURIComponent('dinas kesehatan');
    const a = await t.call('GET', `/v1/recaps/2026-11?unit=${unit}`);
    expect(a.status).toBe(202);
    expect(a.headers.get('location')).toBe(`/v1/recaps/2026-11/job?rollCall=pagi&unit=${unit}`);
    expect(a.json.unit).toBe('dinas kesehatan');
    await untilDone(t, a.headers.get('location') as string);
    const got = await t.call('GET', `/v1/recaps/2026-11?unit=${unit}`);
    expect(got.status).toBe(200);
    const want = await monthRecap(deps(t), '2026-11', 'pagi', 'dinas kesehatan');
    expect(got.json.rows).toEqual(want.rows);
    expect(got.json.rows.length).toBeLessThan(700);

    expect((await t.call('GET', '/v1/recaps/2026')).status).toBe(202);
    const year = await untilDone(t, '/v1/recaps/2026/job?rollCall=pagi');
    expect(year.recap).toEqual({ rows: 700, pages: 2 });
    const p0 = await t.call('GET', '/v1/recaps/2026?limit=3');
    expect(p0.status).toBe(200);
    expect(p0.json.rows).toHaveLength(500);
    expect(p0.json.next).toBe(500);
    const p1 = await t.call('GET', '/v1/recaps/2026?cursor=500');
    expect(p1.json.rows).toHaveLength(200);
    expect(p1.json.next).toBeUndefined();
    expect(p1.json.totals).toEqual(p0.json.totals);
    const past = await t.call('GET', '/v1/recaps/2026?cursor=5000');
    expect(past.status).toBe(200);
    expect(past.json.rows).toEqual([]);
    const odd = await t.call('GET', '/v1/recaps/2026?cursor=7');
    expect(odd.status).toBe(400);
    expect(odd.json.error.code).toBe('VALIDATION_FAILED');
  }, 120_000);

  it('serves a locked month’s kept recap as it is, and its other formats once built, for good', async () => {
    expect((await t.call('POST', '/v1/recaps/2026-10/lock')).status).toBe(201);
    // A large roster's recap is kept by the report function, as of the lock.
    const keeping = await untilDone(t, '/v1/recaps/2026-10/job?rollCall=pagi');
    expect(keeping).toMatchObject({ status: 'done', requestedBy: 'bkd-admin' });
    const kept = await t.call('GET', '/v1/recaps/2026-10');
    expect(kept.status).toBe(200);
    expect(kept.json.lock).toMatchObject({ month: '2026-10', locked: true });
    expect(kept.json.generatedAt).toBe(kept.json.lock.lockedAt);
    // The build at the lock wrote the other formats beside the kept recap.
    expect((await t.call('GET', '/v1/recaps/2026-10?format=csv')).status).toBe(200);
    clock.advance(60 * 60_000);
    const later = await t.call('GET', '/v1/recaps/2026-10?format=csv');
    expect(later.status).toBe(200);
    expect(later.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(later.text).toContain('Unit kerja');
    clock.advance(-60 * 60_000);
  }, 120_000);

  it('refuses at once what the build would refuse: a month to come, a unit with nobody', async () => {
    const future = await t.call('GET', '/v1/recaps/2026-12');
    expect(future.status).toBe(422);
    expect(future.json.error.code).toBe('MONTH_IN_FUTURE');
    const nobody = await t.call('GET', '/v1/recaps/2026-11?unit=Dinas%20Pariwisata');
    expect(nobody.status).toBe(404);
    expect(nobody.json.error.code).toBe('NOT_FOUND');
  });
});

describe('a large roster’s recap from the bucket (S3 on s3rver)', () => {
  let s3: S3Local;
  let client: S3Client;
  let t: Runtime;
  beforeAll(async () => {
    s3 = await startS3(BUCKET);
    client = new S3Client({
      endpoint: s3.endpoint,
      region: 'local',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    t = await runtime({ publisher: new S3Publisher(client, BUCKET, null, undefined, s3.endpoint) });
  });
  afterAll(async () => {
    await t.close();
    client.destroy();
    await s3.stop();
  });

  it('redirects to a presigned GET of the built file, its download name kept', async () => {
    expect((await t.call('GET', '/v1/recaps/2026-11?format=xlsx')).status).toBe(202);
    await untilDone(t, '/v1/recaps/2026-11/job?rollCall=pagi');
    const a = await t.call('GET', '/v1/recaps/2026-11?format=xlsx');
    expect(a.status).toBe(302);
    expect(a.text).toBe('');
    const url = new URL(a.headers.get('location') as string);
    expect(url.origin).toBe(s3.endpoint);
    expect(url.pathname).toBe(`/${BUCKET}/reports/jobs/2026-11/pagi/recap-all/recap.xlsx`);
    const file = await fetch(url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(
      'attachment; filename="rekap-pagi-2026-11.xlsx"',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await file.arrayBuffer()) as never);
    expect(book.worksheets.length).toBeGreaterThan(2);
    const json = await t.call('GET', '/v1/recaps/2026-11');
    expect(json.status).toBe(302);
    const recap = await (await fetch(json.headers.get('location') as string)).json();
    expect(recap.rows).toHaveLength(700);
  }, 120_000);
});
