import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoStores } from '../../functions/adapters/dynamo/stores';
import { withRollCall } from '../../functions/core/rollcalls';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { DEMO_SITE, demoRoster } from '../../functions/local/demo';
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
import { APEL_SORE } from '../support/rollcalls';
import { seedApelDay } from '../support/scenario';

// The tick on AWS (docs/deploy.md, "The report tick"): EventBridge Scheduler invokes the report
// function every five minutes with SCHEDULE_INPUT, and it publishes whatever is due.
const BUCKET = 'apel-reports-tick';
const TOPIC = 'arn:aws:sns:ap-southeast-3:123456789012:apel-reports';
let s3: S3Local;
let sns: SnsRecorder;
let stores: DynamoStores;
let stop: () => Promise<void>;
let handler: typeof import('../../functions/handlers/daily-report')['handler'];
let SCHEDULE_INPUT: typeof import('../../functions/handlers/daily-report')['SCHEDULE_INPUT'];

/** What EventBridge Scheduler sends: the target input with its context attributes filled in. */
function tick(scheduledTime: string, attempt = 1) {
  return handler(schedulerEvent(SCHEDULE_INPUT, scheduledTime, attempt)) as Promise<{
    at: string;
    published: { date: string; rollCallId: string; version: number; changed: boolean }[];
  }>;
}

/** The afternoon apel: its own window and report time, data added after the deploy. */

beforeAll(async () => {
  const dynamo = await startDynalite();
  const t = await freshStore(dynamo.endpoint);
  stores = t.stores;
  [s3, sns] = await Promise.all([startS3(BUCKET), startSnsRecorder()]);
  stop = async () => {
    t.client.destroy();
    await Promise.all([dynamo.close(), s3.stop(), sns.stop()]);
  };
  // Deployed at 00:00 WIB on Friday 27 November 2026: the 26th has no report to publish.
  const deployed = new Date('2026-11-26T17:00:00Z');
  await stores.settings.bootstrap(DEFAULT_SETTINGS, deployed);
  await stores.settings.changeRules((rules) => withRollCall(rules, APEL_SORE), deployed);
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

describe('report tick (EventBridge Scheduler, every 5 minutes)', () => {
  it('publishes nothing before any report time: 08:00 WIB, pagi reports at 08:30', async () => {
    const out = await tick('2026-11-27T01:00:00Z');
    expect(out).toEqual({ at: '2026-11-27T01:00:00.000Z', published: [] });
    expect(await s3.keys('reports/')).toEqual([]);
    expect(await stores.publications.newest('2026-11-27')).toBeNull();
    expect(sns.published).toHaveLength(0);
  });

  it('after both report times, publishes pagi and the afternoon apel, each its own list', async () => {
    const out = await tick('2026-11-27T10:05:00Z'); // 17:05 WIB
    expect(out.published).toEqual([
      expect.objectContaining({
        date: '2026-11-27',
        rollCallId: 'pagi',
        version: 1,
        changed: true,
        totals: expect.objectContaining({ expected: 700, present: 170, late: 30, absent: 480 }),
      }),
      expect.objectContaining({
        date: '2026-11-27',
        rollCallId: 'sore',
        version: 1,
        changed: true,
        // Nobody checked in to the afternoon apel; the excused are excused all day.
        totals: expect.objectContaining({ expected: 700, present: 0, excused: 20, absent: 680 }),
      }),
    ]);
    expect(await s3.keys('reports/2026-11-27/sore/')).toEqual(
      expect.arrayContaining([
        'reports/2026-11-27/sore/report.json',
        'reports/2026-11-27/sore/v1/report.json',
      ]),
    );
    const sore = JSON.parse((await s3.read('reports/2026-11-27/sore/report.json')).body);
    expect(sore).toMatchObject({ rollCall: { id: 'sore', name: 'Apel sore' } });
    expect(sore.absent).toHaveLength(680);
    expect(await stores.publications.newest('2026-11-27', 'sore')).toMatchObject({ version: 1 });
    expect(sns.published).toHaveLength(2);
  });

  it('publishes nothing new on the next tick, nor on a retry of an earlier one', async () => {
    const keys = await s3.keys('reports/2026-11-27/');
    expect(await tick('2026-11-27T10:10:00Z')).toMatchObject({ published: [] });
    expect(await tick('2026-11-27T10:05:00Z', 2)).toMatchObject({ published: [] });
    expect(await s3.keys('reports/2026-11-27/')).toEqual(keys);
    expect(await stores.publications.newest('2026-11-27')).toMatchObject({ version: 1 });
    expect(sns.published).toHaveLength(2);
  });

  it('publishes nothing on a Saturday: neither roll call is held, Friday is done', async () => {
    expect(await tick('2026-11-28T10:05:00Z')).toMatchObject({ published: [] });
    expect(await s3.keys('reports/2026-11-28/')).toEqual([]);
  });

  it("a late tick after midnight still publishes yesterday's roll calls, not today's", async () => {
    // Monday 30 November had no tick at all (Scheduler down); the first comes at 00:02 Tuesday.
    const out = await tick('2026-11-30T17:02:00Z');
    expect(out.published.map((p) => [p.date, p.rollCallId, p.version])).toEqual([
      ['2026-11-30', 'pagi', 1],
      ['2026-11-30', 'sore', 1],
    ]);
    expect(await stores.publications.newest('2026-12-01')).toBeNull();
    expect(await s3.keys('reports/2026-12-01/')).toEqual([]);
    // Monday had no check-ins: everyone not excused is absent.
    const pagi = JSON.parse((await s3.read('reports/2026-11-30/report.json')).body);
    expect(pagi).toMatchObject({ date: '2026-11-30', totals: { present: 0, absent: 700 } });
  });

  it('manually, an event naming a date and a roll call publishes that one', async () => {
    const again = await handler({ date: '2026-11-27', rollCallId: 'sore' });
    expect(again).toMatchObject({ date: '2026-11-27', rollCallId: 'sore', changed: false });
    await expect(handler({ date: '2026-11-27', rollCallId: 'Sore Hari' })).rejects.toThrow();
    await expect(handler({ date: '2026-11-27', rollCallId: 'nope' })).rejects.toThrow();
    // Before the deployment's first day: said so, nothing published, nothing to retry.
    expect(await handler({ date: '2026-11-26' })).toEqual({
      date: '2026-11-26',
      rollCallId: 'pagi',
      skipped: 'before the deployment',
    });
    expect(await s3.keys('reports/2026-11-26/')).toEqual([]);
  });
});
