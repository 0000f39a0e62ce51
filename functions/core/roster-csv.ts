import Papa from 'papaparse';
import { isIsoDate } from './calendar';

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
const ID_RE = /^[A-Za-z0-9._@-]{1,128}$/;
const SITE_RE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const YES = new Set(['', 'ya', 'y', 'yes', 'true', '1', 'aktif', 'active']);
const NO = new Set(['tidak', 't', 'no', 'n', 'false', '0', 'nonaktif', 'inactive']);

/**
 * Read a roster CSV as Excel writes it: UTF-8 with or without a BOM, ";" or "," (or tab)
 * separated, headers in Indonesian or English. Every bad line is reported with its line number
 * (the header is line 1); a file with any error is refused whole by the caller.
 */
export function parseRosterCsv(text: string): { rows: CsvEmployee[]; errors: LineError[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: 'greedy',
  });
  const [header, ...lines] = parsed.data;
  if (!header) return { rows: [], errors: [{ line: 1, errors: ['the file is empty'] }] };

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
          line: 1,
          errors: [
            `missing column(s): ${missing.join(', ')} — expected a header such as "NIP;Nama;Unit kerja;Lapangan;Aktif"`,
          ],
        },
      ],
    };
  }

  const rows: CsvEmployee[] = [];
  const errors: LineError[] = [];
  const seen = new Map<string, number>();
  lines.forEach((cells, i) => {
    const line = i + 2;
    const cell = (c: Column) => (index[c] === undefined ? '' : (cells[index[c]] ?? '').trim());
    const problems: string[] = [];
    const employeeId = cell('employeeId');
    if (/^\d(\.\d+)?E\+\d+$/i.test(employeeId)) {
      problems.push(`id "${employeeId}" was rounded by Excel; format the column as Text`);
    } else if (!ID_RE.test(employeeId)) {
      problems.push('id must be 1–128 letters, digits or . _ @ -');
    } else if (seen.has(employeeId)) {
      problems.push(`id ${employeeId} repeats line ${seen.get(employeeId)}`);
    }
    const name = cell('name');
    if (name.length === 0 || name.length > 200) problems.push('name must be 1–200 characters');
    const unit = cell('unit');
    if (unit.length === 0 || unit.length > 200) problems.push('unit must be 1–200 characters');
    let siteIds: string[] | undefined;
    if (index.siteIds !== undefined) {
      siteIds = cell('siteIds')
        .split(/[|,\s]+/)
        .filter(Boolean);
      const bad = siteIds.filter((s) => !SITE_RE.test(s));
      if (bad.length > 0) problems.push(`not a ground id: ${bad.join(', ')}`);
    }
    const activeText = cell('active').toLowerCase();
    const active = YES.has(activeText) ? true : NO.has(activeText) ? false : null;
    if (active === null) problems.push(`active must be ya/tidak (yes/no), not "${activeText}"`);
    const since = cell('since');
    const until = cell('until');
    if (since && !isIsoDate(since)) problems.push('since must be a date YYYY-MM-DD');
    if (until && !isIsoDate(until)) problems.push('until must be a date YYYY-MM-DD');

    if (problems.length > 0) {
      errors.push({ line, errors: problems });
      return;
    }
    seen.set(employeeId, line);
    rows.push({
      line,
      employeeId,
      name,
      unit,
      siteIds,
      active: active === true,
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
    });
  });
  return { rows, errors };
}
