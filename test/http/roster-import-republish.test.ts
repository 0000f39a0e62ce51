import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../functions/core/report';
import { reportKey } from '../../functions/core/report-files';
import { DEMO_SITE, demoRoster } from '../../functions/local/demo';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

// Issue 15.4: a roster import that moves employees' dates over published days republishes each
// of those days as its next version, once however many of the file's lines touch it, as the
// single-employee PUT, PATCH and DELETE do; a change that alters no published day (a unit, a
// name) republishes none.
const clock = new FakeClock(new Date('2026-11-28T02:00:00.000Z')); // Saturday 09:00 WIB
const ADMIN = { as: 'bkd-admin', admin: true };
const DAYS = ['2026-11-25', '2026-11-26', '2026-11-27'] as const; // Wednesday to Friday
const roster = demoRoster(8);
let rt: Awaited<ReturnType<typeof testRuntime>>;

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: roster.length });
  for (const day of DAYS) {
    expect((await rt.call('POST', `/v1/reports/${day}/publish`, ADMIN)).status).toBe(200);
  }
});
afterAll(() => rt.close());

const importCsv = (lines: string[]) =>
  rt.call('POST', '/v1/employees/import', {
    ...ADMIN,
    body: `NIP;Nama;Unit Kerja;Lapangan;Aktif;Mulai;Sampai\n${lines.join('\n')}\n`,
    headers: { 'content-type': 'text/csv' },
  });

/** A line for demo employee n, as the roster has them, with these dates and unit. */
function line(n: number, o: { since?: string; until?: string; unit?: string } = {}) {
  const e = roster[n - 1] as (typeof roster)[number];
  return [
    e.employeeId,
    e.name,
    o.unit ?? e.unit,
    DEMO_SITE.siteId,
    'ya',
    o.since ?? '',
    o.until ?? '',
  ].join(';');
}

const versions = () =>
  Promise.all(DAYS.map(async (d) => (await rt.stores.publications.newest(d, 'pagi'))?.version));
const current = async (day: string): Promise<Report> =>
  JSON.parse((await rt.publisher.read(reportKey(day, 'report.json'))) ?? '{}');
const listed = (r: Report) => [...r.absent, ...r.late, ...r.excused].map((p) => p.employeeId);
const publishedAudit = async () =>
  (await rt.stores.audit.search({ from: '2026-01-01', to: '2027-12-31', limit: 500 })).items
    .filter((e) => e.action === 'report.publish')
    .map((e) => `${e.subject} v${(e.after as { version: number }).version}`)
    .sort();

const FILE = [
  line(3, { until: '2026-11-26' }), // leaves after Thursday: Friday changes
  line(4, { since: '2026-11-26' }), // starts on Thursday: Wednesday changes
  line(6, { until: '2026-11-25' }), // leaves after Wednesday: Thursday and Friday change
  line(5, { unit: 'Dinas Pariwisata' }), // a unit: no published day changes
];

describe('a roster import over published days', () => {
  it('republishes each day whose attendees it changed, once, saying it was corrected', async () => {
    expect(await versions()).toEqual([1, 1, 1]);
    const r = await importCsv(FILE);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ total: 4, updated: 4, created: 0 });
    // Friday and Thursday are touched by two lines each, and still have one new version each.
    expect(await versions()).toEqual([2, 2, 2]);
    expect(await publishedAudit()).toEqual(
      DAYS.flatMap((d) => [`report:${d}/pagi v1`, `report:${d}/pagi v2`]).sort(),
    );
    const [wed, thu, fri] = await Promise.all(DAYS.map(current));
    expect(listed(wed as Report)).not.toContain('demo-004');
    expect(listed(wed as Report)).toEqual(expect.arrayContaining(['demo-003', 'demo-006']));
    expect(listed(thu as Report)).not.toContain('demo-006');
    expect(listed(thu as Report)).toEqual(expect.arrayContaining(['demo-003', 'demo-004']));
    expect(listed(fri as Report)).not.toContain('demo-003');
    expect(listed(fri as Report)).not.toContain('demo-006');
    expect((fri as Report).totals.expected).toBe(roster.length - 2);
    const wall = await rt.publisher.read(reportKey('2026-11-27', 'wall.html'));
    expect(wall).toMatch(/Diperbarui [^<]*, versi 2(?!\d)/);
    expect(await rt.stores.corrections.pending()).toEqual([]);
    // One audit entry per employee the import changed, as before.
    const entries = (
      await rt.stores.audit.search({ from: '2026-01-01', to: '2027-12-31', limit: 500 })
    ).items.filter((e) => e.action === 'employee.import');
    expect(entries.map((e) => e.subject).sort()).toEqual(
      ['demo-003', 'demo-004', 'demo-005', 'demo-006'].map((id) => `employee:${id}`),
    );
  });

  it('republishes nothing for the same file again, nor for a change no published day shows', async () => {
    const again = await importCsv(FILE);
    expect(again.json).toMatchObject({ updated: 0, unchanged: 4 });
    const unit = await importCsv([line(7, { unit: 'Dinas Pariwisata' })]);
    expect(unit.json).toMatchObject({ updated: 1 });
    expect(await versions()).toEqual([2, 2, 2]);
  });

  it('republishes as the PATCH of one employee does: the same day, the next version', async () => {
    const patch = await rt.call('PATCH', '/v1/employees/demo-007', {
      ...ADMIN,
      body: { until: '2026-11-26' },
    });
    expect(patch.status).toBe(200);
    const imported = await importCsv([line(8, { until: '2026-11-26' })]);
    expect(imported.status).toBe(200);
    expect(await versions()).toEqual([2, 2, 4]);
    const fri = await current('2026-11-27');
    expect(listed(fri)).not.toContain('demo-007');
    expect(listed(fri)).not.toContain('demo-008');
  });
});
