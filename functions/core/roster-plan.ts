import { localTime } from './calendar';
import { CsvRejected, ValidationFailed } from './errors';
import type { Employee } from './model';
import type { Clock, RosterRepository, SettingsStore, SiteRepository } from './ports';
import { applyEmployeeChange, sameEmployee } from './roster';
import { type LineError, parseRosterCsv, parseRosterTable } from './roster-csv';
import { decodeRosterFile } from './roster-file';
import { isZip, readRosterXlsx } from './roster-xlsx';

export interface ImportDeps {
  readonly roster: RosterRepository;
  readonly sites: SiteRepository;
  readonly settings: SettingsStore;
  readonly clock: Clock;
}

/** What one line of the file would do to the stored roster. */
export type ChangeKind = 'new' | 'changed' | 'deactivated';

export interface PlannedChange {
  readonly line: number;
  readonly kind: ChangeKind;
  readonly before: Employee | null;
  readonly after: Employee;
  /** The fields that differ (all of them for a new employee). */
  readonly fields: readonly (keyof Employee)[];
}

/** An import worked out but not written: what the preview shows and the apply writes. */
export interface ImportPlan {
  /** Lines of employees the file holds (bad lines not counted). */
  readonly total: number;
  readonly changes: readonly PlannedChange[];
  readonly unchanged: number;
  /** Every bad line, sorted by line; any one of them refuses the whole file. */
  readonly errors: readonly LineError[];
}

export type FileKind = 'csv' | 'xlsx';

/** A CSV unless it says it is a workbook or starts like one (a ZIP). */
export function kindOfFile(bytes: Uint8Array, contentType = ''): FileKind {
  return contentType.includes('spreadsheetml') || isZip(bytes) ? 'xlsx' : 'csv';
}

const FIELDS = ['name', 'unit', 'siteIds', 'active', 'since', 'until'] as const;

/**
 * Read a roster file (CSV text or bytes, or an .xlsx workbook) and work out what importing it
 * would change, writing nothing. A file that cannot be read at all (empty, not text, not a
 * workbook) throws as before; bad lines are returned in `errors`, every one of them.
 */
export async function planImport(
  deps: ImportDeps,
  file: string | Uint8Array,
  kind: FileKind = 'csv',
): Promise<ImportPlan> {
  const [sites, settings] = await Promise.all([deps.sites.list(), deps.settings.getSettings()]);
  const { rows, errors } = await readTable(file, kind, sites);
  const known = new Set(sites.map((s) => s.siteId));
  const existing = await deps.roster.getMany(rows.map((r) => r.employeeId));
  const now = localTime(deps.clock.now(), settings.timezone);
  const onlyGround = sites.length === 1 ? [sites[0]?.siteId as string] : null;

  const changes: PlannedChange[] = [];
  let total = 0;
  for (const row of rows) {
    const before = existing.get(row.employeeId) ?? null;
    const siteIds = row.siteIds ?? before?.siteIds ?? onlyGround;
    const lineErrors: string[] = [];
    if (!siteIds) lineErrors.push('no ground: add a column "Lapangan" with ground ids or names');
    const unknown = (siteIds ?? []).filter((s) => !known.has(s));
    if (unknown.length > 0) lineErrors.push(`unknown ground(s): ${unknown.join(', ')}`);
    if (lineErrors.length > 0) {
      errors.push({ line: row.line, errors: lineErrors });
      continue;
    }
    let after: Employee;
    try {
      after = applyEmployeeChange(
        row.employeeId,
        before,
        { ...row, siteIds: siteIds ?? [] },
        now,
        settings,
      );
    } catch (e) {
      if (!(e instanceof ValidationFailed)) throw e;
      errors.push({ line: row.line, errors: issuesOf(e) });
      continue;
    }
    total++;
    if (before && sameEmployee(before, after)) continue;
    const kindOfChange: ChangeKind = !before
      ? 'new'
      : before.active && !after.active
        ? 'deactivated'
        : 'changed';
    const fields = before
      ? FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
      : FIELDS.filter((f) => after[f] !== undefined);
    changes.push({ line: row.line, kind: kindOfChange, before, after, fields });
  }
  errors.sort((a, b) => a.line - b.line);
  return { total, changes, unchanged: total - changes.length, errors };
}

async function readTable(
  file: string | Uint8Array,
  kind: FileKind,
  sites: Parameters<typeof parseRosterCsv>[1],
) {
  if (typeof file === 'string') return parseRosterCsv(decoded(file), sites);
  if (kind === 'xlsx') {
    const sheet = await readRosterXlsx(file);
    if (!sheet.ok) throw new CsvRejected([{ line: 1, errors: [sheet.message] }]);
    return parseRosterTable(sheet.table, sites);
  }
  const d = decodeRosterFile(file);
  if (!d.ok) throw new CsvRejected([{ line: d.line, errors: [d.message] }]);
  return parseRosterCsv(decoded(d.text), sites);
}

function decoded(text: string): string {
  if (text.trim().length === 0) {
    throw new ValidationFailed('the body must be a CSV file', [
      { path: '', message: 'empty body' },
    ]);
  }
  return text;
}

function issuesOf(e: ValidationFailed): string[] {
  const issues = (e.details.issues ?? []) as { path: string; message: string }[];
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
}
