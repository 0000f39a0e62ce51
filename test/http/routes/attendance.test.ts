import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRoster } from '../../../functions/local/demo';
import { testRuntime } from '../../support/app';
import { FakeClock } from '../../support/memory-store';
import { checkin } from '../../support/store-contract';

// Friday 27 November 2026, 09:00 WIB: pagi closed at 08:00 and may be published.
const clock = new FakeClock(new Date('2026-11-27T02:00:00.000Z'));
const rt = await testRuntime(clock, { roster: 12 });
afterAll(() => rt.close());
const DATE = '2026-11-27';
const roster = demoRoster(12);
const e4 = roster[3] as (typeof roster)[number];
const otherUnit = (roster[5] as (typeof roster)[number]).unit;
const e7 = roster[6] as (typeof roster)[number];
const path = (id: string, date = DATE, rc = 'pagi') => `/v1/attendance/${date}/${rc}/${id}`;
const admin = { as: 'bkd-admin', admin: true };
const onTime = { status: 'on_time', reason: 'HP mati, hadir di lapangan (dilihat petugas)' };

const wall = () => readFile(join(rt.dataDir, `reports/${DATE}/wall.html`), 'utf8');
const newest = async () =>
  JSON.parse(await readFile(join(rt.dataDir, `reports/${DATE}/report.json`), 'utf8'));
const markCount = async () => (await rt.stores.marks.on(DATE, 'pagi')).length;

beforeAll(async () => {
  await rt.stores.staff.put({
    userId: 'op-own',
    roles: ['operator'],
    units: [e4.unit.toUpperCase()],
    rollCallIds: [],
  });
  await rt.stores.staff.put({
    userId: 'op-other',
    roles: ['operator'],
    units: [otherUnit],
    rollCallIds: [],
  });
  await rt.stores.staff.put({
    userId: 'petugas',
    roles: ['officer'],
    units: [],
    rollCallIds: ['pagi'],
  });
  await rt.stores.staff.put({
    userId: 'petugas-sore',
    roles: ['officer'],
    units: [],
    rollCallIds: ['sore'],
  });
  await rt.stores.checkins.putFirstCheckin(
    checkin('demo-001', { receivedAt: '2026-11-27T00:10:00.000Z', siteId: 'balai-kota-medan' }),
  );
  const pub = await rt.call('POST', `/v1/reports/${DATE}/publish`, admin);
  expect(pub.status).toBeLessThan(300);
});

