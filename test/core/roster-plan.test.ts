import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Employee, Site } from '../../functions/core/model';
import type { RosterRepository, SiteRepository } from '../../functions/core/ports';
import { importRoster } from '../../functions/core/roster-import';
import { type ImportDeps, kindOfFile, planImport } from '../../functions/core/roster-plan';
import {
  declaredUnpackedSize,
  MAX_XLSX_UNPACKED,
  readRosterXlsx,
} from '../../functions/core/roster-xlsx';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { FakeClock } from '../support/memory-store';

// The import's dry run: what would change, every bad line, nothing written.
const clock = new FakeClock(new Date('2026-11-26T22:00:00.000Z')); // Friday 05:00 WIB
const GROUND = { siteId: 'balaikota', name: 'Balai Kota Medan' } as Site;

function deps(seed: Employee[]) {
  const stored = new Map(seed.map((e) => [e.employeeId, e]));
  const writes: Employee[][] = [];
  const roster = {
    async getMany(ids: readonly string[]) {
      return new Map(ids.flatMap((id) => (stored.has(id) ? [[id, stored.get(id)]] : [])));
    },
    async putMany(es: readonly Employee[]) {
      writes.push([...es]);
      for (const e of es) stored.set(e.employeeId, e);
    },
  } as unknown as RosterRepository;
  const sites = { list: async () => [GROUND] } as unknown as SiteRepository;
  const settings = { getSettings: async () => DEFAULT_SETTINGS, putSettings: async () => {} };
  return { d: { roster, sites, settings, clock } as unknown as ImportDeps, stored, writes };
}

const emp = (id: string, over: Partial<Employee> = {}): Employee => ({
  employeeId: id,
  name: `Pegawai ${id}`,
  unit: 'BKD',
  siteIds: ['balaikota'],
  active: true,
  since: '2026-01-01',
  ...over,
});

const HEADER = 'NIP;Nama;Unit kerja;Lapangan;Aktif\n';

