import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoStores } from '../../functions/adapters/dynamo/stores';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { DEMO_SITE, demoRoster } from '../../functions/local/demo';
import { type LocalDynamo, startDynalite } from '../../functions/local/dynalite';
import {
  type S3Local,
  type SnsRecorder,
  startS3,
  startSnsRecorder,
  useReportEnv,
} from '../support/aws-local';
import { freshStore } from '../support/dynamo';
import { always, type FaultyDynamo, on, startFaultyDynamo } from '../support/faulty-dynamo';
import { seedApelDay } from '../support/scenario';

const BUCKET = 'apel-reports-faults';
let dynamo: LocalDynamo;
let proxy: FaultyDynamo;
let s3: S3Local;
let sns: SnsRecorder;
let stores: DynamoStores;
let destroy: () => void;
let handler: typeof import('../../functions/handlers/daily-report')['handler'];

/** A run for one day (the manual path: an event naming the date), tried again by `attempt`. */
const run = (date: string, _attempt = 1) => handler({ date });
/** The tick at a UTC time, as EventBridge Scheduler sends it. */
const tick = (scheduledTime: string, attempt = 1) =>
  handler({ scheduledTime, attemptNumber: String(attempt) }) as Promise<{
    published: { date: string; version: number; changed: boolean }[];
  }>;

beforeAll(async () => {
  dynamo = await startDynalite();
  proxy = await startFaultyDynamo(dynamo.endpoint);
  const t = await freshStore(dynamo.endpoint); // seeded directly, not through the proxy
  stores = t.stores;
  destroy = () => t.client.destroy();
  [s3, sns] = await Promise.all([startS3(BUCKET), startSnsRecorder()]);
  // Deployed before the days these tests publish.
  await stores.settings.bootstrap(DEFAULT_SETTINGS, new Date('2026-11-01T00:00:00Z'));
  await stores.sites.put(DEMO_SITE);
  await stores.roster.putMany(demoRoster());
  // Three workdays of check-ins: one day per test, so that no test sees another's report.
  for (const date of ['2026-11-24', '2026-11-25', '2026-11-26']) await seedApelDay(stores, date);
  useReportEnv({
    tableName: t.tableName,
    dynamoEndpoint: proxy.endpoint, // the function's store calls go through the faults
    bucket: BUCKET,
    topicArn: 'arn:aws:sns:ap-southeast-3:123456789012:apel-reports',
    s3,
    sns,
  });
  ({ handler } = await import('../../functions/handlers/daily-report'));
});
afterEach(() => proxy.reset());
afterAll(async () => {
  destroy();
  await Promise.all([proxy.stop(), s3.stop(), sns.stop()]);
  await dynamo.close();
});

const notices = (date: string) => sns.published.filter((p) => p.subject.includes(date));

describe('the daily report under faults: it throws, and the retry publishes the same report', () => {
  it('a throttled DynamoDB: the run throws (the schedule retries), nothing is published', async () => {
    proxy.setRule(always('throttle'));
    await expect(run('2026-11-24')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(await s3.keys('reports/2026-11-24/')).toEqual([]);
    expect(notices('2026-11-24')).toEqual([]);

    proxy.reset();
    const retry = await run('2026-11-24', 2);
    expect(retry).toMatchObject({ version: 1, changed: true });
    const bytes = (await s3.read('reports/2026-11-24/report.json')).body;
    expect(await run('2026-11-24', 3)).toMatchObject({ version: 1, changed: false });
    expect((await s3.read('reports/2026-11-24/report.json')).body).toBe(bytes);
    expect(notices('2026-11-24')).toHaveLength(1);
  });

  it('the version record fails: nothing is written, and the retry is still version 1', async () => {
    proxy.setRule(on('REPORT#2026-11-25', 'internal'));
    await expect(run('2026-11-25')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    // The version is recorded before any of its files is written: no file, no notice.
    expect(await s3.keys('reports/2026-11-25/')).toEqual([]);
    expect(await stores.publications.newest('2026-11-25')).toBeNull();
    expect(notices('2026-11-25')).toEqual([]);

    proxy.reset();
    expect(await run('2026-11-25', 2)).toMatchObject({ version: 1, changed: true });
    const current = (await s3.read('reports/2026-11-25/report.json')).body;
    expect((await s3.read('reports/2026-11-25/v1/report.json')).body).toBe(current);
    expect(await s3.keys('reports/2026-11-25/')).not.toContain('reports/2026-11-25/v2/report.json');
    expect(notices('2026-11-25')).toHaveLength(1);
  });

  it('the notice fails after the version is recorded: the retry sends it, same version and bytes', async () => {
    sns.failNext(3); // the SDK's three attempts
    await expect(run('2026-11-26')).rejects.toThrow();
    const published = await stores.publications.newest('2026-11-26');
    expect(published?.version).toBe(1);
    const bytes = (await s3.read('reports/2026-11-26/report.json')).body;
    expect(notices('2026-11-26')).toEqual([]);

    expect(await run('2026-11-26', 2)).toMatchObject({ version: 1, changed: false });
    expect((await s3.read('reports/2026-11-26/report.json')).body).toBe(bytes);
    expect(notices('2026-11-26')).toHaveLength(1);
    // Sent once: a further run does not send it again.
    expect(await run('2026-11-26', 3)).toMatchObject({ version: 1, changed: false });
    expect(notices('2026-11-26')).toHaveLength(1);
  });

  it('the tick: a notice that fails is sent by the next tick, same version, never twice', async () => {
    await seedApelDay(stores, '2026-11-27');
    sns.failNext(3); // 08:30 WIB Friday: pagi is due; its notice fails after the version is recorded
    await expect(tick('2026-11-27T01:30:00Z')).rejects.toThrow();
    expect(await stores.publications.newest('2026-11-27')).toMatchObject({
      version: 1,
      notified: false,
    });
    expect(notices('2026-11-27')).toEqual([]);
    // Five minutes later: not done yet (no notice), so the tick finishes it.
    const next = await tick('2026-11-27T01:35:00Z');
    expect(next.published).toEqual([
      expect.objectContaining({ date: '2026-11-27', version: 1, changed: false }),
    ]);
    expect(notices('2026-11-27')).toHaveLength(1);
    expect((await tick('2026-11-27T01:40:00Z')).published).toEqual([]);
    expect(notices('2026-11-27')).toHaveLength(1);
  });

  it('the tick: a throttled DynamoDB throws with its code, and the next tick publishes', async () => {
    proxy.setRule(always('throttle'));
    await expect(tick('2026-11-30T01:30:00Z')).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
    proxy.reset();
    const next = await tick('2026-11-30T01:35:00Z');
    expect(next.published.map((p) => [p.date, p.version])).toEqual([['2026-11-30', 1]]);
  });
});
