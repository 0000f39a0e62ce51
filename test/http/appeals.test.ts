import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_UNITS } from '../../functions/local/demo';
import { demoFix, testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

// Friday 4 December 2026, pagi 06:30–08:00 WIB; 10 demo employees, one per unit.
const clock = new FakeClock(new Date('2026-12-04T00:10:00.000Z')); // 07:10 WIB
let rt: Awaited<ReturnType<typeof testRuntime>>;
const admin = { as: 'bkd-admin', admin: true } as const;
const DAY = '2026-12-04';
const appeal = (who: string, body: Record<string, unknown>) =>
  rt.call('POST', '/v1/appeals', { as: who, body: { date: DAY, ...body } });
const present = { claim: 'present', reason: 'Saya hadir, GPS saya bermasalah' };
const mine = async (who: string) => (await rt.call('GET', '/v1/appeals/me', { as: who })).json;
const decide = (id: string, body: unknown, who: { as: string; admin?: boolean } = admin) =>
  rt.call('POST', `/v1/appeals/${id}/decision`, { ...who, body });

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 10 });
  expect(
    (await rt.call('POST', '/v1/checkins', { as: 'demo-001', body: demoFix(clock) })).status,
  ).toBe(201);
  const excuse = { employeeId: 'demo-005', from: DAY, to: DAY, kind: 'duty' };
  expect((await rt.call('POST', '/v1/excuses', { ...admin, body: excuse })).status).toBe(201);
});
afterAll(() => rt.close());

