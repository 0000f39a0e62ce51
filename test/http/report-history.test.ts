import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

// Live reports of past dates take the rules and the roster of those dates (issue 12, item 12).
// Deployed Monday 9 November 2026 (07:00 WIB); "today" is Tuesday 24 November, 09:00 WIB.
const DEPLOYED = new Date('2026-11-09T00:00:00.000Z');
const clock = new FakeClock(new Date('2026-11-24T02:00:00.000Z'));
let rt: Awaited<ReturnType<typeof testRuntime>>;
const admin = { as: 'bkd-admin', admin: true } as const;

/** The README's walk-through: check-in all day, every day of the week a workday. */
const WALK_THROUGH = {
  ...DEFAULT_SETTINGS,
  opensAt: '00:00',
  startsAt: '23:00',
  closesAt: '23:30',
  reportAt: '23:45',
  workdays: [1, 2, 3, 4, 5, 6, 7],
};

const report = async (date: string) => rt.call('GET', `/v1/reports/${date}`, admin);

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 10, deployedAt: DEPLOYED });
  // The settings change today: every day a workday from now on.
  clock.set('2026-11-24T02:05:00.000Z');
  expect((await rt.call('PUT', '/v1/settings', { ...admin, body: WALK_THROUGH })).status).toBe(200);
});
afterAll(() => rt?.close());

describe('a live report of a past date uses the settings in force then', () => {
  it('last Sunday stays a Sunday: not a workday, nobody absent', async () => {
    const r = await report('2026-11-22');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ date: '2026-11-22', workday: false, version: 0 });
    expect(r.json.totals).toEqual({ expected: 0, present: 0, late: 0, excused: 0, absent: 0 });
    expect(r.json.absent).toEqual([]);
  });

  it('last Friday keeps its own rules: a workday with the whole roster expected', async () => {
    const r = await report('2026-11-20');
    expect(r.json).toMatchObject({ workday: true, totals: { expected: 10, absent: 10 } });
  });

  it('the change holds from the moment it was saved: today and next Sunday follow it', async () => {
    expect((await report('2026-11-29')).json.workday).toBe(true);
    expect((await report('2026-11-24')).json.workday).toBe(true);
  });

  it('a second change today applies to the rest of today; last week keeps what it ended with', async () => {
    clock.set('2026-11-24T02:10:00.000Z');
    const noTuesday = { ...WALK_THROUGH, workdays: [1, 3, 4, 5, 6, 7] };
    expect((await rt.call('PUT', '/v1/settings', { ...admin, body: noTuesday })).status).toBe(200);
    expect((await report('2026-11-24')).json.workday).toBe(false);
    expect((await report('2026-11-17')).json).toMatchObject({ workday: true });
    expect((await report('2026-11-22')).json.workday).toBe(false);
    expect((await report('2026-12-01')).json.workday).toBe(false);
    // Back to today's first change for the tests below.
    clock.set('2026-11-24T02:15:00.000Z');
    expect((await rt.call('PUT', '/v1/settings', { ...admin, body: WALK_THROUGH })).status).toBe(
      200,
    );
  });

  it('publishing last Sunday now publishes what last Sunday was', async () => {
    const r = await rt.call('POST', '/v1/reports/2026-11-22/publish', admin);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ version: 1, totals: { expected: 0, absent: 0 } });
  });
});

describe('a date before the deployment existed has no report', () => {
  it('answers 422 BEFORE_DEPLOYMENT, in Indonesian first, instead of everyone absent', async () => {
    const r = await report('2026-11-06');
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('BEFORE_DEPLOYMENT');
    expect(r.json.error.details).toEqual({ date: '2026-11-06', firstDay: '2026-11-09' });
    expect(r.json.error.message).toContain('2026-11-09');
    expect(r.json.error.message).toMatch(/^Tidak ada laporan/);
    const en = await rt.call('GET', '/v1/reports/2026-11-06?lang=en', admin);
    expect(en.json.error.message).toMatch(/^There is no report/);
  });

  it('refuses to publish it too, and the day before the first day is refused, the first day is not', async () => {
    const p = await rt.call('POST', '/v1/reports/2026-11-08/publish', admin);
    expect(p.status).toBe(422);
    expect(p.json.error.code).toBe('BEFORE_DEPLOYMENT');
    expect((await report('2026-11-08')).status).toBe(422);
    expect((await report('2026-11-09')).json).toMatchObject({ workday: true });
  });
});

describe('a live report of a past date uses the roster of that date', () => {
  it('someone added today is not expected last week; someone deactivated today still is', async () => {
    const added = await rt.call('PUT', '/v1/employees/new-001', {
      ...admin,
      body: { name: 'Pegawai Baru', unit: 'BKD', siteIds: ['balai-kota-medan'], active: true },
    });
    expect(added.status).toBe(201);
    expect((await rt.call('DELETE', '/v1/employees/demo-001', admin)).status).toBe(200);

    const friday = await report('2026-11-20');
    const ids = (xs: { employeeId: string }[]) => xs.map((x) => x.employeeId);
    expect(friday.json.totals.expected).toBe(10);
    expect(ids(friday.json.absent)).toContain('demo-001');
    expect(ids(friday.json.absent)).not.toContain('new-001');
    // Tomorrow: the new employee is expected, the deactivated one is not.
    const tomorrow = await report('2026-11-25');
    expect(ids(tomorrow.json.absent)).toContain('new-001');
    expect(ids(tomorrow.json.absent)).not.toContain('demo-001');
  });
});
