import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../functions/core/settings';
import { DEMO_SITE, DEMO_UNITS } from '../../../functions/local/demo';
import { testRuntime } from '../../support/app';
import { FakeClock } from '../../support/memory-store';
import { APEL_SORE_BODY } from '../../support/rollcalls';

// The roll-call API (issue 14, items 1–2): the admins' list, each change a new version of the
// rules, every bad input a 400 naming its field with nothing stored, and the caller's day.
// "Today" is Friday 27 November 2026, 10:00 WIB; 10 demo employees in ten units (demo-001 in
// the first, demo-002 in the second, ...).
const clock = new FakeClock(new Date('2026-11-27T03:00:00.000Z'));
let rt: Awaited<ReturnType<typeof testRuntime>>;
const admin = { as: 'bkd-admin', admin: true } as const;
const [BKD, BAPENDA] = DEMO_UNITS;

const ceremony = {
  name: 'Upacara 17 Agustus',
  schedule: { kind: 'once', date: '2027-08-17' },
  opensAt: '07:00',
  startsAt: '07:45',
  closesAt: '08:15',
  reportAt: '09:00',
  siteIds: [DEMO_SITE.siteId],
  units: [BKD, BAPENDA],
  active: true,
};

const put = (id: string, body: unknown) =>
  rt.call('PUT', `/v1/rollcalls/${id}`, { ...admin, body });
const ids = async () =>
  (await rt.call('GET', '/v1/rollcalls', admin)).json.items.map((r: { id: string }) => r.id);
const paths = (a: { json: { error: { details: { issues: { path: string }[] } } } }) =>
  a.json.error.details.issues.map((i) => i.path);

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 10 });
});
afterAll(() => rt?.close());

