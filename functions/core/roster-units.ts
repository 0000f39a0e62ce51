import type { Employee } from './model';
import { unitKey } from './rollcall-schedule';

/** A unit (OPD) of the roster with how many employees it has, all and active. */
export interface UnitCount {
  /** The spelling most of its employees carry (units match without regard to case). */
  readonly unit: string;
  readonly employees: number;
  readonly active: number;
}

/**
 * The roster's units, counted: one entry per unit without regard to case (as the roster's unit
 * listing and the roll calls' `units` match them), sorted by name.
 */
export function countUnits(employees: Iterable<Employee>): UnitCount[] {
  const byKey = new Map<string, { spellings: Map<string, number>; all: number; active: number }>();
  for (const e of employees) {
    const key = unitKey(e.unit);
    let u = byKey.get(key);
    if (!u) {
      u = { spellings: new Map(), all: 0, active: 0 };
      byKey.set(key, u);
    }
    u.spellings.set(e.unit, (u.spellings.get(e.unit) ?? 0) + 1);
    u.all += 1;
    if (e.active) u.active += 1;
  }
  return [...byKey.values()]
    .map((u) => ({ unit: commonest(u.spellings), employees: u.all, active: u.active }))
    .sort((a, b) => a.unit.localeCompare(b.unit, 'id'));
}

/** The most used spelling; of equals, the first in order. */
function commonest(spellings: Map<string, number>): string {
  let best = '';
  let most = 0;
  for (const [s, n] of [...spellings].sort(([a], [b]) => a.localeCompare(b, 'id'))) {
    if (n > most) {
      best = s;
      most = n;
    }
  }
  return best;
}
