import type { AttendanceMark } from '../../functions/core/mark-record';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import type { testRuntime } from './app';
import { checkin } from './store-contract';

type Runtime = Awaited<ReturnType<typeof testRuntime>>;
const ADMIN = { as: 'bkd-admin', admin: true } as const;

/** November 2026's workdays: Monday 2 to Monday 30, weekends out (21 days). */
export const NOVEMBER = [
  2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 30,
].map((d) => `2026-11-${String(d).padStart(2, '0')}`);

/** 07:MM WIB on a date, as the instant a check-in was received. */
const wib = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(
    `${date}T${String(h - 7).padStart(2, '0')}:${String(m).padStart(2, '0')}:00.000Z`,
  ).toISOString();
};

const mark = (
  employeeId: string,
  date: string,
  over: Partial<AttendanceMark> & Pick<AttendanceMark, 'status'>,
): AttendanceMark => ({
  employeeId,
  date,
  rollCallId: 'pagi',
  reason: 'HP mati, hadir di lapangan',
  method: 'manual',
  by: 'bkd-admin',
  markedAt: '2026-12-01T02:00:00.000Z',
  ...over,
});

/**
 * The month the recap tests count by hand (4 employees, tiers set to 10/20/25 minutes so that a
 * 30-minute late window reaches every tier):
 * - demo-001: on time 2 and 3; late 4 (07:35, 5 min), 5 (07:45, 15), 6 (07:52, 22), 9 (07:58, 28); absent otherwise;
 * - demo-002: sick 2–6, leave 9–13 (excuses); checks in 16; marked on time 17, late 18 at 07:41
 *   (11 min), excused (duty) 19; absent otherwise;
 * - demo-003: on time every workday (a permit on the 3rd does not count: the check-in does);
 * - demo-004: absent, but for a mark made by accepting an appeal on the 30th (on time).
 * Published: the 2nd to the 20th; the 23rd to the 30th are not (pending). After the 2nd was
 * published demo-004 gets a check-in on it that was never republished: the wall said absent.
 */
export async function seedNovember(rt: Runtime): Promise<void> {
  const put = (employeeId: string, date: string, at: string) =>
    rt.stores.checkins.putFirstCheckin(
      checkin(employeeId, {
        date,
        status: at <= '07:30' ? 'on_time' : 'late',
        receivedAt: wib(date, at),
        capturedAt: wib(date, at),
      }),
    );
  await put('demo-001', '2026-11-02', '07:10');
  await put('demo-001', '2026-11-03', '07:29');
  await put('demo-001', '2026-11-04', '07:35');
  await put('demo-001', '2026-11-05', '07:45');
  await put('demo-001', '2026-11-06', '07:52');
  await put('demo-001', '2026-11-09', '07:58');
  for (const date of NOVEMBER) await put('demo-003', date, '07:05');
  await put('demo-002', '2026-11-16', '07:20');
  const excuse = async (employeeId: string, from: string, to: string, kind: string) => {
    const a = await rt.call('POST', '/v1/excuses', {
      ...ADMIN,
      body: { employeeId, from, to, kind },
    });
    if (a.status !== 201) throw new Error(`excuse: ${a.status} ${a.text}`);
  };
  await excuse('demo-002', '2026-11-02', '2026-11-06', 'sick');
  await excuse('demo-002', '2026-11-09', '2026-11-13', 'leave');
  await excuse('demo-003', '2026-11-03', '2026-11-03', 'permit');
  await rt.stores.marks.create(mark('demo-002', '2026-11-17', { status: 'on_time' }));
  await rt.stores.marks.create(mark('demo-002', '2026-11-18', { status: 'late', at: '07:41' }));
  await rt.stores.marks.create(mark('demo-002', '2026-11-19', { status: 'excused', kind: 'duty' }));
  await rt.stores.marks.create(
    mark('demo-004', '2026-11-30', {
      status: 'on_time',
      method: 'appeal',
      reason: 'sanggahan diterima',
    }),
  );
  const s = await rt.call('PUT', '/v1/settings', {
    ...ADMIN,
    body: { ...DEFAULT_SETTINGS, lateTiers: [10, 20, 25] },
  });
  if (s.status !== 200) throw new Error(`settings: ${s.status} ${s.text}`);
  for (const date of NOVEMBER.filter((d) => d <= '2026-11-20')) {
    const p = await rt.call('POST', `/v1/reports/${date}/publish`, ADMIN);
    if (p.status !== 200) throw new Error(`publish ${date}: ${p.status} ${p.text}`);
  }
  await put('demo-004', '2026-11-02', '07:15');
}

const tiers = (TL1: number, TL2: number, TL3: number, TL4: number) => ({ TL1, TL2, TL3, TL4 });
const excused = (
  o: Partial<Record<'leave' | 'sick' | 'duty' | 'permit' | 'other', number>> = {},
) => ({
  leave: 0,
  sick: 0,
  duty: 0,
  permit: 0,
  other: 0,
  ...o,
});

/** What a person counts from November's walls (and the pending days' live reports), by hand. */
export const BY_HAND = {
  'demo-001': {
    expected: 21,
    onTime: 2,
    late: 4,
    lateMinutes: 70,
    lateTiers: tiers(1, 1, 1, 1),
    excused: excused(),
    manual: 0,
    absent: 15,
    attendanceRate: 28.6,
  },
  'demo-002': {
    expected: 21,
    onTime: 2,
    late: 1,
    lateMinutes: 11,
    lateTiers: tiers(0, 1, 0, 0),
    excused: excused({ sick: 5, leave: 5, duty: 1 }),
    manual: 3,
    absent: 7,
    attendanceRate: 14.3,
  },
  'demo-003': {
    expected: 21,
    onTime: 21,
    late: 0,
    lateMinutes: 0,
    lateTiers: tiers(0, 0, 0, 0),
    excused: excused(),
    manual: 0,
    absent: 0,
    attendanceRate: 100,
  },
  'demo-004': {
    expected: 21,
    onTime: 1,
    late: 0,
    lateMinutes: 0,
    lateTiers: tiers(0, 0, 0, 0),
    excused: excused(),
    manual: 1,
    absent: 20,
    attendanceRate: 4.8,
  },
} as const;

export const TOTALS_BY_HAND = {
  employees: 4,
  expected: 84,
  onTime: 26,
  late: 5,
  lateMinutes: 81,
  lateTiers: tiers(1, 2, 1, 1),
  excused: excused({ sick: 5, leave: 5, duty: 1 }),
  manual: 4,
  absent: 42,
  attendanceRate: 36.9,
};
