import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoStores } from '../../functions/adapters/dynamo/stores';
import { unitKey } from '../../functions/core/recap-jobs';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { DEMO_SITE, demoEmployeeId, demoRoster } from '../../functions/local/demo';
import { startDynalite } from '../../functions/local/dynalite';
import {
  type S3Local,
  type SnsRecorder,
  startS3,
  startSnsRecorder,
  useReportEnv,
} from '../support/aws-local';
import { freshStore } from '../support/dynamo';
import { schedulerEvent } from '../support/lambda';
import { seedApelDay } from '../support/scenario';
import { emfDuring } from './emf';

const BUCKET = 'apel-reports-test';
const TOPIC = 'arn:aws:sns:ap-southeast-3:123456789012:apel-reports';
let s3: S3Local;
let sns: SnsRecorder;
let stores: DynamoStores;
let stop: () => Promise<void>;
let handler: typeof import('../../functions/handlers/daily-report')['handler'];
let SCHEDULE_INPUT: typeof import('../../functions/handlers/daily-report')['SCHEDULE_INPUT'];

beforeAll(async () => {
  const dynamo = await startDynalite();
  const t = await freshStore(dynamo.endpoint);
  stores = t.stores;
  [s3, sns] = await Promise.all([startS3(BUCKET), startSnsRecorder()]);
  stop = async () => {
    t.client.destroy();
    await Promise.all([dynamo.close(), s3.stop(), sns.stop()]);
  };
  // Deployed before the days these tests publish.
  await stores.settings.bootstrap(DEFAULT_SETTINGS, new Date('2026-01-01T00:00:00Z'));
  await stores.sites.put(DEMO_SITE);
  await stores.roster.putMany(demoRoster());
  await seedApelDay(stores);
  useReportEnv({
    tableName: t.tableName,
    dynamoEndpoint: dynamo.endpoint,
    bucket: BUCKET,
    topicArn: TOPIC,
    s3,
    sns,
  });
  process.env.POWERTOOLS_METRICS_NAMESPACE = 'apel-test';
  ({ handler, SCHEDULE_INPUT } = await import('../../functions/handlers/daily-report'));
});
afterAll(() => stop());

