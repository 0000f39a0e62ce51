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

/** The scheduled run for a day at 08:30 WIB, as EventBridge Scheduler sends it. */
const run = (date: string, attempt = 1) =>
  handler({ scheduledTime: `${date}T01:30:00Z`, attemptNumber: String(attempt) });

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
});
