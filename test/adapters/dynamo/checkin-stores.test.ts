import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStores, type DynamoStores } from '../../../functions/adapters/dynamo/stores';
import { GSI1, SHARDS, shardOf } from '../../../functions/adapters/dynamo/table';
import { checkIn } from '../../../functions/core/checkin';
import { DEFAULT_SETTINGS } from '../../../functions/core/settings';
import { backends, freshStore } from '../../support/dynamo';
import { FakeClock } from '../../support/memory-store';
import { offset, square } from '../../support/shapes';
import { checkin, FRIDAY_0712, LAT, LON } from '../../support/store-contract';

describe.each(backends())('the DynamoDB check-in stores on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let t: Awaited<ReturnType<typeof freshStore>>;
  let stores: DynamoStores;

  beforeAll(async () => {
    server = await backend.start();
    t = await freshStore(server.endpoint);
    stores = t.stores;
    await stores.sites.put({ siteId: 'yard', name: 'Yard', geometry: square(LON, LAT, 100) });
    await stores.roster.putMany(
      Array.from({ length: 120 }, (_, i) => ({
        employeeId: `e${i}`,
        name: `Pegawai ${i}`,
        unit: i % 2 ? 'BKD' : 'Dinas Kesehatan',
        siteIds: ['yard'],
        active: true,
      })),
    );
  });
  afterAll(async () => {
    t.client.destroy();
    await server.stop();
  });

  it('keeps attempts with a TTL and their raw fix, and check-ins without coordinates', async () => {
    const clock = new FakeClock(new Date(FRIDAY_0712));
    const [lon] = offset(LON, LAT, 500, 0);
    await expect(
      checkIn({ stores, clock }, 'e8', { lat: LAT, lon, accuracy: 5, capturedAt: FRIDAY_0712 }),
    ).rejects.toMatchObject({ code: 'OUTSIDE_GEOFENCE' });
    await checkIn({ stores, clock }, 'e8', {
      lat: LAT,
      lon: LON,
      accuracy: 5,
      capturedAt: FRIDAY_0712,
    });
    const raw = await t.doc.send(
      new QueryCommand({
        TableName: t.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'EMP#e8' },
      }),
    );
    const attempts = raw.Items?.filter((i) => i.type === 'attempt') ?? [];
    expect(attempts.map((a) => a.outcome).sort()).toEqual(['OUTSIDE_GEOFENCE', 'accepted']);
    for (const a of attempts) {
      expect(a.expiresAt).toBe(Date.parse(FRIDAY_0712) / 1000 + 30 * 86_400);
      expect(a.lat).toBe(LAT);
    }
    const stored = raw.Items?.find((i) => i.type === 'checkin');
    expect(stored).toBeDefined();
    expect(stored).not.toHaveProperty('lat');
    expect(stored).not.toHaveProperty('expiresAt');
    expect(stored?.gsi1pk).toBe(`DAY#2026-11-27#${shardOf('e8')}`);
  });

  it('stores numbers too small for DynamoDB (under 1e-130) as 0 instead of failing', async () => {
    const clock = new FakeClock(new Date(FRIDAY_0712));
    // The schema allows any accuracy > 0 and any latitude: 5e-324 is both.
    const r = await checkIn({ stores, clock }, 'e9', {
      lat: LAT,
      lon: LON,
      accuracy: 5e-324,
      capturedAt: FRIDAY_0712,
      deviceId: 'dev-e9',
    });
    expect(r.duplicate).toBe(false);
    expect(r.checkin.accuracyM).toBe(0); // the first answer says what a repeat will say
    expect((await stores.checkins.getCheckin('e9', '2026-11-27'))?.accuracyM).toBe(0);
    expect((await stores.checkins.employeeDay('e9', '2026-11-27')).attempts[0]?.accuracyM).toBe(0);
    // String sets (the employee's devices) pass through the rewrite as sets, not as empty maps.
    expect((await stores.checkinContext.load('e9')).trace?.devices).toEqual(['dev-e9']);
    await stores.settings.putSettings({ ...DEFAULT_SETTINGS, edgeToleranceM: 1e-200 });
    expect((await stores.settings.getSettings()).edgeToleranceM).toBe(0);
    await stores.settings.putSettings({ ...DEFAULT_SETTINGS, edgeToleranceM: 1e-130 });
    expect((await stores.settings.getSettings()).edgeToleranceM).toBe(1e-130);
    await stores.settings.putSettings(DEFAULT_SETTINGS);
  });

  it('reads a day of check-ins across every shard of the day index', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `e${i + 20}`);
    await Promise.all(
      ids.map((id) => stores.checkins.putFirstCheckin(checkin(id, { date: '2026-11-30' }))),
    );
    const got = await stores.checkins.checkinsOn('2026-11-30');
    expect(got.map((c) => c.employeeId).sort()).toEqual([...ids].sort());
    expect(new Set(ids.map(shardOf)).size).toBeGreaterThan(SHARDS / 2);
    const one = await t.doc.send(
      new QueryCommand({
        TableName: t.tableName,
        IndexName: GSI1,
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': `DAY#2026-11-30#${shardOf('e20')}` },
      }),
    );
    expect(one.Items?.some((i) => i.employeeId === 'e20')).toBe(true);
  });

  it('writes employees in batches and reads them back', async () => {
    expect(await stores.roster.get('e119')).toEqual({
      employeeId: 'e119',
      name: 'Pegawai 119',
      unit: 'BKD',
      siteIds: ['yard'],
      active: true,
    });
    expect(await stores.roster.get('nobody')).toBeNull();
  });

  it('sees a changed ground and a new holiday at once (revision counters)', async () => {
    const ctx1 = await stores.checkinContext.load('e1');
    const [lon] = offset(LON, LAT, 300, 0);
    expect((await ctx1.geofence(['yard'])).place(lon, LAT, 10)?.inside).toBe(false);
    expect(await ctx1.holiday('2026-12-25')).toBeNull();

    await stores.sites.put({ siteId: 'yard', name: 'Yard', geometry: square(LON, LAT, 1_000) });
    await stores.holidays.put({ date: '2026-12-25', name: 'Hari Raya Natal' });
    const settings = await t.doc.send(
      new GetCommand({ TableName: t.tableName, Key: { pk: 'CONFIG', sk: 'SETTINGS' } }),
    );
    expect(settings.Item).toMatchObject({ sitesRev: 2, holidaysRev: 1 });

    const ctx2 = await stores.checkinContext.load('e1');
    expect((await ctx2.geofence(['yard'])).place(lon, LAT, 10)?.inside).toBe(true);
    expect(await ctx2.holiday('2026-12-25')).toEqual({
      date: '2026-12-25',
      name: 'Hari Raya Natal',
    });
    await stores.sites.put({ siteId: 'yard', name: 'Yard', geometry: square(LON, LAT, 100) });
  });

  it('never caches a ground read before a change that another instance made meanwhile', async () => {
    await stores.sites.put({ siteId: 'pond', name: 'Pond', geometry: square(LON, LAT, 100) });
    const [lon] = offset(LON, LAT, 300, 0);
    // The grounds' read is made, then its answer held back until the change and another
    // request have come in between.
    let readDone!: () => void;
    const read = new Promise<void>((r) => {
      readDone = r;
    });
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    let hold = true;
    t.doc.middlewareStack.add(
      (next, context) => async (args) => {
        const out = await next(args);
        const body = JSON.stringify((args.input as { RequestItems?: unknown }).RequestItems ?? {});
        if (hold && context.commandName === 'BatchGetItemCommand' && body.includes('SITE#pond')) {
          hold = false;
          readDone();
          await released;
        }
        return out;
      },
      { step: 'initialize', name: 'holdGrounds' },
    );
    try {
      const loading = (await stores.checkinContext.load('e1')).geofence(['pond']);
      await read;
      // Another Lambda instance widens the ground (no local cache of ours is told)...
      await createStores(t.doc, t.tableName).sites.put({
        siteId: 'pond',
        name: 'Pond',
        geometry: square(LON, LAT, 1_000),
      });
      // ...and this instance's next request sees the new revision while the old read is out.
      await stores.checkinContext.load('e2');
      release();
      expect((await loading).place(lon, LAT, 10)?.inside).toBe(false); // read before the change
      const after = await (await stores.checkinContext.load('e3')).geofence(['pond']);
      expect(after.place(lon, LAT, 10)?.inside).toBe(true);
    } finally {
      release();
      t.doc.middlewareStack.remove('holdGrounds');
    }
  });

  it('reads a holiday and the grounds once for concurrent first check-ins', async () => {
    await stores.holidays.put({ date: '2026-12-26', name: 'Cuti Bersama' }); // drops the caches
    const sent: string[] = [];
    t.doc.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize', name: 'countCommands' },
    );
    try {
      const contexts = await Promise.all(
        Array.from({ length: 20 }, () => stores.checkinContext.load('e1')),
      );
      sent.length = 0;
      const days = await Promise.all(contexts.map((c) => c.holiday('2026-12-26')));
      const fences = await Promise.all(contexts.map((c) => c.geofence(['yard'])));
      expect(days.every((d) => d?.name === 'Cuti Bersama')).toBe(true);
      expect(new Set(fences).size).toBe(1);
      expect(sent.sort()).toEqual(['BatchGetItemCommand', 'GetItemCommand']);
    } finally {
      t.doc.middlewareStack.remove('countCommands');
    }
  });
});
