import Papa from 'papaparse';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../functions/core/settings';
import { DEMO_POINT, DEMO_SITE } from '../../../functions/local/demo';
import { demoFix, testRuntime } from '../../support/app';
import { FakeClock } from '../../support/memory-store';
import { circleRing, offset, square } from '../../support/shapes';

// Friday 27 November 2026, 07:12 WIB.
const FRIDAY_0712 = '2026-11-27T00:12:00.000Z';
const clock = new FakeClock(new Date(FRIDAY_0712));
let rt: Awaited<ReturnType<typeof testRuntime>>;
const ADMIN = { as: 'bkd-admin', admin: true };

beforeAll(async () => {
  rt = await testRuntime(clock);
});
afterAll(() => rt.close());
beforeEach(() => clock.set(FRIDAY_0712));

const feature = (geometry: unknown, name = 'Lapangan') => ({
  type: 'Feature',
  geometry,
  properties: { name },
});
const fix = () => demoFix(clock);

describe('every admin route refuses an employee', () => {
  it.each([
    ['GET', '/v1/sites'],
    ['GET', '/v1/sites/balai-kota-medan'],
    ['PUT', '/v1/sites/x'],
    ['DELETE', '/v1/sites/x'],
    ['GET', '/v1/employees'],
    ['GET', '/v1/employees/demo-001'],
    ['PUT', '/v1/employees/demo-001'],
    ['PATCH', '/v1/employees/demo-001'],
    ['DELETE', '/v1/employees/demo-001'],
    ['POST', '/v1/employees/import'],
    ['POST', '/v1/excuses'],
    ['GET', '/v1/excuses?date=2026-11-27'],
    ['DELETE', '/v1/excuses/0123456789abcdef0123'],
    ['GET', '/v1/holidays?year=2026'],
    ['GET', '/v1/holidays/2026-12-25'],
    ['PUT', '/v1/holidays/2026-12-25'],
    ['DELETE', '/v1/holidays/2026-12-25'],
    ['GET', '/v1/settings'],
    ['PUT', '/v1/settings'],
    ['GET', '/v1/reports/2026-11-27'],
    ['POST', '/v1/reports/2026-11-27/publish'],
  ])('%s %s → 403 for an employee, 401 without a token', async (method, path) => {
    const body = ['PUT', 'POST', 'PATCH'].includes(method) ? {} : undefined;
    const asEmployee = await rt.call(method, path, { as: 'demo-001', body });
    expect(asEmployee.status).toBe(403);
    expect(asEmployee.json.error.code).toBe('FORBIDDEN');
    expect((await rt.call(method, path, { body })).status).toBe(401);
  });
});

