import { beforeEach, describe, expect, it } from 'vitest';
import { type CheckinInput, checkIn } from '../../functions/core/checkin';
import { haversineM, MAX_TRAVEL_KMH, traceFlags, travelKmh } from '../../functions/core/integrity';
import {
  FakeClock,
  type MemoryData,
  type MemoryStores,
  memoryStores,
} from '../support/memory-store';
import { offset, square } from '../support/shapes';

const LON = 98.6773;
const LAT = 3.5905;
let stores: MemoryStores;
let data: MemoryData;
let clock: FakeClock;

beforeEach(() => {
  stores = memoryStores();
  data = stores.data;
  clock = new FakeClock(new Date('2026-11-27T00:05:00.000Z')); // 07:05 WIB
  data.sites.set('yard', { siteId: 'yard', name: 'Yard', geometry: square(LON, LAT, 200) });
  for (const id of ['a', 'b', 'c']) {
    data.employees.set(id, {
      employeeId: id,
      name: id,
      unit: 'U',
      siteIds: ['yard'],
      active: true,
    });
  }
});

function fix(over: Partial<CheckinInput> = {}): CheckinInput {
  return { lat: LAT, lon: LON, accuracy: 5, capturedAt: clock.now().toISOString(), ...over };
}

describe('travel', () => {
  it('measures great-circle distance', () => {
    // Medan → Jakarta is about 1,420 km.
    expect(haversineM(3.5952, 98.6722, -6.2088, 106.8456) / 1000).toBeCloseTo(1420, -1);
  });

  it('ignores jumps under 2 km as GPS noise, and flags the impossible', () => {
    const prev = { lat: LAT, lon: LON, capturedAt: '2026-11-26T00:00:00Z' };
    expect(
      travelKmh(prev, { lat: LAT + 0.01, lon: LON, capturedAt: '2026-11-26T00:00:01Z' }),
    ).toBeNull();
    const medanToJakartaIn1h = { lat: -6.2088, lon: 106.8456, capturedAt: '2026-11-26T01:00:00Z' };
    expect(travelKmh(prev, medanToJakartaIn1h)).toBeGreaterThan(MAX_TRAVEL_KMH);
    const byPlaneIn3h = { ...medanToJakartaIn1h, capturedAt: '2026-11-26T03:00:00Z' };
    expect(travelKmh(prev, byPlaneIn3h)).toBeLessThan(MAX_TRAVEL_KMH);
    expect(traceFlags({ ...prev, devices: [] }, medanToJakartaIn1h)).toEqual(['impossible_travel']);
  });
});

