import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITE } from '../../functions/local/demo';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

// Issue 12.11: roster and calendar odds and ends, through the app on dynalite.
const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z')); // Friday 07:12 WIB
let rt: Awaited<ReturnType<typeof testRuntime>>;
const ADMIN = { as: 'bkd-admin', admin: true };
const person = (over: Record<string, unknown> = {}) => ({
  name: 'Nabila Pohan',
  unit: 'Sekretariat Daerah',
  siteIds: [DEMO_SITE.siteId],
  active: true,
  ...over,
});

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 40 });
});
afterAll(() => rt.close());

describe('DELETE /v1/employees/{id} never leaves until before since', () => {
  it.each([
    ['added and removed before check-in opens', '2026-11-26T22:00:00Z', '2026-11-26T22:30:00Z'],
    [
      'added after check-in closed, removed the same evening',
      '2026-11-27T05:00:00Z',
      '2026-11-27T10:00:00Z',
    ],
  ])('%s: never expected, no dates', async (_, addedAt, removedAt) => {
    const id = `gone-${addedAt.slice(11, 13)}`;
    clock.set(addedAt);
    expect((await rt.call('PUT', `/v1/employees/${id}`, { ...ADMIN, body: person() })).status).toBe(
      201,
    );
    clock.set(removedAt);
    const r = await rt.call('DELETE', `/v1/employees/${id}`, ADMIN);
    expect(r.status).toBe(200);
    expect(r.json.active).toBe(false);
    const { since, until } = r.json;
    expect(since === undefined || until === undefined || since <= until).toBe(true);
    // Nobody is marked absent for a day they were never expected.
    clock.set('2026-11-27T02:00:00Z');
    const report = await rt.call('GET', '/v1/reports/2026-11-27', ADMIN);
    expect(report.json.absent.map((p: { employeeId: string }) => p.employeeId)).not.toContain(id);
  });

  it('an explicit until before the stored since is refused', async () => {
    clock.set('2026-11-27T00:12:00Z');
    await rt.call('PUT', '/v1/employees/dated-1', {
      ...ADMIN,
      body: person({ since: '2026-12-01' }),
    });
    const r = await rt.call('PATCH', '/v1/employees/dated-1', {
      ...ADMIN,
      body: { until: '2026-11-30' },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.details.issues[0].path).toBe('until');
  });
});

describe('GET /v1/holidays', () => {
  it("defaults to this year in the deployment's zone", async () => {
    await rt.call('PUT', '/v1/holidays/2026-12-25', { ...ADMIN, body: { name: 'Natal' } });
    await rt.call('PUT', '/v1/holidays/2027-01-01', { ...ADMIN, body: { name: 'Tahun Baru' } });
    clock.set('2026-11-27T00:12:00Z');
    const now = await rt.call('GET', '/v1/holidays', ADMIN);
    expect(now.status).toBe(200);
    expect(now.json).toEqual({ year: 2026, items: [{ date: '2026-12-25', name: 'Natal' }] });
    // 31 December 17:30 UTC is already 1 January in WIB.
    clock.set('2026-12-31T17:30:00Z');
    expect((await rt.call('GET', '/v1/holidays', ADMIN)).json.year).toBe(2027);
    expect((await rt.call('GET', '/v1/holidays?year=26', ADMIN)).status).toBe(400);
  });
});

describe('GET /v1/employees?unit= matches the unit without regard to case', () => {
  it('finds "Dinas Kesehatan" as "dinas KESEHATAN", and nothing for a near miss', async () => {
    clock.set('2026-11-27T00:12:00Z');
    const exact = await rt.call('GET', '/v1/employees?unit=Dinas%20Kesehatan', ADMIN);
    const folded = await rt.call('GET', '/v1/employees?unit=dinas%20KESEHATAN', ADMIN);
    expect(exact.json.items.length).toBeGreaterThan(0);
    expect(folded.json.items).toEqual(exact.json.items);
    const near = await rt.call('GET', '/v1/employees?unit=Dinas%20Kesehata', ADMIN);
    expect(near.json.items).toEqual([]);
  });
});

describe('PATCH /v1/employees/{id}', () => {
  it('merges the given fields, checks the result as PUT does, 404 when absent', async () => {
    clock.set('2026-11-27T00:12:00Z');
    const before = (await rt.call('GET', '/v1/employees/demo-005', ADMIN)).json;
    const r = await rt.call('PATCH', '/v1/employees/demo-005', {
      ...ADMIN,
      body: { unit: 'Dinas Pendidikan' },
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ...before, unit: 'Dinas Pendidikan' });
    expect((await rt.call('GET', '/v1/employees/demo-005', ADMIN)).json).toEqual(r.json);
    expect(
      (await rt.call('PATCH', '/v1/employees/nobody', { ...ADMIN, body: { active: false } }))
        .status,
    ).toBe(404);
    for (const body of [
      { name: ' ' },
      { activ: false },
      { siteIds: ['nowhere'] },
      { since: 'x' },
    ]) {
      const bad = await rt.call('PATCH', '/v1/employees/demo-005', { ...ADMIN, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.json.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await rt.call('GET', '/v1/employees/demo-005', ADMIN)).json).toEqual(r.json);
  });

  it('active: false deactivates as DELETE does', async () => {
    const r = await rt.call('PATCH', '/v1/employees/demo-006', {
      ...ADMIN,
      body: { active: false },
    });
    expect(r.json).toMatchObject({ active: false, until: '2026-11-27' });
  });
});

describe('GET /v1/employees?q= searches names and ids', () => {
  it('by a word of the name, any case and accent, by NIP prefix, by two words', async () => {
    clock.set('2026-11-27T00:12:00Z');
    await rt.call('PUT', '/v1/employees/198001012005011001', {
      ...ADMIN,
      body: person({ name: 'André Siti Sitompul' }),
    });
    const ids = async (q: string) => {
      const r = await rt.call('GET', `/v1/employees?q=${encodeURIComponent(q)}`, ADMIN);
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      return r.json.items.map((e: { employeeId: string }) => e.employeeId).sort();
    };
    expect(await ids('andre')).toEqual(['198001012005011001']);
    expect(await ids('ANDRÉ')).toEqual(['198001012005011001']);
    expect(await ids('19800101')).toEqual(['198001012005011001']);
    // "sit" starts two of its words: listed once.
    expect((await ids('sit')).filter((id: string) => id === '198001012005011001')).toHaveLength(1);
    expect(await ids('sitom andr')).toEqual(['198001012005011001']);
    // Everyone whose name holds a word starting "siregar", as the roster has them.
    const all = (await rt.call('GET', '/v1/employees?limit=1000', ADMIN)).json.items as {
      employeeId: string;
      name: string;
    }[];
    const siregar = all.filter((e) => /(^|\s)siregar/i.test(e.name)).map((e) => e.employeeId);
    expect(siregar.length).toBeGreaterThan(0);
    expect(await ids('Sireg')).toEqual(siregar.sort());
    expect(await ids('demo-01')).toEqual(
      all
        .map((e) => e.employeeId)
        .filter((id) => id.startsWith('demo-01'))
        .sort(),
    );
    expect((await rt.call('GET', '/v1/employees?q=a', ADMIN)).status).toBe(400);
  });

  it('forgets an old name after a rename, and pages without repeats', async () => {
    await rt.call('PATCH', '/v1/employees/198001012005011001', {
      ...ADMIN,
      body: { name: 'Andi Harahap' },
    });
    const old = await rt.call('GET', '/v1/employees?q=sitompul', ADMIN);
    expect(old.json.items.map((e: { employeeId: string }) => e.employeeId)).not.toContain(
      '198001012005011001',
    );
    const now = await rt.call('GET', '/v1/employees?q=harahap', ADMIN);
    expect(now.json.items.map((e: { employeeId: string }) => e.employeeId)).toContain(
      '198001012005011001',
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await rt.call(
        'GET',
        `/v1/employees?q=demo&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        ADMIN,
      );
      expect(r.status).toBe(200);
      seen.push(...r.json.items.map((e: { employeeId: string }) => e.employeeId));
      cursor = r.json.cursor;
      pages++;
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(40);
    expect(pages).toBeGreaterThanOrEqual(6);
    const forged = Buffer.from(JSON.stringify({ t: 'demo', k: { pk: 'EMP#x', sk: 'PROFILE' } }));
    const bad = await rt.call(
      'GET',
      `/v1/employees?q=demo&cursor=${forged.toString('base64url')}`,
      ADMIN,
    );
    expect(bad.status).toBe(400);
  });
});
