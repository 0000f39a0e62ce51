/**
 * The recap as a table a person reads (the CSV and the workbook share it): Indonesian headers,
 * one line per employee, then a line of totals per unit and one for everyone.
 */
import { EXCUSE_KINDS } from '../model';
import type { Recap, RecapCounts } from '../recap';
import { TIERS } from '../recap';

export const RECAP_HEADERS = [
  'Unit kerja',
  'NIP',
  'Nama',
  'Wajib hadir',
  'Tepat waktu',
  'Terlambat',
  'Menit terlambat',
  'TL1',
  'TL2',
  'TL3',
  'TL4',
  'Cuti',
  'Sakit',
  'Dinas luar',
  'Izin',
  'Lainnya',
  'Manual',
  'Tidak hadir',
  'Kehadiran (%)',
] as const;

/** Widths (characters) of the columns above, for the workbook. */
export const RECAP_WIDTHS = [28, 22, 30, 12, 12, 11, 15, 6, 6, 6, 6, 6, 7, 10, 6, 8, 8, 12, 14];

export type RecapCell = string | number;

export function countCells(c: RecapCounts): number[] {
  return [
    c.expected,
    c.onTime,
    c.late,
    c.lateMinutes,
    ...TIERS.map((t) => c.lateTiers[t]),
    ...EXCUSE_KINDS.map((k) => c.excused[k]),
    c.manual,
    c.absent,
    c.attendanceRate,
  ];
}

export const TOTAL_OF_UNIT = 'JUMLAH UNIT';
export const TOTAL_OF_ALL = 'JUMLAH SELURUHNYA';

/** Every line below the header: employees, then each unit's totals, then everyone's. */
export function recapLines(recap: Recap): RecapCell[][] {
  return [
    ...recap.rows.map((r) => [r.unit, r.employeeId, r.name, ...countCells(r)]),
    ...recap.units.map((u) => [u.unit, '', TOTAL_OF_UNIT, ...countCells(u)]),
    ['', '', TOTAL_OF_ALL, ...countCells(recap.totals)],
  ];
}

/** What the recap is of, for a title line or a file name. */
export function recapTitle(recap: Recap): string {
  return `Rekap kehadiran apel ${recap.rollCallId} ${recap.month}`;
}
