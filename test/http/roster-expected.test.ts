import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITE } from '../../functions/local/demo';
import { demoFix, testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

// Issue 12.9: the phone must never say "hadir" for a check-in the report will not count. An
// employee imported while check-in is open is expected that same day: their check-in counts,
// their excuse for the day counts; someone not expected today is refused, check-in and excuse.
const clock = new FakeClock(new Date('2026-11-27T00:05:00.000Z')); // Friday 07:05 WIB, window open
let rt: Awaited<ReturnType<typeof testRuntime>>;
const ADMIN = { as: 'bkd-admin', admin: true };
const DATE = '2026-11-27';

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 3 });
});
afterAll(() => rt.close());

const importCsv = (csv: string) =>
  rt.call('POST', '/v1/employees/import', {
    ...ADMIN,
    body: csv,
    headers: { 'content-type': 'text/csv' },
  });

describe('someone put on the roster while check-in is open', () => {
  it('is expected today: the check-in counts in the report, and so does an excuse', async () => {
    const r = await importCsv(
      'NIP;Nama;Unit Kerja;Lapangan;Aktif\n' +
        `late-1;Hendra Siregar;Dinas Perhubungan;${DEMO_SITE.siteId};ya\n` +
        `late-2;Rina Lubis;Dinas Perhubungan;${DEMO_SITE.siteId};ya\n`,
    );
    expect(r.status).toBe(200);
    expect((await rt.call('GET', '/v1/employees/late-1', ADMIN)).json.since).toBe(DATE);

    const c = await rt.call('POST', '/v1/checkins', { as: 'late-1', body: demoFix(clock) });
    expect(c.status).toBe(201);
    expect(c.json.checkin.status).toBe('on_time');
    const x = await rt.call('POST', '/v1/excuses', {
      ...ADMIN,
      body: { employeeId: 'late-2', from: DATE, to: DATE, kind: 'duty' },
    });
    expect(x.status).toBe(201);

    clock.set('2026-11-27T01:10:00.000Z'); // 08:10, closed
    const report = await rt.call('GET', `/v1/reports/${DATE}`, ADMIN);
    expect(report.status).toBe(200);
    expect(report.json.totals).toMatchObject({ expected: 5, present: 1, excused: 1, absent: 3 });
    expect(report.json.excused.map((p: { employeeId: string }) => p.employeeId)).toEqual([
      'late-2',
    ]);
    expect(report.json.absent.map((p: { employeeId: string }) => p.employeeId)).not.toContain(
      'late-1',
    );
  });

  it('after check-in closed: expected from tomorrow, so today no excuse is taken for them', async () => {
    clock.set('2026-11-27T02:00:00.000Z'); // 09:00
    await importCsv(`NIP;Nama;Unit Kerja;Lapangan\nlate-3;Agus Ginting;BKD;${DEMO_SITE.siteId}\n`);
    expect((await rt.call('GET', '/v1/employees/late-3', ADMIN)).json.since).toBe('2026-11-28');
    const x = await rt.call('POST', '/v1/excuses', {
      ...ADMIN,
      body: { employeeId: 'late-3', from: DATE, to: '2026-11-30', kind: 'leave' },
    });
    expect(x.status).toBe(400);
    expect(x.json.error.details.issues[0]).toMatchObject({ path: 'from' });
    // From the day they are expected, it is taken.
    const ok = await rt.call('POST', '/v1/excuses', {
      ...ADMIN,
      body: { employeeId: 'late-3', from: '2026-11-30', to: '2026-11-30', kind: 'leave' },
    });
    expect(ok.status).toBe(201);
  });
});

describe('someone on the roster but not expected today', () => {
  it('cannot check in (NOT_ON_ROSTER), rather than be told "hadir" and left out', async () => {
    clock.set('2026-11-27T00:20:00.000Z'); // 07:20
    const put = await rt.call('PUT', '/v1/employees/future-1', {
      ...ADMIN,
      body: {
        name: 'Dewi Sinaga',
        unit: 'BKD',
        siteIds: [DEMO_SITE.siteId],
        active: true,
        since: '2026-12-01',
      },
    });
    expect(put.status).toBe(201);
    const c = await rt.call('POST', '/v1/checkins', { as: 'future-1', body: demoFix(clock) });
    expect(c.status).toBe(403);
    expect(c.json.error.code).toBe('NOT_ON_ROSTER');
    const x = await rt.call('POST', '/v1/excuses', {
      ...ADMIN,
      body: { employeeId: 'future-1', from: DATE, to: DATE, kind: 'sick' },
    });
    expect(x.status).toBe(400);
  });
});