describe('grounds', () => {
  const yard = square(98.68, 3.6, 120, 30);

  it('creates (201), replaces (200), reads, lists and retires a ground', async () => {
    const created = await rt.call('PUT', '/v1/sites/lapangan-merdeka', {
      ...ADMIN,
      body: feature(yard, 'Lapangan Merdeka'),
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      type: 'Feature',
      id: 'lapangan-merdeka',
      properties: { name: 'Lapangan Merdeka' },
    });
    const replaced = await rt.call('PUT', '/v1/sites/lapangan-merdeka', {
      ...ADMIN,
      body: feature(yard, 'Lapangan Merdeka Medan'),
    });
    expect(replaced.status).toBe(200);
    const got = await rt.call('GET', '/v1/sites/lapangan-merdeka', ADMIN);
    expect(got.json.geometry).toEqual(yard);
    const list = await rt.call('GET', '/v1/sites', ADMIN);
    expect(list.json.features.map((f: { id: string }) => f.id).sort()).toEqual([
      'balai-kota-medan',
      'lapangan-merdeka',
    ]);
    expect((await rt.call('DELETE', '/v1/sites/lapangan-merdeka', ADMIN)).status).toBe(200);
    expect((await rt.call('GET', '/v1/sites/lapangan-merdeka', ADMIN)).status).toBe(404);
    expect((await rt.call('DELETE', '/v1/sites/lapangan-merdeka', ADMIN)).status).toBe(404);
  });

  const ring = circleRing(98.68, 3.6, 60, 12);
  it.each([
    [
      '[lat, lon] order',
      { type: 'Polygon', coordinates: [ring.map(([x, y]) => [y, x])] },
      /look like \[lat, lon\]/,
    ],
    ['an open ring', { type: 'Polygon', coordinates: [ring.slice(0, -1)] }, /must be closed/],
    [
      'three positions',
      { type: 'Polygon', coordinates: [ring.slice(0, 3)] },
      /at least 4 positions/,
    ],
    [
      'a bow tie',
      {
        type: 'Polygon',
        coordinates: [
          [
            [98.68, 3.6],
            [98.681, 3.601],
            [98.681, 3.6],
            [98.68, 3.601],
            [98.68, 3.6],
          ],
        ],
      },
      /crosses itself/,
    ],
    [
      '2,001 vertices',
      { type: 'Polygon', coordinates: [circleRing(98.68, 3.6, 300, 2_000)] },
      /at most 2000 vertices/,
    ],
    ['a 4 m² speck', square(98.68, 3.6, 2), /not plausible/],
    ['a whole city', square(98.68, 3.6, 20_000), /not plausible/],
    [
      'a hole outside its ring',
      {
        type: 'Polygon',
        coordinates: [
          square(98.68, 3.6, 100).coordinates[0],
          square(...offset(98.68, 3.6, 500, 0), 20).coordinates[0],
        ],
      },
      /hole must lie inside/,
    ],
    [
      'a LineString',
      {
        type: 'LineString',
        coordinates: [
          [98.68, 3.6],
          [98.69, 3.61],
        ],
      },
      null,
    ],
    [
      'a string for a position',
      {
        type: 'Polygon',
        coordinates: [
          [
            ['98', 3.6],
            [98.68, 3.61],
            [98.69, 3.6],
            ['98', 3.6],
          ],
        ],
      },
      /\[longitude, latitude\]/,
    ],
  ])('400 for %s, naming the problem', async (_, geometry, message) => {
    const r = await rt.call('PUT', '/v1/sites/bad', { ...ADMIN, body: feature(geometry) });
    expect(r.status).toBe(400);
    expect(['INVALID_GEOMETRY', 'VALIDATION_FAILED']).toContain(r.json.error.code);
    if (message) {
      expect(r.json.error.code).toBe('INVALID_GEOMETRY');
      expect(r.json.error.details.problem).toMatch(message);
    }
  });

  it('accepts a MultiPolygon with a hole, and check-ins honour it at once', async () => {
    const [lon2, lat2] = offset(DEMO_POINT.lon, DEMO_POINT.lat, 2_000, 0);
    const mp = {
      type: 'MultiPolygon',
      coordinates: [
        square(lon2, lat2, 100, 60).coordinates,
        square(lon2, lat2 + 0.01, 50).coordinates,
      ],
    };
    expect(
      (await rt.call('PUT', '/v1/sites/annex', { ...ADMIN, body: feature(mp, 'Annex') })).status,
    ).toBe(201);
    await rt.call('PUT', '/v1/employees/annex-1', {
      ...ADMIN,
      body: {
        name: 'Putri Sinaga',
        unit: 'Dinas Kesehatan',
        siteIds: ['annex'],
        active: true,
        since: '2026-11-01',
      },
    });
    const [inLon, inLat] = offset(lon2, lat2, 30, 0);
    const inside = await rt.call('POST', '/v1/checkins', {
      as: 'annex-1',
      body: { ...fix(), lat: inLat, lon: inLon },
    });
    expect(inside.status).toBe(201);
    expect(inside.json.checkin.siteId).toBe('annex');
    await rt.call('PUT', '/v1/employees/annex-2', {
      ...ADMIN,
      body: { name: 'Joko Purba', unit: 'Dinas Kesehatan', siteIds: ['annex'], active: true },
    });
    const inHole = await rt.call('POST', '/v1/checkins', {
      as: 'annex-2',
      body: { ...fix(), lat: lat2, lon: lon2 },
    });
    expect(inHole.json.error.code).toBe('OUTSIDE_GEOFENCE');
  });
});

