import Papa from 'papaparse';
import type { Recap } from '../recap';
import { RECAP_HEADERS, recapLines } from './recap-table';
import { safeCell } from './spreadsheet-cell';

/**
 * The recap as CSV for Excel with Indonesian regional settings (as report.csv): UTF-8 with a
 * BOM, ";" between cells, "," as the decimal mark, every cell through `safeCell`.
 */
export function renderRecapCsv(recap: Recap): string {
  const cell = (x: string | number) =>
    safeCell(typeof x === 'number' ? String(x).replace('.', ',') : x);
  const body = Papa.unparse(
    { fields: RECAP_HEADERS.map(cell), data: recapLines(recap).map((l) => l.map(cell)) },
    { delimiter: ';', newline: '\r\n', escapeFormulae: false },
  );
  return `\uFEFF${body}\r\n`;
}
