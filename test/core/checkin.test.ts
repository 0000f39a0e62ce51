import { beforeEach, describe, expect, it } from 'vitest';
import { type CheckinInput, checkIn } from '../../functions/core/checkin';
import { DomainError } from '../../functions/core/errors';
import {
  FakeClock,
  type MemoryData,
  type MemoryStores,
  memoryStores,
} from '../support/memory-store';
import { offset, square } from '../support/shapes';

const LON = 98.6773;
const LAT = 3.5905;
// Friday 27 Nov 2026, 07:12 WIB.
const FRIDAY_0712 = '2026-11-27T00:12:00.000Z';

let stores: MemoryStores;
let data: MemoryData;
let clock: FakeClock;

beforeEach(() => {
  stores = memoryStores();
  data = stores.data;
  clock = new FakeClock(new Date(FRIDAY_0712));
  data.sites.set('yard', { siteId: 'yard', name: 'Yard', geometry: square(LON, LAT, 100) });
  data.employees.set('e1', {
    employeeId: 'e1',
    name: 'Siti Lubis',
    unit: 'BKD',
    siteIds: ['yard'],
    active: true,
  });
});

function fix(over: Partial<CheckinInput> = {}): CheckinInput {
  return { lat: LAT, lon: LON, accuracy: 8, capturedAt: clock.now().toISOString(), ...over };
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'ACCEPTED';
}

