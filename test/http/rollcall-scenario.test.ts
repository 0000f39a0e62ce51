import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_POINT, DEMO_UNITS } from '../../functions/local/demo';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';
import { offset, square } from '../support/shapes';

// Issue 14's scenario: a day with pagi, an afternoon apel and a one-off ceremony at another
// ground for two units. Each check-in lands on its roll call, each report lists exactly its
// people; a holiday cancels pagi but not a `once` set on it; last month's report keeps last
// month's times. 10 demo employees, one per unit: demo-001 BKD, demo-002 Bapenda, demo-003 …
const clock = new FakeClock(new Date('2026-11-17T00:45:00.000Z')); // Tue 17 Nov, 07:45 WIB
let rt: Awaited<ReturnType<typeof testRuntime>>;
const admin = { as: 'bkd-admin', admin: true } as const;
const [BKD, BAPENDA] = DEMO_UNITS;
// Lapangan Merdeka, about 2 km from city hall.
const [MERDEKA_LON, MERDEKA_LAT] = offset(DEMO_POINT.lon, DEMO_POINT.lat, 2000, 0);
const at = (iso: string) => clock.set(iso);
const fix = (where: 'hall' | 'merdeka', over: Record<string, unknown> = {}) => ({
  lat: where === 'hall' ? DEMO_POINT.lat : MERDEKA_LAT,
  lon: where === 'hall' ? DEMO_POINT.lon : MERDEKA_LON,
  accuracy: 8,
  capturedAt: clock.now().toISOString(),
  ...over,
});
const checkIn = (who: string, body: unknown) => rt.call('POST', '/v1/checkins', { as: who, body });
const report = (date: string, rc = 'pagi') =>
  rt.call('GET', `/v1/reports/${date}?rollCall=${rc}`, admin);
const ids = (people: { employeeId: string }[]) => people.map((p) => p.employeeId).sort();
const rollCall = (over: Record<string, unknown>) => ({
  schedule: { kind: 'daily' },
  active: true,
  ...over,
});

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 10 });
  await rt.stores.sites.put({
    siteId: 'lapangan-merdeka',
    name: 'Lapangan Merdeka',
    geometry: square(MERDEKA_LON as number, MERDEKA_LAT as number, 200),
  });
  // Last month, under last month's window (on time until 07:30): demo-004 at 07:45, late.
  expect((await checkIn('demo-004', fix('hall'))).json.checkin).toMatchObject({
    rollCallId: 'pagi',
    status: 'late',
  });
  // Today is Wednesday 16 December, 10:00 WIB: the admin moves pagi and adds two roll calls.
  at('2026-12-16T03:00:00.000Z');
  const s = (await rt.call('GET', '/v1/settings', admin)).json;
  const later = { ...s, startsAt: '07:50', closesAt: '08:10', reportAt: '08:40' };
  expect((await rt.call('PUT', '/v1/settings', { ...admin, body: later })).status).toBe(200);
  const sore = rollCall({
    name: 'Apel sore',
    opensAt: '15:30',
    startsAt: '16:00',
    closesAt: '16:30',
    reportAt: '17:00',
  });
  expect((await rt.call('PUT', '/v1/rollcalls/sore', { ...admin, body: sore })).status).toBe(201);
  const upacara = rollCall({
    name: 'Upacara Hari Jadi Kota',
    schedule: { kind: 'once', date: '2026-12-17' },
    opensAt: '09:00',
    startsAt: '09:15',
    closesAt: '09:30',
    reportAt: '10:00',
    siteIds: ['lapangan-merdeka'],
    units: [BKD, BAPENDA],
  });
  const put = await rt.call('PUT', '/v1/rollcalls/hari-jadi', { ...admin, body: upacara });
  expect(put.status).toBe(201);
  // Christmas is a holiday; a `once` ceremony in pagi's hours on it, for everyone.
  await rt.call('PUT', '/v1/holidays/2026-12-25', { ...admin, body: { name: 'Natal' } });
  const natal = rollCall({
    name: 'Ibadah Natal bersama',
    schedule: { kind: 'once', date: '2026-12-25' },
    opensAt: '07:00',
    startsAt: '07:30',
    closesAt: '08:00',
    reportAt: '08:30',
  });
  expect((await rt.call('PUT', '/v1/rollcalls/natal', { ...admin, body: natal })).status).toBe(201);
});
afterAll(() => rt?.close());