describe('an attendance mark on a published day', () => {
  it('names the employee absent before, then republishes without them, saying it was corrected', async () => {
    expect((await newest()).version).toBe(1);
    expect(await wall()).toContain(e4.name);
    const put = await rt.call('PUT', path(e4.employeeId), { ...admin, body: onTime });
    expect(put.status).toBe(201);
    expect(put.json).toMatchObject({
      employeeId: e4.employeeId,
      status: 'on_time',
      method: 'manual',
      by: 'bkd-admin',
      markedAt: clock.now().toISOString(),
    });
    const r = await newest();
    expect(r.version).toBe(2);
    expect(r.absent.map((p: { employeeId: string }) => p.employeeId)).not.toContain(e4.employeeId);
    expect(r.marked).toEqual([
      expect.objectContaining({ employeeId: e4.employeeId, reason: onTime.reason }),
    ]);
    const html = await wall();
    expect(html).not.toContain(e4.name);
    expect(html).not.toContain('HP mati');
    expect(html).toMatch(/Diperbarui [^<]*, versi 2/);
    // The console's report: the same, with the mark.
    const live = await rt.call('GET', `/v1/reports/${DATE}`, admin);
    expect(live.json.marked[0]).toMatchObject({ employeeId: e4.employeeId, method: 'manual' });
  });

  it('repeats a PUT without a new version; another statement replaces the mark and republishes', async () => {
    const again = await rt.call('PUT', path(e4.employeeId), { ...admin, body: onTime });
    expect(again.status).toBe(200);
    expect((await newest()).version).toBe(2);
    const late = await rt.call('PUT', path(e4.employeeId), {
      ...admin,
      body: { status: 'late', at: '07:40', reason: 'datang terlambat, HP mati' },
    });
    expect(late.status).toBe(200);
    const r = await newest();
    expect(r.version).toBe(3);
    expect(r.late).toEqual([
      expect.objectContaining({ employeeId: e4.employeeId, at: '07:40', method: 'manual' }),
    ]);
  });

  it('withdraws a mark: the next version names the employee again; a second withdrawal is 404', async () => {
    const del = await rt.call('DELETE', path(e4.employeeId), admin);
    expect(del.status).toBe(200);
    expect(del.json).toMatchObject({ status: 'late' });
    expect((await newest()).version).toBe(4);
    expect(await wall()).toContain(e4.name);
    expect((await rt.call('DELETE', path(e4.employeeId), admin)).status).toBe(404);
  });

  it('refuses a mark over a check-in (409) and every bad input with a clear error, storing nothing', async () => {
    const before = await markCount();
    const cases: [string, string, unknown, number, string][] = [
      ['over a check-in', path('demo-001'), onTime, 409, 'ALREADY_CHECKED_IN'],
      ['unknown employee', path('nobody-9'), onTime, 404, 'NOT_FOUND'],
      ['unknown roll call', path('demo-005', DATE, 'nope'), onTime, 404, 'NOT_FOUND'],
      [
        'empty reason',
        path('demo-005'),
        { status: 'on_time', reason: '  ' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'reason of 501',
        path('demo-005'),
        { status: 'on_time', reason: 'x'.repeat(501) },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'reason of 5,000',
        path('demo-005'),
        { status: 'on_time', reason: 'x'.repeat(5000) },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'excused without kind',
        path('demo-005'),
        { status: 'excused', reason: 'dinas' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'late without time',
        path('demo-005'),
        { status: 'late', reason: 'telat' },
        400,
        'VALIDATION_FAILED',
      ],
      ['a future date', path('demo-005', '2026-11-30'), onTime, 400, 'VALIDATION_FAILED'],
      ['not held (Sunday)', path('demo-005', '2026-11-22'), onTime, 400, 'VALIDATION_FAILED'],
      ['unknown field', path('demo-005'), { ...onTime, by: 'someone' }, 400, 'VALIDATION_FAILED'],
      ['bad status', path('demo-005'), { ...onTime, status: 'present' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [what, p, body, status, code] of cases) {
      const a = await rt.call('PUT', p, { ...admin, body });
      expect([what, a.status, a.json?.error?.code]).toEqual([what, status, code]);
    }
    const conflict = await rt.call('PUT', path('demo-001'), { ...admin, body: onTime });
    expect(conflict.json.error.details).toMatchObject({
      employeeId: 'demo-001',
      checkedInAt: '2026-11-27T00:10:00.000Z',
    });
    expect(await markCount()).toBe(before);
    expect((await newest()).version).toBe(4);
  });
});

describe('who may mark', () => {
  it('lets an operator mark within their units only, an officer on the day and present or late only', async () => {
    const own = e4;
    const other = roster[5] as (typeof roster)[number];
    expect(other.unit).not.toBe(e4.unit);
    const excused = { status: 'excused', kind: 'duty', reason: 'Surat tugas 12/2026' };
    const outcomes = [
      ['op-own', path(own.employeeId), excused],
      ['op-own', path(other.employeeId), excused],
      ['op-other', path(e4.employeeId), excused],
      ['petugas', path(other.employeeId), onTime],
      ['petugas', path(other.employeeId), excused],
      ['petugas', path(other.employeeId, '2026-11-26'), onTime],
      ['petugas-sore', path(e4.employeeId), onTime],
      ['demo-002', path(e4.employeeId), onTime],
    ] as const;
    const got = [];
    for (const [as, p, body] of outcomes) got.push((await rt.call('PUT', p, { as, body })).status);
    expect(got).toEqual([201, 403, 403, 201, 403, 403, 403, 403]);
  });

  it('lists attendees with how each counts: all for an officer, the units for an operator', async () => {
    const officer = await rt.call('GET', `/v1/attendance/${DATE}/pagi`, { as: 'petugas' });
    expect(officer.status).toBe(200);
    expect(officer.json.total).toBe(12);
    const byId = new Map(officer.json.items.map((i: { employeeId: string }) => [i.employeeId, i]));
    expect(byId.get('demo-001')).toMatchObject({
      status: 'on_time',
      source: 'checkin',
      at: '07:10',
    });
    const op = await rt.call('GET', `/v1/attendance/${DATE}/pagi`, { as: 'op-own' });
    expect(op.json.items.every((i: { unit: string }) => i.unit === e4.unit)).toBe(true);
    const found = await rt.call(
      'GET',
      `/v1/attendance/${DATE}/pagi?q=${encodeURIComponent(e4.name.split(' ')[0] as string)}`,
      admin,
    );
    expect(found.json.items.map((i: { employeeId: string }) => i.employeeId)).toContain(
      e4.employeeId,
    );
    expect((await rt.call('GET', `/v1/attendance/${DATE}/pagi`, { as: 'demo-002' })).status).toBe(
      403,
    );
  });
});

describe('other corrections of a published day', () => {
  it('republish on an excuse created and revoked, and on a holiday', async () => {
    const v0 = (await newest()).version;
    const x = await rt.call('POST', '/v1/excuses', {
      ...admin,
      body: { employeeId: e7.employeeId, from: DATE, to: DATE, kind: 'sick' },
    });
    expect(x.status).toBe(201);
    expect((await newest()).version).toBe(v0 + 1);
    expect((await newest()).excused.map((p: { employeeId: string }) => p.employeeId)).toContain(
      e4.employeeId,
    );
    expect((await rt.call('DELETE', `/v1/excuses/${x.json.excuseId}`, admin)).status).toBe(200);
    expect((await newest()).version).toBe(v0 + 2);
    expect(
      (await rt.call('PUT', `/v1/holidays/${DATE}`, { ...admin, body: { name: 'Cuti bersama' } }))
        .status,
    ).toBe(200);
    const r = await newest();
    expect([r.version, r.workday, r.absent.length]).toEqual([v0 + 3, false, 0]);
    expect((await rt.call('DELETE', `/v1/holidays/${DATE}`, admin)).status).toBe(200);
    expect((await newest()).version).toBe(v0 + 4);
    expect(await rt.stores.corrections.pending()).toEqual([]);
  });
});
