import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIn } from '../../functions/core/checkin';
import type { Attempt, Checkin, Employee, Holiday, Site } from '../../functions/core/model';
import type { CheckinStores, SettingsStore, StaffRepository } from '../../functions/core/ports';
import { withoutRollCall, withRollCall } from '../../functions/core/rollcalls';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { FakeClock } from './memory-store';
import { APEL_SORE } from './rollcalls';
import { offset, square } from './shapes';

/** A fresh, empty store behind the check-in's ports, and a way to seed what they only read. */
export interface ContractFixture {
  readonly stores: CheckinStores & {
    readonly settings: SettingsStore;
    readonly staff: StaffRepository;
  };
  putEmployee(e: Employee): Promise<void>;
  putSite(s: Site): Promise<void>;
  putHoliday(h: Holiday): Promise<void>;
  close(): Promise<void>;
}

export interface ContractBackend {
  readonly name: string;
  open(): Promise<ContractFixture>;
}

export const LON = 98.6773;
export const LAT = 3.5905;
export const FRIDAY_0712 = '2026-11-27T00:12:00.000Z';

/** A stored check-in on the Friday of the store suites, as the DynamoDB-only tests use it too. */
export function checkin(employeeId: string, over: Partial<Checkin> = {}): Checkin {
  return {
    employeeId,
    date: '2026-11-27',
    rollCallId: 'pagi',
    status: 'on_time',
    siteId: 'yard',
    distanceToEdgeM: 12.5,
    accuracyM: 8,
    flags: [],
    capturedAt: FRIDAY_0712,
    receivedAt: FRIDAY_0712,
    ...over,
  };
}

function attempt(employeeId: string, date: string, receivedAt: string): Attempt {
  return {
    employeeId,
    date,
    receivedAt,
    capturedAt: receivedAt,
    lat: LAT,
    lon: LON,
    accuracyM: 80,
    mock: false,
    outcome: 'ACCURACY_TOO_LOW',
    expiresAt: 1,
  };
}

const employee = (employeeId: string, siteIds = ['yard']): Employee => ({
  employeeId,
  name: `Pegawai ${employeeId}`,
  unit: 'BKD',
  siteIds,
  active: true,
});

/**
 * What every implementation of the check-in's ports must do, the memory fake as much as the
 * DynamoDB adapter (test/adapters/store-contract.test.ts runs it on each). Whatever a unit test
 * of the core relies on in the fake is here, so that it holds in production too.
 */