describe('a day with three roll calls (Thursday 17 December)', () => {
  it('check-ins land on the roll call open at the time', async () => {
    at('2026-12-17T00:10:00.000Z'); // 07:10: pagi
    for (const who of ['demo-001', 'demo-002', 'demo-003']) {
      const r = await checkIn(who, fix('hall'));
      expect(r.status, who).toBe(201);
      expect(r.json.checkin).toMatchObject({ rollCallId: 'pagi', status: 'on_time' });
    }
    at('2026-12-17T02:10:00.000Z'); // 09:10: the ceremony, at Lapangan Merdeka
    const ceremony = await checkIn('demo-001', fix('merdeka'));
    expect(ceremony.status).toBe(201);
    expect(ceremony.json.checkin).toMatchObject({
      rollCallId: 'hari-jadi',
      siteId: 'lapangan-merdeka',
      status: 'on_time',
    });
    // Its grounds are the ceremony's, not the employee's own.
    const atHall = await checkIn('demo-002', fix('hall'));
    expect(atHall.json.error.code).toBe('OUTSIDE_GEOFENCE');
    // Dinkes is not invited: nothing of theirs is open now.
    const other = await checkIn('demo-003', fix('merdeka'));
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe('NO_ROLL_CALL_OPEN');
    const named = await checkIn('demo-003', fix('merdeka', { rollCallId: 'hari-jadi' }));
    expect(named.json.error).toMatchObject({ code: 'NO_ROLL_CALL_OPEN' });
    // Named while closed: that roll call's own window answers, or the check-in that stands.
    const closed = await checkIn('demo-004', fix('hall', { rollCallId: 'pagi' }));
    expect(closed.json.error.code).toBe('WINDOW_CLOSED');
    const stands = await checkIn('demo-003', fix('hall', { rollCallId: 'pagi' }));
    expect(stands.json).toMatchObject({ duplicate: true, checkin: { rollCallId: 'pagi' } });
    at('2026-12-17T09:10:00.000Z'); // 16:10: the afternoon apel, late
    for (const who of ['demo-001', 'demo-002']) {
      const r = await checkIn(who, fix('hall'));
      expect(r.json.checkin, who).toMatchObject({ rollCallId: 'sore', status: 'late' });
    }
    // A repeat returns the standing one of that roll call.
    const again = await checkIn('demo-001', fix('hall'));
    expect(again.json).toMatchObject({ duplicate: true, checkin: { rollCallId: 'sore' } });
    const today = await rt.call('GET', '/v1/rollcalls/today', { as: 'demo-001' });
    expect(
      today.json.rollCalls.map((r: { id: string; status: string | null }) => [r.id, r.status]),
    ).toEqual([
      ['pagi', 'on_time'],
      ['hari-jadi', 'on_time'],
      ['sore', 'late'],
    ]);
    const me = await rt.call('GET', '/v1/checkins/me', { as: 'demo-001' });
    expect(me.json.checkin.rollCallId).toBe('pagi');
    expect(me.json.checkins.map((c: { rollCallId: string }) => c.rollCallId).sort()).toEqual([
      'hari-jadi',
      'pagi',
      'sore',
    ]);
  });

  it('each report lists exactly its people, and is published with its own files', async () => {
    at('2026-12-17T10:30:00.000Z'); // 17:30
    const pagi = (await report('2026-12-17')).json;
    expect(pagi.totals).toEqual({ expected: 10, present: 3, late: 0, excused: 0, absent: 7 });
    expect(ids(pagi.absent)).not.toContain('demo-001');
    const ceremony = (await report('2026-12-17', 'hari-jadi')).json;
    expect(ceremony.totals).toEqual({ expected: 2, present: 1, late: 0, excused: 0, absent: 1 });
    expect(ids(ceremony.absent)).toEqual(['demo-002']);
    expect(ceremony.rollCall).toMatchObject({ id: 'hari-jadi', startsAt: '09:15' });
    const sore = (await report('2026-12-17', 'sore')).json;
    expect(sore.totals).toMatchObject({ expected: 10, present: 0, late: 2, absent: 8 });
    expect(ids(sore.late)).toEqual(['demo-001', 'demo-002']);

    for (const rc of ['pagi', 'hari-jadi', 'sore']) {
      const p = await rt.call('POST', `/v1/reports/2026-12-17/publish?rollCall=${rc}`, admin);
      expect(p.status, rc).toBe(200);
      expect(p.json).toMatchObject({ rollCallId: rc, version: 1 });
    }
    const keys = (await rt.call('POST', '/v1/reports/2026-12-17/publish?rollCall=hari-jadi', admin))
      .json.keys;
    expect(keys).toContain('reports/2026-12-17/hari-jadi/report.json');
    expect(await rt.publisher.read('reports/2026-12-17/report.json')).toContain('"present":3');
    const wall = await rt.call('GET', '/wall/2026-12-17?rollCall=hari-jadi', admin);
    expect(wall.status).toBe(200);
    expect(wall.text).toContain('Upacara Hari Jadi Kota');
    const listing = await rt.call('GET', '/v1/reports?from=2026-12-01&to=2026-12-31', admin);
    expect(listing.json.items.map((i: { rollCallId: string }) => i.rollCallId)).toEqual([
      'pagi',
      'hari-jadi',
      'sore',
    ]);
    expect((await report('2026-12-17', 'nothing')).status).toBe(404);
  });
});

describe('a holiday cancels pagi, not a once ceremony set on it', () => {
  it('Christmas: the check-in goes to the ceremony; pagi reports a holiday', async () => {
    at('2026-12-25T00:10:00.000Z'); // 07:10
    const r = await checkIn('demo-005', fix('hall'));
    expect(r.status).toBe(201);
    expect(r.json.checkin.rollCallId).toBe('natal');
    const pagi = (await report('2026-12-25')).json;
    expect(pagi).toMatchObject({ workday: false, holiday: 'Natal' });
    expect(pagi.totals.expected).toBe(0);
    const natal = (await report('2026-12-25', 'natal')).json;
    expect(natal).toMatchObject({ workday: true, holiday: 'Natal' });
    expect(natal.totals).toMatchObject({ expected: 10, present: 1, absent: 9 });
  });
});

describe('last month keeps last month’s rules', () => {
  it('the window then, and no roll call that did not exist then', async () => {
    const nov = (await report('2026-11-17')).json;
    expect(nov.rollCall).toMatchObject({ id: 'pagi', startsAt: '07:30', closesAt: '08:00' });
    expect(ids(nov.late)).toEqual(['demo-004']);
    expect((await report('2026-11-17', 'sore')).status).toBe(404);
    const dec = (await report('2026-12-17')).json;
    expect(dec.rollCall).toMatchObject({ startsAt: '07:50', closesAt: '08:10' });
  });
});
