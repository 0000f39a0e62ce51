import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRoster } from '../../../functions/local/demo';
import { testRuntime } from '../../support/app';
import { FakeClock } from '../../support/memory-store';

const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
let rt: Awaited<ReturnType<typeof testRuntime>>;
const ADMIN = { as: 'bkd-admin', admin: true };
const ROSTER = demoRoster(40);

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 40 });
});
afterAll(() => rt.close());

const units = async () => (await rt.call('GET', '/v1/units', ADMIN)).json.items;

describe('GET /v1/units', () => {
  it('lists the roster’s units by name, each with its employees, all and active', async () => {
    const expected = [...new Set(ROSTER.map((e) => e.unit))]
      .sort((a, b) => a.localeCompare(b, 'id'))
      .map((unit) => {
        const of = ROSTER.filter((e) => e.unit === unit);
        return { unit, employees: of.length, active: of.filter((e) => e.active).length };
      });
    expect(expected.length).toBeGreaterThan(1);
    const r = await rt.call('GET', '/v1/units', ADMIN);
    expect(r.status).toBe(200);
    expect(r.json.items).toEqual(expected);
  });

  it('shows a change through the API at once: a new unit, a move, a deactivation', async () => {
    const first = ROSTER[0]!;
    const before = await units();
    const from = before.find((u: { unit: string }) => u.unit === first.unit);
    const put = await rt.call('PUT', `/v1/employees/${first.employeeId}`, {
      ...ADMIN,
      body: { name: first.name, unit: 'Dinas Baru', siteIds: first.siteIds, active: false },
    });
    expect(put.status).toBeLessThan(300);
    const after = await units();
    expect(after).toContainEqual({ unit: 'Dinas Baru', employees: 1, active: 0 });
    expect(after.find((u: { unit: string }) => u.unit === first.unit)).toEqual({
      unit: first.unit,
      employees: from.employees - 1,
      active: from.active - (first.active ? 1 : 0),
    });
  });

  it('counts a unit spelt in two cases as one, under the spelling most carry', async () => {
    const [a, b, c] = ROSTER.slice(1, 4) as [
      (typeof ROSTER)[0],
      (typeof ROSTER)[0],
      (typeof ROSTER)[0],
    ];
    await rt.stores.roster.putMany([
      { ...a, unit: 'Satpol PP', active: true },
      { ...b, unit: 'Satpol PP', active: true },
      { ...c, unit: 'SATPOL PP', active: true },
    ]);
    const found = (await units()).filter((u: { unit: string }) => /satpol/i.test(u.unit));
    expect(found).toEqual([{ unit: 'Satpol PP', employees: 3, active: 3 }]);
  });

  it('is the admins’: an employee gets 403, no token 401', async () => {
    expect((await rt.call('GET', '/v1/units', { as: 'demo-001' })).status).toBe(403);
    expect((await rt.call('GET', '/v1/units')).status).toBe(401);
  });
});
