import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';
import { BY_HAND, NOVEMBER, seedNovember, TOTALS_BY_HAND } from '../support/recap-month';

// Wednesday 2 December 2026, 10:00 WIB: November is over.
const clock = new FakeClock(new Date('2026-12-02T03:00:00.000Z'));
const rt = await testRuntime(clock, { roster: 4 });
const admin = { as: 'bkd-admin', admin: true } as const;
afterAll(() => rt.close());
beforeAll(() => seedNovember(rt), 120_000);

const counts = (r: Record<string, unknown>) => {
  const { employeeId: _i, name: _n, unit: _u, ...rest } = r;
  return rest;
};

/** A CSV or sheet line back into the recap's counts (columns as RECAP_HEADERS). */
function countsOfLine(cells: readonly (string | number)[]) {
  const n = (i: number) => Number(String(cells[i]).replace(',', '.'));
  return {
    expected: n(3),
    onTime: n(4),
    late: n(5),
    lateMinutes: n(6),
    lateTiers: { TL1: n(7), TL2: n(8), TL3: n(9), TL4: n(10) },
    excused: { leave: n(11), sick: n(12), duty: n(13), permit: n(14), other: n(15) },
    manual: n(16),
    absent: n(17),
    attendanceRate: n(18),
  };
}

describe('the monthly recap counts what the walls said', () => {
  it('JSON: each employee and the totals as counted by hand; unpublished days pending', async () => {
    const a = await rt.call('GET', '/v1/recaps/2026-11', admin);
    expect(a.status, a.text).toBe(200);
    const recap = a.json;
    expect(recap.published).toEqual(NOVEMBER.filter((d) => d <= '2026-11-20'));
    expect(recap.pending).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-30',
    ]);
    expect(recap.lateTiers).toEqual([10, 20, 25]);
    for (const [id, want] of Object.entries(BY_HAND)) {
      const row = recap.rows.find((r: { employeeId: string }) => r.employeeId === id);
      expect(counts(row), id).toEqual(want);
    }
    expect(recap.rows).toHaveLength(4);
    expect(recap.totals).toEqual(TOTALS_BY_HAND);
    expect(recap.units).toHaveLength(4);
    const unit = recap.units.find((u: { unit: string }) => u.unit === recap.rows[0].unit);
    expect({ ...unit, unit: undefined, employees: undefined }).toEqual({
      ...counts(recap.rows[0]),
      unit: undefined,
      employees: undefined,
    });
  });

  it('CSV: BOM, ";", Indonesian headers, the same counts, unit and overall totals', async () => {
    const a = await rt.call('GET', '/v1/recaps/2026-11?format=csv', admin);
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toMatch(/^text\/csv/);
    const raw = await rt.app.request('/v1/recaps/2026-11?format=csv', {
      headers: { authorization: `Bearer ${await rt.token('bkd-admin', true)}` },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = Papa.parse<string[]>(a.text.replace(/^\uFEFF/, '').trim(), {
      delimiter: ';',
    }).data;
    expect(lines[0]?.slice(0, 7)).toEqual([
      'Unit kerja',
      'NIP',
      'Nama',
      'Wajib hadir',
      'Tepat waktu',
      'Terlambat',
      'Menit terlambat',
    ]);
    for (const [id, want] of Object.entries(BY_HAND)) {
      const line = lines.find((l) => l[1] === id);
      expect(countsOfLine(line ?? []), id).toEqual(want);
    }
    const all = lines.find((l) => l[2] === 'JUMLAH SELURUHNYA') ?? [];
    const { employees: _e, ...totals } = TOTALS_BY_HAND;
    expect(countsOfLine(all)).toEqual(totals);
    expect(all[18]).toBe('36,9'); // the decimal comma Indonesian Excel reads
    expect(lines.filter((l) => l[2] === 'JUMLAH UNIT')).toHaveLength(4);
  }, 120_000);

  it('xlsx: a real workbook, a summary and a sheet per unit, header frozen, widths set', async () => {
    const res = await rt.app.request('/v1/recaps/2026-11?format=xlsx', {
      headers: { authorization: `Bearer ${await rt.token('bkd-admin', true)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(book.worksheets.map((w) => w.name)[0]).toBe('Ringkasan');
    expect(book.worksheets).toHaveLength(5);
    const recap = (await rt.call('GET', '/v1/recaps/2026-11', admin)).json;
    for (const [id, want] of Object.entries(BY_HAND)) {
      const unit = recap.rows.find((r: { employeeId: string }) => r.employeeId === id).unit;
      const ws = book.worksheets.find((w) => w.name === unit.slice(0, 31));
      expect(ws, unit).toBeDefined();
      if (!ws) continue;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(3).width).toBe(30);
      expect(ws.getRow(1).getCell(1).value).toBe('Unit kerja');
      const values = ws.getRow(2).values as (string | number)[];
      expect(values[2]).toBe(id);
      expect(countsOfLine(values.slice(1)), id).toEqual(want);
    }
    const summary = book.getWorksheet('Ringkasan');
    let total: (string | number)[] = [];
    summary?.eachRow((row) => {
      const v = row.values as (string | number)[];
      if (v[3] === 'JUMLAH SELURUHNYA') total = v.slice(1);
    });
    const { employees: _e, ...totals } = TOTALS_BY_HAND;
    expect(countsOfLine(total)).toEqual(totals);
  }, 120_000);

  it('one unit: its rows and totals; an unknown unit is 404', async () => {
    const unit = encodeURIComponent('dinas kesehatan');
    const a = await rt.call('GET', `/v1/recaps/2026-11?unit=${unit}`, admin);
    expect(a.status).toBe(200);
    expect(a.json.rows.map((r: { employeeId: string }) => r.employeeId)).toEqual(['demo-003']);
    expect(a.json.totals).toEqual({ employees: 1, ...BY_HAND['demo-003'] });
    const none = await rt.call('GET', '/v1/recaps/2026-11?unit=Dinas%20Pariwisata', admin);
    expect(none.status).toBe(404);
    expect(none.json.error.code).toBe('NOT_FOUND');
  });

  it('refuses bad input with a clear code', async () => {
    const cases: [string, number, string][] = [
      ['/v1/recaps/2026-13', 400, 'VALIDATION_FAILED'],
      ['/v1/recaps/26-11', 400, 'VALIDATION_FAILED'],
      ['/v1/recaps/2026-11?format=pdf', 400, 'VALIDATION_FAILED'],
      ['/v1/recaps/2026?format=csv', 400, 'VALIDATION_FAILED'],
      ['/v1/recaps/2027-01', 422, 'MONTH_IN_FUTURE'],
      ['/v1/recaps/2027', 422, 'MONTH_IN_FUTURE'],
      ['/v1/recaps/2026-11?rollCall=nothing', 404, 'NOT_FOUND'],
    ];
    for (const [path, status, code] of cases) {
      const a = await rt.call('GET', path, admin);
      expect(a.status, path).toBe(status);
      expect(a.json.error.code, path).toBe(code);
    }
    const employee = await rt.call('GET', '/v1/recaps/2026-11', { as: 'demo-001' });
    expect(employee.status).toBe(403);
  });

  it('the year: months side by side, the year’s totals, paged', async () => {
    const a = await rt.call('GET', '/v1/recaps/2026?limit=3', admin);
    expect(a.status, a.text).toBe(200);
    expect(a.json.months).toHaveLength(12);
    expect(a.json.rows).toHaveLength(3);
    expect(a.json.next).toBe(3);
    const rest = await rt.call('GET', '/v1/recaps/2026?limit=3&cursor=3', admin);
    expect(rest.json.rows).toHaveLength(1);
    expect(rest.json.next).toBeUndefined();
    const row = [...a.json.rows, ...rest.json.rows].find(
      (r: { employeeId: string }) => r.employeeId === 'demo-002',
    );
    expect(row.months['2026-11']).toEqual(BY_HAND['demo-002']);
    // The year's totals are the months' sums; December so far is counted live (1st and 2nd).
    const months = Object.values(row.months) as { expected: number; absent: number }[];
    expect(row.total.expected).toBe(months.reduce((s, m) => s + m.expected, 0));
    expect(row.total.absent).toBe(months.reduce((s, m) => s + m.absent, 0));
    expect(row.months['2026-12'].expected).toBe(2);
    // A year reads every day of its months (here all counted live but November's): slow on
    // dynalite, hence the time allowed.
  }, 300_000);
});

describe('a locked month', () => {
  it('keeps its recap: later changes reach neither the JSON nor the CSV; corrections are refused', async () => {
    const lock = await rt.call('POST', '/v1/recaps/2026-11/lock', admin);
    expect(lock.status, lock.text).toBe(201);
    const json = await rt.call('GET', '/v1/recaps/2026-11', admin);
    const csv = await rt.call('GET', '/v1/recaps/2026-11?format=csv', admin);
    expect(json.json.lock).toMatchObject({ month: '2026-11', locked: true });
    expect(json.json.generatedAt).toBe(lock.json.lockedAt);
    expect(json.json.totals).toEqual(TOTALS_BY_HAND);
    // The roster changes, a pending day is published, time passes.
    await rt.call('PATCH', '/v1/employees/demo-001', { ...admin, body: { name: 'Nama Baru' } });
    await rt.call('POST', '/v1/reports/2026-11-23/publish', admin);
    clock.advance(3_600_000);
    const again = await rt.call('GET', '/v1/recaps/2026-11', admin);
    expect(again.text).toBe(json.text);
    expect((await rt.call('GET', '/v1/recaps/2026-11?format=csv', admin)).text).toBe(csv.text);
    const x = await rt.call('POST', '/v1/excuses', {
      ...admin,
      body: { employeeId: 'demo-001', from: '2026-11-30', to: '2026-12-01', kind: 'sick' },
    });
    expect(x.status).toBe(409);
    expect(x.json.error.code).toBe('MONTH_LOCKED');
    // Unlocked, the month is counted as it stands again.
    const open = await rt.call('DELETE', '/v1/recaps/2026-11/lock', {
      ...admin,
      body: { reason: 'nama pegawai diperbaiki' },
    });
    expect(open.status).toBe(200);
    const now = await rt.call('GET', '/v1/recaps/2026-11', admin);
    expect(now.json.lock).toBeUndefined();
    expect(
      now.json.rows.find((r: { employeeId: string }) => r.employeeId === 'demo-001').name,
    ).toBe('Nama Baru');
    expect(now.json.pending).not.toContain('2026-11-23');
    const audit = await rt.stores.audit.search({
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-31T00:00:00.000Z',
      subject: 'month:2026-11',
      limit: 10,
    });
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'month.lock',
      'month.unlock',
    ]);
  });
});
