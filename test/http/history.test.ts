import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';
import { BY_HAND, NOVEMBER, seedNovember } from '../support/recap-month';

// Wednesday 2 December 2026, 10:00 WIB: November is over; the 23rd to the 30th unpublished.
const clock = new FakeClock(new Date('2026-12-02T03:00:00.000Z'));
const rt = await testRuntime(clock, { roster: 4 });
const admin = { as: 'bkd-admin', admin: true } as const;
afterAll(() => rt.close());
beforeAll(() => seedNovember(rt), 120_000);

interface Entry {
  rollCallId: string;
  status: string;
  method?: string;
  at?: string;
  kind?: string;
  published: boolean;
}
interface Day {
  date: string;
  workday: boolean;
  rollCalls: Entry[];
}
const PENDING_FROM = '2026-11-23';

async function history(id: string, as = admin as { as: string; admin?: boolean }) {
  const path = as.as === id && !as.admin ? '/v1/me/history' : `/v1/employees/${id}/history`;
  const a = await rt.call('GET', `${path}?month=2026-11`, as);
  expect(a.status, a.text).toBe(200);
  return a.json as { employeeId: string; days: Day[] };
}
const count = (days: Day[], status: string) =>
  days.flatMap((d) => d.rollCalls).filter((e) => e.status === status).length;

describe('an employee’s month, day by day, agrees with the recap', () => {
  it('every day of November listed; workdays carry pagi; counts match the recap’s by hand', async () => {
    for (const [id, want] of Object.entries(BY_HAND)) {
      const h = await history(id);
      expect(h.employeeId).toBe(id);
      expect(h.days.map((d) => d.date)).toHaveLength(30);
      expect(h.days.filter((d) => d.rollCalls.length > 0).map((d) => d.date)).toEqual(NOVEMBER);
      expect(count(h.days, 'on_time'), id).toBe(want.onTime);
      expect(count(h.days, 'late'), id).toBe(want.late);
      const excused = Object.values(want.excused).reduce((a, b) => a + b, 0);
      expect(count(h.days, 'excused'), id).toBe(excused);
      // An unpublished day's absence is not final: pending.
      expect(count(h.days, 'absent') + count(h.days, 'pending'), id).toBe(want.absent);
      for (const d of h.days) {
        for (const e of d.rollCalls) {
          expect(e.published, d.date).toBe(d.date < PENDING_FROM);
          if (e.status === 'pending') expect(d.date >= PENDING_FROM).toBe(true);
          if (e.status === 'absent') expect(d.date < PENDING_FROM).toBe(true);
        }
      }
    }
  });

  it('methods: gps for a check-in, manual for a mark, appeal for an accepted appeal', async () => {
    const one = await history('demo-001');
    const day = (h: { days: Day[] }, date: string) =>
      h.days.find((d) => d.date === date)?.rollCalls[0];
    expect(day(one, '2026-11-02')).toMatchObject({ status: 'on_time', method: 'gps' });
    expect(day(one, '2026-11-05')).toMatchObject({
      status: 'late',
      method: 'gps',
      at: '07:45',
      lateMinutes: 15, // after 07:30, the start in force that day
    });
    expect(day(one, '2026-11-10')).toMatchObject({ status: 'absent' });
    expect(day(one, '2026-11-10')?.method).toBeUndefined();
    const two = await history('demo-002');
    expect(day(two, '2026-11-02')).toMatchObject({ status: 'excused', kind: 'sick' });
    expect(day(two, '2026-11-17')).toMatchObject({ status: 'on_time', method: 'manual' });
    expect(day(two, '2026-11-18')).toMatchObject({ status: 'late', method: 'manual' });
    expect(day(two, '2026-11-19')).toMatchObject({
      status: 'excused',
      kind: 'duty',
      method: 'manual',
    });
    const four = await history('demo-004');
    // The wall of the 2nd said absent; the later check-in was never republished.
    expect(day(four, '2026-11-02')).toMatchObject({ status: 'absent', published: true });
    expect(day(four, '2026-11-30')).toMatchObject({ status: 'on_time', method: 'appeal' });
    expect(day(four, '2026-11-27')).toMatchObject({ status: 'pending', published: false });
  });

  it('the employee sees their own month, the same as the admin sees it', async () => {
    const own = await history('demo-002', { as: 'demo-002' });
    const seen = await history('demo-002');
    expect(own.days).toEqual(seen.days);
  });

  it('this month runs to today; a month to come, a month that does not exist, none: refused', async () => {
    const now = await rt.call('GET', '/v1/me/history?month=2026-12', { as: 'demo-001' });
    expect(now.status, now.text).toBe(200);
    expect(now.json.days.map((d: Day) => d.date)).toEqual(['2026-12-01', '2026-12-02']);
    const later = await rt.call('GET', '/v1/me/history?month=2027-01', { as: 'demo-001' });
    expect(later.status).toBe(422);
    expect(later.json.error.code).toBe('MONTH_IN_FUTURE');
    for (const q of ['?month=2026-13', '?month=2026-1', '?month=', '']) {
      const bad = await rt.call('GET', `/v1/me/history${q}`, { as: 'demo-001' });
      expect(bad.status, q).toBe(400);
      expect(bad.json.error.code).toBe('VALIDATION_FAILED');
    }
    const nobody = await rt.call('GET', '/v1/employees/nobody-9/history?month=2026-11', admin);
    expect(nobody.status).toBe(404);
    const notAdmin = await rt.call('GET', '/v1/employees/demo-002/history?month=2026-11', {
      as: 'demo-001',
    });
    expect(notAdmin.status).toBe(403);
  });
});
