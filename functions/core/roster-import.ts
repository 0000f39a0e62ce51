import { localTime } from './calendar';
import { CsvRejected, ValidationFailed } from './errors';
import type { Employee } from './model';
import type { Clock, RosterRepository, SettingsStore, SiteRepository } from './ports';
import { applyEmployeeChange, sameEmployee } from './roster';
import { parseRosterCsv } from './roster-csv';
import { decodeRosterFile } from './roster-file';

export interface ImportDeps {
  readonly roster: RosterRepository;
  readonly sites: SiteRepository;
  readonly settings: SettingsStore;
  readonly clock: Clock;
}

export interface ImportResult {
  readonly total: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * Import a roster CSV: all or nothing. Lines with errors, unknown grounds and new employees
 * without a ground are reported with their line numbers and nothing is written; otherwise only
 * employees that differ are written, so importing the same file again changes nothing.
 * Employees missing from the file are left as they are.
 */
export async function importRoster(
  deps: ImportDeps,
  file: string | Uint8Array,
): Promise<ImportResult> {
  const csv = typeof file === 'string' ? decoded(file) : decodeFile(file);
  const [sites, settings] = await Promise.all([deps.sites.list(), deps.settings.getSettings()]);
  const { rows, errors } = parseRosterCsv(csv, sites);
  const known = new Set(sites.map((s) => s.siteId));
  const existing = await deps.roster.getMany(rows.map((r) => r.employeeId));
  const now = localTime(deps.clock.now(), settings.timezone);
  const onlyGround = sites.length === 1 ? [sites[0]?.siteId as string] : null;

  const changes: Employee[] = [];
  let created = 0;
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
    if (before && sameEmployee(before, after)) continue;
    if (!before) created++;
    changes.push(after);
  }
  if (errors.length > 0) throw new CsvRejected(errors.sort((a, b) => a.line - b.line));
  await deps.roster.putMany(changes);
  return {
    total: rows.length,
    created,
    updated: changes.length - created,
    unchanged: rows.length - changes.length,
  };
}

function decoded(text: string): string {
  if (text.trim().length === 0) throw emptyFile();
  return text;
}

/** The file's bytes as text (UTF-8, UTF-16 or Windows-1252); refused when it is none of them. */
function decodeFile(bytes: Uint8Array): string {
  const d = decodeRosterFile(bytes);
  if (!d.ok) throw new CsvRejected([{ line: d.line, errors: [d.message] }]);
  return decoded(d.text);
}

function emptyFile(): ValidationFailed {
  return new ValidationFailed('the body must be a CSV file', [{ path: '', message: 'empty body' }]);
}

function issuesOf(e: ValidationFailed): string[] {
  const issues = (e.details.issues ?? []) as { path: string; message: string }[];
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
}
