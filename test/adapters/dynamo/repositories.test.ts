import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoStores } from '../../../functions/adapters/dynamo/stores';
import type { Excuse } from '../../../functions/core/model';
import { backends, freshStore } from '../../support/dynamo';
import { square } from '../../support/shapes';

const TOTALS = { expected: 1, present: 0, late: 0, excused: 0, absent: 1 };

describe.each(backends())('repositories on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let t: Awaited<ReturnType<typeof freshStore>>;
  let stores: DynamoStores;

  beforeAll(async () => {
    server = await backend.start();
    t = await freshStore(server.endpoint);
    stores = t.stores;
    await stores.roster.putMany(
      Array.from({ length: 130 }, (_, i) => ({
        employeeId: `p${String(i).padStart(3, '0')}`,
        name: `Pegawai ${String(130 - i).padStart(3, '0')}`,
        unit: i % 3 === 0 ? 'BKD' : 'Dinas Kesehatan',
        siteIds: ['yard'],
        active: i !== 5,
        ...(i === 5 ? { until: '2026-11-01' } : {}),
      })),
    );
  });
  afterAll(async () => {
    t.client.destroy();
    await server.stop();
  });

  it('lists the whole roster across its shards, and pages a unit in name order', async () => {
    const all = await stores.roster.all();
    expect(all).toHaveLength(130);
    expect(all.find((e) => e.employeeId === 'p005')).toMatchObject({
      active: false,
      until: '2026-11-01',
    });
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await stores.roster.list({
        unit: 'BKD',
        limit: 7,
        ...(cursor ? { cursor } : {}),
      });
      names.push(...page.items.map((e) => e.name));
      cursor = page.cursor;
    } while (cursor);
    expect(names).toHaveLength(44);
    expect([...names].sort()).toEqual(names);
    const many = await stores.roster.getMany(['p001', 'p002', 'nope']);
    expect([...many.keys()].sort()).toEqual(['p001', 'p002']);
  });

  it('refuses a cursor whose resume key was tampered with as a client error, not a 500', async () => {
    const cursor = (c: unknown) => Buffer.from(JSON.stringify(c)).toString('base64url');
    const roster = { pk: 'EMP#p001', sk: 'PROFILE', gsi1pk: 'ROSTER#3', gsi1sk: 'p001' };
    const unit = { pk: 'EMP#p001', sk: 'PROFILE', gsi2pk: 'UNIT#BKD', gsi2sk: 'x#p001' };
    const tampered: [string | undefined, unknown][] = [
      [undefined, { s: 0, k: roster }], // another shard's key
      [undefined, { s: 3, k: { pk: 'EMP#p001' } }], // keys missing
      [undefined, { s: 3, k: { ...roster, extra: 'x' } }], // a key too many
      [undefined, { s: 3, k: { ...roster, pk: 7 } }], // not a string
      [undefined, { s: 3, k: 'EMP#p001' }],
      [undefined, { s: -1, k: unit }], // a unit's key for everyone
      ['BKD', { s: -1, k: roster }], // the roster index's key for a unit
      ['Dinas Kesehatan', { s: -1, k: unit }], // another unit's key
    ];
    for (const [u, c] of tampered) {
      await expect(
        stores.roster.list({ ...(u ? { unit: u } : {}), limit: 5, cursor: cursor(c) }),
        JSON.stringify(c),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [{ path: 'cursor' }] },
      });
    }
    // A key of the right shape for the listing is taken as a position, as DynamoDB would.
    const page = await stores.roster.list({ limit: 5, cursor: cursor({ s: 3, k: roster }) });
    expect(page.items.length).toBeGreaterThan(0);
  });

  it('finds an excuse on every day it covers and none outside, and keeps a revoked one flagged', async () => {
    const x: Excuse = {
      excuseId: 'abc',
      employeeId: 'p001',
      from: '2026-12-30',
      to: '2027-01-02',
      kind: 'leave',
      createdAt: '2026-12-01T00:00:00Z',
      createdBy: 'bkd',
    };
    await stores.excuses.put(x);
    for (const d of ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']) {
      expect(await stores.excuses.on(d)).toEqual([x]);
    }
    expect(await stores.excuses.on('2026-12-29')).toEqual([]);
    expect(await stores.excuses.on('2027-01-03')).toEqual([]);
    const at = '2026-12-02T01:00:00.000Z';
    await stores.excuses.revoke('abc', { by: 'bkd-2', at });
    expect((await stores.excuses.on('2027-01-01'))[0]).toMatchObject({
      revoked: true,
      revokedBy: 'bkd-2',
      revokedAt: at,
      createdBy: 'bkd',
    });
    // The first revocation stands: a second one changes nothing.
    const again = await stores.excuses.revoke('abc', { by: 'someone-else', at: 'later' });
    expect(again).toMatchObject({ revokedBy: 'bkd-2', revokedAt: at });
    expect(await stores.excuses.revoke('missing', { by: 'bkd', at })).toBeNull();
  });

  it('creates an excuse once: a second create under its id overwrites nothing, revoked or not', async () => {
    const x: Excuse = {
      excuseId: 'once',
      employeeId: 'p002',
      from: '2026-12-01',
      to: '2026-12-02',
      kind: 'sick',
      createdAt: '2026-12-01T00:00:00.000Z',
      createdBy: 'bkd',
    };
    expect(await stores.excuses.create(x)).toEqual({ created: true, excuse: x });
    const raced = await stores.excuses.create({ ...x, createdBy: 'intruder', note: 'changed' });
    expect(raced).toEqual({ created: false, excuse: x });
    const at = '2026-12-01T02:00:00.000Z';
    await stores.excuses.revoke('once', { by: 'bkd', at });
    const afterRevoke = await stores.excuses.create({ ...x, createdBy: 'intruder' });
    expect(afterRevoke.created).toBe(false);
    expect(afterRevoke.excuse).toEqual({ ...x, revoked: true, revokedBy: 'bkd', revokedAt: at });
    expect(await stores.excuses.on('2026-12-02')).toEqual([afterRevoke.excuse]);
  });

  it('stores an excuse ending on 9999-12-31, the last date written YYYY-MM-DD, and stops there', async () => {
    const x: Excuse = {
      excuseId: 'last-day',
      employeeId: 'p003',
      from: '9999-12-30',
      to: '9999-12-31',
      kind: 'other',
      createdAt: '2026-11-24T02:00:00.000Z',
      createdBy: 'bkd',
    };
    await stores.excuses.put(x);
    expect(await stores.excuses.on('9999-12-31')).toEqual([x]);
    expect(await stores.excuses.get('last-day')).toEqual(x);
  });

  it('records each report version once, even when two publishers race for it', async () => {
    const p = { date: '2026-11-27', version: 1, hash: 'h1', generatedAt: 'g', totals: TOTALS };
    const raced = await Promise.all([
      stores.publications.record(p),
      stores.publications.record({ ...p, hash: 'h2' }),
    ]);
    expect(raced.sort()).toEqual([false, true]);
    await stores.publications.record({ ...p, version: 2, hash: 'h3', notified: false });
    expect(await stores.publications.newest('2026-11-27')).toMatchObject({
      version: 2,
      hash: 'h3',
      notified: false,
    });
    await stores.publications.markNotified('2026-11-27', 2);
    expect(await stores.publications.newest('2026-11-27')).toMatchObject({ notified: true });
    await expect(stores.publications.markNotified('2026-11-27', 9)).rejects.toThrow();
    expect(await stores.publications.newest('2026-11-26')).toBeNull();
    await stores.publications.markNewestDate('2026-11-27');
    await stores.publications.markNewestDate('2026-11-20');
    expect(await stores.publications.newestDate()).toBe('2026-11-27');
  });

  it('retires grounds and withdraws holidays without deleting items', async () => {
    await stores.sites.put({ siteId: 'yard', name: 'Yard', geometry: square(98.6, 3.5, 100) });
    expect((await stores.sites.list()).map((s) => s.siteId)).toEqual(['yard']);
    expect(await stores.sites.remove('yard')).toBe(true);
    expect(await stores.sites.list()).toEqual([]);
    expect(await stores.sites.get('yard')).toBeNull();
    expect((await stores.table.get({ pk: 'SITE#yard', sk: 'SITE' }))?.deleted).toBe(true);

    await stores.holidays.put({ date: '2026-12-25', name: 'Natal' });
    await stores.holidays.put({ date: '2026-12-26', name: 'Cuti bersama Natal' });
    expect((await stores.holidays.year(2026)).map((h) => h.date)).toEqual([
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(await stores.holidays.remove('2026-12-26')).toBe(true);
    expect((await stores.holidays.year(2026)).map((h) => h.date)).toEqual(['2026-12-25']);
    expect(await stores.holidays.year(2027)).toEqual([]);
  });

  it('lets every integrity record expire (DynamoDB TTL): the trace and the spot hold coordinates', async () => {
    // What they do is the check-in stores' contract (test/adapters/store-contract.test.ts).
    await stores.rates.count('p001', '2026-11-27T00:05', 11);
    await stores.traces.record('p001', { lat: 3.5, lon: 98.6, capturedAt: 't1' }, 12, true);
    await stores.coordinates.claim('2026-11-27', 3.5, 98.6, 'p001', 13);
    await stores.devices.register('kiosk', 'p002', 14);
    for (const [key, expiresAt] of [
      [{ pk: 'EMP#p001', sk: 'RATE#2026-11-27T00:05' }, 11],
      [{ pk: 'EMP#p001', sk: 'TRACE' }, 12],
      [{ pk: 'FIX#2026-11-27#3.5000000,98.6000000', sk: 'FIX' }, 13],
      [{ pk: 'DEVICE#kiosk', sk: 'p002' }, 14],
    ] as const) {
      expect((await stores.table.get(key))?.expiresAt, key.sk).toBe(expiresAt);
    }
    // A review flag for a day without a check-in creates no half item.
    await stores.checkins.addReviewFlag('p003', '2026-11-27', 'shared_coordinates');
    expect(await stores.table.get({ pk: 'EMP#p003', sk: 'DAY#2026-11-27#CHECKIN' })).toBeNull();
  });
});