describe('checkIn', () => {
  it('records an on-time check-in with the local apel date', async () => {
    const r = await checkIn({ stores, clock }, 'e1', fix());
    expect(r.duplicate).toBe(false);
    expect(r.checkin).toMatchObject({
      employeeId: 'e1',
      date: '2026-11-27',
      status: 'on_time',
      siteId: 'yard',
      accuracyM: 8,
      flags: [],
      receivedAt: FRIDAY_0712,
    });
    expect(data.attempts).toHaveLength(1);
    expect(data.attempts[0]).toMatchObject({ outcome: 'accepted', lat: LAT, lon: LON });
    expect(data.attempts[0]?.expiresAt).toBe(Date.parse(FRIDAY_0712) / 1000 + 30 * 86_400);
  });

  it('is late after startsAt and up to closesAt', async () => {
    clock.set('2026-11-27T00:45:00Z'); // 07:45 WIB
    expect((await checkIn({ stores, clock }, 'e1', fix())).checkin.status).toBe('late');
  });

  it('returns the first check-in on a repeat, unchanged, as a duplicate', async () => {
    const first = await checkIn({ stores, clock }, 'e1', fix());
    clock.advance(60_000);
    const again = await checkIn({ stores, clock }, 'e1', fix({ accuracy: 3 }));
    expect(again.duplicate).toBe(true);
    expect(again.checkin).toEqual(first.checkin);
    expect(data.checkins.size).toBe(1);
    expect(data.attempts).toHaveLength(2);
  });

  it('returns the standing check-in even when the repeat itself would be refused', async () => {
    await checkIn({ stores, clock }, 'e1', fix());
    clock.set('2026-11-27T01:30:00Z'); // 08:30 WIB: closed
    const late = await checkIn({ stores, clock }, 'e1', fix({ lat: LAT + 0.01 }));
    expect(late.duplicate).toBe(true);
    expect(late.checkin.status).toBe('on_time');
    expect(data.attempts.at(-1)?.outcome).toBe('WINDOW_CLOSED');
  });

  it.each([
    ['not on the roster', 'nobody', {}, 'NOT_ON_ROSTER'],
    ['a mock location', 'e1', { mock: true }, 'MOCK_LOCATION'],
    [
      'a device clock 3 minutes off',
      'e1',
      { capturedAt: '2026-11-27T00:09:00.000Z' },
      'CLOCK_SKEW',
    ],
    // "+07" is ISO 8601 but Date.parse reads NaN: a time that cannot be read is no alibi.
    [
      'a device time Date cannot read',
      'e1',
      { capturedAt: '2026-11-27T07:12:00+07' },
      'CLOCK_SKEW',
    ],
    ['poor accuracy', 'e1', { accuracy: 80 }, 'ACCURACY_TOO_LOW'],
    ['a fix 300 m away', 'e1', { lon: offset(LON, LAT, 300, 0)[0] }, 'OUTSIDE_GEOFENCE'],
  ])('refuses %s', async (_, employeeId, over, expected) => {
    expect(await code(checkIn({ stores, clock }, employeeId, fix(over)))).toBe(expected);
    expect(data.checkins.size).toBe(0);
  });

  it('accepts a device clock exactly at the skew limit', async () => {
    const r = checkIn({ stores, clock }, 'e1', fix({ capturedAt: '2026-11-27T00:10:00.000Z' }));
    expect(await code(r)).toBe('ACCEPTED');
  });

  it('refuses an inactive employee and one with no ground', async () => {
    data.employees.set('off', {
      employeeId: 'off',
      name: 'X',
      unit: 'U',
      siteIds: ['yard'],
      active: false,
    });
    data.employees.set('none', {
      employeeId: 'none',
      name: 'Y',
      unit: 'U',
      siteIds: [],
      active: true,
    });
    data.employees.set('gone', {
      employeeId: 'gone',
      name: 'Z',
      unit: 'U',
      siteIds: ['deleted'],
      active: true,
    });
    expect(await code(checkIn({ stores, clock }, 'off', fix()))).toBe('NOT_ON_ROSTER');
    expect(await code(checkIn({ stores, clock }, 'none', fix()))).toBe('NO_GROUND_ASSIGNED');
    expect(await code(checkIn({ stores, clock }, 'gone', fix()))).toBe('NO_GROUND_ASSIGNED');
  });

  it('lets someone deactivated after check-in opened check in that day, as the report expects them', async () => {
    // Deactivated at 07:00 on the 27th: expected at that apel (until the 27th), not after.
    data.employees.set('leaving', {
      employeeId: 'leaving',
      name: 'L',
      unit: 'U',
      siteIds: ['yard'],
      active: false,
      until: '2026-11-27',
    });
    expect((await checkIn({ stores, clock }, 'leaving', fix())).duplicate).toBe(false);
    clock.set('2026-11-30T00:05:00Z'); // Monday
    expect(await code(checkIn({ stores, clock }, 'leaving', fix()))).toBe('NOT_ON_ROSTER');
  });

  it('refuses before opening and after closing, by the local wall clock', async () => {
    clock.set('2026-11-26T23:29:59Z'); // 06:29:59 WIB
    expect(await code(checkIn({ stores, clock }, 'e1', fix()))).toBe('WINDOW_NOT_OPEN');
    clock.set('2026-11-27T01:01:00Z'); // 08:01 WIB
    expect(await code(checkIn({ stores, clock }, 'e1', fix()))).toBe('WINDOW_CLOSED');
    expect(data.attempts.map((a) => a.outcome)).toEqual(['WINDOW_NOT_OPEN', 'WINDOW_CLOSED']);
  });

  it('refuses on weekends and holidays, naming the holiday', async () => {
    clock.set('2026-11-28T00:12:00Z'); // Saturday
    expect(await code(checkIn({ stores, clock }, 'e1', fix()))).toBe('NOT_A_WORKDAY');
    data.holidays.set('2026-12-25', { date: '2026-12-25', name: 'Hari Raya Natal' });
    clock.set('2026-12-25T00:12:00Z'); // a Friday
    await expect(checkIn({ stores, clock }, 'e1', fix())).rejects.toMatchObject({
      code: 'NOT_A_WORKDAY',
      details: { date: '2026-12-25', holiday: 'Hari Raya Natal' },
    });
  });

  it('uses the deployment time zone for the window and the date (WIT)', async () => {
    data.settings = { ...data.settings, timezone: 'Asia/Jayapura' };
    clock.set('2026-11-26T22:12:00Z'); // 07:12 WIT on Friday; still Thursday in UTC
    const r = await checkIn({ stores, clock }, 'e1', fix());
    expect(r.checkin).toMatchObject({ date: '2026-11-27', status: 'on_time' });
  });

  it('records the attempt of a rejected fix with the distance, for audit', async () => {
    await code(checkIn({ stores, clock }, 'e1', fix({ lon: offset(LON, LAT, 300, 0)[0] })));
    expect(data.attempts[0]).toMatchObject({ outcome: 'OUTSIDE_GEOFENCE', siteId: 'yard' });
    expect(data.attempts[0]?.distanceToEdgeM).toBeCloseTo(250, 0);
  });
});