// The report's content and versions, through a manual run (an event naming a date); the tick that
// publishes whatever is due is test/handlers/report-tick.test.ts.
describe('report handler: a manual run', () => {
  it('publishes the day: 700 expected, 200 checked in, 20 excused → 480 absent', async () => {
    const out = await handler({ date: '2026-11-27' });
    expect(out).toMatchObject({
      date: '2026-11-27',
      rollCallId: 'pagi',
      version: 1,
      changed: true,
      totals: { expected: 700, present: 170, late: 30, excused: 20, absent: 480 },
    });
    expect(await s3.keys('reports/2026-11-27/')).toEqual([
      'reports/2026-11-27/report.csv',
      'reports/2026-11-27/report.json',
      // Each language's CSV and wall, which the API hands out as they are.
      'reports/2026-11-27/v1/en/report.csv',
      'reports/2026-11-27/v1/en/wall.html',
      'reports/2026-11-27/v1/id/report.csv',
      'reports/2026-11-27/v1/id/wall.html',
      'reports/2026-11-27/v1/report.csv',
      'reports/2026-11-27/v1/report.json',
      'reports/2026-11-27/v1/wall.html',
      'reports/2026-11-27/wall.html',
    ]);
    expect(await s3.keys('reports/latest/')).toHaveLength(3);

    const json = await s3.read('reports/2026-11-27/report.json');
    expect(json.contentType).toBe('application/json');
    const report = JSON.parse(json.body);
    expect(report.absent).toHaveLength(480);
    expect(report.absent.map((p: { employeeId: string }) => p.employeeId)).not.toContain(
      demoEmployeeId(1),
    );

    const csv = await s3.read('reports/2026-11-27/report.csv');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.body.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1 + 480 + 30 + 20);

    const wall = await s3.read('reports/2026-11-27/wall.html');
    expect(wall.contentType).toBe('text/html; charset=utf-8');
    expect(wall.body).toContain('Jumat, 27 November 2026');
    for (const p of report.absent) expect(wall.body).toContain(`<li>${p.name}</li>`);

    expect(sns.published).toHaveLength(1);
    expect(sns.published[0]).toMatchObject({ topicArn: TOPIC });
    expect(sns.published[0]?.subject).toContain('480');
  });

  it('answers a retry with the same version and the same bytes, and sends no second notice', async () => {
    const before = await s3.read('reports/2026-11-27/report.json');
    const out = await handler({ date: '2026-11-27' });
    expect(out).toMatchObject({ version: 1, changed: false });
    expect((await s3.read('reports/2026-11-27/report.json')).body).toBe(before.body);
    expect(sns.published).toHaveLength(1);
  });

  it('bumps the version when the result changes, and keeps the earlier one', async () => {
    await stores.excuses.put({
      excuseId: 'late0000000000000001',
      employeeId: demoEmployeeId(700),
      from: '2026-11-27',
      to: '2026-11-27',
      kind: 'sick',
      createdAt: '2026-11-27T03:00:00.000Z',
      createdBy: 'bkd',
    });
    const out = await handler({ date: '2026-11-27' });
    expect(out).toMatchObject({ version: 2, changed: true, totals: { excused: 21, absent: 479 } });
    const v1 = JSON.parse((await s3.read('reports/2026-11-27/v1/report.json')).body);
    const current = JSON.parse((await s3.read('reports/2026-11-27/report.json')).body);
    expect(v1.totals.absent).toBe(480);
    expect(current).toMatchObject({ version: 2, totals: { absent: 479 } });
    expect(await stores.publications.newest('2026-11-27')).toMatchObject({ version: 2 });
    expect(sns.published).toHaveLength(2);
  });

  it('a tick on Saturday publishes nothing: not a workday, and Friday is published', async () => {
    const out = await handler(schedulerEvent(SCHEDULE_INPUT, '2026-11-28T01:30:00Z'));
    expect(out).toEqual({ at: '2026-11-28T01:30:00.000Z', published: [] });
    expect(await s3.keys('reports/2026-11-28/')).toEqual([]);
  });

  it('publishes a holiday report that says so and lists nobody', async () => {
    await stores.holidays.put({ date: '2026-08-17', name: 'Hari Kemerdekaan RI' });
    const out = await handler(schedulerEvent(SCHEDULE_INPUT, '2026-08-17T01:30:00Z'));
    expect(out).toMatchObject({
      published: [{ date: '2026-08-17', rollCallId: 'pagi', totals: { expected: 0, absent: 0 } }],
    });
    const report = JSON.parse((await s3.read('reports/2026-08-17/report.json')).body);
    expect(report).toMatchObject({ workday: false, holiday: 'Hari Kemerdekaan RI', absent: [] });
    // An older date never replaces the newest report on the wall.
    expect(JSON.parse((await s3.read('reports/latest/report.json')).body).date).toBe('2026-11-27');
  });

  it('fails loudly on a malformed event, so the schedule retries and dead-letters it', async () => {
    await expect(handler({ date: '27-11-2026' })).rejects.toThrow();
    await expect(handler({ scheduledTime: 'yesterday' })).rejects.toThrow();
    await expect(handler({ date: '2026-11-27', rollCallId: '../pagi' })).rejects.toThrow();
  });

  it('writes one EMF line per run: its duration, and whether it made a new version', async () => {
    const again = await emfDuring(() => handler({ date: '2026-11-27' }));
    expect(again.result).toMatchObject({ changed: false });
    expect(again.emf).toHaveLength(1);
    const [line] = again.emf;
    expect(line?._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'apel-test',
        Dimensions: [['service', 'Result'], ['service']],
        Metrics: [
          { Name: 'Publications', Unit: 'Count' },
          { Name: 'ReportDuration', Unit: 'Milliseconds' },
        ],
      },
    ]);
    expect(line).toMatchObject({ service: 'daily-report', Result: 'unchanged', Publications: 1 });
    expect(line?.ReportDuration).toEqual(expect.any(Number));

    const fresh = await emfDuring(() => handler({ date: '2026-11-26' }));
    expect(fresh.result).toMatchObject({ version: 1, changed: true });
    expect(fresh.emf).toEqual([expect.objectContaining({ Result: 'new', Publications: 1 })]);

    // Nothing published, nothing counted: the missing publication is what the alarm sees.
    const saturday = await emfDuring(() =>
      handler(schedulerEvent(SCHEDULE_INPUT, '2026-11-28T01:30:00Z')),
    );
    expect(saturday.emf).toEqual([]);
  });
});