describe('filing an appeal', () => {
  it('is closed until check-in has closed (08:00 WIB counts as late, not absent)', async () => {
    clock.set('2026-12-04T01:00:30.000Z'); // 08:00:30
    const r = await appeal('demo-002', present);
    expect(r.status).toBe(422);
    expect(r.json.error).toMatchObject({
      code: 'APPEAL_CLOSED',
      details: {
        date: DAY,
        rollCallId: 'pagi',
        appealOpensAt: '2026-12-04T01:01:00.000Z',
        appealClosesAt: '2026-12-09T17:00:00.000Z',
      },
    });
    expect((await mine('demo-002')).items).toEqual([]);
  });

  it('stores an appeal from 08:01 (201), and updates it while open (200), first time kept', async () => {
    clock.set('2026-12-04T01:05:00.000Z'); // 08:05 WIB
    const first = await appeal('demo-002', present);
    expect(first.status).toBe(201);
    expect(first.json.appeal).toMatchObject({
      appealId: `${DAY}.pagi.demo-002`,
      employeeId: 'demo-002',
      unit: DEMO_UNITS[1],
      claim: 'present',
      status: 'open',
      createdAt: '2026-12-04T01:05:00.000Z',
    });
    clock.set('2026-12-04T02:00:00.000Z');
    const again = await appeal('demo-002', {
      claim: 'excused',
      kind: 'sick',
      reason: 'Saya sakit',
    });
    expect(again.status).toBe(200);
    expect(again.json.appeal).toMatchObject({
      claim: 'excused',
      kind: 'sick',
      reason: 'Saya sakit',
      createdAt: '2026-12-04T01:05:00.000Z',
      updatedAt: '2026-12-04T02:00:00.000Z',
    });
    const me = await mine('demo-002');
    expect(me.items).toEqual([again.json.appeal]);
    // The days before (nobody checked in on them) are still open; this one is appealed.
    expect(me.open.map((d: { date: string }) => d.date)).toEqual([
      '2026-12-03',
      '2026-12-02',
      '2026-12-01',
    ]);
  });

  it('refuses an appeal for a day the employee checked in (409), storing nothing', async () => {
    const r = await appeal('demo-001', present);
    expect(r.status).toBe(409);
    expect(r.json.error).toMatchObject({
      code: 'ALREADY_CHECKED_IN',
      details: { employeeId: 'demo-001', date: DAY, rollCallId: 'pagi' },
    });
    const me = await mine('demo-001');
    expect(me.items).toEqual([]);
    expect(me.open.map((d: { date: string }) => d.date)).not.toContain(DAY);
  });

  it('refuses an excused employee (409 NOT_ABSENT) and anyone not on the roster (403)', async () => {
    const r = await appeal('demo-005', present);
    expect(r.status).toBe(409);
    expect(r.json.error).toMatchObject({ code: 'NOT_ABSENT', details: { because: 'excused' } });
    const stranger = await appeal('stranger', present);
    expect(stranger.status).toBe(403);
    expect(stranger.json.error.code).toBe('NOT_ON_ROSTER');
    expect((await appeal('bkd-admin', present)).json.error.code).toBe('NOT_ON_ROSTER');
  });

  it('refuses a day without the roll call, an unknown roll call and a future day', async () => {
    const saturday = await appeal('demo-003', { ...present, date: '2026-12-05' });
    expect(saturday.status).toBe(422);
    expect(saturday.json.error.code).toBe('NOT_A_WORKDAY');
    const unknown = await appeal('demo-003', { ...present, rollCallId: 'sore' });
    expect(unknown.status).toBe(404);
    const monday = await appeal('demo-003', { ...present, date: '2026-12-07' });
    expect(monday.status).toBe(422);
    expect(monday.json.error.code).toBe('APPEAL_CLOSED');
  });

  it('takes the employee from the token only, and refuses bad reasons: 400, nothing stored', async () => {
    const other = await appeal('demo-003', { ...present, employeeId: 'demo-006' });
    expect(other.status).toBe(400);
    expect(other.json.error.code).toBe('VALIDATION_FAILED');
    for (const reason of ['', '   ', 'x'.repeat(5_000)]) {
      const r = await appeal('demo-003', { claim: 'present', reason });
      expect(r.status, JSON.stringify(reason.slice(0, 5))).toBe(400);
      expect(r.json.error.details.issues[0].path).toBe('reason');
    }
    expect((await appeal('demo-003', { claim: 'excused', reason: 'sakit' })).status).toBe(400);
    expect((await appeal('demo-003', { ...present, kind: 'sick' })).status).toBe(400);
    expect((await appeal('demo-003', { ...present, date: '2026-02-30' })).status).toBe(400);
    expect((await mine('demo-003')).items).toEqual([]);
    expect((await mine('demo-006')).items).toEqual([]);
  });

  it('offers the days still open on the page, until the end of the 3rd workday after', async () => {
    clock.set('2026-12-09T16:59:00.000Z'); // Wed 23:59 WIB
    const me = await mine('demo-003');
    const days = me.open.map((d: { date: string }) => d.date);
    // Mon 7, Tue 8 and Wed 9 are open too (nobody checked in); Fri 4 closes at midnight.
    expect(days).toEqual(['2026-12-09', '2026-12-08', '2026-12-07', DAY]);
    expect(me.open[3]).toEqual({
      date: DAY,
      rollCallId: 'pagi',
      rollCallName: 'Apel pagi',
      appealClosesAt: '2026-12-09T17:00:00.000Z',
    });
    expect((await appeal('demo-003', present)).status).toBe(201);
    clock.set('2026-12-09T17:00:00.000Z'); // Thu 00:00 WIB
    const late = await appeal('demo-006', present);
    expect(late.status).toBe(422);
    expect(late.json.error.code).toBe('APPEAL_CLOSED');
    expect((await mine('demo-006')).open.map((d: { date: string }) => d.date)).not.toContain(DAY);
  });

  it('lengthens the window by a holiday in it', async () => {
    await rt.call('PUT', '/v1/holidays/2026-12-08', { ...admin, body: { name: 'Cuti bersama' } });
    expect((await appeal('demo-006', present)).status).toBe(201);
  });
});

