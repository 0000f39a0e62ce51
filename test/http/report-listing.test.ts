import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/adapters/dynamo/table';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

// GET /v1/reports?from=&to= lists what was published (issue 14, item 4): the newest version of
// each date and roll call, by date, with the per-unit totals the console's trend draws.
// "Today" is Friday 27 November 2026, 10:00 WIB; the roster is 10 demo employees.
const clock = new FakeClock(new Date('2026-11-27T03:00:00.000Z'));
let rt: Awaited<ReturnType<typeof testRuntime>>;
const admin = { as: 'bkd-admin', admin: true } as const;
const list = (q: string) => rt.call('GET', `/v1/reports?${q}`, admin);

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 10 });
  for (const date of ['2026-11-26', '2026-10-30', '2026-11-02']) {
    expect((await rt.call('POST', `/v1/reports/${date}/publish`, admin)).status).toBe(200);
  }
  // 26 November again after an excuse: its second version is the one listed.
  const excuse = { employeeId: 'demo-001', from: '2026-11-26', to: '2026-11-26', kind: 'sick' };
  expect((await rt.call('POST', '/v1/excuses', { ...admin, body: excuse })).status).toBe(201);
  expect((await rt.call('POST', '/v1/reports/2026-11-26/publish', admin)).json.version).toBe(2);
});
afterAll(() => rt?.close());

describe('GET /v1/reports', () => {
  it('lists the newest version of each published date, by date, across months', async () => {
    const r = await list('from=2026-10-01&to=2026-11-30');
    expect(r.status).toBe(200);
    expect(r.json.items.map((i: { date: string }) => i.date)).toEqual([
      '2026-10-30',
      '2026-11-02',
      '2026-11-26',
    ]);
    const nov26 = r.json.items[2];
    expect(nov26).toMatchObject({ rollCallId: 'pagi', version: 2 });
    expect(nov26.totals).toEqual({ expected: 10, present: 0, late: 0, excused: 1, absent: 9 });
    expect(nov26.units.reduce((n: number, u: { expected: number }) => n + u.expected, 0)).toBe(10);
    expect(Date.parse(nov26.publishedAt)).toBe(clock.now().getTime());
  });

  it('bounds are inclusive and dates outside are left out', async () => {
    const r = await list('from=2026-11-02&to=2026-11-26');
    expect(r.json.items.map((i: { date: string }) => i.date)).toEqual(['2026-11-02', '2026-11-26']);
    expect((await list('from=2026-11-03&to=2026-11-25')).json.items).toEqual([]);
  });

  it('takes a year (366 dates) and refuses more, naming `to`', async () => {
    expect((await list('from=2026-01-01&to=2026-12-31')).json.items).toHaveLength(3);
    expect((await list('from=2024-01-01&to=2024-12-31')).status).toBe(200);
    // The calendar's last month: one Query, not one a month up to the year 99999.
    const last = await list('from=9999-12-01&to=9999-12-31');
    expect(last.status).toBe(200);
    expect(last.json.items).toEqual([]);
    const r = await list('from=2025-11-26&to=2026-11-27');
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    expect(r.json.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['to']);
  });

  it('refuses a range that ends before it starts, a missing bound and a bad date', async () => {
    for (const q of [
      'from=2026-11-27&to=2026-11-26',
      'from=2026-11-01',
      'from=2026-02-30&to=2026-03-01',
    ]) {
      const r = await list(q);
      expect(r.status, q).toBe(400);
      expect(r.json.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('is for admins', async () => {
    expect(
      (await rt.call('GET', '/v1/reports?from=2026-11-01&to=2026-11-30', { as: 'demo-001' }))
        .status,
    ).toBe(403);
  });

  it('a version published before the listing existed joins it when the day is published again', async () => {
    // As an older release stored it: no index attributes, no per-unit totals.
    await rt.stores.table.update({
      Key: keys.publication('2026-10-30', 1),
      UpdateExpression: 'REMOVE gsi1pk, gsi1sk, units',
    });
    expect((await list('from=2026-10-30&to=2026-10-30')).json.items).toEqual([]);
    const again = await rt.call('POST', '/v1/reports/2026-10-30/publish', admin);
    expect(again.json).toMatchObject({ version: 1, changed: false });
    const [item] = (await list('from=2026-10-30&to=2026-10-30')).json.items;
    expect(item).toMatchObject({ date: '2026-10-30', version: 1, totals: { expected: 10 } });
    expect(item.units.length).toBeGreaterThan(0);
  });
});
