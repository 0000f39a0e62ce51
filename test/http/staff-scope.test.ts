import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_SITE, DEMO_UNITS } from '../../functions/local/demo';
import { demoFix, testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';
import { APEL_SORE_BODY } from '../support/rollcalls';
import { square } from '../support/shapes';

// Friday 27 November 2026, 07:12 WIB: check-in open; the 26th publishable.
const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
let rt: Awaited<ReturnType<typeof testRuntime>>;
const admin = { as: 'bkd-admin', admin: true } as const;
const KES = DEMO_UNITS[2]; // Dinas Kesehatan: demo-003, demo-013, demo-023
const DIK = DEMO_UNITS[5]; // Dinas Pendidikan: demo-006, demo-016, demo-026
const KES_IDS = ['demo-003', 'demo-013', 'demo-023'];
const DIK_IDS = ['demo-006', 'demo-016', 'demo-026'];
const ids = (items: { employeeId: string }[]) => items.map((e) => e.employeeId).sort();
const idsIn = (text: string) => [...new Set(text.match(/demo-\d{3}/g) ?? [])].sort();

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 30 });
  await rt.stores.sites.put({
    siteId: 'lapangan-merdeka',
    name: 'Lapangan Merdeka',
    geometry: square(98.68, 3.59, 80),
  });
  const sore = await rt.call('PUT', '/v1/rollcalls/sore', {
    ...admin,
    body: { ...APEL_SORE_BODY, siteIds: ['lapangan-merdeka'] },
  });
  expect(sore.status).toBe(201);
  const grant = async (userId: string, body: object) =>
    expect((await rt.call('PUT', `/v1/staff/${userId}`, { ...admin, body })).status).toBe(201);
  // Units as an admin might type them: the case differs from the roster's.
  await grant('op-kes', { roles: ['operator'], units: [KES.toUpperCase()] });
  await grant('op-two', { roles: ['operator'], units: [KES, DIK] });
  await grant('off-pagi', { roles: ['officer'], rollCallIds: ['pagi'] });
  await grant('off-sore', { roles: ['officer'], rollCallIds: ['sore'] });
  await rt.call('POST', '/v1/excuses', {
    ...admin,
    body: { employeeId: 'demo-001', from: '2026-11-26', to: '2026-11-27', kind: 'sick' },
  });
  await rt.call('POST', '/v1/excuses', {
    ...admin,
    body: { employeeId: 'demo-013', from: '2026-11-26', to: '2026-11-27', kind: 'duty' },
  });
  for (const id of ['demo-001', 'demo-003']) {
    expect((await rt.call('POST', '/v1/checkins', { as: id, body: demoFix(clock) })).status).toBe(
      201,
    );
  }
  expect((await rt.call('POST', '/v1/reports/2026-11-26/publish', admin)).status).toBe(200);
});
afterAll(() => rt.close());

describe('an operator reads the roster of their units only', () => {
  it('lists, searches and reads their units’ people; another unit is 403', async () => {
    const list = await rt.call('GET', '/v1/employees', { as: 'op-kes' });
    expect(list.status).toBe(200);
    expect(ids(list.json.items)).toEqual(KES_IDS);
    const unit = await rt.call(
      'GET',
      `/v1/employees?unit=${encodeURIComponent(KES.toLowerCase())}`,
      {
        as: 'op-kes',
      },
    );
    expect(ids(unit.json.items)).toEqual(KES_IDS);
    const other = await rt.call('GET', `/v1/employees?unit=${encodeURIComponent(DIK)}`, {
      as: 'op-kes',
    });
    expect(other.status).toBe(403);
    expect(other.json.error.code).toBe('FORBIDDEN');
    const search = await rt.call('GET', '/v1/employees?q=demo', { as: 'op-kes' });
    expect(search.status).toBe(200);
    expect(ids(search.json.items)).toEqual(KES_IDS);
    expect((await rt.call('GET', '/v1/employees/demo-013', { as: 'op-kes' })).status).toBe(200);
    const not = await rt.call('GET', '/v1/employees/demo-001', { as: 'op-kes' });
    expect(not.status).toBe(403);
    expect(not.text).not.toContain('demo-001"');
    expect((await rt.call('GET', '/v1/employees/nobody', { as: 'op-kes' })).status).toBe(404);
  });

  it('walks several units page by page, each person once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const q = new URLSearchParams({ limit: '2', ...(cursor ? { cursor } : {}) });
      const r = await rt.call('GET', `/v1/employees?${q}`, { as: 'op-two' });
      expect(r.status).toBe(200);
      expect(r.json.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(r.json.items));
      cursor = r.json.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen.sort()).toEqual([...KES_IDS, ...DIK_IDS].sort());
    const bad = await rt.call('GET', '/v1/employees?cursor=bm9wZQ', { as: 'op-two' });
    expect(bad.status).toBe(400);
  });

  it('changes nothing in the roster: write, import and passkeys stay the admins’', async () => {
    const body = { name: 'X', unit: KES, siteIds: [DEMO_SITE.siteId], active: true };
    for (const [method, path, b] of [
      ['PUT', '/v1/employees/demo-003', body],
      ['PATCH', '/v1/employees/demo-003', { name: 'Y' }],
      ['DELETE', '/v1/employees/demo-003', undefined],
      ['GET', '/v1/employees/demo-003/passkeys', undefined],
      ['POST', '/v1/employees/import', 'NIP;Nama\n1;A\n'],
    ] as const) {
      const r = await rt.call(method, path, {
        as: 'op-kes',
        ...(b === undefined ? {} : { body: b }),
        ...(typeof b === 'string' ? { headers: { 'content-type': 'text/csv' } } : {}),
      });
      expect(r.status, `${method} ${path}`).toBe(403);
    }
    expect((await rt.stores.roster.get('demo-003'))?.name).not.toBe('X');
  });
});

