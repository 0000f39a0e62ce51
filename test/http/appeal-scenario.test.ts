import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_UNITS } from '../../functions/local/demo';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

// Issue 15's scenario: demo-004 (Dinas Kependudukan dan Pencatatan Sipil) is named absent on the
// published report of Friday 4 December 2026, appeals from the page ("I was there, my GPS
// failed"), the operator of that unit accepts, and the report no longer names demo-004.
const clock = new FakeClock(new Date('2026-12-04T01:31:00.000Z')); // 08:31 WIB, report due
let rt: Awaited<ReturnType<typeof testRuntime>>;
const admin = { as: 'bkd-admin', admin: true } as const;
const DAY = '2026-12-04';
const UNIT = DEMO_UNITS[3] as string;
const ID = `${DAY}.pagi.demo-004`;
const ids = (people: { employeeId: string }[]) => people.map((p) => p.employeeId);
const accept = { decision: 'accept', note: 'Terlihat di foto apel' };

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 10 });
  const grant = (userId: string, unit: string) =>
    rt.call('PUT', `/v1/staff/${userId}`, {
      ...admin,
      body: { roles: ['operator'], units: [unit] },
    });
  expect((await grant('op-dukcapil', UNIT.toUpperCase())).status).toBe(201);
  expect((await grant('op-bkd', DEMO_UNITS[0] as string)).status).toBe(201);
});
afterAll(() => rt.close());

describe('an appeal that reaches the report', () => {
  it('publishes demo-004 as absent, then takes the appeal from the page', async () => {
    const published = await rt.call('POST', `/v1/reports/${DAY}/publish`, admin);
    expect(published.status).toBe(200);
    expect(published.json.version).toBe(1);
    const wall = (await rt.call('GET', `/v1/reports/${DAY}`, admin)).json;
    expect(ids(wall.absent)).toContain('demo-004');
    clock.set('2026-12-04T02:00:00.000Z'); // 09:00 WIB
    const me = (await rt.call('GET', '/v1/appeals/me', { as: 'demo-004' })).json;
    expect(me.open[0]).toMatchObject({ date: DAY, rollCallId: 'pagi' });
    const r = await rt.call('POST', '/v1/appeals', {
      as: 'demo-004',
      body: { date: DAY, claim: 'present', reason: 'Saya hadir di barisan belakang, GPS error' },
    });
    expect(r.status).toBe(201);
  });

  it('keeps it from an operator of another unit: not listed, 403 on its unit and its decision', async () => {
    const listed = await rt.call('GET', '/v1/appeals', { as: 'op-bkd' });
    expect(listed.status).toBe(200);
    expect(listed.json.items).toEqual([]);
    const byUnit = await rt.call('GET', `/v1/appeals?unit=${encodeURIComponent(UNIT)}`, {
      as: 'op-bkd',
    });
    expect(byUnit.status).toBe(403);
    const decided = await rt.call('POST', `/v1/appeals/${ID}/decision`, {
      as: 'op-bkd',
      body: accept,
    });
    expect(decided.status).toBe(403);
    expect(decided.json.error.code).toBe('FORBIDDEN');
    expect((await rt.stores.appeals.get(ID))?.status).toBe('open');
    expect(await rt.stores.marks.get(DAY, 'pagi', 'demo-004')).toBeNull();
    // An employee who is no operator: 403 too.
    expect(
      (await rt.call('POST', `/v1/appeals/${ID}/decision`, { as: 'demo-001', body: accept }))
        .status,
    ).toBe(403);
  });

  it('lets the operator of demo-004’s unit accept: a mark (method appeal), the report corrected', async () => {
    const inbox = await rt.call('GET', '/v1/appeals', { as: 'op-dukcapil' });
    expect(ids(inbox.json.items)).toEqual(['demo-004']);
    clock.set('2026-12-04T02:10:00.000Z');
    const r = await rt.call('POST', `/v1/appeals/${ID}/decision`, {
      as: 'op-dukcapil',
      body: accept,
    });
    expect(r.status).toBe(200);
    expect(r.json.appeal).toMatchObject({ status: 'accepted', decidedBy: 'op-dukcapil' });
    expect(await rt.stores.marks.get(DAY, 'pagi', 'demo-004')).toMatchObject({
      status: 'on_time',
      method: 'appeal',
      by: 'op-dukcapil',
      markedAt: '2026-12-04T02:10:00.000Z',
    });
    // The decision republished the published day by itself: version 2, and the wall says so.
    expect((await rt.stores.publications.newest(DAY))?.version).toBe(2);
    const name = (await rt.stores.roster.get('demo-004'))?.name ?? 'demo-004';
    const wall = await rt.call('GET', `/wall/${DAY}`, { as: 'demo-001' });
    expect(wall.status).toBe(200);
    expect(wall.text).not.toContain(name);
    expect(wall.text).toMatch(/Diperbarui .*versi 2/);
    const report = (await rt.call('GET', `/v1/reports/${DAY}`, admin)).json;
    expect(report.version).toBe(2);
    expect(ids(report.absent)).not.toContain('demo-004');
    expect(report.marked).toContainEqual(
      expect.objectContaining({ employeeId: 'demo-004', method: 'appeal', by: 'op-dukcapil' }),
    );
    const page = (await rt.call('GET', '/v1/appeals/me', { as: 'demo-004' })).json;
    expect(page.items[0]).toMatchObject({ status: 'accepted', note: accept.note });
  });

  it('audits each step: the appeal, the decision and the mark', async () => {
    const log = await rt.stores.audit.search({
      from: '2026-12-04T00:00:00.000Z',
      to: '2026-12-05T00:00:00.000Z',
      limit: 50,
    });
    const steps = log.items
      .filter((e) => e.subject.includes('demo-004'))
      .map((e) => `${e.actor} ${e.action} ${e.subject}`)
      .sort();
    // The decision and its mark share the instant (the test's clock stands still).
    expect(steps).toEqual([
      `demo-004 appeal.create appeal:${ID}`,
      `op-dukcapil appeal.decide appeal:${ID}`,
      `op-dukcapil mark.put mark:${DAY}/pagi/demo-004`,
    ]);
  });

  it('refuses a decision in a locked month (409), and changes nothing', async () => {
    const other = await rt.call('POST', '/v1/appeals', {
      as: 'demo-006',
      body: { date: DAY, claim: 'excused', kind: 'duty', reason: 'Dinas luar ke Binjai' },
    });
    expect(other.status).toBe(201);
    await rt.stores.monthLocks.lock('2026-12', { by: 'bkd-admin', at: clock.now().toISOString() });
    const id = `${DAY}.pagi.demo-006`;
    const r = await rt.call('POST', `/v1/appeals/${id}/decision`, { ...admin, body: accept });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('MONTH_LOCKED');
    expect((await rt.stores.appeals.get(id))?.status).toBe('open');
    const excuses = (await rt.call('GET', `/v1/excuses?date=${DAY}`, admin)).json.items;
    expect(ids(excuses)).not.toContain('demo-006');
  });
});
