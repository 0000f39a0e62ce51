import { type Access, mayOperateUnit } from './access';
import type { PublicationSummary } from './ports';
import type { Report } from './report';

/**
 * A report as an operator may see it: the people and the per-unit rows of their units only, and
 * totals that add up those rows. Every list of people in a report carries `unit`, so every such
 * list is narrowed, those added later (marks, …) included: no other unit's person can slip out
 * through a field this file was never told about.
 */

type Row = { readonly unit: string };
const isRow = (x: unknown): x is Row =>
  typeof x === 'object' && x !== null && typeof (x as { unit?: unknown }).unit === 'string';

/** Totals as the sum of the rows kept, field by field (whatever numeric fields totals have). */
function summed<T extends object>(template: T, rows: readonly object[]): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(template)) {
    if (typeof v !== 'number') {
      out[k] = v;
      continue;
    }
    out[k] = rows.reduce((n, r) => n + Number((r as Record<string, unknown>)[k] ?? 0), 0);
  }
  return out as T;
}

export function reportForUnits<R extends Report>(report: R, a: Access): R {
  if (a.admin) return report;
  const keep = (r: Row) => mayOperateUnit(a, r.unit);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(report)) {
    out[k] = Array.isArray(v) && v.some(isRow) ? v.filter((x) => isRow(x) && keep(x)) : v;
  }
  const units = out.units as Report['units'];
  out.totals = summed(report.totals, units);
  return out as R;
}

/** A listing's item for an operator: their units' rows, and totals of those. */
export function summaryForUnits(s: PublicationSummary, a: Access): PublicationSummary {
  if (a.admin) return s;
  const units = s.units.filter((u) => mayOperateUnit(a, u.unit));
  return { ...s, units, totals: summed(s.totals, units) };
}