// A job the API hands over with an asynchronous invoke (functions/adapters/report-runner.ts):
// the event is the invoke's payload, `{ job }`; the outcome lands in the job's status file.
describe('report handler: a job from the API', () => {
  it('builds a live report into reports/jobs/ and records it done', async () => {
    const out = await handler({ job: { kind: 'live', date: '2026-11-26', rollCallId: 'pagi' } });
    expect(out).toEqual({ kind: 'live', date: '2026-11-26', rollCallId: 'pagi', status: 'done' });
    const status = JSON.parse((await s3.read('reports/jobs/2026-11-26/pagi/live.json')).body);
    expect(status).toMatchObject({ kind: 'live', status: 'done', requestedBy: 'system' });
    const live = JSON.parse((await s3.read('reports/jobs/2026-11-26/pagi/live/report.json')).body);
    expect(live).toMatchObject({ date: '2026-11-26', version: 0, totals: { expected: 700 } });
    expect(await s3.keys('reports/jobs/2026-11-26/pagi/live/')).toEqual([
      'reports/jobs/2026-11-26/pagi/live/en/report.csv',
      'reports/jobs/2026-11-26/pagi/live/en/wall.html',
      'reports/jobs/2026-11-26/pagi/live/id/report.csv',
      'reports/jobs/2026-11-26/pagi/live/id/wall.html',
      'reports/jobs/2026-11-26/pagi/live/report.json',
    ]);
  });

  it('publishes, with what POST …/publish answers inline as the result', async () => {
    await handler({ job: { kind: 'publish', date: '2026-11-26', rollCallId: 'pagi' } });
    const status = JSON.parse((await s3.read('reports/jobs/2026-11-26/pagi/publish.json')).body);
    expect(status).toMatchObject({
      status: 'done',
      result: { date: '2026-11-26', rollCallId: 'pagi', totals: { expected: 700 } },
    });
    const v = status.result.version;
    expect(v).toBeGreaterThanOrEqual(1);
    expect(await s3.keys(`reports/2026-11-26/v${v}/`)).toContain(
      `reports/2026-11-26/v${v}/report.json`,
    );
  });

  it('records a refusal as the job’s outcome without failing the run (no retry would help)', async () => {
    const out = await handler({ job: { kind: 'publish', date: '2026-11-25', rollCallId: 'nope' } });
    expect(out).toMatchObject({ status: 'failed' });
    const status = JSON.parse((await s3.read('reports/jobs/2026-11-25/nope/publish.json')).body);
    expect(status.error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('builds a unit’s month recap into reports/jobs/: JSON, CSV and a workbook', async () => {
    const job = { kind: 'recap', date: '2026-11', rollCallId: 'pagi', unit: 'dinas kesehatan' };
    const out = await handler({ job } as never);
    expect(out).toEqual({ ...job, status: 'done' });
    const folder = `reports/jobs/2026-11/pagi/recap-${unitKey('dinas kesehatan')}/`;
    expect(await s3.keys(folder)).toEqual(
      ['json', 'csv', 'xlsx'].map((f) => `${folder}recap.${f}`).sort(),
    );
    const status = JSON.parse(
      (await s3.read(`reports/jobs/2026-11/pagi/recap-${unitKey('dinas kesehatan')}.json`)).body,
    );
    expect(status).toMatchObject({ kind: 'recap', unit: 'dinas kesehatan', status: 'done' });
    const recap = JSON.parse((await s3.read(`${folder}recap.json`)).body);
    expect(recap.rows.length).toBe(status.recap.rows);
    expect(recap.rows.length).toBeGreaterThan(0);
    expect(new Set(recap.rows.map((r: { unit: string }) => r.unit))).toEqual(
      new Set(['Dinas Kesehatan']),
    );
  }, 180_000);

  it('refuses a malformed job, so it is retried and dead-lettered', async () => {
    await expect(
      handler({ job: { kind: 'rebuild', date: '2026-11-26', rollCallId: 'pagi' } } as never),
    ).rejects.toThrow();
    await expect(
      handler({ job: { kind: 'recap', date: '2026-13', rollCallId: 'pagi' } } as never),
    ).rejects.toThrow();
    await expect(
      handler({ job: { kind: 'live', date: '2026-11', rollCallId: 'pagi' } } as never),
    ).rejects.toThrow();
  });
});