describe('the roll calls', () => {
  it('every deployment has pagi, whose window is the settings’ own', async () => {
    const r = await rt.call('GET', '/v1/rollcalls', admin);
    expect(r.status).toBe(200);
    expect(r.json.items).toEqual([
      {
        id: 'pagi',
        name: 'Apel pagi',
        schedule: { kind: 'daily' },
        opensAt: '06:30',
        startsAt: '07:30',
        closesAt: '08:00',
        reportAt: '08:30',
        active: true,
      },
    ]);
    expect((await rt.call('GET', '/v1/rollcalls/pagi', admin)).json.id).toBe('pagi');
  });

  it('adds the afternoon apel (201), replaces it (200), reads it back', async () => {
    expect((await put('sore', APEL_SORE_BODY)).status).toBe(201);
    const again = await put('sore', { ...APEL_SORE_BODY, id: 'sore', name: 'Apel sore hari' });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ ...APEL_SORE_BODY, id: 'sore', name: 'Apel sore hari' });
    expect((await rt.call('GET', '/v1/rollcalls/sore', admin)).json.name).toBe('Apel sore hari');
    expect(await ids()).toEqual(['pagi', 'sore']);
  });

  it('adds a once ceremony at a ground for two units, in pagi’s hours on a holiday', async () => {
    // A Tuesday: until it is a holiday the ceremony would overlap pagi for the same people.
    expect(paths(await put('upacara-17-agustus', ceremony))).toEqual(['opensAt']);
    const holiday = { ...admin, body: { name: 'Hari Kemerdekaan' } };
    expect((await rt.call('PUT', '/v1/holidays/2027-08-17', holiday)).status).toBe(200);
    const r = await put('upacara-17-agustus', ceremony);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ units: [BKD, BAPENDA], siteIds: [DEMO_SITE.siteId] });
  });

  it('pagi and the settings are one: changing either changes both', async () => {
    const pagi = (await rt.call('GET', '/v1/rollcalls/pagi', admin)).json;
    const moved = { ...pagi, opensAt: '06:00', startsAt: '07:15', name: 'Apel pagi ASN' };
    expect((await put('pagi', moved)).status).toBe(200);
    const s = (await rt.call('GET', '/v1/settings', admin)).json;
    expect(s).toMatchObject({ opensAt: '06:00', startsAt: '07:15', closesAt: '08:00' });
    const back = { ...s, opensAt: '06:30', startsAt: '07:30' };
    expect((await rt.call('PUT', '/v1/settings', { ...admin, body: back })).status).toBe(200);
    const after = (await rt.call('GET', '/v1/rollcalls/pagi', admin)).json;
    expect(after).toMatchObject({ opensAt: '06:30', startsAt: '07:30', name: 'Apel pagi ASN' });
  });

  it('refuses each bad input with 400 naming the field, and stores nothing', async () => {
    const before = await rt.call('GET', '/v1/rollcalls', admin);
    const cases: [string, unknown, string][] = [
      [
        'overlap',
        { ...APEL_SORE_BODY, opensAt: '07:50', startsAt: '08:00', closesAt: '08:20' },
        'opensAt',
      ],
      ['early-close', { ...APEL_SORE_BODY, closesAt: '15:45' }, 'closesAt'],
      ['past', { ...ceremony, schedule: { kind: 'once', date: '2026-11-26' } }, 'schedule.date'],
      [
        'weekday-8',
        {
          ...APEL_SORE_BODY,
          opensAt: '12:00',
          startsAt: '12:10',
          closesAt: '12:20',
          schedule: { kind: 'weekly', weekdays: [1, 8] },
        },
        'schedule.weekdays.1',
      ],
      [
        'no-ground',
        {
          ...ceremony,
          schedule: { kind: 'once', date: '2027-08-18' },
          siteIds: ['lapangan-merdeka'],
        },
        'siteIds.0',
      ],
      [
        'no-one',
        {
          ...ceremony,
          schedule: { kind: 'once', date: '2027-08-18' },
          units: [BKD, 'Dinas Pariwisata'],
        },
        'units.1',
      ],
      [
        'report-early',
        {
          ...APEL_SORE_BODY,
          opensAt: '12:00',
          startsAt: '12:10',
          closesAt: '12:20',
          reportAt: '12:20',
        },
        'reportAt',
      ],
      [
        'monthly-32',
        {
          ...APEL_SORE_BODY,
          opensAt: '12:00',
          startsAt: '12:10',
          closesAt: '12:20',
          schedule: { kind: 'monthly', day: 32 },
        },
        'schedule.day',
      ],
    ];
    for (const [id, body, field] of cases) {
      const r = await put(id, body);
      expect(r.status, id).toBe(400);
      expect(r.json.error.code, id).toBe('VALIDATION_FAILED');
      expect(paths(r), id).toContain(field);
    }
    expect(paths(await put('sore', { ...APEL_SORE_BODY, id: 'other' }))).toEqual(['id']);
    expect((await put('BAD ID', APEL_SORE_BODY)).status).toBe(400);
    expect((await put('v2', APEL_SORE_BODY)).status).toBe(400);
    expect(
      paths(
        await put('pagi', {
          ...APEL_SORE_BODY,
          opensAt: '06:30',
          startsAt: '07:30',
          closesAt: '08:00',
          reportAt: '08:30',
          schedule: { kind: 'weekly', weekdays: [1] },
        }),
      ),
    ).toContain('schedule');
    expect((await rt.call('GET', '/v1/rollcalls', admin)).json).toEqual(before.json);
  });

  it('two roll calls may share hours when they are for different people or days', async () => {
    // The same hours as the 17 August ceremony, for another unit.
    const forOthers = { ...ceremony, units: [DEMO_UNITS[2]] };
    expect((await put('upacara-dinkes', forOthers)).status).toBe(201);
    const monday = { ...APEL_SORE_BODY, schedule: { kind: 'weekly', weekdays: [6] } };
    // Saturday is no workday: a weekly roll call on it never happens beside the afternoon apel.
    expect((await put('sabtu', monday)).status).toBe(201);
    expect((await rt.call('DELETE', '/v1/rollcalls/sabtu', admin)).status).toBe(200);
    expect((await rt.call('DELETE', '/v1/rollcalls/upacara-dinkes', admin)).status).toBe(200);
  });

  it('a once ceremony on a holiday may take pagi’s hours: the holiday cancels pagi', async () => {
    const onPagi = {
      ...ceremony,
      schedule: { kind: 'once', date: '2026-12-25' },
      units: undefined,
    };
    expect(paths(await put('natal', onPagi))).toEqual(['opensAt']);
    await rt.call('PUT', '/v1/holidays/2026-12-25', { ...admin, body: { name: 'Natal' } });
    expect((await put('natal', onPagi)).status).toBe(201);
    expect((await rt.call('DELETE', '/v1/rollcalls/natal', admin)).status).toBe(200);
  });

  it('pagi cannot be removed; another can, once', async () => {
    const p = await rt.call('DELETE', '/v1/rollcalls/pagi', admin);
    expect(p.status).toBe(400);
    expect(paths(p)).toEqual(['id']);
    expect(
      (
        await put('tmp', {
          ...APEL_SORE_BODY,
          opensAt: '12:00',
          startsAt: '12:10',
          closesAt: '12:20',
        })
      ).status,
    ).toBe(201);
    expect((await rt.call('DELETE', '/v1/rollcalls/tmp', admin)).json).toEqual({
      id: 'tmp',
      removed: true,
    });
    expect((await rt.call('DELETE', '/v1/rollcalls/tmp', admin)).status).toBe(404);
    expect((await rt.call('GET', '/v1/rollcalls/tmp', admin)).status).toBe(404);
  });

  it('two admins saving at once lose neither change', async () => {
    const slots = ['10', '11', '12', '13', '14'];
    const answers = await Promise.all(
      slots.map((h) =>
        put(`jam-${h}`, {
          ...APEL_SORE_BODY,
          units: [DEMO_UNITS[3]],
          opensAt: `${h}:00`,
          startsAt: `${h}:10`,
          closesAt: `${h}:20`,
          reportAt: `${h}:30`,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(await ids()).toEqual(expect.arrayContaining(slots.map((h) => `jam-${h}`)));
    for (const h of slots) await rt.call('DELETE', `/v1/rollcalls/jam-${h}`, admin);
  });

  it('keeps its history: yesterday’s rules have no afternoon apel', async () => {
    const yesterday = await rt.stores.settings.settingsOn('2026-11-26');
    expect(yesterday.settings && yesterday.rollCalls.map((r) => r.id)).toEqual(['pagi']);
    const today = await rt.stores.settings.settingsOn('2026-11-27');
    expect(today.settings && today.rollCalls.map((r) => r.id)).toEqual([
      'pagi',
      'sore',
      'upacara-17-agustus',
    ]);
  });

  it('is for admins; today’s roll calls are for any employee', async () => {
    expect((await rt.call('GET', '/v1/rollcalls', { as: 'demo-001' })).status).toBe(403);
    expect((await put('x', APEL_SORE_BODY)).status).not.toBe(403);
    const r = await rt.call('PUT', '/v1/rollcalls/x', { as: 'demo-001', body: APEL_SORE_BODY });
    expect(r.status).toBe(403);
    expect((await rt.call('GET', '/v1/rollcalls/today', { as: 'demo-001' })).status).toBe(200);
    expect((await rt.call('GET', '/v1/rollcalls/today')).status).toBe(401);
    expect((await rt.call('GET', '/v1/rollcalls/today', { as: 'nobody' })).status).toBe(403);
  });
});

describe('GET /v1/rollcalls/today', () => {
  it('lists the caller’s roll calls with their window’s state now and the check-in', async () => {
    clock.set('2026-11-27T00:10:00.000Z'); // 07:10 WIB: pagi open
    const r = await rt.call('GET', '/v1/rollcalls/today', { as: 'demo-001' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ date: '2026-11-27', timezone: 'Asia/Jakarta' });
    expect(r.json.rollCalls.map((x: { id: string; state: string }) => [x.id, x.state])).toEqual(
      [
        ['pagi', 'open'],
        ['x', 'not_open'],
        ['sore', 'not_open'],
      ].filter(([id]) => id !== 'x'),
    );
    expect(r.json.rollCalls[0]).toMatchObject({ status: null, checkin: null });
    const c = await rt.call('POST', '/v1/checkins', {
      as: 'demo-001',
      body: { lat: 3.5905, lon: 98.6773, accuracy: 8, capturedAt: clock.now().toISOString() },
    });
    expect(c.status).toBe(201);
    const after = await rt.call('GET', '/v1/rollcalls/today', { as: 'demo-001' });
    expect(after.json.rollCalls[0]).toMatchObject({ id: 'pagi', status: 'on_time' });
    expect(after.json.rollCalls[0].checkin.receivedAt).toBe(clock.now().toISOString());
    clock.set('2026-11-27T03:00:00.000Z');
  });

  it('a holiday cancels pagi and the afternoon apel', async () => {
    await rt.call('PUT', '/v1/holidays/2026-11-30', { ...admin, body: { name: 'Cuti bersama' } });
    clock.set('2026-11-30T03:00:00.000Z');
    const r = await rt.call('GET', '/v1/rollcalls/today', { as: 'demo-001' });
    expect(r.json).toMatchObject({ date: '2026-11-30', holiday: 'Cuti bersama', rollCalls: [] });
    clock.set('2026-11-27T03:00:00.000Z');
  });
});

void DEFAULT_SETTINGS;
