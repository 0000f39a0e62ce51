import { CsvRejected } from './errors';
import { type FileKind, type ImportDeps, type PlannedChange, planImport } from './roster-plan';

export type { ImportDeps } from './roster-plan';

export interface ImportResult {
  readonly total: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * Import a roster file (CSV, or the first sheet of an .xlsx workbook): all or nothing. Lines
 * with errors, unknown grounds and new employees without a ground are reported with their line
 * numbers and nothing is written; otherwise only employees that differ are written, so
 * importing the same file again changes nothing. Employees missing from the file are left as
 * they are. `planImport` is the same work without the write: the preview.
 */
export async function importRoster(
  deps: ImportDeps,
  file: string | Uint8Array,
  kind: FileKind = 'csv',
): Promise<ImportResult> {
  return (await applyImport(deps, file, kind)).result;
}

/** importRoster, and the changes it wrote (for the audit log: one entry each). */
export async function applyImport(
  deps: ImportDeps,
  file: string | Uint8Array,
  kind: FileKind = 'csv',
): Promise<{ result: ImportResult; changes: readonly PlannedChange[] }> {
  const plan = await planImport(deps, file, kind);
  if (plan.errors.length > 0) throw new CsvRejected(plan.errors);
  await deps.roster.putMany(plan.changes.map((c) => c.after));
  const created = plan.changes.filter((c) => c.kind === 'new').length;
  return {
    result: {
      total: plan.total,
      created,
      updated: plan.changes.length - created,
      unchanged: plan.unchanged,
    },
    changes: plan.changes,
  };
}