describe('planImport: the preview', () => {
  it('sorts each line into new, changed (with before and after), deactivated and unchanged', async () => {
    const { d, writes } = deps([emp('p-1'), emp('p-2'), emp('p-3')]);
    const plan = await planImport(
      d,
      `${HEADER}p-1;Pegawai p-1;BKD;balaikota;ya\n` + // unchanged
        'p-2;Pegawai p-2;Dinas Sosial;balaikota;ya\n' + // unit changed
        'p-3;Pegawai p-3;BKD;balaikota;tidak\n' + // deactivated
        'p-4;Baru Sekali;Dinas Kesehatan;Balai Kota Medan;ya\n', // new
    );
    expect(plan.errors).toEqual([]);
    expect(plan.total).toBe(4);
    expect(plan.unchanged).toBe(1);
    expect(plan.changes.map((c) => [c.line, c.kind, c.after.employeeId])).toEqual([
      [3, 'changed', 'p-2'],
      [4, 'deactivated', 'p-3'],
      [5, 'new', 'p-4'],
    ]);
    const changed = plan.changes[0];
    expect(changed?.fields).toEqual(['unit']);
    expect(changed?.before?.unit).toBe('BKD');
    expect(changed?.after.unit).toBe('Dinas Sosial');
    expect(plan.changes[1]?.fields).toEqual(expect.arrayContaining(['active', 'until']));
    expect(plan.changes[2]?.before).toBeNull();
    expect(writes).toEqual([]);
  });

  it('returns every bad line with its number and writes nothing; the import refuses the same file', async () => {
    const { d, writes, stored } = deps([emp('p-1')]);
    const file =
      `${HEADER}p-1;Pegawai p-1;Dinas Baru;balaikota;ya\n` +
      'p-2;;BKD;balaikota;ya\n' + // no name
      'p-3;Ok;BKD;lapangan-bulan;ya\n' + // unknown ground
      'p-1;Dua Kali;BKD;balaikota;ya\n'; // repeats line 2
    const plan = await planImport(d, file);
    expect(plan.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(plan.errors[1]?.errors.join()).toMatch(/lapangan-bulan/);
    expect(plan.errors[2]?.errors.join()).toMatch(/repeats line 2/);
    expect(plan.changes.map((c) => c.line)).toEqual([2]); // the good line is still previewed
    await expect(importRoster(d, file)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(writes).toEqual([]);
    expect(stored.get('p-1')?.unit).toBe('BKD');
  });

  it('the import writes exactly what the preview planned', async () => {
    const { d, writes } = deps([emp('p-1'), emp('p-2')]);
    const file = `${HEADER}p-1;Pegawai p-1;BKD;balaikota;ya\np-2;Pegawai p-2;BKD;balaikota;tidak\np-9;Nur;BKD;balaikota;ya\n`;
    const plan = await planImport(d, file);
    const result = await importRoster(d, file);
    expect(result).toEqual({ total: 3, created: 1, updated: 1, unchanged: 1 });
    expect(writes).toEqual([plan.changes.map((c) => c.after)]);
  });
});

async function workbook(rows: unknown[][], fill?: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Pegawai');
  for (const r of rows) ws.addRow(r);
  fill?.(ws);
  wb.addWorksheet('Catatan').addRow(['NIP', 'Nama', 'Unit']).commit?.();
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('planImport: an Excel workbook (.xlsx)', () => {
  it('reads the first sheet as the CSV path reads its lines, numbered by row', async () => {
    const { d, writes } = deps([emp('198001012010011001', { unit: 'BKD' })]);
    const bytes = await workbook([
      ['NIP', 'Nama', 'Unit Kerja', 'Lapangan', 'Aktif', 'Mulai'],
      ['198001012010011001', 'Pegawai 198001012010011001', 'Inspektorat', 'balaikota', 'ya'],
      [],
      [
        12345,
        { richText: [{ text: 'Siti ' }, { text: 'Aisyah' }] },
        'BKD',
        'Balai Kota Medan',
        true,
        new Date(Date.UTC(2026, 11, 1)),
      ],
    ]);
    expect(kindOfFile(bytes)).toBe('xlsx');
    const plan = await planImport(d, bytes, 'xlsx');
    expect(plan.errors).toEqual([]);
    expect(plan.changes.map((c) => [c.line, c.kind, c.after.employeeId])).toEqual([
      [2, 'changed', '198001012010011001'],
      [4, 'new', '12345'],
    ]);
    expect(plan.changes[1]?.after).toMatchObject({
      name: 'Siti Aisyah',
      unit: 'BKD',
      active: true,
      since: '2026-12-01',
    });
    expect(writes).toEqual([]);
  });

  it('explains a NIP Excel stored as a rounded number, with its row', async () => {
    const { d } = deps([]);
    const bytes = await workbook([
      ['NIP', 'Nama', 'Unit'],
      ['x-1', 'Benar', 'BKD'],
      [198001012010011000, 'Dibulatkan', 'BKD'],
    ]);
    const plan = await planImport(d, bytes, 'xlsx');
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]?.line).toBe(3);
    expect(plan.errors[0]?.errors[0]).toMatch(
      /^NIP: "1\.98001012010011E\+17" was rounded by Excel/,
    );
  });

  it('refuses a ZIP that is no workbook, and a workbook without a header, as line 1', async () => {
    const { d } = deps([]);
    const notBook = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    await expect(planImport(d, notBook, 'xlsx')).rejects.toMatchObject({
      lines: [{ line: 1, errors: [expect.stringMatching(/not a readable Excel workbook/)] }],
    });
    const empty = await workbook([]);
    const plan = await planImport(d, empty, 'xlsx');
    expect(plan.errors).toEqual([{ line: 1, errors: ['the file is empty'] }]);
  });
});

describe('a workbook is measured before it is unpacked', () => {
  it('sums the sizes its central directory declares, and refuses one that unpacks too far', async () => {
    const bytes = await workbook([['NIP', 'Nama', 'Unit']]);
    const size = declaredUnpackedSize(bytes);
    expect(size).toBeGreaterThan(bytes.length);
    expect(declaredUnpackedSize(bytes.subarray(0, bytes.length - 30))).toBeNull();
    // Claim 3.75 GB for the first entry, as a ZIP bomb would.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = bytes.length - 22;
    while (view.getUint32(at, true) !== 0x06054b50) at--;
    const cd = view.getUint32(at + 16, true);
    view.setUint32(cd + 24, 0xf0000000, true);
    expect(declaredUnpackedSize(bytes)).toBeGreaterThan(MAX_XLSX_UNPACKED);
    expect(await readRosterXlsx(bytes)).toEqual({
      ok: false,
      message: expect.stringMatching(/unpacks to more than 80 MB/),
    });
  });
});
