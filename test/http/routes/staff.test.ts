import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRuntime } from '../../support/app';
import { FakeClock } from '../../support/memory-store';

const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
let rt: Awaited<ReturnType<typeof testRuntime>>;
const admin = { as: 'bkd-admin', admin: true } as const;

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 5 });
});
afterAll(() => rt.close());

describe('staff records: /v1/staff', () => {
  it('grants (201), replaces (200), reads, lists and revokes a record', async () => {
    const put = await rt.call('PUT', '/v1/staff/demo-002', {
      ...admin,
      body: { roles: ['operator'], units: ['Dinas Pendidikan', 'dinas pendidikan'], name: 'Rina' },
    });
    expect(put.status).toBe(201);
    expect(put.json).toEqual({
      userId: 'demo-002',
      roles: ['operator'],
      units: ['Dinas Pendidikan'],
      rollCallIds: [],
      name: 'Rina',
    });
    const again = await rt.call('PUT', '/v1/staff/demo-002', {
      ...admin,
      body: { roles: ['officer', 'operator'], units: ['BKD'], rollCallIds: ['pagi'] },
    });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({
      userId: 'demo-002',
      roles: ['operator', 'officer'],
      units: ['BKD'],
      rollCallIds: ['pagi'],
    });
    expect((await rt.call('GET', '/v1/staff/demo-002', admin)).json).toEqual(again.json);
    await rt.call('PUT', '/v1/staff/a-officer', {
      ...admin,
      body: { roles: ['officer'], rollCallIds: ['pagi'] },
    });
    const list = await rt.call('GET', '/v1/staff', admin);
    expect(list.status).toBe(200);
    expect(list.json.items.map((r: { userId: string }) => r.userId)).toEqual([
      'a-officer',
      'demo-002',
    ]);
    const del = await rt.call('DELETE', '/v1/staff/demo-002', admin);
    expect(del.status).toBe(200);
    expect(del.json).toEqual(again.json);
    expect((await rt.call('GET', '/v1/staff/demo-002', admin)).status).toBe(404);
    const twice = await rt.call('DELETE', '/v1/staff/demo-002', admin);
    expect(twice.status).toBe(404);
    expect(twice.json.error.code).toBe('NOT_FOUND');
    expect((await rt.call('GET', '/v1/me', { as: 'demo-002' })).json.roles).toEqual(['employee']);
  });

  it('refuses a bad body with 400 and the field, and stores nothing', async () => {
    const cases: [unknown, string][] = [
      [{ roles: ['operator'] }, 'units'],
      [{ roles: ['officer'], rollCallIds: [] }, 'rollCallIds'],
      [{ roles: ['officer'], rollCallIds: ['pagi'], units: ['BKD'] }, 'units'],
      [{ roles: [] }, 'roles'],
      [{ roles: ['admin'] }, 'roles.0'],
      [{ roles: ['operator'], units: [''] }, 'units.0'],
      [{ roles: ['operator'], units: ['x'.repeat(201)] }, 'units.0'],
      [{ roles: ['officer'], rollCallIds: ['Bad Id'] }, 'rollCallIds.0'],
      [{ roles: ['officer'], rollCallIds: ['no-such-apel'] }, 'rollCallIds'],
      [{ roles: ['operator'], units: ['BKD'], isAdmin: true }, 'isAdmin'],
      [{ roles: ['operator'], units: Array.from({ length: 201 }, (_, i) => `U${i}`) }, 'units'],
    ];
    for (const [body, path] of cases) {
      const r = await rt.call('PUT', '/v1/staff/demo-003', { ...admin, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.code).toBe('VALIDATION_FAILED');
      expect(r.json.error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const notJson = await rt.call('PUT', '/v1/staff/demo-003', {
      ...admin,
      body: 'roles=operator',
    });
    expect(notJson.status).toBe(400);
    const badId = await rt.call('PUT', '/v1/staff/bad%20id', {
      ...admin,
      body: { roles: ['officer'], rollCallIds: ['pagi'] },
    });
    expect(badId.status).toBe(400);
    expect(await rt.stores.staff.get('demo-003')).toBeNull();
  });

  it('answers an unknown roll call in Indonesian by default, English on request', async () => {
    const body = { roles: ['officer'], rollCallIds: ['sore'] };
    const id = await rt.call('PUT', '/v1/staff/demo-003', { ...admin, body });
    expect(id.json.error.details.issues).toEqual([
      { path: 'rollCallIds', message: 'tidak ada apel dengan id sore' },
    ]);
    const en = await rt.call('PUT', '/v1/staff/demo-003?lang=en', { ...admin, body });
    expect(en.json.error.details.issues).toEqual([
      { path: 'rollCallIds', message: 'no roll call with id sore' },
    ]);
  });

  it('is for admins only: an operator cannot grant, not even to themselves', async () => {
    await rt.stores.staff.put({
      userId: 'demo-004',
      roles: ['operator'],
      units: ['BKD'],
      rollCallIds: [],
    });
    for (const [method, path] of [
      ['GET', '/v1/staff'],
      ['GET', '/v1/staff/demo-004'],
      ['PUT', '/v1/staff/demo-004'],
      ['DELETE', '/v1/staff/demo-004'],
    ] as const) {
      const r = await rt.call(method, path, {
        as: 'demo-004',
        ...(method === 'PUT'
          ? { body: { roles: ['operator', 'officer'], units: ['BKD'], rollCallIds: ['pagi'] } }
          : {}),
      });
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.json.error.code).toBe('FORBIDDEN');
    }
    expect((await rt.stores.staff.get('demo-004'))?.roles).toEqual(['operator']);
  });
});
