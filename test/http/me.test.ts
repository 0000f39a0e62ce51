import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
let rt: Awaited<ReturnType<typeof testRuntime>>;

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 5 });
});
afterAll(() => rt.close());

describe('GET /v1/me', () => {
  it('an employee on the roster: their record and the employee role', async () => {
    const r = await rt.call('GET', '/v1/me', { as: 'demo-002' });
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.json).toEqual({
      userId: 'demo-002',
      employee: expect.objectContaining({ employeeId: 'demo-002', active: true }),
      roles: ['employee'],
      units: [],
      rollCallIds: [],
    });
    expect(r.json.employee.name).toMatch(/\w+ \w+/);
  });

  it('an admin not on the roster: admin only, no employee', async () => {
    const r = await rt.call('GET', '/v1/me', { as: 'bkd-admin', admin: true });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ userId: 'bkd-admin', roles: ['admin'], units: [], rollCallIds: [] });
  });

  it('an admin who is also on the roster has both roles', async () => {
    const r = await rt.call('GET', '/v1/me', { as: 'demo-003', admin: true });
    expect(r.json.roles).toEqual(['admin', 'employee']);
  });

  it('a deactivated employee keeps the record but not the employee role', async () => {
    const e = (await rt.stores.roster.get('demo-004'))!;
    await rt.stores.roster.put({ ...e, active: false });
    const r = await rt.call('GET', '/v1/me', { as: 'demo-004' });
    expect(r.json.employee.active).toBe(false);
    expect(r.json.roles).toEqual([]);
  });

  it('someone signed in but unknown to apel: no roles, still 200', async () => {
    const r = await rt.call('GET', '/v1/me', { as: 'stranger' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ userId: 'stranger', roles: [], units: [], rollCallIds: [] });
  });

  it('an operator and officer: both roles, their units and roll calls, from the staff record', async () => {
    await rt.stores.staff.put({
      userId: 'demo-005',
      roles: ['operator', 'officer'],
      units: ['Dinas Pendidikan'],
      rollCallIds: ['pagi'],
    });
    const r = await rt.call('GET', '/v1/me', { as: 'demo-005' });
    expect(r.json).toEqual({
      userId: 'demo-005',
      employee: expect.objectContaining({ employeeId: 'demo-005' }),
      roles: ['operator', 'officer', 'employee'],
      units: ['Dinas Pendidikan'],
      rollCallIds: ['pagi'],
    });
    await rt.stores.staff.remove('demo-005');
    const after = await rt.call('GET', '/v1/me', { as: 'demo-005' });
    expect(after.json).toMatchObject({ roles: ['employee'], units: [], rollCallIds: [] });
  });

  it('an officer who is not on the roster: the officer role alone', async () => {
    await rt.stores.staff.put({
      userId: 'petugas-1',
      roles: ['officer'],
      units: [],
      rollCallIds: ['pagi'],
    });
    const r = await rt.call('GET', '/v1/me', { as: 'petugas-1' });
    expect(r.json).toEqual({
      userId: 'petugas-1',
      roles: ['officer'],
      units: [],
      rollCallIds: ['pagi'],
    });
  });

  it('needs a token', async () => {
    const r = await rt.call('GET', '/v1/me');
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('UNAUTHORIZED');
    const bad = await rt.call('GET', '/v1/me', { headers: { authorization: 'Bearer a.b.c' } });
    expect(bad.status).toBe(401);
  });

  it('is documented in the OpenAPI document with its response schema', async () => {
    const doc = (await rt.call('GET', '/v1/openapi.json')).json;
    const op = doc.paths['/v1/me'].get;
    expect(op.security).toEqual([{ bearerAuth: [] }]);
    const schema = op.responses['200'].content['application/json'].schema;
    expect(schema.required).toEqual(
      expect.arrayContaining(['userId', 'roles', 'units', 'rollCallIds']),
    );
    expect(Object.keys(schema.properties)).toContain('employee');
    expect(op.responses['401']).toBeDefined();
  });
});