describe('roster', () => {
  it('creates with a start date of today before check-in opens, and refuses unknown grounds', async () => {
    clock.set('2026-11-26T22:00:00Z'); // 05:00 WIB
    const r = await rt.call('PUT', '/v1/employees/new-1', {
      ...ADMIN,
      body: {
        name: 'Nabila Pohan',
        unit: 'Sekretariat Daerah',
        siteIds: [DEMO_SITE.siteId],
        active: true,
      },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ since: '2026-11-27', active: true });
    const bad = await rt.call('PUT', '/v1/employees/new-2', {
      ...ADMIN,
      body: { name: 'X', unit: 'Y', siteIds: ['nowhere'], active: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.issues[0].path).toBe('siteIds');
  });

  it('deactivates: still expected today once check-in has opened, so still able to check in today', async () => {
    const r = await rt.call('DELETE', '/v1/employees/demo-690', ADMIN);
    expect(r.json).toMatchObject({ active: false, until: '2026-11-27' });
    // Listed absent today if they do not come, so they may come (refused from the next apel on:
    // test/core/checkin.test.ts).
    const c = await rt.call('POST', '/v1/checkins', { as: 'demo-690', body: fix() });
    expect(c.status).toBe(201);
    expect((await rt.call('GET', '/v1/employees/nobody', ADMIN)).status).toBe(404);
  });

  it('pages through one unit by name, and through everyone, without repeats', async () => {
    const unit = 'Dinas Kesehatan';
    const first = await rt.call(
      'GET',
      `/v1/employees?unit=${encodeURIComponent(unit)}&limit=30`,
      ADMIN,
    );
    expect(first.json.items).toHaveLength(30);
    expect(first.json.items.every((e: { unit: string }) => e.unit === unit)).toBe(true);
    const names = first.json.items.map((e: { name: string }) => e.name.toLowerCase());
    expect([...names].sort()).toEqual(names);
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await rt.call(
        'GET',
        `/v1/employees?limit=250${cursor ? `&cursor=${cursor}` : ''}`,
        ADMIN,
      );
      for (const e of page.json.items) seen.add(e.employeeId);
      cursor = page.json.cursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen.size).toBeGreaterThanOrEqual(700);
    expect(pages).toBeGreaterThanOrEqual(3);
    const badCursor = await rt.call('GET', '/v1/employees?cursor=garbage', ADMIN);
    expect(badCursor.status).toBe(400);
    // Well-formed, but its resume key is another shard's: DynamoDB would refuse it (was a 500).
    const key = { pk: 'EMP#demo-001', sk: 'PROFILE', gsi1pk: 'ROSTER#3', gsi1sk: 'demo-001' };
    const forged = Buffer.from(JSON.stringify({ s: 0, k: key })).toString('base64url');
    const tampered = await rt.call('GET', `/v1/employees?cursor=${forged}`, ADMIN);
    expect(tampered.status).toBe(400);
    expect(tampered.json.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('CSV roster import', () => {
  const excelCsv =
    '\uFEFFNIP;Nama;Unit Kerja;Lapangan;Aktif\r\n' +
    '198001012005011001;Hendra Siregar;Dinas Perhubungan;balai-kota-medan;ya\r\n' +
    '198102022006022002;"Rina; Lubis";Dinas Perhubungan;balai-kota-medan;ya\r\n' +
    '198203032007033003;Agus Ginting;Badan Pendapatan Daerah;;tidak\r\n';

  it('imports an Excel export (BOM, ";"), and re-importing the same file changes nothing', async () => {
    const post = (body: string) =>
      rt.call('POST', '/v1/employees/import', {
        ...ADMIN,
        body,
        headers: { 'content-type': 'text/csv' },
      });
    const first = await post(excelCsv);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ total: 3, created: 3, updated: 0, unchanged: 0 });
    expect((await rt.call('GET', '/v1/employees/198102022006022002', ADMIN)).json.name).toBe(
      'Rina; Lubis',
    );
    expect((await rt.call('GET', '/v1/employees/198203032007033003', ADMIN)).json.active).toBe(
      false,
    );
    const again = await post(excelCsv);
    expect(again.json).toEqual({ total: 3, created: 0, updated: 0, unchanged: 3 });
    const changed = await post(
      // The same file saved with "," as the separator, one name changed.
      excelCsv
        .replace('Hendra Siregar', 'Hendra S. Siregar')
        .replace(/;/g, ',')
        .replace('"Rina, Lubis"', '"Rina; Lubis"'),
    );
    expect(changed.json).toEqual({ total: 3, created: 0, updated: 1, unchanged: 2 });
  });

  it('reports every bad line with its number and writes nothing', async () => {
    const csv =
      'nip,nama,unit,lapangan\n' +
      'ok-1,Budi Nasution,BKD,balai-kota-medan\n' +
      '1.98E+17,Excel Rounded,BKD,balai-kota-medan\n' +
      'ok-2,,BKD,balai-kota-medan\n' +
      'ok-1,Twice,BKD,balai-kota-medan\n' +
      'ok-3,Nowhere,BKD,no-such-ground\n';
    const r = await rt.call('POST', '/v1/employees/import', {
      ...ADMIN,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    const lines = r.json.error.details.lines;
    expect(lines.map((l: { line: number }) => l.line)).toEqual([3, 4, 5, 6]);
    expect(lines[0].errors[0]).toMatch(/sudah dibulatkan oleh Excel/);
    expect(lines[2].errors[0]).toMatch(/sudah ada di baris 2/);
    expect(lines[3].errors[0]).toMatch(/lapangan tidak dikenal/);
    expect((await rt.call('GET', '/v1/employees/ok-1', ADMIN)).status).toBe(404);
  });

  it('refuses a file without the required columns, and an empty body', async () => {
    const r = await rt.call('POST', '/v1/employees/import', {
      ...ADMIN,
      body: 'a,b\n1,2\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(r.json.error.details.lines[0].errors[0]).toMatch(/^kolom belum ada: /);
    const empty = await rt.call('POST', '/v1/employees/import', {
      ...ADMIN,
      body: ' ',
      headers: { 'content-type': 'text/csv' },
    });
    expect(empty.status).toBe(400);
  });
});

describe('excuses and holidays', () => {
  it('records an excuse once however often it is posted, lists it by date, and revokes it', async () => {
    const body = {
      employeeId: 'demo-650',
      from: '2026-11-26',
      to: '2026-11-30',
      kind: 'sick',
      note: 'surat dokter',
    };
    const first = await rt.call('POST', '/v1/excuses', { ...ADMIN, body });
    expect(first.status).toBe(201);
    const again = await rt.call('POST', '/v1/excuses', { ...ADMIN, body });
    expect(again.status).toBe(200);
    expect(again.json.excuseId).toBe(first.json.excuseId);
    const onDay = await rt.call('GET', '/v1/excuses?date=2026-11-30', ADMIN);
    expect(onDay.json.items.map((x: { excuseId: string }) => x.excuseId)).toEqual([
      first.json.excuseId,
    ]);
    expect((await rt.call('GET', '/v1/excuses?date=2026-12-01', ADMIN)).json.items).toEqual([]);
    const revoked = await rt.call('DELETE', `/v1/excuses/${first.json.excuseId}`, ADMIN);
    expect(revoked.json.revoked).toBe(true);
    expect((await rt.call('GET', '/v1/excuses?date=2026-11-30', ADMIN)).json.items).toEqual([]);
  });

  it.each([
    [
      'an unknown employee',
      { employeeId: 'ghost', from: '2026-11-27', to: '2026-11-27', kind: 'sick' },
    ],
    [
      'from after to',
      { employeeId: 'demo-001', from: '2026-11-28', to: '2026-11-27', kind: 'sick' },
    ],
    [
      'an unknown kind',
      { employeeId: 'demo-001', from: '2026-11-27', to: '2026-11-27', kind: 'holiday' },
    ],
    [
      'a range over a year',
      { employeeId: 'demo-001', from: '2026-01-01', to: '2027-06-01', kind: 'leave' },
    ],
  ])('400 for %s', async (_, body) => {
    const r = await rt.call('POST', '/v1/excuses', { ...ADMIN, body });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
  });

  it('takes an excuse ending on 9999-12-31 (it used to loop past it until memory ran out)', async () => {
    const body = { employeeId: 'demo-002', from: '9999-12-31', to: '9999-12-31', kind: 'other' };
    const r = await rt.call('POST', '/v1/excuses', { ...ADMIN, body });
    expect(r.status).toBe(201);
    const day = await rt.call('GET', '/v1/excuses?date=9999-12-31', ADMIN);
    expect(day.json.items).toEqual([expect.objectContaining(body)]);
  });

  it('keeps the holiday calendar and closes the apel on a holiday at once', async () => {
    const put = await rt.call('PUT', '/v1/holidays/2026-11-27', {
      ...ADMIN,
      body: { name: 'Cuti bersama' },
    });
    expect(put.json).toEqual({ date: '2026-11-27', name: 'Cuti bersama' });
    const year = await rt.call('GET', '/v1/holidays?year=2026', ADMIN);
    expect(year.json.items).toContainEqual({ date: '2026-11-27', name: 'Cuti bersama' });
    const c = await rt.call('POST', '/v1/checkins', { as: 'demo-600', body: fix() });
    expect(c.json.error).toMatchObject({
      code: 'NOT_A_WORKDAY',
      details: { holiday: 'Cuti bersama' },
    });
    expect((await rt.call('DELETE', '/v1/holidays/2026-11-27', ADMIN)).status).toBe(200);
    expect((await rt.call('GET', '/v1/holidays/2026-11-27', ADMIN)).status).toBe(404);
    expect((await rt.call('POST', '/v1/checkins', { as: 'demo-600', body: fix() })).status).toBe(
      201,
    );
  });
});

describe('reports and the wall', () => {
  const date = '2026-11-27';

  it('refuses to publish before the window closes', async () => {
    const r = await rt.call('POST', `/v1/reports/${date}/publish`, ADMIN);
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('REPORT_TOO_EARLY');
  });

  it('serves a live report (version 0) before publishing, then the published one', async () => {
    clock.set('2026-11-27T01:30:00Z'); // 08:30 WIB
    const live = await rt.call('GET', `/v1/reports/${date}`, ADMIN);
    expect(live.headers.get('x-apel-report')).toBe('live');
    expect(live.json).toMatchObject({ date, version: 0, workday: true, timezone: 'Asia/Jakarta' });
    const t = live.json.totals;
    expect(t.expected).toBe(t.present + t.late + t.excused + t.absent);

    const pub = await rt.call('POST', `/v1/reports/${date}/publish`, ADMIN);
    expect(pub.json).toMatchObject({ date, version: 1, changed: true, totals: t });
    expect(pub.json.keys).toContain(`reports/${date}/wall.html`);
    const again = await rt.call('POST', `/v1/reports/${date}/publish`, ADMIN);
    expect(again.json).toMatchObject({ version: 1, changed: false });

    const published = await rt.call('GET', `/v1/reports/${date}`, ADMIN);
    expect(published.headers.get('x-apel-report')).toBe('published');
    expect(published.json).toMatchObject({ version: 1, totals: t });

    const csv = await rt.call('GET', `/v1/reports/${date}?format=csv`, ADMIN);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain(`apel-${date}.csv`);
    expect(Papa.parse(csv.text.slice(1), { skipEmptyLines: true }).data).toHaveLength(
      1 +
        t.absent +
        t.late +
        t.excused +
        published.json.flagged.filter((f: { status: string }) => f.status === 'on_time').length,
    );

    const html = await rt.call('GET', `/v1/reports/${date}?format=html&lang=en`, ADMIN);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.text).toContain('Absent without an excuse');
  });

  it('shows the wall to a signed-in reader by default, to anyone when set public', async () => {
    expect((await rt.call('GET', '/wall')).status).toBe(401);
    const wall = await rt.call('GET', '/wall', { as: 'demo-001' });
    expect(wall.status).toBe(200);
    expect(wall.text).toContain('Jumat, 27 November 2026');
    expect(wall.text).toContain('http-equiv="refresh"');
    expect(wall.headers.get('content-security-policy')).toContain("default-src 'none'");
    // It names people to signed-in readers: no cache keeps it; a public one may be kept a minute.
    expect(wall.headers.get('cache-control')).toBe('private, no-store');
    await rt.call('PUT', '/v1/settings', {
      ...ADMIN,
      body: { ...DEFAULT_SETTINGS, wallAccess: 'public' },
    });
    const open = await rt.call('GET', `/wall/${date}?lang=en`);
    expect(open.status).toBe(200);
    expect(open.text).toContain('<html lang="en">');
    expect(open.headers.get('cache-control')).toBe('public, max-age=60');
    expect((await rt.call('GET', '/wall/2026-11-20')).status).toBe(404);
    await rt.call('PUT', '/v1/settings', { ...ADMIN, body: DEFAULT_SETTINGS });
  });
});