describe('an operator’s excuses', () => {
  it('enters and revokes their units’ excuses, lists only theirs; another unit is 403', async () => {
    const mine = await rt.call('POST', '/v1/excuses', {
      as: 'op-kes',
      body: { employeeId: 'demo-023', from: '2026-11-27', to: '2026-11-27', kind: 'leave' },
    });
    expect(mine.status).toBe(201);
    expect(mine.json.createdBy).toBe('op-kes');
    const theirs = await rt.call('POST', '/v1/excuses', {
      as: 'op-kes',
      body: { employeeId: 'demo-002', from: '2026-11-27', to: '2026-11-27', kind: 'leave' },
    });
    expect(theirs.status).toBe(403);
    const on = await rt.call('GET', '/v1/excuses?date=2026-11-27', { as: 'op-kes' });
    expect(ids(on.json.items)).toEqual(['demo-013', 'demo-023']);
    const all = await rt.call('GET', '/v1/excuses?date=2026-11-27', admin);
    expect(ids(all.json.items)).toEqual(['demo-001', 'demo-013', 'demo-023']);
    const other = all.json.items.find((x: { employeeId: string }) => x.employeeId === 'demo-001');
    expect(
      (await rt.call('DELETE', `/v1/excuses/${other.excuseId}`, { as: 'op-kes' })).status,
    ).toBe(403);
    expect((await rt.stores.excuses.get(other.excuseId))?.revoked).toBeUndefined();
    const del = await rt.call('DELETE', `/v1/excuses/${mine.json.excuseId}`, { as: 'op-kes' });
    expect(del.status).toBe(200);
    expect(del.json.revokedBy).toBe('op-kes');
    expect(
      (await rt.call('DELETE', '/v1/excuses/0123456789abcdef0123', { as: 'op-kes' })).status,
    ).toBe(404);
  });
});

describe('an operator’s reports: their units only, every format', () => {
  it('the published report as JSON, CSV and the wall page', async () => {
    const json = await rt.call('GET', '/v1/reports/2026-11-26', { as: 'op-kes' });
    expect(json.status).toBe(200);
    const r = json.json;
    expect(r.units.map((u: { unit: string }) => u.unit)).toEqual([KES]);
    expect(r.totals).toEqual({ expected: 3, present: 0, late: 0, excused: 1, absent: 2 });
    for (const id of idsIn(json.text)) expect(KES_IDS).toContain(id);
    expect(idsIn(json.text)).toContain('demo-013');
    for (const list of [r.absent, r.late, r.excused, r.flagged]) {
      for (const p of list) expect(p.unit).toBe(KES);
    }
    for (const format of ['csv', 'html']) {
      const f = await rt.call('GET', `/v1/reports/2026-11-26?format=${format}`, { as: 'op-kes' });
      expect(f.status).toBe(200);
      for (const id of idsIn(f.text)) expect(KES_IDS).toContain(id);
      for (const unit of DEMO_UNITS.filter((u) => u !== KES)) expect(f.text).not.toContain(unit);
    }
    const whole = await rt.call('GET', '/v1/reports/2026-11-26', admin);
    expect(whole.json.totals.expected).toBe(30);
  });

  it('today’s live report and the listing, narrowed the same way', async () => {
    const live = await rt.call('GET', '/v1/reports/2026-11-27', { as: 'op-two' });
    expect(live.headers.get('x-apel-report')).toBe('live');
    expect(live.json.units.map((u: { unit: string }) => u.unit).sort()).toEqual([KES, DIK].sort());
    expect(live.json.totals.expected).toBe(6);
    expect(live.json.totals.present).toBe(1); // demo-003; demo-001 is BKD's
    for (const id of idsIn(live.text)) expect([...KES_IDS, ...DIK_IDS]).toContain(id);
    const listing = await rt.call('GET', '/v1/reports?from=2026-11-01&to=2026-11-30', {
      as: 'op-kes',
    });
    expect(listing.status).toBe(200);
    const day = listing.json.items.find((i: { date: string }) => i.date === '2026-11-26');
    expect(day.units.map((u: { unit: string }) => u.unit)).toEqual([KES]);
    expect(day.totals).toEqual({ expected: 3, present: 0, late: 0, excused: 1, absent: 2 });
  });

  it('publishes nothing', async () => {
    const r = await rt.call('POST', '/v1/reports/2026-11-26/publish', { as: 'op-kes' });
    expect(r.status).toBe(403);
  });
});