export function checkinStoreContract(backend: ContractBackend): void {
  describe(`check-in stores on ${backend.name}`, () => {
    let f: ContractFixture;
    let s: ContractFixture['stores'];

    beforeAll(async () => {
      f = await backend.open();
      s = f.stores;
      await f.putSite({ siteId: 'yard', name: 'Yard', geometry: square(LON, LAT, 100) });
      for (const id of ['e1', 'e2', 'e7']) await f.putEmployee(employee(id));
    });
    afterAll(() => f.close());

    it('keeps the first check-in: a second put returns the first, unchanged', async () => {
      const a = await s.checkins.putFirstCheckin(checkin('solo'));
      const b = await s.checkins.putFirstCheckin(
        checkin('solo', { status: 'late', receivedAt: 'later' }),
      );
      expect(a).toEqual({ created: true, checkin: checkin('solo') });
      expect(b).toEqual({ created: false, checkin: checkin('solo') });
      expect(await s.checkins.getCheckin('solo', '2026-11-27')).toEqual(checkin('solo'));
      expect(await s.checkins.getCheckin('solo', '2026-11-28')).toBeNull();
    });

    it('stores exactly one of 100 concurrent check-ins by one employee', async () => {
      const clock = new FakeClock(new Date(FRIDAY_0712));
      const settled = await Promise.allSettled(
        Array.from({ length: 100 }, (_, i) =>
          checkIn({ stores: s, clock }, 'e7', {
            lat: LAT,
            lon: LON,
            accuracy: 5 + (i % 10),
            capturedAt: FRIDAY_0712,
            deviceId: `d${i}`,
          }),
        ),
      );
      const answered = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const refused = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      // The per-employee limit lets 10 attempts a minute through; the rest are refused unread.
      expect(answered).toHaveLength(10);
      expect(refused.every((e) => e.code === 'RATE_LIMITED')).toBe(true);
      expect(answered.filter((r) => !r.duplicate)).toHaveLength(1);
      const stood = answered.find((r) => !r.duplicate)?.checkin;
      for (const r of answered) expect(r.checkin).toEqual(stood);
      const day = await s.checkins.employeeDay('e7', '2026-11-27');
      expect(day.checkin).toEqual(stood);
      expect(day.attempts).toHaveLength(10);
      const onDay = (await s.checkins.checkinsOn('2026-11-27')).filter(
        (c) => c.employeeId === 'e7',
      );
      expect(onDay).toHaveLength(1);
    });

    it('gives an employee’s day its check-in and that day’s attempts, oldest first', async () => {
      await s.attempts.put(attempt('day', '2026-11-30', '2026-11-30T00:01:00.000Z'));
      await s.attempts.put(attempt('day', '2026-11-30', '2026-11-30T00:02:00.000Z'));
      await s.attempts.put(attempt('day', '2026-12-01', '2026-12-01T00:01:00.000Z'));
      await s.attempts.put(attempt('other', '2026-11-30', '2026-11-30T00:01:30.000Z'));
      await s.checkins.putFirstCheckin(checkin('day', { date: '2026-11-30' }));
      const day = await s.checkins.employeeDay('day', '2026-11-30');
      expect(day.checkin).toEqual(checkin('day', { date: '2026-11-30' }));
      expect(day.attempts.map((a) => a.receivedAt)).toEqual([
        '2026-11-30T00:01:00.000Z',
        '2026-11-30T00:02:00.000Z',
      ]);
      expect(await s.checkins.employeeDay('day', '2026-12-02')).toEqual({
        checkin: null,
        checkins: [],
        attempts: [],
      });
      const onDay = await s.checkins.checkinsOn('2026-11-30');
      expect(onDay.map((c) => c.employeeId)).toEqual(['day']);
    });

    it('counts attempts per employee and minute', async () => {
      expect(await s.rates.count('p001', '2026-11-27T00:05', 1)).toBe(1);
      expect(await s.rates.count('p001', '2026-11-27T00:05', 1)).toBe(2);
      expect(await s.rates.count('p001', '2026-11-27T00:06', 1)).toBe(1);
      expect(await s.rates.count('p002', '2026-11-27T00:05', 1)).toBe(1);
    });

    it('keeps the latest fix as the trace; only a device of its own joins it', async () => {
      await f.putEmployee(employee('p001'));
      const t = s.traces;
      await t.record('p001', { lat: 3.5, lon: 98.6, capturedAt: 't1', deviceId: 'd1' }, 9, true);
      await t.record('p001', { lat: 3.6, lon: 98.7, capturedAt: 't2', deviceId: 'd2' }, 9, true);
      await t.record('p001', { lat: 3.7, lon: 98.8, capturedAt: 't3', deviceId: 'd3' }, 9, false);
      await t.record('p001', { lat: 3.8, lon: 98.9, capturedAt: 't4' }, 9, true);
      const ctx = await s.checkinContext.load('p001');
      expect(ctx.trace).toEqual({ lat: 3.8, lon: 98.9, capturedAt: 't4', devices: ['d1', 'd2'] });
      expect((await s.checkinContext.load('p002')).trace).toBeNull();
    });

    it('gives exact coordinates to the first employee of the day', async () => {
      const c = s.coordinates;
      expect(await c.claim('2026-11-27', 3.5, 98.6, 'p001', 9)).toBeNull();
      expect(await c.claim('2026-11-27', 3.5, 98.6, 'p001', 9)).toBeNull();
      expect(await c.claim('2026-11-27', 3.5, 98.6, 'p002', 9)).toBe('p001');
      expect(await c.claim('2026-11-27', 3.5000001, 98.6, 'p002', 9)).toBeNull();
      expect(await c.claim('2026-11-28', 3.5, 98.6, 'p002', 9)).toBeNull();
    });

    it('names the other employees seen on a device', async () => {
      expect(await s.devices.register('kiosk', 'p001', 9)).toEqual([]);
      expect(await s.devices.register('kiosk', 'p002', 9)).toEqual(['p001']);
      expect(await s.devices.register('kiosk', 'p001', 10)).toEqual(['p002']);
      expect(await s.devices.register('phone', 'p002', 9)).toEqual([]);
    });

    it('adds a review flag to a stored check-in only, shown in the day’s list alone', async () => {
      // No check-in yet: nothing is created, so the check-in's own first write still wins.
      await s.checkins.addReviewFlag('p003', '2026-11-27', 'shared_coordinates');
      expect(await s.checkins.getCheckin('p003', '2026-11-27')).toBeNull();
      const base = checkin('p003', { flags: ['near_edge'] });
      expect((await s.checkins.putFirstCheckin(base)).created).toBe(true);
      await s.checkins.addReviewFlag('p003', '2026-11-27', 'shared_coordinates');
      await s.checkins.addReviewFlag('p003', '2026-11-27', 'shared_coordinates');
      expect(await s.checkins.getCheckin('p003', '2026-11-27')).toEqual(base);
      const onDay = (await s.checkins.checkinsOn('2026-11-27')).find(
        (x) => x.employeeId === 'p003',
      );
      expect(onDay?.flags).toEqual(['near_edge', 'shared_coordinates']);
    });

    it('keeps one check-in per employee, date and roll call, each in its own day index', async () => {
      const sore = checkin('rc1', { rollCallId: 'sore', status: 'late', receivedAt: 'sore' });
      const [a, b, c] = await Promise.all([
        s.checkins.putFirstCheckin(checkin('rc1')),
        s.checkins.putFirstCheckin(sore),
        s.checkins.putFirstCheckin({ ...sore, receivedAt: 'again' }),
      ]);
      expect(a.created).toBe(true);
      expect([b.created, c.created].sort()).toEqual([false, true]);
      expect(b.checkin).toEqual(c.checkin);
      expect(await s.checkins.getCheckin('rc1', '2026-11-27')).toEqual(checkin('rc1'));
      expect(await s.checkins.getCheckin('rc1', '2026-11-27', 'sore')).toEqual(b.checkin);
      const day = await s.checkins.employeeDay('rc1', '2026-11-27');
      expect(day.checkin).toEqual(checkin('rc1'));
      expect(day.checkins.map((x) => x.rollCallId).sort()).toEqual(['pagi', 'sore']);
      const onSore = await s.checkins.checkinsOn('2026-11-27', 'sore');
      expect(onSore.map((x) => x.employeeId)).toEqual(['rc1']);
      const onPagi = await s.checkins.checkinsOn('2026-11-27');
      expect(onPagi.filter((x) => x.employeeId === 'rc1').map((x) => x.rollCallId)).toEqual([
        'pagi',
      ]);
      await s.checkins.addReviewFlag('rc1', '2026-11-27', 'shared_coordinates', 'sore');
      const flagged = (await s.checkins.checkinsOn('2026-11-27', 'sore'))[0];
      expect(flagged?.flags).toContain('shared_coordinates');
      const pagiAgain = (await s.checkins.checkinsOn('2026-11-27')).find(
        (x) => x.employeeId === 'rc1',
      );
      expect(pagiAgain?.flags).toEqual([]);
    });

    it('carries the roll calls with the settings into the check-in context', async () => {
      const afternoon = APEL_SORE;
      await s.settings.changeRules((rules) => withRollCall(rules, afternoon));
      const ctx = await s.checkinContext.load('e1');
      expect(ctx.rollCalls.map((r) => r.id)).toEqual(['pagi', 'sore']);
      expect(ctx.rollCalls[0]).toMatchObject({ opensAt: ctx.settings.opensAt });
      await s.settings.changeRules((rules) => withoutRollCall(rules, 'sore'));
      expect((await s.checkinContext.load('e1')).rollCalls.map((r) => r.id)).toEqual(['pagi']);
    });

    it('runs on default settings until they are written; the context reads them', async () => {
      expect(await s.settings.getSettings()).toEqual(DEFAULT_SETTINGS);
      await s.settings.putSettings({ ...DEFAULT_SETTINGS, timezone: 'Asia/Makassar' });
      expect((await s.settings.getSettings()).timezone).toBe('Asia/Makassar');
      expect((await s.checkinContext.load('e1')).settings.timezone).toBe('Asia/Makassar');
      await s.settings.putSettings(DEFAULT_SETTINGS);
    });

    it('reads the roster entry, holidays and grounds for a check-in; unknowns are left out', async () => {
      await f.putHoliday({ date: '2026-12-25', name: 'Hari Raya Natal' });
      const ctx = await s.checkinContext.load('e2');
      expect(ctx.employee).toEqual(employee('e2'));
      expect(await ctx.holiday('2026-12-25')).toEqual({
        date: '2026-12-25',
        name: 'Hari Raya Natal',
      });
      expect(await ctx.holiday('2026-12-24')).toBeNull();
      const fence = await ctx.geofence(['yard', 'nowhere']);
      expect(fence.place(LON, LAT, 5)).toMatchObject({ siteId: 'yard', inside: true });
      const [far] = offset(LON, LAT, 300, 0);
      expect(fence.place(far, LAT, 5)?.inside).toBe(false);
      expect((await ctx.geofence(['nowhere'])).place(LON, LAT, 5)).toBeNull();
      expect((await s.checkinContext.load('ghost')).employee).toBeNull();
    });
  });
}
