import { localTime } from './calendar';
import { CsvRejected } from './errors';
import type { Employee } from './model';
import type { Clock, RosterRepository, SettingsStore, SiteRepository } from './ports';
import { applyEmployeeChange, sameEmployee } from './roster';
import { parseRosterCsv } from './roster-csv';

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
export async function importRoster(deps: ImportDeps, csv: string): Promise<ImportResult> {
  const { rows, errors } = parseRosterCsv(csv);
  const [sites, settings] = await Promise.all([deps.sites.list(), deps.settings.getSettings()]);
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
    if (!siteIds) lineErrors.push('no ground: add a column "Lapangan" with ground ids');
    const unknown = (siteIds ?? []).filter((s) => !known.has(s));
    if (unknown.length > 0) lineErrors.push(`unknown ground(s): ${unknown.join(', ')}`);
    if (lineErrors.length > 0) {
      errors.push({ line: row.line, errors: lineErrors });
      continue;
    }
    const after = applyEmployeeChange(
      row.employeeId,
      before,
      { ...row, siteIds: siteIds ?? [] },
      now,
      settings,
    );
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