describe('the inbox and decisions', () => {
  it('lists open appeals first, oldest first, for admins only (an employee: 403)', async () => {
    const all = await rt.call('GET', '/v1/appeals', admin);
    expect(all.status).toBe(200);
    expect(all.json.items.map((a: { employeeId: string }) => a.employeeId)).toEqual([
      'demo-002',
      'demo-003',
      'demo-006',
    ]);
    expect((await rt.call('GET', '/v1/appeals', { as: 'demo-002' })).status).toBe(403);
    const page = await rt.call('GET', '/v1/appeals?limit=2', admin);
    expect(page.json.items).toHaveLength(2);
    const next = await rt.call(
      'GET',
      `/v1/appeals?limit=2&cursor=${encodeURIComponent(page.json.cursor)}`,
      admin,
    );
    expect(next.json.items.map((a: { employeeId: string }) => a.employeeId)).toEqual(['demo-006']);
    const unit = await rt.call(
      'GET',
      `/v1/appeals?unit=${encodeURIComponent((DEMO_UNITS[2] as string).toUpperCase())}`,
      admin,
    );
    expect(unit.json.items.map((a: { employeeId: string }) => a.employeeId)).toEqual(['demo-003']);
    expect((await rt.call('GET', '/v1/appeals?date=2026-12-07', admin)).json.items).toEqual([]);
    expect((await rt.call('GET', '/v1/appeals?cursor=nonsense', admin)).status).toBe(400);
    expect((await rt.call('GET', '/v1/appeals?status=maybe', admin)).status).toBe(400);
  });

  it('accepts an excused claim as an excuse of its kind for that day, once', async () => {
    clock.set('2026-12-10T02:00:00.000Z');
    const id = `${DAY}.pagi.demo-002`;
    expect((await decide(id, { decision: 'accept', note: 'ok' }, { as: 'demo-002' })).status).toBe(
      403,
    );
    expect((await decide(id, { decision: 'accept', note: '' })).status).toBe(400);
    const r = await decide(id, { decision: 'accept', note: 'Surat dokter diterima' });
    expect(r.status).toBe(200);
    expect(r.json.appeal).toMatchObject({
      status: 'accepted',
      decidedBy: 'bkd-admin',
      decidedAt: '2026-12-10T02:00:00.000Z',
      note: 'Surat dokter diterima',
    });
    const excuses = (await rt.call('GET', `/v1/excuses?date=${DAY}`, admin)).json.items;
    expect(
      excuses.filter((x: { employeeId: string }) => x.employeeId === 'demo-002'),
    ).toMatchObject([{ kind: 'sick', from: DAY, to: DAY, createdBy: 'bkd-admin' }]);
    const report = (await rt.call('GET', `/v1/reports/${DAY}`, admin)).json;
    expect(report.excused.map((p: { employeeId: string }) => p.employeeId)).toContain('demo-002');
    expect(report.absent.map((p: { employeeId: string }) => p.employeeId)).not.toContain(
      'demo-002',
    );

    const twice = await decide(id, { decision: 'reject', note: 'salah' });
    expect(twice.status).toBe(409);
    expect(twice.json.error).toMatchObject({
      code: 'APPEAL_DECIDED',
      details: { status: 'accepted' },
    });
    const refiled = await appeal('demo-002', present);
    expect(refiled.status).toBe(409);
    expect(refiled.json.error.code).toBe('APPEAL_DECIDED');
    const me = await mine('demo-002');
    expect(me.items[0]).toMatchObject({ status: 'accepted', note: 'Surat dokter diterima' });
  });

  it('rejects with a note the employee reads, and lists decided ones after the open', async () => {
    const id = `${DAY}.pagi.demo-006`;
    const r = await decide(id, { decision: 'reject', note: 'Tidak ada di CCTV' });
    expect(r.json.appeal.status).toBe('rejected');
    expect((await mine('demo-006')).items[0]).toMatchObject({
      status: 'rejected',
      note: 'Tidak ada di CCTV',
    });
    const all = await rt.call('GET', '/v1/appeals', admin);
    expect(all.json.items.map((a: { status: string }) => a.status)).toEqual([
      'open',
      'accepted',
      'rejected',
    ]);
    const rejected = await rt.call('GET', '/v1/appeals?status=rejected', admin);
    expect(rejected.json.items.map((a: { employeeId: string }) => a.employeeId)).toEqual([
      'demo-006',
    ]);
  });

  it('answers 404 for an unknown appeal and 400 for a malformed id', async () => {
    const unknown = await decide(`${DAY}.pagi.demo-009`, { decision: 'accept', note: 'x' });
    expect(unknown.status).toBe(404);
    expect((await decide('nonsense', { decision: 'accept', note: 'x' })).status).toBe(400);
    expect((await decide(`${DAY}.pagi.demo-003`, { decision: 'maybe', note: 'x' })).status).toBe(
      400,
    );
  });
});
