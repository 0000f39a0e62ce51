import type { CellValue } from 'exceljs';
import type { TableLine } from './roster-csv';

/**
 * An Excel workbook (.xlsx) as a roster table: the first sheet's rows, each with its row number
 * (what Excel shows at the left, so an error's "line 7" is row 7), its cells as the text the CSV
 * path reads. exceljs is about 1 MB of code: it is imported here, on the first workbook, never at
 * start-up, so the API's cold start does not pay for it.
 */

/** The ZIP local-file signature "PK\x03\x04" every .xlsx starts with. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * A workbook of 5 MB may unpack into far more (a ZIP of zeros unpacks a thousandfold): the
 * sizes the archive declares are summed before anything is unpacked. 80 MB of XML is about
 * 400,000 rows of five columns.
 */
export const MAX_XLSX_UNPACKED = 80 * 1024 * 1024;

export type SheetRead =
  | { readonly ok: true; readonly table: TableLine[] }
  | { readonly ok: false; readonly message: string };

const NOT_A_WORKBOOK =
  'berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca; simpan ulang sebagai "Excel Workbook (.xlsx)" atau "CSV UTF-8" / ' +
  'the file is not a readable Excel workbook (.xlsx); save it again as "Excel Workbook (.xlsx)" or "CSV UTF-8"';
const TOO_BIG = `buku kerja terlalu besar setelah dibuka (lebih dari ${MAX_XLSX_UNPACKED / 1024 / 1024} MB); bagi menjadi beberapa berkas / the workbook unpacks to more than ${MAX_XLSX_UNPACKED / 1024 / 1024} MB; split it into several files`;

export async function readRosterXlsx(bytes: Uint8Array): Promise<SheetRead> {
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked === null) return { ok: false, message: NOT_A_WORKBOOK };
  if (unpacked > MAX_XLSX_UNPACKED) return { ok: false, message: TOO_BIG };
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types want a Node Buffer; a view over the same bytes, not a copy.
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never,
    );
  } catch {
    return { ok: false, message: NOT_A_WORKBOOK };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: true, table: [] };
  const table: TableLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as readonly CellValue[];
    // row.values is 1-based: index 0 is always empty.
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) =>
      textOf(values[i + 1]),
    );
    if (cells.some((c) => c.trim() !== '')) table.push({ line, cells });
  });
  return { ok: true, table };
}

/** A cell as the text a CSV would hold for it. */
export function textOf(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    // An 18-digit NIP typed as a number is already rounded in the file (Excel keeps 15
    // digits): shown as Excel shows it, so the CSV rules explain it instead of storing it.
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      return value.toExponential().toUpperCase();
    }
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  if (value instanceof Date) {
    // Excel dates have no zone; exceljs hands them over as UTC midnight.
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return textOf((value as { result?: CellValue }).result as CellValue);
  }
  if ('hyperlink' in value) return String((value as { text?: unknown }).text ?? '');
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * The sum of the uncompressed sizes a ZIP's central directory declares; null when the bytes
 * hold no central directory (not a ZIP, or cut short).
 */
export function declaredUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    // 0xFFFFFFFF means a ZIP64 size: more than 4 GB, far past any limit.
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return total;
}
