import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITE } from '../../functions/local/demo';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

// One schema per record (core/records.ts): for each rule, the same employee sent by PUT and as
// a CSV line is refused by both, with the same message; the CSV names the column as its header.
const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z')); // Friday 07:12 WIB
let rt: Awaited<ReturnType<typeof testRuntime>>;
const ADMIN = { as: 'bkd-admin', admin: true };
const GROUNDS = Array.from({ length: 51 }, (_, i) => `ground-${i}`);

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 3 });
  for (const siteId of GROUNDS) {
    await rt.stores.sites.put({ ...DEMO_SITE, siteId, name: `Lapangan ${siteId}` });
  }
});
afterAll(() => rt.close());

interface Case {
  readonly id?: string;
  readonly name?: string;
  readonly unit?: string;
  readonly siteIds?: string[];
  readonly since?: string;
  readonly until?: string;
}

const HEADER = 'NIP;Nama;Unit Kerja;Lapangan;Aktif;Mulai;Sampai';

function csvLine(c: Required<Omit<Case, 'since' | 'until'>> & Case): string {
  return [c.id, c.name, c.unit, c.siteIds.join(','), 'ya', c.since ?? '', c.until ?? ''].join(';');
}

describe('the CSV import and PUT /v1/employees/{id} apply the same rules', () => {
  it.each<[string, Case, string, string]>([
    ['an empty name', { name: '' }, 'name', 'Nama'],
    ['a name of 201 characters', { name: 'A'.repeat(201) }, 'name', 'Nama'],
    ['an empty unit', { unit: '' }, 'unit', 'Unit Kerja'],
    ['51 grounds', { siteIds: GROUNDS }, 'siteIds', 'Lapangan'],
    ['since after until', { since: '2027-02-01', until: '2027-01-01' }, 'until', 'Sampai'],
    ['a date that does not exist', { since: '2027-02-31' }, 'since', 'Mulai'],
    ['an id with a space', { id: 'bad id' }, 'employeeId', 'NIP'],
  ])('%s: refused by both, with the same message', async (_, over, path, column) => {
    const c = {
      id: 'rule-1',
      name: 'Hendra Siregar',
      unit: 'Dinas Perhubungan',
      siteIds: [DEMO_SITE.siteId],
      ...over,
    };
    const body = {
      name: c.name,
      unit: c.unit,
      siteIds: c.siteIds,
      active: true,
      ...(c.since ? { since: c.since } : {}),
      ...(c.until ? { until: c.until } : {}),
    };
    const put = await rt.call('PUT', `/v1/employees/${encodeURIComponent(c.id)}`, {
      ...ADMIN,
      body,
    });
    expect(put.status).toBe(400);
    expect(put.json.error.code).toBe('VALIDATION_FAILED');
    const issue = put.json.error.details.issues.find((i: { path: string }) => i.path === path);
    expect(issue, JSON.stringify(put.json.error.details)).toBeDefined();

    const csv = await rt.call('POST', '/v1/employees/import', {
      ...ADMIN,
      body: `${HEADER}\r\n${csvLine(c)}\r\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(csv.status).toBe(400);
    expect(csv.json.error.code).toBe('VALIDATION_FAILED');
    const [line] = csv.json.error.details.lines;
    expect(line.line).toBe(2);
    expect(line.errors).toContain(`${column}: ${issue.message}`);
    // Refused whole: nobody was written.
    expect((await rt.call('GET', `/v1/employees/rule-1`, ADMIN)).status).toBe(404);
  });

  it('an unknown ground: refused by both', async () => {
    const put = await rt.call('PUT', '/v1/employees/rule-2', {
      ...ADMIN,
      body: { name: 'Rina Lubis', unit: 'BKD', siteIds: ['nowhere'], active: true },
    });
    expect(put.status).toBe(400);
    expect(put.json.error.details.issues[0]).toMatchObject({ path: 'siteIds' });
    const csv = await rt.call('POST', '/v1/employees/import', {
      ...ADMIN,
      body: `${HEADER}\nrule-2;Rina Lubis;BKD;nowhere;ya;;\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(csv.status).toBe(400);
    expect(csv.json.error.details.lines[0].errors[0]).toMatch(
      /^Lapangan: lapangan tidak dikenal: /,
    );
  });

  it('what one accepts, the other accepts too, and stores the same', async () => {
    const body = {
      name: 'Siti Nasution',
      unit: 'Dinas Kesehatan',
      siteIds: GROUNDS.slice(0, 50),
      active: true,
      since: '2026-12-01',
      until: '2027-12-31',
    };
    const put = await rt.call('PUT', '/v1/employees/same-1', { ...ADMIN, body });
    expect(put.status).toBe(201);
    const csv = await rt.call('POST', '/v1/employees/import', {
      ...ADMIN,
      body: `${HEADER}\n${csvLine({ id: 'same-2', ...body })}\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(csv.status).toBe(200);
    const stored = await rt.call('GET', '/v1/employees/same-2', ADMIN);
    expect({ ...stored.json, employeeId: 'same-1' }).toEqual(put.json);
  });
});
