import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../functions/adapters/logger';
import { S3Publisher } from '../../functions/adapters/publish/s3-publisher';
import { startLocalRuntime } from '../../functions/local/runtime';
import { answerOf } from '../support/answer';
import { type S3Local, startS3 } from '../support/aws-local';
import { FakeClock } from '../support/memory-store';
import { seedApelDay } from '../support/scenario';

// Reports at 250,000 (issue 16): published files come from the bucket, and a large roster's live
// report and publication are built in the background with a status to poll. "Large" is made
// 100 here (the demo roster is 700), so the real flow runs on the demo day.
const DATE = '2026-11-27';
const BUCKET = 'apel-report-jobs';
const LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024;
const clock = new FakeClock(new Date('2026-11-27T03:00:00.000Z')); // 10:00 WIB, after the window

async function runtime(o: { publisher?: S3Publisher; inlineLimit?: number }) {
  const dataDir = await mkdtemp(join(tmpdir(), 'apel-jobs-'));
  const rt = await startLocalRuntime({
    dataDir,
    persist: false,
    clock,
    logger: silentLogger,
    deployedAt: new Date('2026-01-01T00:00:00Z'),
    ...(o.publisher ? { publisher: o.publisher } : {}),
    ...(o.inlineLimit ? { reportInlineLimit: o.inlineLimit } : {}),
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

/** Ask again, as a client told 202 does, until the answer is no longer 202. */
async function untilBuilt(
  call: (m: string, p: string) => ReturnType<typeof answerOf>,
  path: string,
) {
  for (let i = 0; i < 200; i++) {
    const a = await call('GET', path);
    if (a.status !== 202) return a;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${path} was still being built`);
}

describe('published files from the bucket (S3 on s3rver)', () => {
  let s3: S3Local;
  let client: S3Client;
  let t: Awaited<ReturnType<typeof runtime>>;
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

  it('redirects JSON and CSV to a presigned GET of the version’s file; the wall is answered', async () => {
    expect((await t.call('POST', `/v1/reports/${DATE}/publish`)).status).toBe(200);
    const json = await t.call('GET', `/v1/reports/${DATE}?format=json`);
    expect(json.status).toBe(302);
    expect(json.text).toBe('');
    expect(json.headers.get('x-apel-report')).toBe('published');
    const url = new URL(json.headers.get('location') as string);
    expect(url.origin).toBe(s3.endpoint);
    expect(url.pathname).toBe(`/${BUCKET}/reports/${DATE}/v1/report.json`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('120');
    const file = await fetch(url);
    expect(file.status).toBe(200);
    const report = await file.json();
    expect(report).toMatchObject({ version: 1, totals: { expected: 700, absent: 480 } });

    const csv = await t.call('GET', `/v1/reports/${DATE}?format=csv&lang=en`);
    expect(csv.status).toBe(302);
    const csvUrl = new URL(csv.headers.get('location') as string);
    expect(csvUrl.pathname).toBe(`/${BUCKET}/reports/${DATE}/v1/en/report.csv`);
    const csvFile = await fetch(csvUrl);
    expect(csvFile.headers.get('content-disposition')).toBe(
      `attachment; filename="apel-${DATE}.csv"`,
    );
    expect((await csvFile.text()).split('\r\n')[0]).toContain('Unit,');

    const wall = await t.call('GET', `/v1/reports/${DATE}?format=html&lang=id`);
    expect(wall.status).toBe(200);
    expect(wall.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(wall.text).toContain('<html');
  });

  it('answers a file over Lambda’s 6 MB limit with no body at all: the bucket serves it', async () => {
    // A 7 MB version file, as a 250,000 roster's JSON is 9.5 MB: the API's answer stays empty.
    const big = `${JSON.stringify({ pad: 'x'.repeat(7 * 1024 * 1024) })}\n`;
    await t.rt.publisher.write([
      { key: `reports/${DATE}/v1/report.json`, body: big, contentType: 'application/json' },
    ]);
    const a = await t.call('GET', `/v1/reports/${DATE}?format=json`);
    expect(a.status).toBe(302);
    expect(Buffer.byteLength(a.text)).toBeLessThan(LAMBDA_RESPONSE_LIMIT);
    expect(Buffer.byteLength(a.text)).toBe(0);
    const file = await fetch(a.headers.get('location') as string);
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(LAMBDA_RESPONSE_LIMIT);
  });

  it('lets the console connect to the bucket (CSP connect-src)', async () => {
    const page = await t.rt.app.request('/admin');
    expect(page.headers.get('content-security-policy')).toMatch(
      new RegExp(`connect-src [^;]*${s3.endpoint.replace(/[.]/g, '\\.')}`),
    );
  });
});

describe('a large roster: built in the background, a status to poll (dynalite, files)', () => {
  let t: Awaited<ReturnType<typeof runtime>>;
  beforeAll(async () => {
    t = await runtime({ inlineLimit: 100 });
  });
  afterAll(() => t.close());

  it('answers a live report 202 with Retry-After, then the report built meanwhile', async () => {
    const first = await t.call('GET', `/v1/reports/${DATE}?format=json`);
    expect(first.status).toBe(202);
    expect(first.headers.get('retry-after')).toBe('5');
    expect(first.headers.get('location')).toBe(`/v1/reports/${DATE}?format=json`);
    expect(first.json).toMatchObject({ kind: 'live', date: DATE, status: 'queued' });
    const built = await untilBuilt(t.call, `/v1/reports/${DATE}?format=json`);
    expect(built.status).toBe(200);
    expect(built.headers.get('x-apel-report')).toBe('live');
    expect(built.json).toMatchObject({ version: 0, totals: { expected: 700, absent: 480 } });
    // The same live report is served for a minute; CSV in the language asked for.
    const csv = await t.call('GET', `/v1/reports/${DATE}?format=csv&lang=id`);
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toContain('Unit kerja;');
    // A minute later it is built anew.
    clock.advance(61_000);
    expect((await t.call('GET', `/v1/reports/${DATE}?format=json`)).status).toBe(202);
    await untilBuilt(t.call, `/v1/reports/${DATE}?format=json`);
  });

  it('publishes: 202 with the status address, queued → done with what POST answers inline', async () => {
    const none = await t.call('GET', `/v1/reports/${DATE}/publish`);
    expect(none.status).toBe(404);
    expect(none.json.error.code).toBe('NOT_FOUND');
    const post = await t.call('POST', `/v1/reports/${DATE}/publish`);
    expect(post.status).toBe(202);
    expect(post.headers.get('location')).toBe(`/v1/reports/${DATE}/publish?rollCall=pagi`);
    expect(post.json).toMatchObject({
      kind: 'publish',
      status: 'queued',
      requestedBy: 'bkd-admin',
    });
    let job = post.json;
    for (let i = 0; i < 200 && job.status !== 'done' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await t.call('GET', `/v1/reports/${DATE}/publish?rollCall=pagi`)).json;
    }
    expect(job).toMatchObject({
      status: 'done',
      result: { date: DATE, rollCallId: 'pagi', version: 1, changed: true },
    });
    expect(job.result.totals).toEqual({
      expected: 700,
      present: 170,
      late: 30,
      excused: 20,
      absent: 480,
    });
    // Published now: the file itself (locally no bucket to redirect to).
    const got = await t.call('GET', `/v1/reports/${DATE}?format=json`);
    expect(got.status).toBe(200);
    expect(got.headers.get('x-apel-report')).toBe('published');
    expect(got.json.version).toBe(1);
  });

  it('refuses at once what the job would refuse: too early, before the deployment', async () => {
    const today = await t.call('POST', '/v1/reports/2026-11-28/publish');
    expect(today.status).toBe(422);
    expect(today.json.error.code).toBe('REPORT_TOO_EARLY');
    const before = await t.call('GET', '/v1/reports/2025-06-02?format=json');
    expect(before.status).toBe(422);
    expect(before.json.error.code).toBe('BEFORE_DEPLOYMENT');
  });
});