describe('integrity flags on check-ins', () => {
  it('flags a fix far from the last one too soon after it', async () => {
    // Yesterday evening in Jakarta, this morning in Medan 11 hours later: a plane could do it.
    data.traces.set('a', {
      lat: -6.2088,
      lon: 106.8456,
      capturedAt: '2026-11-26T13:00:00Z',
      devices: [],
    });
    expect((await checkIn({ stores, clock }, 'a', fix())).checkin.flags).toEqual([]);
    // Ten minutes ago in Jakarta: nobody can.
    data.traces.set('b', {
      lat: -6.2088,
      lon: 106.8456,
      capturedAt: '2026-11-26T23:55:00Z',
      devices: [],
    });
    expect(
      (await checkIn({ stores, clock }, 'b', fix({ lon: LON + 0.0002 }))).checkin.flags,
    ).toEqual(['impossible_travel']);
  });

  it('flags a new device, but not the first one an employee ever uses', async () => {
    const first = await checkIn({ stores, clock }, 'a', fix({ deviceId: 'phone-1' }));
    expect(first.checkin.flags).toEqual([]);
    clock.set('2026-11-30T00:05:00Z'); // Monday
    const same = await checkIn(
      { stores, clock },
      'a',
      fix({ deviceId: 'phone-1', lat: LAT + 0.0001 }),
    );
    expect(same.checkin.flags).toEqual([]);
    clock.set('2026-12-01T00:05:00Z');
    const other = await checkIn(
      { stores, clock },
      'a',
      fix({ deviceId: 'phone-2', lat: LAT + 0.0002 }),
    );
    expect(other.checkin.flags).toEqual(['new_device']);
  });

  it('flags one device used by several employees', async () => {
    await checkIn({ stores, clock }, 'a', fix({ deviceId: 'kiosk', lat: LAT + 0.0001 }));
    const b = await checkIn({ stores, clock }, 'b', fix({ deviceId: 'kiosk', lat: LAT + 0.0002 }));
    expect(b.checkin.flags).toEqual(['shared_device']);
  });

  it('is not fooled by a refused attempt on someone else’s phone first', async () => {
    await checkIn({ stores, clock }, 'a', fix({ deviceId: 'kiosk', lat: LAT + 0.0001 }));
    await checkIn({ stores, clock }, 'b', fix({ deviceId: 'phone-b', lat: LAT + 0.0002 }));
    clock.set('2026-11-30T00:05:00Z'); // Monday
    // b tries on a's phone with a poor fix (refused), then again: the phone is still not b's.
    await expect(
      checkIn({ stores, clock }, 'b', fix({ deviceId: 'kiosk', accuracy: 80 })),
    ).rejects.toMatchObject({ code: 'ACCURACY_TOO_LOW' });
    clock.advance(10_000);
    const b = await checkIn({ stores, clock }, 'b', fix({ deviceId: 'kiosk', lat: LAT + 0.0003 }));
    expect(b.checkin.flags).toEqual(['new_device', 'shared_device']);
    // Once b's check-in on it stood, the phone is one of b's.
    expect(data.traces.get('b')?.devices).toEqual(['phone-b', 'kiosk']);
  });

  it('flags an honest fix from far away followed minutes later by one on the ground', async () => {
    // At home in Binjai, 20 km away: refused. A minute later "on the ground" (1,260 km/h).
    await expect(
      checkIn({ stores, clock }, 'a', fix({ lat: 3.6001, lon: 98.4854 })),
    ).rejects.toMatchObject({ code: 'OUTSIDE_GEOFENCE' });
    clock.advance(60_000);
    const a = await checkIn({ stores, clock }, 'a', fix());
    expect(a.checkin.flags).toEqual(['impossible_travel']);
  });

  it('keeps a device in use from expiring out of the registry', async () => {
    await checkIn({ stores, clock }, 'a', fix({ deviceId: 'kiosk' }));
    const first = data.deviceExpiry.get('kiosk|a') as number;
    clock.set('2026-12-28T00:05:00Z'); // a month later, the same phone
    await checkIn({ stores, clock }, 'a', fix({ deviceId: 'kiosk' }));
    expect(data.deviceExpiry.get('kiosk|a')).toBe(first + 31 * 86_400);
  });

  it('flags identical coordinates used by several employees the same morning, both of them', async () => {
    const [lon, lat] = offset(LON, LAT, 12.3456, -7.891);
    await checkIn({ stores, clock }, 'a', fix({ lat, lon }));
    const b = await checkIn({ stores, clock }, 'b', fix({ lat, lon }));
    expect(b.checkin.flags).toEqual(['shared_coordinates']);
    // The first one's own answer never changes; the flag reaches admins through the report.
    expect(data.checkins.get('a|2026-11-27')?.flags).toEqual([]);
    expect([...(data.reviewFlags.get('a|2026-11-27') ?? [])]).toEqual(['shared_coordinates']);
    const c = await checkIn({ stores, clock }, 'c', fix({ lat: lat + 1e-6, lon }));
    expect(c.checkin.flags).toEqual([]);
  });

  it('gives a repeat the same flags as the first answer', async () => {
    await checkIn({ stores, clock }, 'a', fix({ deviceId: 'kiosk', lat: LAT + 0.0001 }));
    const first = await checkIn({ stores, clock }, 'b', fix({ deviceId: 'kiosk' }));
    clock.advance(20_000);
    const again = await checkIn({ stores, clock }, 'b', fix({ deviceId: 'kiosk' }));
    expect(again).toEqual({ checkin: first.checkin, duplicate: true });
  });

  it('refuses the 11th attempt in a minute with RATE_LIMITED and a wait', async () => {
    for (let i = 0; i < 10; i++) await checkIn({ stores, clock }, 'a', fix());
    await expect(checkIn({ stores, clock }, 'a', fix())).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterS: 60,
    });
    expect(data.attempts).toHaveLength(10);
    clock.advance(60_000);
    expect((await checkIn({ stores, clock }, 'a', fix())).duplicate).toBe(true);
  });

  it('keeps no trace of a mock fix', async () => {
    await expect(
      checkIn({ stores, clock }, 'a', fix({ mock: true, deviceId: 'x' })),
    ).rejects.toMatchObject({
      code: 'MOCK_LOCATION',
    });
    expect(data.traces.has('a')).toBe(false);
  });
});
