import Papa from 'papaparse';
import * as v from 'valibot';
import { EmployeeId } from './fields';
import { EmployeeRecord } from './records';
import {
  activeOf,
  dateOf,
  groundsOf,
  isExcelRounded,
  type KnownGround,
  separatorOf,
} from './roster-cells';

/** One CSV line, read and checked; `siteIds` is undefined when the file has no sites column. */
export interface CsvEmployee {
  readonly line: number;
  readonly employeeId: string;
  readonly name: string;
  readonly unit: string;
  readonly siteIds: string[] | undefined;
  readonly active: boolean;
  readonly since?: string;
  readonly until?: string;
}

export interface LineError {
  readonly line: number;
  readonly errors: string[];
}

/** Header names accepted for each column, Indonesian and English, compared loosely. */
const COLUMNS = {
  employeeId: ['employeeid', 'id', 'nip', 'nomorindukpegawai', 'idpegawai'],
  name: ['name', 'nama', 'namalengkap', 'namapegawai'],
  unit: ['unit', 'opd', 'unitkerja', 'satuankerja', 'satker'],
  siteIds: ['siteids', 'sites', 'site', 'lapangan', 'lapanganapel'],
  active: ['active', 'aktif', 'status'],
  since: ['since', 'mulai', 'tmt'],
  until: ['until', 'sampai', 'berhenti'],
} as const;

type Column = keyof typeof COLUMNS;
const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Read a roster CSV as Excel writes it: ";" (Indonesian Excel), "," or tab separated, an optional
 * "sep=;" first line, headers in Indonesian or English. Each line becomes an employee record and
 * is checked with the record's own schema (core/records.ts), the one PUT uses; errors name the
 * column as the file's header does ("Mulai", not "since"). `grounds` resolves the sites column's
 * ids and names. Every bad line is reported with its line number (the header is line 1, or 2
 * after a "sep=" line); a file with any error is refused whole by the caller.
 */
export function parseRosterCsv(
  text: string,
  grounds: readonly KnownGround[] = [],
): { rows: CsvEmployee[]; errors: LineError[] } {
  let body = text.replace(/^\uFEFF/, '');
  let offset = 1;
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    body = body.slice(sep[0].length);
    offset = 2;
  }
  const firstLine = body.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const parsed = Papa.parse<string[]>(body, {
    delimiter: sep?.[1] ?? separatorOf(firstLine),
    skipEmptyLines: 'greedy',
  });
  return parseRosterTable(
    parsed.data.map((cells, i) => ({ line: i + offset, cells })),
    grounds,
    offset,
  );
}

/** One line of a roster table: its number in the file (1-based) and its cells as text. */
export interface TableLine {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * The rows of a roster table, the header first, each with its line number in the file: what a
 * CSV's lines and an Excel sheet's rows both become, so both are read by the same rules.
 * `emptyLine` is the line reported when there is no header at all.
 */
export function parseRosterTable(
  table: readonly TableLine[],
  grounds: readonly KnownGround[] = [],
  emptyLine = 1,
): { rows: CsvEmployee[]; errors: LineError[] } {
  const [first, ...lines] = table;
  if (!first) return { rows: [], errors: [{ line: emptyLine, errors: ['the file is empty'] }] };
  const header = first.cells;
  const offset = first.line;

  const index: Partial<Record<Column, number>> = {};
  header.forEach((h, i) => {
    for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (names.includes(norm(h)) && index[col] === undefined) index[col] = i;
    }
  });
  const missing = (['employeeId', 'name', 'unit'] as const).filter((c) => index[c] === undefined);
  if (missing.length > 0) {
    return {
      rows: [],
      errors: [
        {
          line: offset,
          errors: [
            `missing column(s): ${missing.join(', ')} — expected a header such as "NIP;Nama;Unit kerja;Lapangan;Aktif"`,
          ],
        },
      ],
    };
  }
  /** The column as the file calls it. */
  const label = (c: Column) => {
    const i = index[c];
    return i === undefined ? c : (header[i] ?? c).trim() || c;
  };

  const rows: CsvEmployee[] = [];
  const errors: LineError[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of lines) {
    const cell = (c: Column) => (index[c] === undefined ? '' : (cells[index[c]] ?? '').trim());
    const problems: string[] = [];
    const say = (c: Column, message: string) => problems.push(`${label(c)}: ${message}`);

    const employeeId = cell('employeeId');
    if (isExcelRounded(employeeId)) {
      say('employeeId', `"${employeeId}" was rounded by Excel; format the column as Text`);
    } else if (!v.is(EmployeeId, employeeId)) {
      say('employeeId', v.safeParse(EmployeeId, employeeId).issues?.[0]?.message ?? 'not an id');
    } else if (seen.has(employeeId)) {
      say('employeeId', `${employeeId} repeats line ${seen.get(employeeId)}`);
    }
    for (const c of Object.keys(index) as Column[]) {
      if (cell(c).includes('\uFFFD')) {
        say(c, 'holds "\uFFFD", a character lost when the file was converted; fix the text');
      }
    }

    const active = activeOf(cell('active'));
    if (active === null) {
      say('active', `must be ya/tidak, aktif/tidak aktif (yes/no), not "${cell('active')}"`);
    }
    let siteIds: string[] | undefined;
    if (index.siteIds !== undefined) {
      const g = groundsOf(cell('siteIds'), grounds);
      siteIds = g.siteIds;
      if (g.unknown.length > 0) say('siteIds', `unknown ground(s): ${g.unknown.join(', ')}`);
    }
    const dates: Partial<Record<'since' | 'until', string>> = {};
    for (const c of ['since', 'until'] as const) {
      const d = dateOf(cell(c));
      if (d === null) say(c, `expected a date YYYY-MM-DD or DD/MM/YYYY, not "${cell(c)}"`);
      else if (d !== undefined) dates[c] = d;
    }

    // The record itself, checked as PUT checks it.
    const record = {
      name: cell('name'),
      unit: cell('unit'),
      siteIds: siteIds ?? [],
      active: active === true,
      ...dates,
    };
    const checked = v.safeParse(EmployeeRecord, record);
    if (!checked.success) {
      for (const issue of checked.issues) {
        const key = String(issue.path?.[0]?.key ?? '');
        const col = (key in COLUMNS ? key : 'employeeId') as Column;
        // A date the cell parser already refused is not reported twice.
        if ((col === 'since' || col === 'until') && dates[col] === undefined) continue;
        say(col, issue.message);
      }
    }

    if (problems.length > 0) {
      errors.push({ line, errors: problems });
      continue;
    }
    seen.set(employeeId, line);
    const out = checked.output as v.InferOutput<typeof EmployeeRecord>;
    rows.push({
      line,
      employeeId,
      name: out.name,
      unit: out.unit,
      siteIds,
      active: out.active,
      ...(out.since ? { since: out.since } : {}),
      ...(out.until ? { until: out.until } : {}),
    });
  }
  return { rows, errors };
}
