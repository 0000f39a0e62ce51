/**
 * The recap as an Excel workbook: a summary sheet (each unit's totals and everyone's), then one
 * sheet per unit with its employees and its totals; each sheet's header row frozen, its columns
 * sized. exceljs (~1 MB) is imported on the first workbook only, never at start-up (as
 * roster-xlsx.ts does; the API bundle keeps it beside itself, infra/apel-stack.ts sideModules).
 */
import type { Recap } from './recap';
import {
  countCells,
  RECAP_HEADERS,
  RECAP_WIDTHS,
  type RecapCell,
  recapTitle,
  TOTAL_OF_ALL,
  TOTAL_OF_UNIT,
} from './render/recap-table';
import { safeCell } from './render/spreadsheet-cell';

export const SUMMARY_SHEET = 'Ringkasan';

/** A sheet name Excel takes: at most 31 characters, none of []:*?/\, unique in the book. */
export function sheetName(unit: string, taken: Set<string>): string {
  const base = (unit.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Unit').slice(0, 31);
  let name = base;
  for (let n = 2; taken.has(name.toLocaleLowerCase('id')); n++) {
    const tail = ` (${n})`;
    name = `${base.slice(0, 31 - tail.length)}${tail}`;
  }
  taken.add(name.toLocaleLowerCase('id'));
  return name;
}

/**
 * Written as a stream (exceljs's WorkbookWriter), row by row: the in-memory workbook of a
 * 250,000-employee month took over 2.5 GB and minutes, more than the report function has; a
 * committed row is zipped and dropped.
 */
export async function renderRecapXlsx(recap: Recap): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  // The book's own dates are the recap's, so a kept recap renders the same cells every time.
  const at = new Date(recap.generatedAt);
  book.created = at;
  book.modified = at;
  book.creator = 'apel';
  book.title = recapTitle(recap);
  const cell = (x: RecapCell) => (typeof x === 'string' ? safeCell(x) : x);
  const sheet = (name: string, lines: Iterable<RecapCell[]>) => {
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = RECAP_HEADERS.map((header, i) => ({ header, width: RECAP_WIDTHS[i] ?? 10 }));
    ws.getRow(1).font = { bold: true };
    for (const line of lines) ws.addRow(line.map(cell)).commit();
    ws.commit();
  };
  const taken = new Set<string>([SUMMARY_SHEET.toLocaleLowerCase('id')]);
  sheet(SUMMARY_SHEET, [
    ...recap.units.map((u) => [u.unit, '', TOTAL_OF_UNIT, ...countCells(u)]),
    ['', '', TOTAL_OF_ALL, ...countCells(recap.totals)],
  ]);
  const byUnit = new Map<string, Recap['rows']>();
  for (const r of recap.rows) {
    const rows = byUnit.get(r.unit);
    if (rows) rows.push(r);
    else byUnit.set(r.unit, [r]);
  }
  for (const u of recap.units) {
    const rows = byUnit.get(u.unit) ?? [];
    sheet(sheetName(u.unit, taken), [
      ...rows.map((r) => [r.unit, r.employeeId, r.name, ...countCells(r)]),
      [u.unit, '', TOTAL_OF_UNIT, ...countCells(u)],
    ]);
  }
  await book.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