describe('an officer: today’s board of their roll call, its grounds’ codes', () => {
  it('reads today’s whole report of their roll call as JSON; not another day, format or roll call', async () => {
    const board = await rt.call('GET', '/v1/reports/2026-11-27', { as: 'off-pagi' });
    expect(board.status).toBe(200);
    expect(board.json.totals.expected).toBe(30);
    for (const [url, who] of [
      ['/v1/reports/2026-11-26', 'off-pagi'],
      ['/v1/reports/2026-11-27?format=csv', 'off-pagi'],
      ['/v1/reports/2026-11-27?format=html', 'off-pagi'],
      ['/v1/reports/2026-11-27?rollCall=sore', 'off-pagi'],
      ['/v1/reports/2026-11-27', 'off-sore'],
      ['/v1/reports?from=2026-11-01&to=2026-11-30', 'off-pagi'],
    ] as const) {
      const r = await rt.call('GET', url, { as: who });
      expect(r.status, `${who} ${url}`).toBe(403);
      expect(r.json.error.code).toBe('FORBIDDEN');
    }
    const sore = await rt.call('GET', '/v1/reports/2026-11-27?rollCall=sore', { as: 'off-sore' });
    expect(sore.status).toBe(200);
  });

  it('reads their roll calls and the codes of the grounds they are held at', async () => {
    const mine = await rt.call('GET', '/v1/rollcalls', { as: 'off-sore' });
    expect(mine.json.items.map((r: { id: string }) => r.id)).toEqual(['sore']);
    expect((await rt.call('GET', '/v1/rollcalls/pagi', { as: 'off-sore' })).status).toBe(403);
    expect((await rt.call('GET', '/v1/rollcalls/sore', { as: 'off-sore' })).status).toBe(200);
    const every = await rt.call('GET', '/v1/rollcalls', { as: 'op-kes' });
    expect(every.json.items.map((r: { id: string }) => r.id)).toEqual(['pagi', 'sore']);
    // sore is held at Lapangan Merdeka only; pagi at each employee's own grounds (any ground).
    const code = (who: string, site: string) =>
      rt.call('GET', `/v1/sites/${site}/code`, { as: who }).then((r) => r.status);
    expect(await code('off-sore', 'lapangan-merdeka')).toBe(200);
    expect(await code('off-sore', DEMO_SITE.siteId)).toBe(403);
    expect(await code('off-pagi', DEMO_SITE.siteId)).toBe(200);
    expect(await code('off-pagi', 'lapangan-merdeka')).toBe(200);
    expect(await code('op-kes', DEMO_SITE.siteId)).toBe(403);
    expect(await code('demo-003', DEMO_SITE.siteId)).toBe(403);
    const sites = await rt.call('GET', '/v1/sites', { as: 'off-sore' });
    expect(sites.json.features.map((f: { id: string }) => f.id)).toEqual(['lapangan-merdeka']);
    expect((await rt.call('GET', `/v1/sites/${DEMO_SITE.siteId}`, { as: 'off-sore' })).status).toBe(
      403,
    );
    expect((await rt.call('GET', '/v1/sites/lapangan-merdeka', { as: 'off-sore' })).status).toBe(
      200,
    );
    const rotate = await rt.call('POST', '/v1/sites/lapangan-merdeka/code/rotate', {
      as: 'off-sore',
    });
    expect(rotate.status).toBe(403);
    expect((await rt.call('GET', '/v1/employees', { as: 'off-sore' })).status).toBe(403);
    expect((await rt.call('GET', '/v1/excuses?date=2026-11-27', { as: 'off-sore' })).status).toBe(
      403,
    );
  });
});

describe('where the staff record is read', () => {
  it('once per staff request, never on the check-in’s path or for an admin', async () => {
    const get = vi.spyOn(rt.stores.staff, 'get');
    try {
      await rt.call('POST', '/v1/checkins', { as: 'demo-005', body: demoFix(clock) });
      await rt.call('GET', '/v1/checkins/me', { as: 'demo-005' });
      await rt.call('GET', '/v1/rollcalls/today', { as: 'demo-005' });
      await rt.call('GET', '/v1/reports/2026-11-27', admin);
      expect(get).not.toHaveBeenCalled();
      // The gate and the route both ask; the store is read once.
      await rt.call('GET', '/v1/reports/2026-11-27', { as: 'op-kes' });
      expect(get).toHaveBeenCalledTimes(1);
    } finally {
      get.mockRestore();
    }
  });

  it('a revocation applies at the next request', async () => {
    expect((await rt.call('GET', '/v1/employees', { as: 'op-two' })).status).toBe(200);
    expect((await rt.call('DELETE', '/v1/staff/op-two', admin)).status).toBe(200);
    expect((await rt.call('GET', '/v1/employees', { as: 'op-two' })).status).toBe(403);
  });
});
